package io.chipbet.projection.model;

/**
 * One supply against what the plan needs. {@code ratio} is uncapped (it may exceed 1, or be null
 * when there is no data to judge); {@code capped} is min(ratio, 1).
 */
public record Coverage(String name, Double ratio, Double capped, double available, double needed, String unit) {

    static Coverage of(String name, double available, double needed, String unit) {
        Double ratio = needed > 0 ? available / needed : null;
        return new Coverage(name, ratio, ratio == null ? null : Math.min(ratio, 1.0), available, needed, unit);
    }
}
