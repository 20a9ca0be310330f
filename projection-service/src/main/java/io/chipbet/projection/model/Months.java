package io.chipbet.projection.model;

import java.time.LocalDate;

/** Dates as fractional months since year 0, the model's time axis: 2030-12-31 is 2030 x 12 + 11 + 30/31. */
final class Months {

    private Months() {
    }

    static double of(LocalDate date) {
        return date.getYear() * 12.0 + date.getMonthValue() - 1 + (date.getDayOfMonth() - 1) / (double) date.lengthOfMonth();
    }

    static LocalDate toDate(double months) {
        int whole = (int) Math.floor(months);
        LocalDate first = LocalDate.of(Math.floorDiv(whole, 12), Math.floorMod(whole, 12) + 1, 1);
        return first.plusDays((long) Math.floor((months - whole) * first.lengthOfMonth()));
    }
}
