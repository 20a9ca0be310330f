package io.chipbet.infra.kafka;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ClusterIdTest {

    /** About 1 in 32 random ids started with '-', which the storage tool read as an option. */
    @Test
    void clusterIdsAreSixteenBytesAndNeverLookLikeAnOption() {
        for (int i = 0; i < 2_000; i++) {
            String id = KafkaBroker.newClusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length);
        }
    }
}
