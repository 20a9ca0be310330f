package io.chipbet.projection.score;

import java.time.LocalDate;
import java.util.List;

/**
 * Fired (asynchronously) once the baseline's simulation of a record is done: the record's facts, as an
 * immutable list of contract states, and the baseline answer for them. Scenarios are evaluated on it.
 */
public record RecordEvaluated(List<Object> states, long inputsVersion, LocalDate evaluatedOn, Feasibility baseline) {
}
