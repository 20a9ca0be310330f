package io.chipbet.platform.calculation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmpiricalQuantilesTest {

    private static final double[] DECILES = {0.1, 0.5, 0.9};

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleValues() {
        assertEquals(3, EmpiricalQuantiles.median(new double[] {1, 3, 8}));
        assertEquals(5.5, EmpiricalQuantiles.median(new double[] {1, 3, 8, 20}));
        assertEquals(2.4, EmpiricalQuantiles.interpolated(new double[] {1, 3, 8}, 0.35), 1e-12); // position 0.7: 1 + 0.7 × (3 − 1)
    }

    /** Selection gives the sort's figures exactly, on shapes a Monte Carlo produces: spread, tied, constant, tiny. */
    @Test
    void selectionGivesExactlyWhatSortingGives() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(trial < 50 ? 12 : 3_000);
            double[] values = new double[n];
            int shape = trial % 4;
            for (int i = 0; i < n; i++) {
                values[i] = switch (shape) {
                    case 0 -> random.nextDouble() * 1e6;
                    case 1 -> random.nextInt(5); // many ties
                    case 2 -> 42; // a constraint that never varies
                    default -> i < n / 2 ? 0 : random.nextGaussian(); // a mass at zero
                };
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double[] expected = new double[DECILES.length];
            for (int q = 0; q < DECILES.length; q++) {
                expected[q] = EmpiricalQuantiles.interpolated(sorted, DECILES[q]);
            }
            double[] selected = EmpiricalQuantiles.interpolatedBySelection(values, DECILES);
            assertArrayEquals(expected, selected, "trial " + trial + " (n " + n + ", shape " + shape + ")");
            Arrays.sort(values);
            assertArrayEquals(sorted, values, "selection only reorders the values");
        }
    }

    @Test
    void quantilesOutOfOrderOrOfNothingAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EmpiricalQuantiles.interpolatedBySelection(new double[] {1, 2}, 0.9, 0.1));
        assertThrows(IllegalArgumentException.class, () -> EmpiricalQuantiles.interpolatedBySelection(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> EmpiricalQuantiles.interpolatedBySelection(new double[] {1}, 1.5));
    }
}
