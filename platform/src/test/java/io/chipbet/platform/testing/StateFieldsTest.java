package io.chipbet.platform.testing;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check fails for what a newcomer forgets: a state field no request sets, and a derived entry gone stale. */
class StateFieldsTest {

    record State(UUID id, String name, String postalCode, Integer slipMonths, long version) {
    }

    record Create(String name, String postalCode) {
    }

    record CreateWithoutIt(String name) {
    }

    @Test
    void aFieldSentByARequestOrDerivedPasses() {
        assertDoesNotThrow(() -> StateFields.assertEachIsSentOrDerived(State.class, Map.of("slipMonths", "from the dates"), List.of(Create.class)));
    }

    @Test
    void aFieldNoRequestSetsFailsNamingIt() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> StateFields.assertEachIsSentOrDerived(State.class, Map.of("slipMonths", "from the dates"), List.of(CreateWithoutIt.class)));
        assertTrue(failure.getMessage().contains("[postalCode]"), failure.getMessage());
    }

    @Test
    void aDerivedEntryThatIsNoFieldOrIsSentFails() {
        assertThrows(AssertionFailedError.class, () -> StateFields.assertEachIsSentOrDerived(State.class,
                Map.of("slipMonths", "from the dates", "gone", "a field since removed"), List.of(Create.class)));
        assertThrows(AssertionFailedError.class, () -> StateFields.assertEachIsSentOrDerived(State.class,
                Map.of("slipMonths", "from the dates", "name", "sent after all"), List.of(Create.class)));
    }
}
