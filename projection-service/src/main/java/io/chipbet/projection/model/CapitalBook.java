package io.chipbet.projection.model;

import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.funding.CommitmentStatus;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The commitments as the model reads them: untied money in scope, summed exactly by status and
 * purpose (a sum kept by difference equals one computed afresh), and apart from it the money tied to
 * tracked fabs and the money out of scope, each for the record. No dollar is counted twice.
 */
final class CapitalBook {

    /** How one commitment counts. */
    enum Treatment {
        /** Untied fab money: capacity it can pay for. */
        NEW_CAPACITY,
        /** Tied to tracked fabs: it funds them, and is not also new capacity. */
        FUNDS_TRACKED_FABS,
        /** Withdrawn, or for something other than fabs, or from outside this bet. */
        OUT_OF_SCOPE
    }

    private record Counted(Treatment treatment, int status, int purpose, BigDecimal disbursed, BigDecimal outstanding) {
    }

    private final ModelConfig config;
    private final Map<UUID, Counted> counted = new HashMap<>();
    private final BigDecimal[] disbursed = zeros(Prepared.PURPOSES);
    private final BigDecimal[][] undisbursed = new BigDecimal[Prepared.STATUSES][];
    private BigDecimal tied = BigDecimal.ZERO;
    private BigDecimal outOfScope = BigDecimal.ZERO;

    CapitalBook(ModelConfig config) {
        this.config = config;
        for (int i = 0; i < Prepared.STATUSES; i++) {
            undisbursed[i] = zeros(Prepared.PURPOSES);
        }
    }

    void put(CommitmentState commitment) {
        Counted previous = counted.put(commitment.id(), count(commitment));
        if (previous != null) {
            add(previous, -1);
        }
        add(counted.get(commitment.id()), 1);
    }

    void clear() {
        counted.clear();
        for (int i = 0; i < Prepared.PURPOSES; i++) {
            disbursed[i] = BigDecimal.ZERO;
            for (int s = 0; s < Prepared.STATUSES; s++) {
                undisbursed[s][i] = BigDecimal.ZERO;
            }
        }
        tied = BigDecimal.ZERO;
        outOfScope = BigDecimal.ZERO;
    }

    /** Why a commitment adds no new capacity, or null if it does. */
    String reason(CommitmentState commitment) {
        return switch (treatment(commitment)) {
            case NEW_CAPACITY -> null;
            case FUNDS_TRACKED_FABS -> "funds tracked fabs " + commitment.fundedFabIds() + ": counted with them";
            case OUT_OF_SCOPE -> outOfScopeReason(commitment);
        };
    }

    Treatment treatment(CommitmentState commitment) {
        if (outOfScopeReason(commitment) != null) {
            return Treatment.OUT_OF_SCOPE;
        }
        return commitment.fundedFabIds() != null && !commitment.fundedFabIds().isEmpty()
                ? Treatment.FUNDS_TRACKED_FABS : Treatment.NEW_CAPACITY;
    }

    private String outOfScopeReason(CommitmentState commitment) {
        if (commitment.status() == CommitmentStatus.WITHDRAWN) {
            return "withdrawn";
        }
        if (config.capital().excludedInvestorCountries().contains(commitment.investor().country())) {
            return "investor from " + commitment.investor().country() + ": " + config.capital().excludedInvestorCountriesSource();
        }
        if (!config.capital().fabShare().containsKey(commitment.purpose())) {
            return commitment.purpose() + " money builds no fabs";
        }
        return null;
    }

    double[] disbursed() {
        double[] values = new double[Prepared.PURPOSES];
        for (int i = 0; i < values.length; i++) {
            values[i] = disbursed[i].doubleValue();
        }
        return values;
    }

    double[][] undisbursed() {
        double[][] values = new double[Prepared.STATUSES][Prepared.PURPOSES];
        for (int s = 0; s < Prepared.STATUSES; s++) {
            for (int p = 0; p < Prepared.PURPOSES; p++) {
                values[s][p] = undisbursed[s][p].doubleValue();
            }
        }
        return values;
    }

    BigDecimal tied() {
        return tied;
    }

    BigDecimal outOfScope() {
        return outOfScope;
    }

    private Counted count(CommitmentState commitment) {
        Treatment treatment = treatment(commitment);
        BigDecimal paid = commitment.disbursedUsd().min(commitment.amountUsd());
        BigDecimal outstanding = commitment.amountUsd().subtract(paid);
        // The unpaid rest of a DISBURSED commitment is as good as COMMITTED money.
        CommitmentStatus outstandingAs = commitment.status() == CommitmentStatus.DISBURSED ? CommitmentStatus.COMMITTED : commitment.status();
        return new Counted(treatment, outstandingAs.ordinal(), commitment.purpose().ordinal(), paid, outstanding);
    }

    private void add(Counted c, int sign) {
        BigDecimal total = c.disbursed().add(c.outstanding());
        switch (c.treatment()) {
            case NEW_CAPACITY -> {
                disbursed[c.purpose()] = disbursed[c.purpose()].add(sign > 0 ? c.disbursed() : c.disbursed().negate());
                undisbursed[c.status()][c.purpose()] = undisbursed[c.status()][c.purpose()]
                        .add(sign > 0 ? c.outstanding() : c.outstanding().negate());
            }
            case FUNDS_TRACKED_FABS -> tied = tied.add(sign > 0 ? total : total.negate());
            case OUT_OF_SCOPE -> outOfScope = outOfScope.add(sign > 0 ? total : total.negate());
        }
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] values = new BigDecimal[n];
        java.util.Arrays.fill(values, BigDecimal.ZERO);
        return values;
    }
}
