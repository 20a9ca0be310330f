package io.chipbet.infra.services;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local run reads platform's one list of services: each one listed with a port can be started. */
class SharedDefaultsTest {

    @Test
    void everyServiceWithAPortHasAMaximumHeap() {
        assertFalse(SharedDefaults.servicePorts().isEmpty(), "no chipbet.services.<name>.port lines were read");
        SharedDefaults.servicePorts().keySet().forEach(SharedDefaults::maxHeap);
    }

    @Test
    void aHeapSizeTheJvmWouldRefuseFailsNamingItsLine() {
        assertEquals("144m", SharedDefaults.heapSize("fab-service", "144m"));
        assertEquals("1G", SharedDefaults.heapSize("fab-service", "1G"));
        for (String refused : new String[]{"144MB", "144 m", "", "-Xmx144m"}) {
            IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> SharedDefaults.heapSize("fab-service", refused));
            assertTrue(wrong.getMessage().contains("chipbet.services.fab-service.local-max-heap=" + refused), wrong.getMessage());
        }
    }

    @Test
    void aServiceNotListedFailsWithWhereToListIt() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> SharedDefaults.maxHeap("fifth-service"));
        assertTrue(missing.getMessage().contains("chipbet.services.fifth-service.local-max-heap"), missing.getMessage());
    }
}
