package io.chipbet.chaos;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TrainingProgramState;
import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.contract.talent.TalentTopics;
import io.chipbet.projection.model.FeasibilityModel;
import io.chipbet.projection.model.ModelConfig;
import io.chipbet.projection.model.PlanTerms;
import io.chipbet.projection.model.Point;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * The answer recomputed from the three producers' own states alone (I3): fed, in their listing order, to
 * projection-service's own model, with its production configuration. The median-input path is
 * deterministic, so it must equal the served answer's central path; a state the projection missed, kept
 * twice or holds at another version shows as a difference.
 */
final class Recomputation {

    private static final ObjectMapper STATES = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<?>> TYPES = Map.of(FundingTopics.AGGREGATE, CommitmentState.class,
            FabTopics.AGGREGATE, FabState.class, TalentTopics.POOL, TalentPoolState.class,
            TalentTopics.PROGRAM, TrainingProgramState.class, TalentTopics.ESTIMATE, ShortfallEstimateState.class);

    private final ModelConfig config;

    Recomputation() {
        this.config = productionConfig();
    }

    /** The median-input path of the record made of {@code states} (aggregate type -> state), as of {@code evaluatedOn}. */
    Point central(Collection<Map.Entry<String, JsonNode>> states, LocalDate evaluatedOn) {
        FeasibilityModel model = new FeasibilityModel(config, PlanTerms.of(config, config.plan()));
        for (Map.Entry<String, JsonNode> state : states) {
            try {
                model.put(STATES.treeToValue(state.getValue(), TYPES.get(state.getKey())));
            } catch (IOException e) {
                throw new UncheckedIOException("a source state does not read as its contract: " + state.getValue(), e);
            }
        }
        return FeasibilityModel.central(model.prepare(evaluatedOn, false));
    }

    /** projection-service's application.properties, from its jar, in the prod profile, as the running service reads it. */
    private static ModelConfig productionConfig() {
        try {
            URL location = FeasibilityModel.class.getProtectionDomain().getCodeSource().getLocation();
            Path where = Path.of(location.toURI());
            URL properties = where.toFile().isDirectory() ? where.resolve("application.properties").toUri().toURL()
                    : new URL("jar:" + where.toUri() + "!/application.properties");
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withProfile("prod")
                    .withSources(new PropertiesConfigSource(properties, 250))
                    .withMapping(ModelConfig.class)
                    .build();
            return config.getConfigMapping(ModelConfig.class);
        } catch (Exception e) {
            throw new IllegalStateException("projection-service's model configuration cannot be read", e);
        }
    }
}
