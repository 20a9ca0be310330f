package io.chipbet.platform.idempotency;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an Idempotency-Key is bound to: the SHA-256 of the request in a canonical JSON form, with absent (null)
 * members left out and members sorted by name. So a request stays the same request across an upgrade that adds
 * an optional field to its body: the field is null in the replay, and left out as it was before.
 *
 * <p>Keys stored before this form ({@link #legacyMatches}) were hashed over the body as Jackson wrote it, nulls
 * included and in declaration order. A replay of such a key is recognised by writing the request that way again
 * without some of its null members: those are the fields added since the key was stored.
 */
final class RequestFingerprint {

    /**
     * The most null members whose every subset is tried against a key stored in the old form (2^10 hashes); with
     * more, the subsets of up to {@value #LEGACY_SUBSET_SIZE} members are. Tried only when a key's hash differs.
     */
    static final int LEGACY_ALL_SUBSETS_UP_TO = 10;
    static final int LEGACY_SUBSET_SIZE = 3;

    private final ObjectMapper json;

    RequestFingerprint(ObjectMapper json) {
        this.json = json;
    }

    /** The fingerprint stored with a key. */
    String of(Object request) {
        return sha256(canonical(write(request)));
    }

    /** Whether a request is the one a key was stored for, in either form. */
    boolean sameRequest(String stored, Object request) {
        return stored.equals(of(request)) || legacyMatches(stored, request);
    }

    private boolean legacyMatches(String stored, Object request) {
        String asWritten = write(request);
        int nulls = countNullMembers(asWritten);
        for (long dropped : subsets(nulls)) {
            if (stored.equals(sha256(withoutNullMembers(asWritten, dropped)))) {
                return true;
            }
        }
        return false;
    }

    /** Bit masks over the null members: every subset if there are few, else those of a few members. */
    static List<Long> subsets(int members) {
        List<Long> masks = new ArrayList<>();
        int usable = Math.min(members, 63);
        if (usable <= LEGACY_ALL_SUBSETS_UP_TO) {
            for (long mask = 0; mask < 1L << usable; mask++) {
                masks.add(mask);
            }
        } else {
            addCombinations(masks, 0L, 0, usable, LEGACY_SUBSET_SIZE);
        }
        return masks;
    }

    private static void addCombinations(List<Long> masks, long chosen, int from, int members, int left) {
        masks.add(chosen);
        if (left == 0) {
            return;
        }
        for (int bit = from; bit < members; bit++) {
            addCombinations(masks, chosen | 1L << bit, bit + 1, members, left - 1);
        }
    }

    /**
     * The canonical form: members sorted by name and nulls left out, at every depth; a number as its plain decimal
     * without trailing zeros, so 900 and 900.00 are one amount. Defined here, not by Jackson's settings, so that an
     * upgrade of Jackson does not change it.
     */
    String canonical(String text) {
        StringWriter out = new StringWriter(text.length());
        try (JsonParser parser = json.getFactory().createParser(text);
             JsonGenerator generator = json.getFactory().createGenerator(out)) {
            parser.nextToken();
            writeCanonical(read(parser), generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A number's canonical text, kept apart from strings. */
    private record Decimal(String plain) {
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
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                BigDecimal number = new BigDecimal(parser.getText());
                yield new Decimal(number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
            }
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
            generator.writeNumber(number.plain());
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else {
            generator.writeNull();
        }
    }

    private int countNullMembers(String text) {
        int count = 0;
        try (JsonParser parser = json.getFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NULL && parser.currentName() != null && parser.getParsingContext().inObject()) {
                    count++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    /**
     * The text again, token by token, without the null members whose bit is set in {@code dropped} (the n-th null
     * member is bit n). Numbers are copied as written, so the text is the same to the byte where nothing is dropped.
     */
    String withoutNullMembers(String text, long dropped) {
        StringWriter out = new StringWriter(text.length());
        try (JsonParser parser = json.getFactory().createParser(text);
             JsonGenerator generator = json.getFactory().createGenerator(out)) {
            int nullMember = 0;
            String pendingName = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    pendingName = parser.currentName();
                    continue;
                }
                if (pendingName != null) {
                    if (token == JsonToken.VALUE_NULL && (dropped & (1L << nullMember++)) != 0) {
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

    /** The request as Jackson writes it: the form keys were stored in before the canonical one. */
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
