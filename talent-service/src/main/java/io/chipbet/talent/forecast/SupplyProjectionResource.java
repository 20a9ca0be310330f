package io.chipbet.talent.forecast;

import io.chipbet.platform.api.QueryEnums;
import io.chipbet.platform.contract.talent.TalentRole;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/supply-projection")
@Tag(name = "Supply projection", description = "Where the workforce is heading")
@PermitAll
public class SupplyProjectionResource {

    @Inject SupplyForecastService service;

    @GET
    @Operation(summary = "Projected headcount in a year",
            description = "For each pool (one per role): H(asOfYear) = headcount; then each year "
                    + "H(y) = H(y-1) x (1 - attritionRate) + annualPipeline + the training programs' workers in y. "
                    + "In closed form, with n = year - asOfYear and s = 1 - attritionRate: "
                    + "H = headcount x s^n + sum_{k=1..n} (annualPipeline + programs(asOfYear + k)) x s^(n-k). "
                    + "Without a role, the pools of every role in the region are summed.")
    public Uni<SupplyProjection> project(@Parameter(required = true, example = "US") @QueryParam("region") String region,
                                         @Parameter(description = "A TalentRole; all roles if absent") @QueryParam("role") String role,
                                         @Parameter(required = true, example = "2030") @QueryParam("year") Integer year) {
        return service.project(region, QueryEnums.parse(TalentRole.class, "role", role), year);
    }
}
