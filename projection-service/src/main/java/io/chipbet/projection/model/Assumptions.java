package io.chipbet.projection.model;

import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The model's configuration as the API shows it: each value with its source (../shared/reference). */
public final class Assumptions {

    private Assumptions() {
    }

    public static List<Assumption> of(ModelConfig config) {
        List<Assumption> all = new ArrayList<>();
        all.add(Assumption.sourced("capitalTargetUsd", config.capitalTargetUsd(), "USD",
                "Sam Altman's $7 Trillion 'Moonshot' (WSJ The Journal podcast, Feb 14 2024): the reported high end",
                "https://gimletmedia.com/shows/the-journal/llhevgdz/sam-altmans-7-trillion-moonshot"));
        all.add(Assumption.ours("horizon", config.horizon(), "date"));
        all.add(Assumption.sourced("fabCostUsd", config.fabCostUsd(), "USD per fab",
                "2nm-capable fab cost (IBS estimate, 2023)", null));
        all.add(Assumption.sourced("fabCapacityWafersPerMonth", config.fabCapacityWafersPerMonth(), "wafers per month per fab",
                "TSMC 2nm capacity target, end-2025 (50,000 wpm)", null));
        all.add(Assumption.ours("capacityTargetWafersPerMonth", Model.capacityTarget(config), "wafers per month"));
        all.add(Assumption.ours("nodeClasses", config.nodeClasses(), "node classes in scope"));
        for (CommitmentStatus status : CommitmentStatus.values()) {
            all.add(Assumption.ours("statusWeight." + status, config.statusWeight().getOrDefault(status, BigDecimal.ZERO),
                    "share of the undisbursed amount"));
        }
        for (Purpose purpose : Purpose.values()) {
            all.add(Assumption.ours("purposeWeight." + purpose, config.purposeWeight().getOrDefault(purpose, BigDecimal.ZERO),
                    "share that builds fabs"));
        }
        all.add(Assumption.ours("constructionOverlap", config.constructionOverlap(),
                "share of the construction peak workforce needed at the horizon"));
        return all;
    }
}
