package io.chipbet.projection.score;

import java.time.LocalDate;

/** Facts with these news dates were committed: the history in news time from {@code from} on is stale. */
public record NewsDatesChanged(LocalDate from) {
}
