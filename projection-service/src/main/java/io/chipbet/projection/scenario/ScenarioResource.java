package io.chipbet.projection.scenario;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import io.chipbet.platform.security.Roles;
import io.chipbet.projection.score.Feasibility;
import io.chipbet.projection.score.RecordEvaluated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Scenarios over HTTP: the mapping only; {@link ScenarioService} owns the rules and transactions. */
@Path("/api/v1/scenarios")
@Tag(name = "Scenarios", description = "What-if on the live record: assumptions set differently, hypothetical changes, goal seeking")
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioResource {

    private static final String UNREADABLE = "unreadable-scenario: stored, but not evaluated by this replica (a newer version wrote its "
            + "spec, or its overrides no longer fit the configuration); the detail says which";

    private final ScenarioService service;
    private final ScenarioEvaluations evaluations;

    public ScenarioResource(ScenarioService service, ScenarioEvaluations evaluations) {
        this.service = service;
        this.evaluations = evaluations;
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create a scenario", description = "201 with its location; its answer follows on /{id}/feasibility and /{id}/stream. "
            + "An Idempotency-Key makes a retry safe.")
    @APIResponseSchema(value = ScenarioView.class, responseCode = "201", responseDescription = "Created; the ETag is its revision")
    @APIResponse(responseCode = "422", description = "The spec names a fact that is not on record, or breaks a rule")
    public Uni<RestResponse<ScenarioView>> create(@BeanParam WriteRequest write, @Valid @NotNull ScenarioSpec spec) {
        return service.create(write, spec).map(Written::response);
    }

    @GET
    @PermitAll
    @Operation(summary = "List scenarios", description = "Oldest first, paged")
    public Uni<Page<ScenarioView>> list(@Valid @BeanParam PageRequest paging) {
        return service.list(paging);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One scenario", description = "Its spec, with its revision as the ETag")
    @APIResponse(responseCode = "200", description = "The scenario; the ETag is its revision")
    public Uni<RestResponse<ScenarioView>> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Revise a scenario", description = "A new revision; send its current ETag in If-Match (428 without, 412 if stale)")
    @APIResponse(responseCode = "200", description = "Revised; the ETag is its new revision")
    @APIResponse(responseCode = "409", description = "The scenario is managed elsewhere (a Kubernetes resource) and read-only here")
    @APIResponse(responseCode = "422", description = "The spec names a fact that is not on record, or breaks a rule")
    public Uni<RestResponse<ScenarioView>> revise(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull ScenarioSpec spec) {
        return service.revise(id, ifMatch, spec);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete a scenario", description = "204; its topic gets a last ScenarioDeleted event")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The scenario is managed elsewhere (a Kubernetes resource) and read-only here")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return service.delete(id).map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/feasibility")
    @PermitAll
    @Operation(summary = "The scenario's answer", description = "The same shape as GET /api/v1/feasibility, and its difference from the "
            + "baseline for every headline figure")
    @APIResponse(responseCode = "200", description = "The scenario's answer, beside the baseline's")
    @APIResponse(responseCode = "409", description = UNREADABLE)
    public Uni<ScenarioAnswer> feasibility(@PathParam("id") UUID id) {
        return Uni.createFrom().item(() -> service.answer(id)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @GET
    @Path("/{id}/stream")
    @PermitAll
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The scenario's answer as Server-Sent Events", description = "The current answer at once, then every change")
    @APIResponse(responseCode = "200", description = "The answer now, then every change")
    @APIResponse(responseCode = "409", description = UNREADABLE)
    @Blocking // the first answer is found before the stream opens: once it is open, a 404 or 409 can no longer be sent
    public Multi<ScenarioAnswer> stream(@PathParam("id") UUID id) {
        ScenarioAnswer now = service.answer(id);
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(now), evaluations.stream(id));
    }

    @GET
    @Path("/compare")
    @PermitAll
    @Operation(summary = "Headline figures side by side", description = "The baseline first, then each scenario named in ids (comma-separated)")
    @APIResponse(responseCode = "200", description = "The baseline's headline figures, then each scenario's")
    @APIResponse(responseCode = "409", description = UNREADABLE)
    public Uni<List<Comparison>> compare(@QueryParam("ids") String ids) {
        if (ids == null || ids.isBlank()) {
            throw new ProblemException(400, "missing-ids", "Missing ids", "Name the scenarios to compare: ?ids=a,b,c",
                    List.of(new Problem.Violation("ids", "must list scenario ids, comma-separated")));
        }
        List<UUID> wanted = new ArrayList<>();
        for (String id : ids.split(",")) {
            try {
                wanted.add(UUID.fromString(id.trim()));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(400, "malformed-id", "Malformed id", "Not a scenario id: " + id.trim(),
                        List.of(new Problem.Violation("ids", "'" + id.trim() + "' is not a UUID")));
            }
        }
        return Uni.createFrom().item(() -> {
            RecordEvaluated record = evaluations.latestRecord();
            List<Comparison> rows = new ArrayList<>();
            rows.add(Comparison.of(null, "baseline", record.baseline(), null));
            for (UUID id : wanted) {
                ScenarioAnswer answer = service.answer(id);
                rows.add(Comparison.of(id, answer.name(), answer.feasibility(), answer.difference()));
            }
            return rows;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @GET
    @Path("/{id}/requirements")
    @PermitAll
    @Operation(summary = "What it would take", description = "The smallest change along each single lever, the rest of the scenario as it is, "
            + "that brings the probability of the plan to the target (default 0.5); each found by a bounded search on the model")
    @APIResponse(responseCode = "200", description = "What each lever would have to become")
    @APIResponse(responseCode = "409", description = UNREADABLE)
    public Uni<List<Requirements.Requirement>> requirements(@PathParam("id") UUID id,
                                                            @QueryParam("probability") @DefaultValue("0.5") @DecimalMin("0.01") @DecimalMax("0.99") double target) {
        return Uni.createFrom().item(() -> {
            ScenarioEvaluations.Entry entry = service.entry(id);
            return Requirements.of(entry, evaluations.latestRecord(), target);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** One row of a comparison: headline figures, and their difference from the baseline. */
    public record Comparison(@Schema(description = "Null for the baseline, the live record", nullable = true) UUID id, String name,
                             @Schema(nullable = true) Double probability, @Schema(nullable = true) Double deliverableFabsWorthP10,
                             @Schema(nullable = true) Double deliverableFabsWorthP50, @Schema(nullable = true) Double deliverableFabsWorthP90,
                             @Schema(nullable = true) String binding, @Schema(nullable = true) Double bindingFrequency, String headline,
                             @Schema(description = "Null for the baseline", nullable = true) ScenarioAnswer.Difference difference) {
        static Comparison of(UUID id, String name, Feasibility answer, ScenarioAnswer.Difference difference) {
            return new Comparison(id, name, answer.probability(),
                    answer.deliverable() == null ? null : answer.deliverable().fabsWorth().p10(),
                    answer.deliverable() == null ? null : answer.deliverable().fabsWorth().p50(),
                    answer.deliverable() == null ? null : answer.deliverable().fabsWorth().p90(),
                    answer.binding() == null ? null : answer.binding().constraint(),
                    answer.binding() == null ? null : answer.binding().frequency(), answer.headline(), difference);
        }
    }
}
