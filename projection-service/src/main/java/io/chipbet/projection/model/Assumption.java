package io.chipbet.projection.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One number the answer rests on, with where it comes from: a source (title and address), or
 * "chipbet assumption". {@code value} is a number, a date, a list, or {p10, p50, p90} for an input
 * that is sampled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assumption(String name, Object value, String unit, String source, String sourceUrl, boolean chipbetAssumption) {

    public static final String CHIPBET = "chipbet assumption";

    static Assumption of(String name, Object value, String unit, String source, String url) {
        return new Assumption(name, value, unit, source, url, source.toLowerCase(java.util.Locale.ROOT).startsWith(CHIPBET));
    }
}
