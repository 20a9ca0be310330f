package io.chipbet.platform.testing;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every field of an aggregate's state (its event's data) comes from a request, by name (a component of the create's
 * or an update's body), or is one the service derives, each with the reason. A field added to the state and to no
 * request stays null, and no other test notices (docs/architecture.md, "Adding an event field").
 */
public final class StateFields {

    /** What every versioned aggregate's state has, and no request sets. */
    private static final Set<String> RECORD_KEEPING = Set.of("id", "version", "createdAt", "updatedAt");

    private StateFields() {
    }

    /**
     * @param derived  the fields the service works out itself, to the reason (e.g. {@code slipMonths}: "from the dates")
     * @param requests the bodies that set fields: the create's and every update's
     */
    public static void assertEachIsSentOrDerived(Class<? extends Record> state, Map<String, String> derived,
                                                 List<Class<? extends Record>> requests) {
        Set<String> fields = names(state);
        Set<String> sent = requests.stream().flatMap(request -> names(request).stream()).collect(Collectors.toSet());
        Set<String> unexplained = new TreeSet<>(fields);
        unexplained.removeAll(sent);
        unexplained.removeAll(derived.keySet());
        unexplained.removeAll(RECORD_KEEPING);
        assertEquals(Set.of(), unexplained, state.getSimpleName() + "'s fields that no request sets and that are not listed as derived: "
                + "add them to a request body, or to the derived fields with the reason (requests: "
                + requests.stream().map(Class::getSimpleName).toList() + ")");
        Set<String> stale = new TreeSet<>(derived.keySet());
        stale.removeIf(field -> fields.contains(field) && !sent.contains(field));
        assertEquals(Set.of(), stale, "listed as derived, but not a field of " + state.getSimpleName() + ", or a request sets it");
    }

    private static Set<String> names(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
