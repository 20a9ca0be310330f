package io.chipbet.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a body Jackson could not read, in the client's terms: the field as the client
 * wrote it ({@code sources[0].url}) and what it must be, never a Java type or a stack.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    /** Not JSON at all (or JSON with a duplicate field or something after the value), as opposed to a wrong value. */
    static boolean isSyntax(JsonProcessingException e) {
        Throwable root = e;
        while (root.getCause() instanceof JsonProcessingException cause) {
            root = cause;
        }
        if (root instanceof InputCoercionException) {
            return false; // a number out of its type's range: a value problem
        }
        // Jackson 2 has no type of its own for trailing content.
        return root instanceof StreamReadException
                || root instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage().startsWith("Trailing token");
    }

    static String syntaxDetail(JsonProcessingException e) {
        JsonProcessingException root = e;
        while (root.getCause() instanceof JsonProcessingException cause) {
            root = cause;
        }
        JsonLocation location = root.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return "The body is not valid JSON: " + root.getOriginalMessage() + where;
    }

    /** The field that could not be read, empty for the body as a whole, and what it must be. */
    static Problem.Violation violation(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? fieldOf(mapping) : "";
        return new Problem.Violation(field, messageOf(e));
    }

    private static String messageOf(JsonProcessingException e) {
        if (e instanceof RefusedValue refused) {
            return refused.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "is not a field of this request; its fields are " + unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return mustBe(mismatch.getTargetType());
        }
        if (e.getCause() instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
            return mustBe(coercion.getTargetType());
        }
        return "cannot be read: " + e.getOriginalMessage();
    }

    private static String mustBe(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Integer.class || type == int.class) {
            return "must be an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "must be an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == BigInteger.class || type == Short.class || type == short.class) {
            return "must be an integer";
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a date as YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "must be a UTC timestamp such as 2024-02-08T12:00:00Z";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "must be a JSON object" : "has the wrong type";
    }

    /** {@code sources[0].url}: the path as the client wrote it. */
    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
