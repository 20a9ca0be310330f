package io.chipbet.fab.slip;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/slip-statistics")
@Tag(name = "Slip statistics", description = "How late fabs run, computed from the data")
@PermitAll
public class SlipResource {

    @Inject SlipService service;

    @GET
    @Operation(summary = "Observed slip in months, by operator and by region",
            description = "Slip = whole calendar months from originalProductionDate to actualProductionDate, or to "
                    + "plannedProductionDate while production has not started. Count, mean, median and p90 (nearest rank).")
    public Uni<SlipStatistics> statistics() {
        return service.statistics();
    }
}
