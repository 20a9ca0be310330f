package io.chipbet.projection.score;

import io.chipbet.projection.model.Assumption;
import io.chipbet.projection.model.ComputeTranslation;
import io.chipbet.projection.model.Explanation;
import io.chipbet.projection.model.FeasibilityModel;
import io.chipbet.projection.model.Inputs;
import io.chipbet.projection.model.ModelConfig;
import io.chipbet.projection.model.Outlook;
import io.chipbet.projection.model.PlanTerms;
import io.chipbet.projection.model.Point;
import io.chipbet.projection.model.Quantiles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the immutable answer readers get, from the ingest side's median-input path and the latest simulation. */
final class Snapshots {

    private Snapshots() {
    }

    /** What the ingest side knows after a batch: the median-input path, the record's counts, and its explanation. */
    record Base(Point central, Explanation explanation, Inputs.Counts counts, long inputsVersion, LocalDate evaluatedOn) {
    }

    /** A finished simulation of one record. */
    record Evaluated(Outlook outlook, List<FeasibilityModel.Swing> sensitivity, long inputsVersion) {
    }

    static Feasibility feasibility(ModelConfig config, PlanTerms plan, List<Assumption> assumptions, Base base, Evaluated evaluated,
                                   Instant asOf, long version, String cause, int changes) {
        double nameplate = plan.nameplateWpm();
        double target = plan.targetWpm();
        Point central = base.central();
        Outlook outlook = evaluated == null ? null : evaluated.outlook();
        Feasibility.Central centralPath = new Feasibility.Central(central.deliverable(), central.deliverable() / nameplate,
                central.shareOfPlan(), central.tracked(), central.buildable(), central.fabs(), central.capital(), central.talent(),
                central.binding());
        Explanation.Reasons reasons = base.explanation().reasons();
        Feasibility.Deliverable deliverable = null;
        Feasibility.Binding binding = null;
        List<Feasibility.Constraint> constraints;
        Feasibility.Compute compute = null;
        List<Feasibility.Swing> sensitivity = List.of();
        if (outlook == null) {
            constraints = List.of(
                    constraint("fabs", "fabs on record, plus new fabs the builders can still finish", null, central.fabs(), nameplate, reasons.fabs()),
                    constraint("capital", "capacity the money on record can pay for", null, central.capital(), nameplate, reasons.capital()),
                    constraint("talent", "capacity the people on record can staff", null, central.talent(), nameplate, reasons.talent()));
        } else {
            deliverable = new Feasibility.Deliverable(outlook.deliverableWpm(), outlook.deliverableWpm().scaled(1 / nameplate),
                    outlook.deliverableWpm().scaled(1 / target), outlook.deliverableCumulativeWafers());
            Map.Entry<String, Double> most = outlook.bindingFrequency().entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElseThrow();
            binding = new Feasibility.Binding(most.getKey(), most.getValue());
            constraints = List.of(
                    constraint("fabs", "fabs on record, plus new fabs the builders can still finish", outlook.fabsWpm(), central.fabs(), nameplate, reasons.fabs()),
                    constraint("capital", "capacity the money on record can pay for", outlook.capitalWpm(), central.capital(), nameplate, reasons.capital()),
                    constraint("talent", "capacity the people on record can staff", outlook.talentWpm(), central.talent(), nameplate, reasons.talent()));
            ModelConfig.Compute c = config.compute();
            int year = plan.horizon().getYear();
            compute = new Feasibility.Compute(outlook.compute().acceleratorsPerYear(), outlook.compute().acceleratorStock(),
                    outlook.compute().largestRunFlop(), outlook.compute().powerGigawatts(),
                    "H100-equivalents a year at the horizon (packaging as a ceiling); the stock made by the horizon; the largest run it supports (FLOP); its power draw (GW)",
                    List.of(new Feasibility.CostLine(String.format(Locale.ROOT, "a frontier run that cost $%,.0fM in %d, if frontier spending grows %.1fx a year",
                                    c.referenceRunCostUsd().value() / 1e6, c.referenceRunYear(), c.frontierSpendGrowth().value()),
                                    ComputeTranslation.frontierCost(c.referenceRunCostUsd().value(), c.referenceRunYear(), year, c.frontierSpendGrowth().value()),
                                    c.frontierSpendGrowth().sourceTitle()),
                            new Feasibility.CostLine(String.format(Locale.ROOT, "the same capability in %d, if its cost falls %.0f%% a year", year,
                                    c.fixedCapabilityCostDecline().value() * 100),
                                    ComputeTranslation.fixedCapabilityCost(c.referenceRunCostUsd().value(), c.referenceRunYear(), year,
                                            c.fixedCapabilityCostDecline().value()), c.fixedCapabilityCostDecline().sourceTitle())));
            sensitivity = evaluated.sensitivity().stream().map(swing -> new Feasibility.Swing(swing.input(), swing.atP10(), swing.atP90(),
                    Math.abs(swing.atP90() - swing.atP10()))).toList();
        }
        String fabsWord = fabs(plan.fabs());
        String question = String.format(Locale.ROOT, "Can the money, fabs and people on record deliver %s new leading-edge fabs "
                + "(%,.0f wafers a month) by %s?", fabsWord, target, plan.horizon());
        String headline = headline(plan, outlook, binding, central);
        return new Feasibility(plan.key(), question, headline, outlook == null ? null : outlook.probability(), deliverable, binding,
                outlook == null ? null : outlook.bindingFrequency(), constraints, outlook == null ? List.of() : outlook.chanceOfShare(),
                sensitivity, compute, centralPath,
                new Feasibility.Plan(plan.key(), plan.label(), plan.fabs(), plan.nameplateWpm(), target, plan.costPerFabUsd(), plan.horizon(),
                        config.baseline().basis().name()),
                outlook == null ? null : new Feasibility.Simulation(outlook.samples(), outlook.seed(),
                        evaluated.inputsVersion() == base.inputsVersion()),
                base.counts(), base.evaluatedOn(), asOf, version, cause, changes, assumptions);
    }

    private static Feasibility.Constraint constraint(String name, String label, Quantiles wpm, double centralWpm, double nameplate,
                                                     String reason) {
        return new Feasibility.Constraint(name, label, wpm, wpm == null ? null : wpm.scaled(1 / nameplate), centralWpm, reason);
    }

    /** "On the record today, the 36-fab plan has a 0.4% chance by 2030-12-31; the likely outcome is 4.1 fabs' worth (P10 2.2 - P90 7.9), bound by talent in 61% of samples." */
    private static String headline(PlanTerms plan, Outlook outlook, Feasibility.Binding binding, Point central) {
        String planWords = "the " + fabs(plan.fabs()) + "-fab plan";
        if (outlook == null) {
            return String.format(Locale.ROOT, "On the record today, %s would deliver %.1f fabs' worth by %s with every input at its median; "
                    + "its probability is being computed.", planWords, central.deliverable() / plan.nameplateWpm(), plan.horizon());
        }
        Quantiles fabsWorth = outlook.deliverableWpm().scaled(1 / plan.nameplateWpm());
        String bound = binding.constraint().equals("none") ? "with the plan met in " + percent(binding.frequency()) + " of samples"
                : "bound by " + binding.constraint() + " in " + percent(binding.frequency()) + " of samples";
        return String.format(Locale.ROOT, "On the record today, %s has a %s chance by %s; the likely outcome is %.1f fabs' worth "
                        + "(P10 %.1f – P90 %.1f), %s.", planWords, percent(outlook.probability()), plan.horizon(), fabsWorth.p50(),
                fabsWorth.p10(), fabsWorth.p90(), bound);
    }

    static String percent(double share) {
        double percent = share * 100;
        return percent > 0 && percent < 1 ? String.format(Locale.ROOT, "%.1f%%", percent) : String.format(Locale.ROOT, "%.0f%%", percent);
    }

    private static String fabs(double count) {
        return count == Math.rint(count) ? String.valueOf((long) count) : String.format(Locale.ROOT, "%.1f", count);
    }
}
