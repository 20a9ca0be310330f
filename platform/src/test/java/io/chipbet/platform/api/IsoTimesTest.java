package io.chipbet.platform.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The fast path reads exactly what the standard parsers read, and leaves everything else to them. */
class IsoTimesTest {

    @Test
    void canonicalInstantsAndDatesReadAsTheStandardParsersReadThem() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000));
            if (i % 3 == 0) {
                instant = instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            } else if (i % 3 == 1) {
                instant = instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            }
            String text = instant.toString();
            if (text.startsWith("-") || text.startsWith("+")) {
                assertNull(IsoTimes.instant(text), text); // outside 0000-9999: the standard parser's
                continue;
            }
            assertEquals(Instant.parse(text), IsoTimes.instant(text), text);
            LocalDate date = LocalDate.ofEpochDay(random.nextLong(0, 2_900_000));
            assertEquals(LocalDate.parse(date.toString()), IsoTimes.date(date.toString()), date.toString());
        }
        assertEquals(Instant.parse("2026-12-01T15:30:00.5Z"), IsoTimes.instant("2026-12-01T15:30:00.5Z"));
        assertEquals(LocalDate.parse("2024-02-29"), IsoTimes.date("2024-02-29"));
    }

    @Test
    void anythingElseIsLeftToTheStandardParser() {
        for (String text : List.of("2026-12-01T15:30:00+01:00", "2026-12-01T15:30Z", "2026-12-01 15:30:00Z", "2026-12-01T23:59:60Z",
                "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-12-01T24:00:00Z", "2026-12-01T15:30:00.Z",
                "2026-12-01T15:30:00.1234567890Z", "2026-12-01T15:30:00z", "+2026-12-01T15:30:00Z", "２026-12-01T15:30:00Z")) {
            assertNull(IsoTimes.instant(text), text);
        }
        for (String text : List.of("2023-02-29", "2026-1-01", "2026-01-1", "20260101", "2026-00-10", "2026-12-32", " 2026-12-01", "2026/12/01")) {
            assertNull(IsoTimes.date(text), text);
            try {
                LocalDate.parse(text);
                throw new AssertionError("the standard parser reads " + text + ": the fast path must too");
            } catch (DateTimeParseException expected) {
                // both refuse: the caller's fallback refuses it as before
            }
        }
    }
}
