package io.chipbet.projection.model;

/**
 * From leading-edge wafers to compute, along Epoch AI's chain ("Can AI scaling continue through
 * 2030?"): good accelerator dies per wafer, packaging (CoWoS) as a ceiling on how many can be
 * finished a year, H100 throughput, the share of the stock one actor can muster, the run's length,
 * and power at the wall. Pure functions of wafer figures, so a scenario can translate any wafers.
 */
public final class ComputeTranslation {

    /** Seconds in an average month. */
    static final double MONTH_SECONDS = 365.2425 / 12 * 86_400;

    private ComputeTranslation() {
    }

    /** CoWoS capacity at the horizon: the sourced figure, grown at the sourced rate while it holds, then at the later rate. */
    public static double packagingWpm(Prepared.ComputeParameters c, int horizonYear, double growthAfter) {
        int sourcedYears = Math.max(0, Math.min(horizonYear, c.packagingGrowthSourcedUntil()) - c.packagingYear());
        int laterYears = Math.max(0, horizonYear - Math.max(c.packagingYear(), c.packagingGrowthSourcedUntil()));
        return c.packagingWpm() * Math.pow(c.packagingGrowthSourced(), sourcedYears) * Math.pow(growthAfter, laterYears);
    }

    /** H100-equivalents finished a year at the horizon: the wafers' good dies, as far as packaging can finish them. */
    public static double acceleratorsPerYear(double wpm, double packagingWpm, double goodDiesPerWafer) {
        return Math.min(wpm, packagingWpm) * 12 * goodDiesPerWafer;
    }

    /** H100-equivalents made by the horizon. */
    public static double stock(double cumulativeWafers, double goodDiesPerWafer) {
        return cumulativeWafers * goodDiesPerWafer;
    }

    /** The largest training run the stock supports, in FLOP. */
    public static double largestRunFlop(double stock, double actorShare, double flopPerSecond, double utilization, double runMonths) {
        return stock * actorShare * flopPerSecond * utilization * runMonths * MONTH_SECONDS;
    }

    public static double powerWatts(double stock, double wattsPerAccelerator) {
        return stock * wattsPerAccelerator;
    }

    /** What a run that cost {@code cost} in {@code fromYear} costs in {@code toYear} if frontier spending grows {@code growth}x a year. */
    public static double frontierCost(double cost, int fromYear, int toYear, double growth) {
        return cost * Math.pow(growth, toYear - fromYear);
    }

    /** The same capability in {@code toYear} if its cost falls by {@code decline} (a fraction) a year. */
    public static double fixedCapabilityCost(double cost, int fromYear, int toYear, double decline) {
        return cost * Math.pow(1 - decline, toYear - fromYear);
    }
}
