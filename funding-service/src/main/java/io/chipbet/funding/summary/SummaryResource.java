package io.chipbet.funding.summary;

import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1/summary")
@Tag(name = "Summary", description = "Totals by status and purpose")
public class SummaryResource {

    private static final String TOTALS = """
            select c.status, c.purpose, count(c), sum(c.amountUsd), sum(c.disbursedUsd)
            from Commitment c group by c.status, c.purpose""";

    @GET
    @PermitAll
    @WithSession
    @Operation(summary = "Commitment totals", description = "Count, amount and disbursement by status and by purpose, summed in the database.")
    public Uni<Summary> summary() {
        return Panache.getSession().chain(session -> session.createSelectionQuery(TOTALS, Object[].class).getResultList())
                .map(SummaryResource::summarize);
    }

    private static Summary summarize(List<Object[]> rows) {
        Map<CommitmentStatus, Summary.Totals> byStatus = new EnumMap<>(CommitmentStatus.class);
        Map<Purpose, Summary.Totals> byPurpose = new EnumMap<>(Purpose.class);
        long count = 0;
        BigDecimal active = BigDecimal.ZERO;
        BigDecimal disbursed = BigDecimal.ZERO;
        for (Object[] row : rows) {
            CommitmentStatus status = (CommitmentStatus) row[0];
            Purpose purpose = (Purpose) row[1];
            Summary.Totals totals = new Summary.Totals((Long) row[2], (BigDecimal) row[3], (BigDecimal) row[4]);
            byStatus.merge(status, totals, Summary.Totals::plus);
            byPurpose.merge(purpose, totals, Summary.Totals::plus);
            count += totals.commitments();
            disbursed = disbursed.add(totals.disbursedUsd());
            if (status != CommitmentStatus.WITHDRAWN) {
                active = active.add(totals.amountUsd());
            }
        }
        return new Summary(count, active, disbursed, byStatus, byPurpose);
    }
}
