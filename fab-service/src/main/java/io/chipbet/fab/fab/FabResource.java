package io.chipbet.fab.fab;

import io.chipbet.platform.api.ETags;
import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.QueryEnums;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.fab.NodeClass;
import io.chipbet.platform.idempotency.Idempotency;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/fabs")
@Tag(name = "Fabs", description = "Fab projects: what they will make, how much, and when")
public class FabResource {

    private final FabService service;
    private final Idempotency idempotency;
    private final SecurityIdentity identity;

    public FabResource(FabService service, Idempotency idempotency, SecurityIdentity identity) {
        this.service = service;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Announce a fab", description = "Starts as ANNOUNCED. Publishes FabAnnounced. Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Announced; the ETag is its version",
            content = @Content(schema = @Schema(implementation = FabState.class)))
    @APIResponse(responseCode = "422", description = "Dates out of order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> announce(@Parameter(description = Idempotency.KEY_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                  @Valid @NotNull NewFab request) {
        return idempotency.create("fabs", idempotencyKey, request, () -> service.announce(request, actor())
                .map(fab -> new Idempotency.Created(location(fab), fab.toState(), fab.version)));
    }

    @GET
    @PermitAll
    @WithSession
    @Operation(summary = "List fabs", description = "Newest announcement first, then by id: the order is stable across pages.")
    public Uni<Page<FabState>> list(
            @QueryParam("operator") String operator,
            @Parameter(description = "ISO 3166-1 alpha-2") @QueryParam("country") String country,
            @QueryParam("region") String region,
            @Parameter(description = "A FabStatus") @QueryParam("status") String status,
            @Parameter(description = "A NodeClass") @QueryParam("nodeClass") String nodeClass,
            @Parameter(description = "Zero-based") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        FabRepository.Filter filter = new FabRepository.Filter(operator, country, region,
                QueryEnums.parse(FabStatus.class, "status", status), QueryEnums.parse(NodeClass.class, "nodeClass", nodeClass));
        return service.search(filter, page, size).map(found -> found.map(Fab::toState));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @WithSession
    @Operation(summary = "Get a fab", description = "The ETag is its version: send it in If-Match to change it.")
    @APIResponse(responseCode = "404", description = "No such fab",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.get(id).map(fab -> ETags.ok(fab.toState(), fab.version));
    }

    @POST
    @Path("/{id}/milestones")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Reach a milestone on a date",
            description = "ANNOUNCED → PERMITTING → UNDER_CONSTRUCTION → TOOL_INSTALL → RISK_PRODUCTION → VOLUME_PRODUCTION, "
                    + "forward only. PAUSED and back to the paused stage or later; CANCELLED is final. "
                    + "Publishes FabMilestoneReached, FabPaused or FabCancelled.")
    @APIResponse(responseCode = "409", description = "Illegal transition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> reachMilestone(@PathParam("id") UUID id,
                                        @Parameter(description = "The fab's current ETag", required = true)
                                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                        @Parameter(description = Idempotency.KEY_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                        @Valid @NotNull MilestoneReached request) {
        return idempotency.update("fabs/" + id + "/milestones", idempotencyKey, ifMatch, request,
                expected -> service.reachMilestone(id, expected, request, actor()).map(FabResource::updated));
    }

    @POST
    @Path("/{id}/delays")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delay a fab", description = "Moves the planned production date later. The slip is derived. Publishes FabDelayed.")
    public Uni<Response> delay(@PathParam("id") UUID id,
                               @Parameter(description = "The fab's current ETag", required = true)
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Parameter(description = Idempotency.KEY_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                               @Valid @NotNull Delay request) {
        return idempotency.update("fabs/" + id + "/delays", idempotencyKey, ifMatch, request,
                expected -> service.delay(id, expected, request, actor()).map(FabResource::updated));
    }

    @POST
    @Path("/{id}/revisions")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Revise capacity, capex or headcounts", description = "Publishes FabRevised.")
    public Uni<Response> revise(@PathParam("id") UUID id,
                                @Parameter(description = "The fab's current ETag", required = true)
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Parameter(description = Idempotency.KEY_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull FabRevision request) {
        return idempotency.update("fabs/" + id + "/revisions", idempotencyKey, ifMatch, request,
                expected -> service.revise(id, expected, request, actor()).map(FabResource::updated));
    }

    @GET
    @Path("/{id}/timeline")
    @PermitAll
    @WithSession
    @Operation(summary = "A fab's full history", description = "Every change, oldest first, with its effective date, who and its source.")
    public Uni<List<TimelineEntry>> timeline(@PathParam("id") UUID id) {
        return service.timeline(id).map(entries -> entries.stream().map(TimelineEntry::of).toList());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static URI location(Fab fab) {
        return URI.create("/api/v1/fabs/" + fab.id);
    }

    private static Idempotency.Updated updated(Fab fab) {
        return new Idempotency.Updated(location(fab), fab.toState(), fab.version);
    }
}
