package io.chipbet.projection.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One number the score rests on, with where it comes from: a source, or "chipbet assumption". */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assumption(String name, Object value, String unit, String source, String sourceUrl) {

    public static final String CHIPBET = "chipbet assumption";

    static Assumption sourced(String name, Object value, String unit, String source, String url) {
        return new Assumption(name, value, unit, source, url);
    }

    static Assumption ours(String name, Object value, String unit) {
        return new Assumption(name, value, unit, CHIPBET, null);
    }
}
