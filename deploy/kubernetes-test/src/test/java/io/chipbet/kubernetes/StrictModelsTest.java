package io.chipbet.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every object of every overlay fits its typed model (fabric8, Strimzi) or its CRD's schema (CloudNativePG), strictly. */
class StrictModelsTest {

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectFitsItsModel(String overlay) {
        List<JsonNode> objects = Manifests.rendered(overlay);
        assertFalse(objects.isEmpty(), overlay + " renders nothing");
        objects.forEach(Models::loadStrictly);
    }

    /** The loading itself is what the test above relies on: it must refuse what the API server would drop or refuse. */
    @Test
    void anUnknownFieldOrAWrongTypeFails() {
        JsonNode deployment = Manifests.one(Manifests.rendered("prod"), "Deployment", "funding-service");
        ObjectNode unknown = deployment.deepCopy();
        ((ObjectNode) unknown.path("spec").path("template").path("spec").path("containers").get(0)).put("livenessprobe", "typo");
        assertThrows(AssertionError.class, () -> Models.loadStrictly(unknown));

        ObjectNode wrongType = deployment.deepCopy();
        ((ObjectNode) wrongType.path("spec").path("template").path("spec")).put("terminationGracePeriodSeconds", "45s");
        assertThrows(AssertionError.class, () -> Models.loadStrictly(wrongType));

        JsonNode topic = Manifests.one(Manifests.rendered("prod"), "KafkaTopic", "chipbet-fabs-projects-v1");
        ObjectNode topicTypo = topic.deepCopy();
        ((ObjectNode) topicTypo.path("spec")).put("replication", 3);
        assertThrows(AssertionError.class, () -> Models.loadStrictly(topicTypo));

        JsonNode cluster = Manifests.one(Manifests.rendered("prod"), "Cluster", "chipbet-postgres");
        ObjectNode clusterTypo = cluster.deepCopy();
        ((ObjectNode) clusterTypo.path("spec")).put("instance", 3);
        assertThrows(AssertionError.class, () -> Models.loadStrictly(clusterTypo));
        ObjectNode clusterWrongType = cluster.deepCopy();
        ((ObjectNode) clusterWrongType.path("spec")).put("instances", "three");
        assertThrows(AssertionError.class, () -> Models.loadStrictly(clusterWrongType));
    }
}
