package io.chipbet.platform.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The canonical ISO-8601 forms that chipbet writes, read without {@link java.time.format.DateTimeFormatter}:
 * {@code 2026-12-01} and {@code 2026-12-01T15:30:00Z} with 0 to 9 fraction digits. The formatter was a fifth
 * of the projection's ingest (JFR, IngestBenchmark). Anything else answers null, and the caller falls back
 * to the standard parser, which accepts or refuses it as before: a fast path, never a second set of rules.
 */
public final class IsoTimes {

    private IsoTimes() {
    }

    /** The date, or null if {@code text} is not exactly {@code yyyy-MM-dd} with a valid day. */
    public static LocalDate date(CharSequence text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The instant, or null if {@code text} is not exactly {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} (UTC, no leap second). */
    public static Instant instant(CharSequence text) {
        int length = text.length();
        if (length < 20 || length > 30 || length == 21 || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        LocalDate date = date(text.subSequence(0, 10));
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.') {
                return null;
            }
            int fraction = length - 21; // between '.' and 'Z'
            int value = digits(text, 20, fraction);
            if (value < 0) {
                return null;
            }
            nanos = value;
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The non-negative number in {@code count} ASCII digits from {@code start}, or -1. */
    private static int digits(CharSequence text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
