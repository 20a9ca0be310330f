package io.chipbet.talent.estimate;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.rest.CreatingResource;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/shortfall-estimates")
@Tag(name = "Shortfall estimates", description = "Workforce gaps as studies published them")
@PermitAll
public class ShortfallEstimateResource extends CreatingResource<ShortfallEstimateState, NewShortfallEstimate> {

    private final ShortfallEstimateService service;

    public ShortfallEstimateResource(ShortfallEstimateService service) {
        super(service::publish);
        this.service = service;
    }

    @GET
    @Operation(summary = "List shortfall estimates", description = "Sorted by region, target year, role (all roles first), then id: the order is stable across pages.")
    public Uni<Page<ShortfallEstimateState>> list(@QueryParam("region") String region, @QueryParam("targetYear") Integer targetYear,
                                                  @Valid @BeanParam PageRequest paging) {
        return service.search(region, targetYear, paging);
    }
}
