package io.chipbet.platform.idempotency;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an Idempotency-Key is bound to: {@value #CANONICAL} and the SHA-256 of the request in a canonical JSON form,
 * with null members left out and members sorted by name. So a request stays the same request across an upgrade that
 * adds an optional field to its body: the field is null in the replay, and left out as it was before.
 *
 * <p>Keys stored before this form (a bare hash, {@link #legacyMatches}) were hashed over the body as Jackson wrote
 * it, nulls included and in declaration order. A replay of such a key is recognised by writing the request that way
 * again without the null members of some fields: those added since the key was stored. A field is a path with array
 * positions left out ({@code sources[].publisher}), so a field added to a repeated record counts once.
 */
final class RequestFingerprint {

    /** Marks a fingerprint in the canonical form; a stored hash without it is in the old form. */
    static final String CANONICAL = "c1:";
    /**
     * The most fields with nulls whose every subset is tried against a key stored in the old form (2^10 hashes); with
     * more, the subsets of up to {@value #LEGACY_SUBSET_SIZE} fields, and at most {@value #LEGACY_MAX_TRIES} in all.
     * Tried only for a key stored in the old form whose hash differs: those expire with the retention.
     */
    static final int LEGACY_ALL_SUBSETS_UP_TO = 10;
    static final int LEGACY_SUBSET_SIZE = 3;
    static final int LEGACY_MAX_TRIES = 4_096;

    private final ObjectMapper json;
    /**
     * Reads back what the mapper wrote: without the length limit on numbers a request's own parser applies, since a
     * value it accepted in exponent form may be written out longer.
     */
    private final JsonFactory reader;

    RequestFingerprint(ObjectMapper json) {
        this.json = json;
        this.reader = json.getFactory().rebuild()
                .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE).build()).build();
    }

    /** The fingerprint stored with a key. */
    String of(Object request) {
        return CANONICAL + sha256(canonical(write(request)));
    }

    /** Whether a request is the one a key was stored for, its fingerprint being {@code fingerprint} (from {@link #of}). */
    boolean sameRequest(String stored, String fingerprint, Object request) {
        if (stored.startsWith(CANONICAL)) {
            return stored.equals(fingerprint);
        }
        return legacyMatches(stored, request);
    }

    private boolean legacyMatches(String stored, Object request) {
        String asWritten = write(request);
        List<String> fields = List.copyOf(fieldsWithNulls(asWritten));
        for (Set<String> dropped : subsets(fields)) {
            if (stored.equals(sha256(withoutNulls(asWritten, dropped)))) {
                return true;
            }
        }
        return false;
    }

    /** Sets of fields to leave the nulls of out, smaller sets first: every subset if there are few, else those of a few fields. */
    static List<Set<String>> subsets(List<String> fields) {
        List<Set<String>> subsets = new ArrayList<>();
        int most = fields.size() <= LEGACY_ALL_SUBSETS_UP_TO ? fields.size() : LEGACY_SUBSET_SIZE;
        for (int size = 0; size <= most; size++) {
            combinations(subsets, new ArrayList<>(), 0, fields, size);
        }
        return subsets;
    }

    private static void combinations(List<Set<String>> subsets, List<String> chosen, int from, List<String> fields, int size) {
        if (subsets.size() >= LEGACY_MAX_TRIES) {
            return;
        }
        if (chosen.size() == size) {
            subsets.add(Set.copyOf(chosen));
            return;
        }
        for (int i = from; i < fields.size(); i++) {
            chosen.add(fields.get(i));
            combinations(subsets, chosen, i + 1, fields, size);
            chosen.remove(chosen.size() - 1);
        }
    }

    /**
     * The canonical form: members sorted by name and nulls left out, at every depth; a number as its digits without
     * trailing zeros and its exponent ({@code 900.00} and {@code 9E+2} are {@code 9e2}), so one amount has one form
     * and the form is as long as the digits, whatever the exponent.
     */
    String canonical(String text) {
        StringWriter out = new StringWriter(text.length());
        try (JsonParser parser = reader.createParser(text);
             JsonGenerator generator = json.getFactory().createGenerator(out)) {
            parser.nextToken();
            writeCanonical(read(parser), generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A number's canonical text, kept apart from strings. */
    private record Decimal(String text) {

        static Decimal of(String written) {
            BigDecimal number = new BigDecimal(written);
            if (number.signum() == 0) {
                return new Decimal("0");
            }
            BigDecimal stripped = number.stripTrailingZeros();
            return new Decimal(stripped.unscaledValue() + "e" + (-(long) stripped.scale()));
        }
    }

    /** The value at the parser's current token: a sorted map, a list, a string, a {@link Decimal}, a boolean or null. */
    private static Object read(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                TreeMap<String, Object> members = new TreeMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    Object value = read(parser);
                    if (value != null) {
                        members.put(name, value);
                    }
                }
                yield members;
            }
            case START_ARRAY -> {
                List<Object> elements = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(read(parser));
                }
                yield elements;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Decimal.of(parser.getText());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalStateException("Unexpected " + parser.currentToken());
        };
    }

    private static void writeCanonical(Object value, JsonGenerator generator) throws IOException {
        if (value instanceof Map<?, ?> members) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> member : members.entrySet()) {
                generator.writeFieldName((String) member.getKey());
                writeCanonical(member.getValue(), generator);
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> elements) {
            generator.writeStartArray();
            for (Object element : elements) {
                writeCanonical(element, generator);
            }
            generator.writeEndArray();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Decimal number) {
            generator.writeNumber(number.text());
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else {
            generator.writeNull();
        }
    }

    /** The fields that are null somewhere in the text, in the order they first are. */
    private Set<String> fieldsWithNulls(String text) {
        Set<String> fields = new LinkedHashSet<>();
        try (JsonParser parser = reader.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NULL && parser.getParsingContext().inObject()) {
                    fields.add(field(parser.getParsingContext()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    /** An object member's path with array positions left out: {@code sources[].publisher}. */
    private static String field(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            path.insert(0, at.inArray() ? "[]" : "." + at.getCurrentName());
        }
        return path.toString();
    }

    /**
     * The text again, token by token, without the null members of those fields. Strings are escaped and numbers copied
     * as the mapper wrote them, so the text is the same to the byte where nothing is left out (RequestFingerprintTest).
     */
    String withoutNulls(String text, Set<String> fields) {
        StringWriter out = new StringWriter(text.length());
        try (JsonParser parser = reader.createParser(text);
             JsonGenerator generator = json.getFactory().createGenerator(out)) {
            String pendingName = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    pendingName = parser.currentName();
                    continue;
                }
                if (pendingName != null) {
                    if (token == JsonToken.VALUE_NULL && fields.contains(field(parser.getParsingContext()))) {
                        pendingName = null;
                        continue;
                    }
                    generator.writeFieldName(pendingName);
                    pendingName = null;
                }
                switch (token) {
                    case START_OBJECT -> generator.writeStartObject();
                    case END_OBJECT -> generator.writeEndObject();
                    case START_ARRAY -> generator.writeStartArray();
                    case END_ARRAY -> generator.writeEndArray();
                    case VALUE_STRING -> generator.writeString(parser.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> generator.writeNumber(parser.getText());
                    case VALUE_TRUE, VALUE_FALSE -> generator.writeBoolean(token == JsonToken.VALUE_TRUE);
                    case VALUE_NULL -> generator.writeNull();
                    default -> throw new IllegalStateException("Unexpected " + token + " in " + text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The request as the mapper writes it: what both forms start from. */
    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not serializable as JSON: " + value, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
