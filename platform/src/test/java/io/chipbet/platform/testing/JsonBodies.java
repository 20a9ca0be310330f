package io.chipbet.platform.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a request body (maps, lists and scalars, as a test builds it) to vary one value at a time.
 * Paths name a value as the API's problems do: {@code amountUsd}, {@code sources[0].url}.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** One value in a body: its path (field names and list indexes) and the value. */
    public record Leaf(List<Object> path, Object value) {

        /** The field as a problem names it, e.g. {@code sources[0].url}. */
        public String field() {
            StringBuilder field = new StringBuilder();
            for (Object step : path) {
                if (step instanceof Integer index) {
                    field.append('[').append(index).append(']');
                } else {
                    field.append(field.isEmpty() ? "" : ".").append(step);
                }
            }
            return field.toString();
        }

        public boolean isText() {
            return value instanceof String;
        }

        /** A date as the API writes it, YYYY-MM-DD. */
        public boolean isDate() {
            return value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}");
        }

        public boolean isInteger() {
            return value instanceof Integer || value instanceof Long;
        }

        public boolean isDecimal() {
            return value instanceof BigDecimal;
        }

        public boolean isContainer() {
            return value instanceof Map<?, ?> || value instanceof List<?>;
        }
    }

    /** Every value of the body, containers included, depth first. */
    public static List<Leaf> leaves(Map<String, Object> body) {
        List<Leaf> leaves = new ArrayList<>();
        collect(body, new ArrayList<>(), leaves);
        return leaves;
    }

    /** A deep copy of the body with the value at {@code path} replaced. */
    public static Map<String, Object> with(Map<String, Object> body, List<Object> path, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) copy(body);
        Object node = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            node = step(node, path.get(i));
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) node;
            list.set(index, value);
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) node;
            map.put((String) last, value);
        }
        return copy;
    }

    private static void collect(Object node, List<Object> path, List<Leaf> leaves) {
        if (!path.isEmpty()) {
            leaves.add(new Leaf(List.copyOf(path), node));
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                path.add(key);
                collect(value, path, leaves);
                path.remove(path.size() - 1);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                path.add(i);
                collect(list.get(i), path, leaves);
                path.remove(path.size() - 1);
            }
        }
    }

    private static Object step(Object node, Object key) {
        return key instanceof Integer index ? ((List<?>) node).get(index) : ((Map<?, ?>) node).get(key);
    }

    private static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put((String) key, copy(value)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(value -> copy.add(copy(value)));
            return copy;
        }
        return node;
    }
}
