package io.chipbet.platform.api;

import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Parses an enum filter from a query parameter. JAX-RS answers a failed query parameter conversion
 * with 404, which tells the client nothing; this gives a 400 that lists the allowed values.
 */
public final class QueryEnums {

    private QueryEnums() {
    }

    /** Null or blank means "no filter". */
    public static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new ProblemException(400, "validation", "Invalid request", "Unknown " + parameter + " '" + value + "'",
                    List.of(new Problem.Violation(parameter, "must be one of " + allowed)));
        }
    }
}
