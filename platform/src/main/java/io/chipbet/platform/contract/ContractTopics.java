package io.chipbet.platform.contract;

import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.contract.score.ScenarioTopics;
import io.chipbet.platform.contract.score.ScoreTopics;
import io.chipbet.platform.contract.talent.TalentTopics;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * The topic names, from their one definition (the {@code *Topics} constants), as configuration:
 * {@code ${chipbet.topics.fabs}} and so on, for channel settings that must name a topic
 * (projection-service's consumer and dead letters). Registered in
 * {@code META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}; below every file's ordinal.
 */
public class ContractTopics implements ConfigSource {

    private static final Map<String, String> TOPICS = Map.of(
            "chipbet.topics.commitments", FundingTopics.COMMITMENTS,
            "chipbet.topics.fabs", FabTopics.PROJECTS,
            "chipbet.topics.talent", TalentTopics.POOLS,
            "chipbet.topics.scores", ScoreTopics.SCORES,
            "chipbet.topics.scenarios", ScenarioTopics.SCENARIOS,
            "chipbet.topics.dead-letters", ScoreTopics.DEAD_LETTERS);

    @Override
    public Set<String> getPropertyNames() {
        return TOPICS.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return TOPICS.get(propertyName);
    }

    @Override
    public String getName() {
        return "chipbet contract topics";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
