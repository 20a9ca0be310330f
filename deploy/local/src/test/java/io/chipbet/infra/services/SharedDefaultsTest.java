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
        SharedDefaults.servicePorts().keySet().forEach(service ->
                assertTrue(SharedDefaults.maxHeap(service).matches("\\d+[kmg]"), service + ": " + SharedDefaults.maxHeap(service)));
        assertEquals("256m", SharedDefaults.maxHeap("projection-service"), "the Monte Carlo's heap, as measured");
    }

    @Test
    void aServiceNotListedFailsWithWhereToListIt() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> SharedDefaults.maxHeap("fifth-service"));
        assertTrue(missing.getMessage().contains("chipbet.services.fifth-service.local-max-heap"), missing.getMessage());
    }
}
