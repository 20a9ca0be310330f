package io.chipbet.projection.score;

import io.chipbet.projection.model.Assumption;
import io.chipbet.projection.model.Inputs;
import io.chipbet.projection.model.Model;
import io.chipbet.projection.model.ModelConfig;
import io.chipbet.projection.model.Score;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Builds the immutable views that readers get, from the ingest thread's inputs. */
final class Snapshots {

    private static final int TOP = 50;

    private Snapshots() {
    }

    static Feasibility feasibility(ModelConfig config, List<Assumption> assumptions, Score score, Instant asOf, long version,
                                   String cause, int changes) {
        return new Feasibility(config.planId(), score.score(), score.bindingConstraint(), score.geometricMean(),
                score.capital(), score.capacity(), score.talent(), score.inputs(), asOf, version, cause, changes, assumptions);
    }

    static InputsView inputs(ModelConfig config, Inputs inputs) {
        List<InputsView.CapitalInput> capital = inputs.commitments.values().stream()
                .map(c -> new InputsView.CapitalInput(c.id(), c.investor().name(), c.status().name(), c.purpose().name(),
                        c.amountUsd(), c.disbursedUsd(), Model.weightedCapital(config, c).doubleValue()))
                .sorted(Comparator.comparingDouble(InputsView.CapitalInput::weightedUsd).reversed()).limit(TOP).toList();
        List<InputsView.FabInput> fabs = inputs.fabs.values().stream()
                .map(f -> new InputsView.FabInput(f.id(), f.name(), f.operator(), f.region(), f.nodeClass().name(), f.status().name(),
                        f.capacityWafersPerMonth(), f.plannedProductionDate(), f.actualProductionDate(),
                        Model.expectedFurtherSlipMonths(f, inputs.fabs.values()),
                        Model.expectedOnline(f, inputs.fabs.values()).filter(date -> !date.equals(java.time.LocalDate.MIN)).orElse(null),
                        Model.countsForCapacity(config, f, inputs.fabs.values())))
                .sorted(Comparator.comparing(InputsView.FabInput::expectedOnline, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<InputsView.TalentInput> talent = inputs.pools.values().stream()
                .map(p -> new InputsView.TalentInput(p.id(), p.region(), p.role() == null ? "ALL_ROLES" : p.role().name(), p.asOfYear(), p.headcount(),
                        Model.netAddition(config, p, inputs.programs.values())))
                .sorted(Comparator.comparing(InputsView.TalentInput::region).thenComparing(InputsView.TalentInput::role)).toList();
        return new InputsView(capital, fabs, talent, Model.operationsPerWaferMonth(inputs.fabs.values()),
                Model.constructionPeakPerWaferMonth(inputs.fabs.values()));
    }
}
