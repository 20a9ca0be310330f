package io.chipbet.platform.event;

import io.chipbet.platform.api.Amounts;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The fields that differ between two states of the same record type: an event's {@code changes}. */
public final class FieldChanges {

    /** Bookkeeping that changes with every change and so says nothing. */
    private static final Set<String> BOOKKEEPING = Set.of("version", "updatedAt", "createdAt");

    private FieldChanges() {
    }

    public static <R extends Record> List<FieldChange> between(R before, R after) {
        List<FieldChange> changes = new ArrayList<>();
        for (RecordComponent component : after.getClass().getRecordComponents()) {
            if (BOOKKEEPING.contains(component.getName())) {
                continue;
            }
            Object from = read(component, before);
            Object to = read(component, after);
            if (!equal(from, to)) {
                changes.add(FieldChange.of(component.getName(), from, to));
            }
        }
        return changes;
    }

    /** BigDecimals compare by value: 900 and 900.00 are no change. */
    private static boolean equal(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return Amounts.same(x, y);
        }
        return Objects.equals(a, b);
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }
}
