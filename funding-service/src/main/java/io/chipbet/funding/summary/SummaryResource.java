package io.chipbet.funding.summary;

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
@Path("/api/v1/summary")
@Tag(name = "Summary", description = "Totals by status and purpose")
@PermitAll
public class SummaryResource {

    @Inject SummaryService service;

    @GET
    @Operation(summary = "Commitment totals", description = "Count, amount and disbursement by status and by purpose, summed in the database.")
    public Uni<Summary> summary() {
        return service.summary();
    }
}
