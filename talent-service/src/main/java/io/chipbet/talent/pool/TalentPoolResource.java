package io.chipbet.talent.pool;

import io.chipbet.platform.api.ETags;
import io.chipbet.platform.api.QueryEnums;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.platform.idempotency.Idempotency;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

@Path("/api/v1/talent-pools")
@Tag(name = "Talent pools", description = "The workforce by region and role")
public class TalentPoolResource {

    private final TalentPoolService service;
    private final Idempotency idempotency;
    private final SecurityIdentity identity;

    public TalentPoolResource(TalentPoolService service, Idempotency idempotency, SecurityIdentity identity) {
        this.service = service;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Record a talent pool", description = "One per region and role. Publishes TalentPoolRecorded.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = TalentPoolState.class)))
    @APIResponse(responseCode = "409", description = "A pool for that region and role exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> record(@Parameter(description = Idempotency.KEY_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull NewTalentPool request) {
        return idempotency.create("talent-pools", idempotencyKey, request, () -> service.record(request, identity.getPrincipal().getName())
                .map(pool -> new Idempotency.Created(location(pool), pool.toState(), pool.version)));
    }

    @GET
    @PermitAll
    @WithSession
    @Operation(summary = "List talent pools", description = "Sorted by region, then role.")
    public Uni<List<TalentPoolState>> list(@QueryParam("region") String region,
                                           @Parameter(description = "A TalentRole") @QueryParam("role") String role) {
        return service.search(region, QueryEnums.parse(TalentRole.class, "role", role))
                .map(pools -> pools.stream().map(TalentPool::toState).toList());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @WithSession
    @Operation(summary = "Get a talent pool", description = "The ETag is its version.")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.get(id).map(pool -> ETags.ok(pool.toState(), pool.version));
    }

    @POST
    @Path("/{id}/updates")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Update a pool's figures", description = "If-Match required. Publishes TalentPoolUpdated.")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("id") UUID id,
                                @Parameter(description = "The pool's current ETag", required = true)
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Parameter(description = Idempotency.KEY_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull PoolUpdate request) {
        return idempotency.update("talent-pools/" + id + "/updates", idempotencyKey, ifMatch, request,
                expected -> service.update(id, expected, request, identity.getPrincipal().getName())
                        .map(pool -> new Idempotency.Updated(location(pool), pool.toState(), pool.version)));
    }

    @GET
    @Path("/{id}/history")
    @PermitAll
    @WithSession
    @Operation(summary = "A pool's history", description = "Every change, oldest first.")
    public Uni<List<PoolHistoryEntry>> history(@PathParam("id") UUID id) {
        return service.history(id).map(entries -> entries.stream().map(PoolHistoryEntry::of).toList());
    }

    private static URI location(TalentPool pool) {
        return URI.create("/api/v1/talent-pools/" + pool.id);
    }
}
