package io.chipbet.projection.model;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model's configuration with some keys overridden, for a scenario: the service's own
 * configuration (every source, every profile) under the overrides. SmallRye maps and checks it as it
 * does at start-up, so an override that does not fit fails the same way a bad property would.
 */
public final class ModelConfigs {

    /** Above every source the service reads, system properties and environment included. */
    private static final int OVERRIDES_ORDINAL = 10_000;

    private ModelConfigs() {
    }

    public static ModelConfig withOverrides(Map<String, String> overrides) {
        SmallRyeConfig running = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        List<ConfigSource> sources = new ArrayList<>();
        running.getConfigSources().forEach(sources::add);
        return new SmallRyeConfigBuilder()
                .withProfiles(running.getProfiles())
                .withSources(sources)
                .withSources(new PropertiesConfigSource(overrides, "scenario overrides", OVERRIDES_ORDINAL))
                .withMapping(ModelConfig.class)
                .build()
                .getConfigMapping(ModelConfig.class);
    }
}
