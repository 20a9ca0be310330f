package io.chipbet.funding.summary;

import io.chipbet.funding.commitment.CommitmentRepository;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Totals over every commitment, summed in the database. */
@ApplicationScoped
public class SummaryService {

    @Inject CommitmentRepository commitments;

    @WithSession
    public Uni<Summary> summary() {
        return commitments.totalsByStatusAndPurpose().map(SummaryService::summarize);
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
