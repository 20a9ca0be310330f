package io.chipbet.projection.model;

import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.fab.NodeClass;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.projection.Events;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every formula against figures computed by hand (docs/model.md walks through the same ones). */
class ModelTest {

    static final ModelConfig CONFIG = new ModelConfig() {
        public String planId() { return "test"; }
        public BigDecimal capitalTargetUsd() { return new BigDecimal("7000000000000"); }
        public LocalDate horizon() { return LocalDate.of(2030, 12, 31); }
        public BigDecimal fabCostUsd() { return new BigDecimal("28000000000"); }
        public long fabCapacityWafersPerMonth() { return 50_000; }
        public Set<NodeClass> nodeClasses() { return Set.of(NodeClass.LEADING_EDGE); }
        public Map<CommitmentStatus, BigDecimal> statusWeight() {
            Map<CommitmentStatus, BigDecimal> weights = new EnumMap<>(CommitmentStatus.class);
            weights.putAll(Map.of(CommitmentStatus.RUMORED, new BigDecimal("0.05"), CommitmentStatus.DISCUSSED, new BigDecimal("0.1"),
                    CommitmentStatus.PLEDGED, new BigDecimal("0.4"), CommitmentStatus.COMMITTED, new BigDecimal("0.7"),
                    CommitmentStatus.DISBURSED, BigDecimal.ONE, CommitmentStatus.WITHDRAWN, BigDecimal.ZERO));
            return weights;
        }
        public Map<Purpose, BigDecimal> purposeWeight() {
            return Map.of(Purpose.FABS, BigDecimal.ONE, Purpose.GENERAL_AI_INFRASTRUCTURE, new BigDecimal("0.25"),
                    Purpose.DATA_CENTERS, BigDecimal.ZERO);
        }
        public double constructionOverlap() { return 0.2; }
    };

    @Test
    void theCapacityTargetIsTheCapitalTargetAtTheCostOfAFab() {
        // 7e12 / 28e9 = 250 fabs x 50,000 wafers a month = 12,500,000.
        assertEquals(12_500_000, Model.capacityTarget(CONFIG));
    }

    @Test
    void capitalIsWeightedByStatusAndPurpose() {
        // Disbursed 41 of 41 (general purpose): 0.25 x 41 = 10.25.
        assertExactly("10250000000", Model.weightedCapital(CONFIG, Events.commitment(UUID.randomUUID(), "SoftBank", "41000000000",
                Purpose.GENERAL_AI_INFRASTRUCTURE, CommitmentStatus.DISBURSED, "41000000000", 2)));
        // Partly disbursed fab money: 100 paid + 900 outstanding at the COMMITTED weight 0.7 = 730.
        assertExactly("730", Model.weightedCapital(CONFIG, Events.commitment(UUID.randomUUID(), "X", "1000", Purpose.FABS,
                CommitmentStatus.DISBURSED, "100", 3)));
        // A rumour for fabs: 0.05 x 1000 = 50. Data centres and withdrawn money: nothing.
        assertExactly("50", Model.weightedCapital(CONFIG, Events.commitment(UUID.randomUUID(), "X", "1000", Purpose.FABS,
                CommitmentStatus.RUMORED, "0", 1)));
        assertExactly("0", Model.weightedCapital(CONFIG, Events.commitment(UUID.randomUUID(), "X", "1000", Purpose.DATA_CENTERS,
                CommitmentStatus.DISBURSED, "1000", 2)));
        assertExactly("0", Model.weightedCapital(CONFIG, Events.commitment(UUID.randomUUID(), "X", "1000", Purpose.FABS,
                CommitmentStatus.WITHDRAWN, "0", 2)));
    }

    /** Capital is exact: 0.25 x 41e9 is 10,250,000,000, not a double near it. */
    private static void assertExactly(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    @Test
    void aPlannedFabCountsIfItsPlanPlusItsOperatorsMedianSlipIsBeforeTheHorizon() {
        FabState slipped12 = fab("Intel", FabStatus.UNDER_CONSTRUCTION, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
        FabState slipped36 = fab("Intel", FabStatus.UNDER_CONSTRUCTION, LocalDate.of(2025, 1, 1), LocalDate.of(2028, 1, 1));
        FabState onTime = fab("Intel", FabStatus.PERMITTING, LocalDate.of(2029, 6, 1), LocalDate.of(2029, 6, 1));
        List<FabState> all = List.of(slipped12, slipped36, onTime);
        // Intel's slips: 12, 36, 0 -> median 12 months.
        assertEquals(12, Model.expectedFurtherSlipMonths(onTime, all));
        assertEquals(LocalDate.of(2030, 6, 1), Model.expectedOnline(onTime, all).orElseThrow());
        assertTrue(Model.countsForCapacity(CONFIG, onTime, all));
        // 2028-01 + 12 months = 2029-01: counts.
        assertTrue(Model.countsForCapacity(CONFIG, slipped36, all));
        // With a fourth, on-time fab, Intel's slips are 0, 0, 12, 36: median 6. Planned 2030-09 + 6 = 2031-03: too late.
        FabState late = fab("Intel", FabStatus.ANNOUNCED, LocalDate.of(2030, 9, 1), LocalDate.of(2030, 9, 1));
        assertFalse(Model.countsForCapacity(CONFIG, late, List.of(slipped12, slipped36, onTime, late)));
        FabState paused = fab("Intel", FabStatus.PAUSED, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1));
        assertFalse(Model.countsForCapacity(CONFIG, paused, all));
    }

    @Test
    void talentSupplyIsWhatThePoolsAddByTheHorizon() {
        Inputs inputs = new Inputs();
        // 1,000 engineers in 2023, 100 a year, no attrition: 1,700 in 2030, so 700 new.
        inputs.put(Events.pool(UUID.randomUUID(), 1000, 100, 2023, 1));
        assertEquals(700, Model.talentSupply(CONFIG, inputs), 1e-9);
        // No fab reports staffing: talent cannot be judged, and the score rests on the other two.
        Score score = Model.evaluate(CONFIG, inputs);
        assertNull(score.talent().ratio());
        assertEquals(0.0, score.score());
    }

    private static FabState fab(String operator, FabStatus status, LocalDate original, LocalDate planned) {
        return new FabState(UUID.randomUUID(), operator + " fab", operator, null, "US", "US", NodeClass.LEADING_EDGE, null, null,
                1000, null, null, status, null, LocalDate.of(2020, 1, 1), null, original, planned, null, null, List.of(), 1, null, null);
    }
}
