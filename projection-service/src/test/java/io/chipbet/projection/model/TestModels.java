package io.chipbet.projection.model;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;

/** The model's configuration as the service reads it (application.properties, test profile), with overrides: no Quarkus needed. */
final class TestModels {

    private TestModels() {
    }

    static ModelConfig config(Map<String, String> overrides) {
        URL properties = TestModels.class.getClassLoader().getResource("application.properties");
        try {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withProfile("test")
                    .withSources(new PropertiesConfigSource(properties, 250))
                    .withSources(new PropertiesConfigSource(overrides, "overrides", 500))
                    .withMapping(ModelConfig.class)
                    .build();
            return config.getConfigMapping(ModelConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FeasibilityModel model(Map<String, String> overrides) {
        ModelConfig config = config(overrides);
        return new FeasibilityModel(config, PlanTerms.of(config, config.plan()));
    }
}
