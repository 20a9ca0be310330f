package io.chipbet.talent.pool;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.api.QueryEnums;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.platform.idempotency.UpdateRequest;
import io.chipbet.platform.idempotency.Written;
import io.chipbet.platform.rest.AggregateResource;
import io.chipbet.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/talent-pools")
@Tag(name = "Talent pools", description = "The workforce by region and role")
@PermitAll
public class TalentPoolResource extends AggregateResource<TalentPoolState, NewTalentPool> {

    private final TalentPoolService service;

    public TalentPoolResource(TalentPoolService service) {
        super(service::record, service::get);
        this.service = service;
    }

    @GET
    @Operation(summary = "List talent pools", description = "Sorted by region, then role (all roles first), then id: the order is stable across pages.")
    public Uni<Page<TalentPoolState>> list(@QueryParam("region") String region,
                                           @Parameter(schema = @Schema(implementation = TalentRole.class)) @QueryParam("role") String role,
                                           @Valid @BeanParam PageRequest paging) {
        return service.search(region, QueryEnums.parse(TalentRole.class, "role", role), paging);
    }

    @POST
    @Path("/{id}/updates")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Update a pool's figures", description = "If-Match required. Publishes TalentPoolUpdated.")
    @APIResponse(responseCode = "200", description = "Updated; the ETag is its new version")
    @APIResponse(responseCode = "422", description = "Nothing to change")
    public Uni<RestResponse<TalentPoolState>> update(@PathParam("id") UUID id, @BeanParam UpdateRequest write, @Valid @NotNull PoolUpdate request) {
        return service.update(id, request, write).map(Written::response);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "A pool's history", description = "Every change, oldest first, a page at a time.")
    public Uni<Page<PoolHistoryEntry>> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest paging) {
        return service.history(id, paging);
    }
}
