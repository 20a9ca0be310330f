package io.chipbet.projection.model;

import io.chipbet.platform.contract.fab.NodeClass;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every number the feasibility model uses, each with its unit and its source, or the words
 * "chipbet assumption" as its source. docs/model.md explains each; GET /api/v1/assumptions lists them.
 * A figure and its source travel together: a value without a source does not start.
 */
@ConfigMapping(prefix = "chipbet.model")
public interface ModelConfig {

    /** The plan being bet on: a key of {@link #plans()}. */
    String plan();

    /** The plans chipbet knows, by key. Each is a set of sourced assumptions. */
    Map<String, Plan> plans();

    /** The evaluation date; absent means today. Tests pin it. */
    Optional<LocalDate> asOf();

    Baseline baseline();

    Fabs fabs();

    Build build();

    Capital capital();

    Talent talent();

    Compute compute();

    Simulation simulation();

    /** A number, its unit and its source. */
    interface Figure {
        double value();

        String unit();

        /** A title, or "chipbet assumption". */
        String sourceTitle();

        Optional<String> sourceUrl();
    }

    /** An uncertain number as P10, P50 and P90 (see {@link Spread}), its unit and its source. */
    interface Uncertain {
        double p10();

        double p50();

        double p90();

        String unit();

        String sourceTitle();

        Optional<String> sourceUrl();
    }

    interface Plan {
        /** As a reader would name it: "36 new plants, as pitched in Asia (Sep 2024)". */
        String label();

        /** New fabs the plan needs. */
        Figure fabs();

        /** Wafers a month per fab at full capacity. */
        Figure nameplateWpm();

        /** What one such fab costs. */
        Figure costPerFabUsd();

        /** The date by which the plan's capacity must be online. */
        LocalDate horizon();

        String horizonSource();
    }

    /** Whether the plan is measured on top of the industry's own growth, and that growth. */
    interface Baseline {
        Basis basis();

        String basisSource();

        /** Leading-edge (7 nm and below) capacity at the start of the baseline. */
        Figure capacityStart();

        int startYear();

        /** The same, at the end of the baseline. */
        Figure capacityEnd();

        int endYear();
    }

    enum Basis {
        /** The plan's new capacity must be built, staffed and paid for beyond what the industry's own growth takes. */
        INCREMENT,
        /** The industry's own growth counts toward the plan. */
        ABSOLUTE
    }

    interface Fabs {
        /** Node classes that make leading-edge AI accelerators (the unit of the model). */
        Set<NodeClass> nodeClasses();

        String nodeClassesSource();

        /** Months to ramp from first production to nameplate. */
        Uncertain rampMonths();

        /** Further slip beyond a fab's plan where no peers are observed: an exponential with this mean (months), in Taiwan. */
        Figure slipPriorMeanMonths();

        /** Pseudo-observations the prior weighs, beside each observed peer. */
        Figure slipPriorWeight();

        /** Build time of a region relative to Taiwan's; regions not named take 1. */
        Map<String, Figure> buildTimeRatio();

        /** Chance that a paused fab restarts, and the further delay when it does. */
        Figure pausedRestartProbability();

        Figure pausedRestartDelayMonths();

        /** Chance that a fab not yet producing and reported to have no customer pauses; if it does, it restarts as a paused fab would. */
        Figure noCustomerPauseProbability();
    }

    /** New capacity that no tracked fab supplies: only fabs not yet started, at the rate the builders can add them. */
    interface Build {
        /** Months from the decision to production for a new fab (site, permits, construction, tools). */
        Uncertain buildMonths();

        /**
         * Extra leading-edge capacity a year the three builders could add for the plan, as a multiple of
         * the industry's own additions (the baseline's growth a year).
         */
        Uncertain surge();

        /** The companies able to build leading-edge fabs. */
        Figure builders();
    }

    interface Capital {
        /** Share of a commitment's undisbursed amount that is paid in the end, by status. */
        Map<CommitmentStatus, Uncertain> conversion();

        /** Share of a commitment that builds fabs, by purpose. Purposes not named count nothing. */
        Map<Purpose, Uncertain> fabShare();

        /** Investors from these countries are outside this bet (ISO 3166 codes). */
        Set<String> excludedInvestorCountries();

        String excludedInvestorCountriesSource();

        /** What a wafer a month of new capacity costs, as a multiple of the plan's own cost per wafer a month. */
        Uncertain costMultiple();
    }

    interface Talent {
        /** Operations staff per wafer a month of leading-edge capacity. */
        Uncertain staffPerWpm();

        /** The same for mature nodes: shown beside it, never mixed in. */
        Figure matureStaffPerWpm();

        String scope();
    }

    interface Compute {
        /** Good H100-size dies per 300 mm wafer. */
        Uncertain goodDiesPerWafer();

        /** H100 throughput at the training precision. */
        Figure flopPerSecond();

        /** Share of peak throughput a training run achieves. */
        Figure utilization();

        Uncertain runMonths();

        /** Share of the stock one actor can muster for one run. */
        Uncertain actorShare();

        Figure wattsPerAccelerator();

        /** CoWoS packaging capacity at the end of the start year, its growth while sourced, and after. */
        Figure packagingWpm();

        int packagingYear();

        Figure packagingGrowthSourced();

        int packagingGrowthSourcedUntil();

        Uncertain packagingGrowthAfter();

        /** A frontier run that cost this much in its year, and what becomes of that cost. */
        Figure referenceRunCostUsd();

        int referenceRunYear();

        /** Frontier run spending growth a year (x). */
        Figure frontierSpendGrowth();

        /** Cost decline a year for a fixed capability (fraction). */
        Figure fixedCapabilityCostDecline();
    }

    interface Simulation {
        Figure samples();

        Figure seed();

        /** Share of the plan for which the probability of reaching it is also reported. */
        @WithName("reported-shares")
        Set<Double> reportedShares();
    }
}
