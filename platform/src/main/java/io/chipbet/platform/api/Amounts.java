package io.chipbet.platform.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Values in the form the database keeps them, so that an event written before a reload and one
 * written after it carry the same representation.
 */
public final class Amounts {

    private Amounts() {
    }

    /** Money with two decimals; inputs are validated to at most two, so nothing is rounded. */
    public static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A rate such as attrition, with the four decimals its columns keep; inputs are validated to at most four. */
    public static BigDecimal rate(BigDecimal rate) {
        return rate == null ? null : rate.setScale(4, RoundingMode.UNNECESSARY);
    }

    /**
     * Whether two amounts are the same, whatever their scale: 900 and 900.00 are. The one way chipbet
     * compares decimals; {@link BigDecimal#equals} would tell them apart. Two nulls are the same.
     */
    public static boolean same(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? a == b : a.compareTo(b) == 0;
    }

    /** PostgreSQL keeps microseconds. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
