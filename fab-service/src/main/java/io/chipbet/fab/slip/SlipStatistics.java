package io.chipbet.fab.slip;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

@Schema(description = "Observed slip in whole months (actual, or else planned, production date minus the first promise), "
        + "over every fab that has a first promise and is not cancelled")
public record SlipStatistics(Stats overall, Map<String, Stats> byOperator, Map<String, Stats> byRegion) {

    /**
     * @param median the middle value; the mean of the two middle values for an even count
     * @param p90    nearest rank: the ceil(0.9 × count)-th smallest slip
     */
    public record Stats(int count, double mean, double median, int p90) {
    }
}
