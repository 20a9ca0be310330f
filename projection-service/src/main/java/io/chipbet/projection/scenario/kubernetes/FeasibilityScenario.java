package io.chipbet.projection.scenario.kubernetes;

import io.chipbet.projection.scenario.ScenarioSpec;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.SchemaSwap;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A scenario declared in Kubernetes. Its spec is exactly {@code POST /api/v1/scenarios}'s body
 * ({@link ScenarioSpec}), so the two cannot drift apart; its status is the answer. The CRD is generated
 * from this class at build time (crd-generator-maven-plugin) and committed in deploy/kubernetes/base/crds.
 */
@Group(FeasibilityScenario.GROUP)
@Version(FeasibilityScenario.VERSION)
@Kind("FeasibilityScenario")
@Plural("feasibilityscenarios")
@Singular("feasibilityscenario")
@ShortNames("fscenario")
@SchemaSwap(originalType = ScenarioSpec.class, fieldName = "changes", targetType = ScenarioChangeSchema[].class)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class FeasibilityScenario extends CustomResource<ScenarioSpec, FeasibilityScenarioStatus> implements Namespaced {

    public static final String GROUP = "chipbet.io";
    public static final String VERSION = "v1alpha1";
}
