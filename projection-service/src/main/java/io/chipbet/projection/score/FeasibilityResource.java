package io.chipbet.projection.score;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.api.QueryEnums;
import io.chipbet.projection.model.Assumption;
import io.chipbet.projection.model.Explanation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1")
@Tag(name = "Feasibility", description = "The live feasibility score and what drives it")
@PermitAll
public class FeasibilityResource {

    /** Buckets for downsampling the history: the last point of each bucket stands for it. */
    public enum Resolution { RAW, MINUTE, HOUR, DAY }

    private final ScoreBoard board;

    private final NewsTime newsTime;

    public FeasibilityResource(ScoreBoard board, NewsTime newsTime) {
        this.board = board;
        this.newsTime = newsTime;
    }

    @GET
    @Path("/feasibility")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The answer now", description = "Probability of the plan by the horizon, deliverable capacity with its band, each supply in wafers a month, binding constraint, compute, sensitivity and assumptions. "
            + "Served from memory, written to JSON once per change; send the ETag back in If-None-Match to get 304 while it holds.")
    @APIResponse(responseCode = "200", description = "The score",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Feasibility.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent")
    @APIResponse(responseCode = "400", description = "asOf is not an ISO date")
    public Uni<Response> feasibility(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                     @Parameter(description = "A news date (ISO, e.g. 2024-06-30): the answer on the facts known by then, "
                                             + "evaluated as of that day") @QueryParam("asOf") String asOf) {
        if (asOf == null) {
            return Uni.createFrom().item(board.currentJson().response(ifNoneMatch));
        }
        return newsTime.asOf(date("asOf", asOf)).map(answer -> Response.ok(answer).build());
    }

    @GET
    @Path("/feasibility/history/news")
    @Operation(summary = "The answer over news time", description = "One point per news date (when facts became known, from their sources), "
            + "from the first on record: the probability, the deliverable capacity's band and the binding supply as the record stood that day, "
            + "and that day's news. A fact loaded late lands at its news date, and the points after it are recomputed.")
    @APIResponse(responseCode = "200", description = "The points, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = NewsTime.NewsPoint.class)))
    @APIResponse(responseCode = "400", description = "from or to is not an ISO date")
    public Uni<List<NewsTime.NewsPoint>> newsHistory(@Parameter(description = "ISO date; default: the first news date") @QueryParam("from") String from,
                                                     @Parameter(description = "ISO date; default: today") @QueryParam("to") String to) {
        return newsTime.history(from == null ? java.time.LocalDate.MIN : date("from", from), to == null ? java.time.LocalDate.MAX : date("to", to));
    }

    private static Instant instant(String name, String value) {
        return parsed(name, value, Instant::parse, "an ISO instant, e.g. 2026-11-01T00:00:00Z");
    }

    private static java.time.LocalDate date(String name, String value) {
        return parsed(name, value, java.time.LocalDate::parse, "an ISO date, e.g. 2024-06-30");
    }

    private static <T> T parsed(String name, String value, java.util.function.Function<String, T> parser, String expected) {
        try {
            return parser.apply(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new io.chipbet.platform.problem.ProblemException(400, "validation", "Invalid request", name + " must be " + expected,
                    List.of(new io.chipbet.platform.problem.Problem.Violation(name, "must be " + expected)));
        }
    }

    @GET
    @Path("/assumptions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The model's assumptions", description = "Every number the score uses, with its unit and source. "
            + "Fixed while the service runs.")
    @APIResponse(responseCode = "200", description = "The assumptions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = Assumption.class)))
    public Response assumptions(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return board.assumptionsJson().response(ifNoneMatch);
    }

    @GET
    @Path("/inputs")
    @Operation(summary = "The median-input path, input by input",
            description = "Each fab with its expected start and its capacity at the horizon, each commitment with how it counts, "
                    + "each region's workers and the new-fab build: enough to recompute the median-input path by hand (docs/model.md).")
    public Explanation inputs() {
        return board.currentInputs();
    }

    @GET
    @Path("/feasibility/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The score as Server-Sent Events", description = "The current score at once, then every change.")
    public Multi<Feasibility> stream() {
        return board.stream();
    }

    @GET
    @Path("/feasibility/history")
    @WithSession
    @Operation(summary = "The score over time", description = "Points between from and to (ISO instants; default: the last 30 days), "
            + "newest first, a page at a time (totalItems says how many there are), downsampled to the last point per minute, "
            + "hour or day (UTC) on request.")
    public Uni<Page<ScorePointView>> history(@Parameter(description = "ISO instant, e.g. 2026-11-01T00:00:00Z") @QueryParam("from") String from,
                                             @Parameter(description = "ISO instant") @QueryParam("to") String to,
                                             @Parameter(schema = @Schema(implementation = Resolution.class)) @QueryParam("resolution") String resolution,
                                             @Parameter(description = "Zero-based; page 0 holds the newest points") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                             @QueryParam("size") @DefaultValue("1000") @Min(1) @Max(10000) int size) {
        // Parsed here, not by JAX-RS: a bad instant is a 400 that names the parameter, not a 404.
        Instant end = to == null ? Instant.now() : instant("to", to);
        Instant start = from == null ? end.minus(30, ChronoUnit.DAYS) : instant("from", from);
        Resolution bucket = QueryEnums.parse(Resolution.class, "resolution", resolution);
        ScorePoints.Bucket buckets = bucket == null || bucket == Resolution.RAW ? null : ScorePoints.Bucket.valueOf(bucket.name());
        return ScorePoints.history(start, end, buckets, page, size).map(found -> found.map(ScorePointView::of));
    }

    @GET
    @Path("/feasibility/changes")
    @WithSession
    @Operation(summary = "What moved the score", description = "A paged feed of score changes, newest or largest first.")
    public Uni<Page<ScorePointView>> changes(
            @Parameter(schema = @Schema(implementation = Order.class)) @QueryParam("order") @DefaultValue("NEWEST") String order,
            @Valid @BeanParam PageRequest paging) {
        boolean largest = QueryEnums.parse(Order.class, "order", order) == Order.LARGEST;
        return ScorePoints.page(largest, paging.page(), paging.size()).map(found -> found.map(ScorePointView::of));
    }

    public enum Order { NEWEST, LARGEST }
}
