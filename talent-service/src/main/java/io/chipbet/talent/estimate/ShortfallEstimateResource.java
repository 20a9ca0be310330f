package io.chipbet.talent.estimate;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.chipbet.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;


@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/shortfall-estimates")
@Tag(name = "Shortfall estimates", description = "Workforce gaps as studies published them")
@PermitAll
public class ShortfallEstimateResource {

    @Inject ShortfallEstimateService service;

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Record a published shortfall estimate", description = "Publishes ShortfallEstimatePublished, keyed by the estimate's id.")
    @APIResponseSchema(value = ShortfallEstimateState.class, responseCode = "201", responseDescription = "Recorded; the ETag is its version")
    public Uni<RestResponse<ShortfallEstimateState>> publish(@BeanParam WriteRequest write, @Valid @NotNull NewShortfallEstimate request) {
        return service.publish(request, write).map(Written::response);
    }

    @GET
    @Operation(summary = "List shortfall estimates", description = "Sorted by region, target year, role (all roles first), then id: the order is stable across pages.")
    public Uni<Page<ShortfallEstimateState>> list(@QueryParam("region") String region, @QueryParam("targetYear") Integer targetYear,
                                                  @Valid @BeanParam PageRequest paging) {
        return service.search(region, targetYear, paging);
    }
}
