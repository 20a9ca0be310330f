package io.chipbet.projection.model;

import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.fab.CustomerStatus;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.fab.NodeClass;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.projection.Events;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model on cases checked by hand. The test plan (application.properties, %test): 10 fabs of 100
 * wafers a month, $100 each ($1 per wafer a month), by 2030-12-31, evaluated on 2026-01-01.
 */
class FeasibilityModelTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    /** Nothing ramps, nothing new is built, new capacity costs the plan's price: each test switches on the part it checks. */
    static Map<String, String> quiet() {
        Map<String, String> overrides = new HashMap<>();
        spread(overrides, "chipbet.model.fabs.ramp-months", 0, 0, 0);
        spread(overrides, "chipbet.model.build.surge", 0, 0, 0);
        spread(overrides, "chipbet.model.capital.cost-multiple", 1, 1, 1);
        overrides.put("chipbet.model.fabs.slip-prior-mean-months.value", "12");
        overrides.put("chipbet.model.simulation.samples.value", "20000");
        return overrides;
    }

    @Test
    void oneFabWithAKnownSlipDistributionGivesItsKnownProbability() {
        FeasibilityModel model = TestModels.model(quiet());
        // One Taiwanese fab as large as the whole plan, planned for 2030-06-30: the plan is met if it
        // slips less than the 6.001 months to the horizon. Further slip ~ exponential, mean 12 months
        // (no peers observed, so the prior alone): P = 1 - exp(-6.001 / 12) = 0.3935.
        // Its own past slip (48 months) is already in its plan and must not count again.
        model.put(fab(UUID.randomUUID(), "TW", 1000, LocalDate.of(2030, 6, 30), 48));
        Outlook outlook = model.simulate(model.prepare(AS_OF, true));
        double months = Months.of(LocalDate.of(2030, 12, 31)) - Months.of(LocalDate.of(2030, 6, 30));
        double expected = 1 - Math.exp(-months / 12);
        assertEquals(0.3935, expected, 1e-4);
        assertEquals(expected, outlook.probability(), 0.015, "P(plan met)");
        // In the US, fabs take twice as long to build (Exyte): mean 24 months, P = 1 - exp(-6.001 / 24) = 0.2213.
        FeasibilityModel us = TestModels.model(quiet());
        us.put(fab(UUID.randomUUID(), "US", 1000, LocalDate.of(2030, 6, 30), null));
        assertEquals(1 - Math.exp(-months / 24), us.simulate(us.prepare(AS_OF, true)).probability(), 0.015);
    }

    @Test
    void aFabReportedToHaveNoCustomerMayPause() {
        // The fab above (P = 0.3935 of meeting the horizon), reported to have no customer: it pauses in a
        // quarter of the samples (chipbet assumption), and a paused fab that restarts does so 24 months
        // later, past the horizon. So P = (1 - 0.25) x 0.3935 = 0.2951. A customer on record changes nothing.
        double months = Months.of(LocalDate.of(2030, 12, 31)) - Months.of(LocalDate.of(2030, 6, 30));
        double unpaused = 1 - Math.exp(-months / 12);
        FeasibilityModel none = TestModels.model(quiet());
        none.put(fab(UUID.randomUUID(), "TW", 1000, LocalDate.of(2030, 6, 30), null, CustomerStatus.NONE_REPORTED));
        Prepared prepared = none.prepare(AS_OF, true);
        assertEquals(0.2951, (1 - 0.25) * unpaused, 1e-4);
        assertEquals((1 - 0.25) * unpaused, none.simulate(prepared).probability(), 0.015, "P(plan met), no customer");
        // The tornado shows it: planned for mid-2028, the fab is producing by the horizon at its median slip unless it pauses,
        // which it does at its draw's P10 (0.1 < 0.25) and not at its P90.
        FeasibilityModel earlier = TestModels.model(quiet());
        earlier.put(fab(UUID.randomUUID(), "TW", 1000, LocalDate.of(2028, 6, 30), null, CustomerStatus.NONE_REPORTED));
        assertTrue(earlier.sensitivity(earlier.prepare(AS_OF, true)).stream().anyMatch(swing -> swing.input().equals(
                "fabs without a customer pausing") && swing.atP10() == 0 && swing.atP90() == 1000), "the tornado's bar for the pause");
        FeasibilityModel secured = TestModels.model(quiet());
        secured.put(fab(UUID.randomUUID(), "TW", 1000, LocalDate.of(2030, 6, 30), null, CustomerStatus.SECURED));
        assertEquals(unpaused, secured.simulate(secured.prepare(AS_OF, true)).probability(), 0.015, "P(plan met), a customer on record");
    }

    @Test
    void peersSlipsSetAFabsFurtherSlipButItsOwnDoesNot() {
        Map<String, String> overrides = quiet();
        overrides.put("chipbet.model.fabs.slip-prior-weight.value", "0.000001"); // the peers alone
        FeasibilityModel model = TestModels.model(overrides);
        model.put(fab(UUID.randomUUID(), "US", 1000, LocalDate.of(2030, 6, 30), 0));
        // Two peers slipped 3 and 12 months: the subject meets the horizon (6 months away) in half the samples.
        model.put(fab(UUID.randomUUID(), "US", 0, LocalDate.of(2035, 1, 1), 3));
        model.put(fab(UUID.randomUUID(), "US", 0, LocalDate.of(2035, 1, 1), 12));
        assertEquals(0.5, model.simulate(model.prepare(AS_OF, true)).probability(), 0.02);
    }

    @Test
    void oneCommitmentWithConversionPGivesTheRightMean() {
        Map<String, String> overrides = quiet();
        spread(overrides, "chipbet.model.build.surge", 100, 100, 100); // build and talent never bind: capital alone
        overrides.put("chipbet.model.baseline.basis", "ABSOLUTE");
        FeasibilityModel model = TestModels.model(overrides);
        model.put(Events.pool(UUID.randomUUID(), 0, 100_000, 2024, 1));
        UUID id = UUID.randomUUID();
        // $500 pledged to fabs; PLEDGED converts at P10 0.3, P50 0.6, P90 0.9 (mean 0.6); $1 buys 1 wafer a month.
        model.put(Events.commitment(id, "A pledge", "500", Purpose.FABS, CommitmentStatus.PLEDGED, "0", 1));
        Outlook outlook = model.simulate(model.prepare(AS_OF, true));
        Spread pledged = new Spread(0.3, 0.6, 0.9, 0, 1);
        assertEquals(0.6, pledged.mean(), 1e-12);
        assertEquals(500 * pledged.mean(), outlook.capitalWpm().mean(), 500 * 0.01);
        assertEquals(500 * 0.6, outlook.capitalWpm().p50(), 500 * 0.02);
        assertEquals(outlook.capitalWpm().mean(), outlook.deliverableWpm().mean(), 1e-9, "capital alone binds");
        // $200 of it disbursed counts in full; the unpaid rest of a disbursed commitment converts as COMMITTED money.
        model.put(Events.commitment(id, "A pledge", "500", Purpose.FABS, CommitmentStatus.DISBURSED, "200", 2));
        Outlook disbursed = model.simulate(model.prepare(AS_OF, true));
        double committed = new Spread(0.7, 0.9, 1, 0, 1).mean();
        assertEquals(200 + 300 * committed, disbursed.capitalWpm().mean(), 500 * 0.01);
    }

    @Test
    void moneyTiedToATrackedFabOrOutOfScopeIsNotNewCapacity() {
        FeasibilityModel model = TestModels.model(quiet());
        UUID fab = UUID.randomUUID();
        model.put(fab(fab, "US", 100, LocalDate.of(2024, 1, 1), 0));
        model.put(withFabs(Events.commitment(UUID.randomUUID(), "Tied", "1000", Purpose.FABS, CommitmentStatus.DISBURSED, "1000", 1), fab));
        model.put(Events.commitment(UUID.randomUUID(), "Data centres", "1000", Purpose.DATA_CENTERS, CommitmentStatus.DISBURSED, "1000", 1));
        model.put(Events.commitment(UUID.randomUUID(), "Equity", "1000", Purpose.LAB_EQUITY, CommitmentStatus.DISBURSED, "1000", 1));
        Point point = FeasibilityModel.central(model.prepare(AS_OF, false));
        assertEquals(100, point.capital(), 1e-9, "the tracked fab, and no new capacity from any of the three");
        Explanation explanation = model.explain(model.prepare(AS_OF, false));
        assertEquals(0, explanation.capital().tiedToTrackedFabsUsd().compareTo(new BigDecimal("1000")));
        assertEquals(0, explanation.capital().outOfScopeUsd().compareTo(new BigDecimal("2000")));
        assertEquals("https://example.org", explanation.fabs().get(0).sources().get(0).url(), "each fab with its sources");
        assertTrue(explanation.capital().commitments().stream().allMatch(row -> !row.sources().isEmpty()), "each commitment with its sources");
    }

    @Test
    void deliverableCapacityNeverExceedsAnySingleConstraintInAnySample() {
        Random random = new Random(7);
        FeasibilityModel model = TestModels.model(Map.of());
        for (int i = 0; i < 40; i++) {
            String region = random.nextBoolean() ? "US" : "TW";
            model.put(fab(UUID.randomUUID(), region, 20 + random.nextInt(200),
                    LocalDate.of(2025 + random.nextInt(8), 1 + random.nextInt(12), 1), random.nextInt(30)));
            model.put(Events.commitment(UUID.randomUUID(), "Investor " + i, String.valueOf(1 + random.nextInt(500)),
                    Purpose.values()[random.nextInt(4)], CommitmentStatus.values()[random.nextInt(5)], "0", 1));
        }
        model.put(Events.pool(UUID.randomUUID(), 1000, 300, 2024, 1));
        Prepared prepared = model.prepare(AS_OF, true);
        Draws draws = Draws.random(11);
        Evaluator.Result result = new Evaluator.Result();
        for (int s = 0; s < 20_000; s++) {
            Evaluator.evaluate(prepared, draws, result);
            assertTrue(result.deliverable <= result.fabsConstraint() + 1e-9, "fabs");
            assertTrue(result.deliverable <= result.capitalConstraint() + 1e-9, "capital");
            assertTrue(result.deliverable <= result.talentConstraint() + 1e-9, "talent");
            assertTrue(result.deliverable >= result.tracked - 1e-9, "the tracked fabs always count");
        }
    }

    @Test
    void theSameSeedGivesTheSameOutlook() {
        FeasibilityModel model = TestModels.model(Map.of());
        for (int i = 0; i < 10; i++) {
            model.put(fab(UUID.randomUUID(), "US", 100, LocalDate.of(2028, 1, 1), i * 3));
        }
        model.put(Events.commitment(UUID.randomUUID(), "Pledge", "300", Purpose.GENERAL_AI_INFRASTRUCTURE, CommitmentStatus.PLEDGED, "0", 1));
        Outlook first = model.simulate(model.prepare(AS_OF, true));
        Outlook second = model.simulate(model.prepare(AS_OF, true));
        assertEquals(withoutTime(first), withoutTime(second));
        assertTrue(first.deliverableWpm().p90() > first.deliverableWpm().p10(), "and it is a distribution, not a point");
    }

    @Test
    void theNewFabBuildIsTheClosedFormOfItsIntegral() {
        // Starts of 1 wpm a month over 30 months, each ramping over 12: capacity 30 - 6 = 24; wafers by a numeric integral.
        assertEquals(24, Evaluator.capacityAfter(30, 12), 1e-12);
        double wafers = 0;
        int steps = 300_000;
        for (int i = 0; i < steps; i++) {
            double producingFor = 30 * (i + 0.5) / steps;
            wafers += Evaluator.wafersOfOneFab(producingFor, 12) * 30.0 / steps;
        }
        assertEquals(wafers, Evaluator.wafersAfter(30, 12), 1e-3);
        assertEquals(8 * 8 * 8 / 72.0, Evaluator.wafersAfter(8, 12), 1e-12, "inside the ramp: L^3 / 6r");
    }

    private static Outlook withoutTime(Outlook outlook) {
        return new Outlook(outlook.samples(), outlook.seed(), outlook.probability(), outlook.deliverableWpm(),
                outlook.deliverableCumulativeWafers(), outlook.trackedWpm(), outlook.buildableWpm(), outlook.fabsWpm(), outlook.capitalWpm(),
                outlook.talentWpm(), outlook.bindingFrequency(), outlook.chanceOfShare(), outlook.compute(), 0);
    }

    static void spread(Map<String, String> overrides, String key, double p10, double p50, double p90) {
        overrides.put(key + ".p10", String.valueOf(p10));
        overrides.put(key + ".p50", String.valueOf(p50));
        overrides.put(key + ".p90", String.valueOf(p90));
    }

    static FabState fab(UUID id, String region, int capacity, LocalDate planned, Integer slipMonths) {
        return fab(id, region, capacity, planned, slipMonths, null);
    }

    static FabState fab(UUID id, String region, int capacity, LocalDate planned, Integer slipMonths, CustomerStatus customer) {
        boolean producing = !planned.isAfter(AS_OF);
        return new FabState(id, "Fab " + id, "TSMC", "Site", region, region, NodeClass.LEADING_EDGE, "N2", null, capacity, null, null,
                producing ? FabStatus.VOLUME_PRODUCTION : FabStatus.UNDER_CONSTRUCTION, null, customer, LocalDate.of(2020, 1, 1), null, planned,
                planned, producing ? planned : null, slipMonths, List.of(new SourceRef("https://example.org", "Example")), 1,
                Instant.now(), Instant.now());
    }

    private static CommitmentState withFabs(CommitmentState c, UUID fab) {
        return new CommitmentState(c.id(), c.investor(), c.amountUsd(), c.reportedAmount(), c.reportedCurrency(), c.purpose(), c.status(),
                c.disbursedUsd(), c.announcedOn(), c.sources(), c.notes(), List.of(fab), c.version(), c.createdAt(), c.updatedAt());
    }
}
