package io.chipbet.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestFingerprintTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final RequestFingerprint fingerprints = new RequestFingerprint(json);

    record Source(String title, String url) {
    }

    /** A create's body in one release. */
    record Release1(String name, BigDecimal amount, LocalDate announcedOn, String note, List<Source> sources) {
    }

    /** The same body one release later: an optional field in the middle, one in a nested record, one at the end. */
    record Release2(String name, String site, BigDecimal amount, LocalDate announcedOn, String note, List<Source2> sources,
                    Double share) {
    }

    record Source2(String title, String publisher, String url) {
    }

    private static final Release1 SENT_IN_RELEASE_1 = new Release1("Fab \"21\" — phase ü", new BigDecimal("900.00"),
            LocalDate.parse("2020-05-15"), null, List.of(new Source("Reuters", "https://example.org/a")));

    private static Release2 sameRequestInRelease2() {
        return new Release2("Fab \"21\" — phase ü", null, new BigDecimal("900.00"), LocalDate.parse("2020-05-15"), null,
                List.of(new Source2("Reuters", null, "https://example.org/a")), null);
    }

    @Test
    void aKeyStoredBeforeOptionalFieldsWereAddedStillAnswersItsReplay() throws Exception {
        String storedByRelease1 = sha256(json.writeValueAsString(SENT_IN_RELEASE_1));
        assertTrue(same(storedByRelease1, sameRequestInRelease2()));
        assertTrue(same(storedByRelease1, SENT_IN_RELEASE_1), "the same release's replay");
    }

    @Test
    void aKeyStoredInEitherFormRefusesAnotherBody() throws Exception {
        Release2 otherAmount = new Release2("Fab \"21\" — phase ü", null, new BigDecimal("901"), LocalDate.parse("2020-05-15"), null,
                List.of(new Source2("Reuters", null, "https://example.org/a")), null);
        Release2 aFieldSet = new Release2("Fab \"21\" — phase ü", "Phoenix", new BigDecimal("900.00"), LocalDate.parse("2020-05-15"),
                null, List.of(new Source2("Reuters", null, "https://example.org/a")), null);
        String storedByRelease1 = sha256(json.writeValueAsString(SENT_IN_RELEASE_1));
        String storedNow = fingerprints.of(sameRequestInRelease2());
        for (Release2 other : List.of(otherAmount, aFieldSet)) {
            assertFalse(same(storedByRelease1, other), other.toString());
            assertFalse(same(storedNow, other), other.toString());
        }
    }

    @Test
    void theFingerprintIgnoresAbsentMembersTheirOrderAndTrailingZeros() {
        assertEquals(fingerprints.of(SENT_IN_RELEASE_1), fingerprints.of(sameRequestInRelease2()), "nulls are left out");
        record Reordered(List<Source> sources, String note, LocalDate announcedOn, BigDecimal amount, String name) {
        }
        Reordered reordered = new Reordered(List.of(new Source("Reuters", "https://example.org/a")), null,
                LocalDate.parse("2020-05-15"), new BigDecimal("9E+2"), "Fab \"21\" — phase ü");
        assertEquals(fingerprints.of(SENT_IN_RELEASE_1), fingerprints.of(reordered), "900.00 and 9E+2 are one amount");
        assertTrue(same(fingerprints.of(SENT_IN_RELEASE_1), reordered));
        assertEquals("{\"a\":[1e0,null,{\"b\":\"x\"}],\"c\":15e-1,\"d\":0}",
                fingerprints.canonical("{\"d\":0.000,\"c\":1.50,\"a\":[1.0,null,{\"z\":null,\"b\":\"x\"}]}"));
        assertNotEquals(fingerprints.of(List.of("900")), fingerprints.of(List.of(900)), "a string is not a number");
    }

    @Test
    void writingTheOldFormAgainIsTheSameToTheByte() throws Exception {
        record Odd(String text, Double big, Double small, BigDecimal money, Object nothing, List<Object> mixed, boolean flag) {
        }
        String written = json.writeValueAsString(new Odd("tab\t \u0000 \u2028 é \"q\" \\", 1.0E10, 1.0E-7, new BigDecimal("12.3400"), null,
                java.util.Arrays.asList(null, 1, "two", List.of()), true));
        assertEquals(written, fingerprints.withoutNulls(written, Set.of()));
        assertEquals(written.replace(",\"nothing\":null", ""), fingerprints.withoutNulls(written, Set.of(".nothing")));
    }

    @Test
    void manyFieldsWithNullsAreTriedAFewAtATime() throws Exception {
        List<String> ten = java.util.stream.IntStream.range(0, RequestFingerprint.LEGACY_ALL_SUBSETS_UP_TO).mapToObj(i -> "." + i).toList();
        assertEquals(1 << ten.size(), RequestFingerprint.subsets(ten).size());
        List<String> twelve = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "." + i).toList();
        assertEquals(1 + 12 + 66 + 220, RequestFingerprint.subsets(twelve).size(), "every subset of up to 3 of 12");
        List<String> sixty = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "." + i).toList();
        assertEquals(RequestFingerprint.LEGACY_MAX_TRIES, RequestFingerprint.subsets(sixty).size(), "capped");
        record Old(String a, String b, String c, String d, String e, String f, String g, String h, String i, String j, String k) {
        }
        record New(String a, String added1, String b, String c, String d, String e, String f, String g, String h, String i,
                   String added2, String j, String k) {
        }
        String stored = sha256(json.writeValueAsString(new Old("x", null, null, null, null, null, null, null, null, null, null)));
        assertTrue(same(stored, new New("x", null, null, null, null, null, null, null, null, null, null, null, null)));
    }

    /** A field added to a record a body repeats (a source) is null once a source: it counts as one field. */
    @Test
    void aFieldAddedToARepeatedRecordCountsOnce() throws Exception {
        record Sourced(String name, List<Source> sources) {
        }
        record Sourced2(String name, List<Source2> sources) {
        }
        List<Source> old = java.util.stream.IntStream.range(0, 20).mapToObj(i -> new Source("t" + i, "https://example.org/" + i)).toList();
        List<Source2> now = old.stream().map(source -> new Source2(source.title(), null, source.url())).toList();
        String stored = sha256(json.writeValueAsString(new Sourced("fab", old)));
        assertTrue(same(stored, new Sourced2("fab", now)));
    }

    /** An amount with a huge exponent, which validation may let through, has a canonical form as short as its digits. */
    @Test
    void aHugeExponentCostsItsDigitsOnly() {
        record Amount(BigDecimal amountUsd) {
        }
        String fingerprint = fingerprints.of(new Amount(new BigDecimal("1E-1000000000")));
        assertTrue(fingerprint.startsWith(RequestFingerprint.CANONICAL) && fingerprint.length() == 3 + 64, fingerprint);
        assertEquals("{\"amountUsd\":1e-1000000000}", fingerprints.canonical(fingerprints.write(new Amount(new BigDecimal("1E-1000000000")))));
        String longDigits = "9".repeat(995) + "E-1000";
        assertTrue(fingerprints.of(new Amount(new BigDecimal(longDigits))).startsWith(RequestFingerprint.CANONICAL), "read back whatever its length");
    }

    @Test
    void aKeyStoredInTheCanonicalFormIsComparedOnlyInIt() {
        String stored = fingerprints.of(sameRequestInRelease2());
        assertTrue(stored.startsWith(RequestFingerprint.CANONICAL), stored);
        assertTrue(same(stored, SENT_IN_RELEASE_1));
        assertFalse(same(stored.replace(RequestFingerprint.CANONICAL, ""), SENT_IN_RELEASE_1), "a bare hash is the old form's");
    }

    private boolean same(String stored, Object request) {
        return fingerprints.sameRequest(stored, fingerprints.of(request), request);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
