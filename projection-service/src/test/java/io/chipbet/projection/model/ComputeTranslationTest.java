package io.chipbet.projection.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Epoch AI's chain from wafers to compute, on figures worked by hand. */
class ComputeTranslationTest {

    @Test
    void wafersBecomeAcceleratorsARunAndPowerAsWorkedByHand() {
        // 1,000 wpm x 12 months x 28 good dies = 336,000 H100-equivalents a year, with packaging to spare.
        assertEquals(336_000, ComputeTranslation.acceleratorsPerYear(1_000, 50_000, 28), 1e-9);
        // Packaging caps it: 500 CoWoS wafers a month finish only 500 x 12 x 28.
        assertEquals(168_000, ComputeTranslation.acceleratorsPerYear(1_000, 500, 28), 1e-9);
        // 100,000 wafers made x 28 dies = 2.8M H100s; 20% of them, at 2e15 FLOP/s and 40% utilization, for 4.2 months
        // of 2,629,746 s: 2.8e6 x 0.2 x 2e15 x 0.4 x 4.2 x 2,629,746 = 4.948e27 FLOP.
        double stock = ComputeTranslation.stock(100_000, 28);
        assertEquals(2_800_000, stock, 1e-6);
        assertEquals(2.8e6 * 0.2 * 2e15 * 0.4 * 4.2 * 2_629_746, ComputeTranslation.largestRunFlop(stock, 0.2, 2e15, 0.4, 4.2), 1e13);
        // 2.8M H100s at 1,700 W = 4.76 GW.
        assertEquals(4.76e9, ComputeTranslation.powerWatts(stock, 1_700), 1e-3);
    }

    @Test
    void packagingGrowsAtTheSourcedRateThenTheLaterOne() {
        Prepared.ComputeParameters parameters = new Prepared.ComputeParameters(Spread.fixed(28), 2e15, 0.4, Spread.fixed(4.2),
                Spread.fixed(0.2), 1_700, 34_000, 2024, 1.6, 2026, Spread.fixed(1.7));
        // 34,000 (end 2024) x 1.6^2 (to 2026) x 1.7^4 (to 2030) = 726,966.
        assertEquals(34_000 * 2.56 * Math.pow(1.7, 4), ComputeTranslation.packagingWpm(parameters, 2030, 1.7), 1e-6);
        assertEquals(34_000 * 1.6, ComputeTranslation.packagingWpm(parameters, 2025, 1.7), 1e-9);
    }

    @Test
    void aFrontierRunsCostByEachRule() {
        // $100M in 2023: x 2.4^7 = $45.9B in 2030 (Epoch/Cottier), or x 0.25^7 = $6,104 for the same capability (ARK).
        assertEquals(100e6 * Math.pow(2.4, 7), ComputeTranslation.frontierCost(100e6, 2023, 2030, 2.4), 1e-3);
        assertEquals(45.86e9, ComputeTranslation.frontierCost(100e6, 2023, 2030, 2.4), 0.01e9);
        assertEquals(6_103.5, ComputeTranslation.fixedCapabilityCost(100e6, 2023, 2030, 0.75), 0.1);
    }
}
