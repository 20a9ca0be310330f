package io.chipbet.projection.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.fab.NodeClass;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.InvestorKind;
import io.chipbet.platform.contract.funding.InvestorRef;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.platform.contract.talent.TrainingProgramState;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A hypothetical change to the record. It acts on the states as the projection holds them: a change to
 * a fact replaces that fact's state, an addition adds one. Nothing is written anywhere.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ScenarioChange.DelayFab.class, name = "DELAY_FAB"),
        @JsonSubTypes.Type(value = ScenarioChange.CancelFab.class, name = "CANCEL_FAB"),
        @JsonSubTypes.Type(value = ScenarioChange.WithdrawCommitment.class, name = "WITHDRAW_COMMITMENT"),
        @JsonSubTypes.Type(value = ScenarioChange.DisburseCommitment.class, name = "DISBURSE_COMMITMENT"),
        @JsonSubTypes.Type(value = ScenarioChange.ReviseCommitment.class, name = "REVISE_COMMITMENT"),
        @JsonSubTypes.Type(value = ScenarioChange.AddCommitment.class, name = "ADD_COMMITMENT"),
        @JsonSubTypes.Type(value = ScenarioChange.AddTrainingProgram.class, name = "ADD_TRAINING_PROGRAM"),
        @JsonSubTypes.Type(value = ScenarioChange.AddFab.class, name = "ADD_FAB")})
@Schema(description = "A hypothetical change to the record, by kind: each kind names its own fields", oneOf = {ScenarioChange.DelayFab.class, ScenarioChange.CancelFab.class,
        ScenarioChange.WithdrawCommitment.class, ScenarioChange.DisburseCommitment.class, ScenarioChange.ReviseCommitment.class,
        ScenarioChange.AddCommitment.class,
        ScenarioChange.AddTrainingProgram.class, ScenarioChange.AddFab.class})
public sealed interface ScenarioChange {

    SourceRef SCENARIO_SOURCE = new SourceRef("https://chipbet.io/scenarios", "chipbet scenario (hypothetical)");

    /** The fab or commitment this change needs on record, if any. */
    default Optional<UUID> fabOnRecord() {
        return Optional.empty();
    }

    default Optional<UUID> commitmentOnRecord() {
        return Optional.empty();
    }

    /** The record with this change made; {@code index} makes an added fact's id stable across evaluations. */
    List<Object> apply(List<Object> states, UUID scenario, int index);

    @Schema(description = "Delay a tracked fab's planned production by some months", requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "DELAY_FAB"))
    record DelayFab(@NotNull UUID fabId, @NotNull @Min(1) @Max(240) Integer months) implements ScenarioChange {
        @Override
        public Optional<UUID> fabOnRecord() {
            return Optional.of(fabId);
        }

        @Override
        public List<Object> apply(List<Object> states, UUID scenario, int index) {
            // As fab-service would record it: a later plan, and the slip it derives from it.
            return replaceFab(states, fabId, fab -> fab.actualProductionDate() != null || fab.plannedProductionDate() == null ? fab
                    : withPlan(fab, fab.status(), fab.plannedProductionDate().plusMonths(months),
                    fab.slipMonths() == null ? null : fab.slipMonths() + months));
        }
    }

    @Schema(description = "Cancel a tracked fab", requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "CANCEL_FAB"))
    record CancelFab(@NotNull UUID fabId) implements ScenarioChange {
        @Override
        public Optional<UUID> fabOnRecord() {
            return Optional.of(fabId);
        }

        @Override
        public List<Object> apply(List<Object> states, UUID scenario, int index) {
            return replaceFab(states, fabId, fab -> withPlan(fab, FabStatus.CANCELLED, fab.plannedProductionDate(), fab.slipMonths()));
        }
    }

    @Schema(description = "Withdraw a commitment on record", requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "WITHDRAW_COMMITMENT"))
    record WithdrawCommitment(@NotNull UUID commitmentId) implements ScenarioChange {
        @Override
        public Optional<UUID> commitmentOnRecord() {
            return Optional.of(commitmentId);
        }

        @Override
        public List<Object> apply(List<Object> states, UUID scenario, int index) {
            return replaceCommitment(states, commitmentId, c -> withStatus(c, CommitmentStatus.WITHDRAWN, c.disbursedUsd()));
        }
    }

    @Schema(description = "Pay a commitment on record in full", requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "DISBURSE_COMMITMENT"))
    record DisburseCommitment(@NotNull UUID commitmentId) implements ScenarioChange {
        @Override
        public Optional<UUID> commitmentOnRecord() {
            return Optional.of(commitmentId);
        }

        @Override
        public List<Object> apply(List<Object> states, UUID scenario, int index) {
            return replaceCommitment(states, commitmentId, c -> withStatus(c, CommitmentStatus.DISBURSED, c.amountUsd()));
        }
    }

    @Schema(description = "Set a commitment's amount, e.g. the $7T plan as discussed before it was scaled down", requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "REVISE_COMMITMENT"))
    record ReviseCommitment(@NotNull UUID commitmentId, @NotNull @Positive @DecimalMax("100000000000000") BigDecimal amountUsd)
            implements ScenarioChange {
        @Override
        public Optional<UUID> commitmentOnRecord() {
            return Optional.of(commitmentId);
        }

        @Override
        public List<Object> apply(List<Object> states, UUID scenario, int index) {
            return replaceCommitment(states, commitmentId, c -> new CommitmentState(c.id(), c.investor(), amountUsd, c.reportedAmount(),
                    c.reportedCurrency(), c.purpose(), c.status(), c.disbursedUsd().min(amountUsd), c.announcedOn(), c.sources(), c.notes(),
                    c.fundedFabIds(), c.version(), c.createdAt(), c.updatedAt()));
        }
    }

    @Schema(description = "Add a commitment, e.g. $100B PLEDGED for fabs from a sovereign fund", requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "ADD_COMMITMENT"))
    record AddCommitment(@NotNull @Positive @DecimalMax("100000000000000") BigDecimal amountUsd, @NotNull CommitmentStatus status,
                         @NotNull Purpose purpose, @NotBlank @Size(max = 200) String investorName, @NotNull InvestorKind investorKind,
                         @NotNull @Pattern(regexp = "[A-Z]{2}") String investorCountry) implements ScenarioChange {
        @Override
        public List<Object> apply(List<Object> states, UUID scenario, int index) {
            UUID id = addedId(scenario, index);
            Instant now = Instant.EPOCH;
            BigDecimal disbursed = status == CommitmentStatus.DISBURSED ? amountUsd : BigDecimal.ZERO;
            return added(states, new CommitmentState(id, new InvestorRef(addedId(scenario, -index - 1), investorName, investorKind,
                    investorCountry), amountUsd, null, null, purpose, status, disbursed, LocalDate.now(), List.of(SCENARIO_SOURCE),
                    "hypothetical", List.of(), 1, now, now));
        }
    }

    @Schema(description = "Add a training program, e.g. 5,000 technicians a year from 2026", requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "ADD_TRAINING_PROGRAM"))
    record AddTrainingProgram(@NotBlank @Pattern(regexp = "[A-Z]{2,8}") String region, @NotNull TalentRole role,
                              @NotNull @Positive @Max(10_000_000) Long workersPerYear, @NotNull @Min(2000) @Max(2100) Integer startYear,
                              @NotNull @Min(2000) @Max(2100) Integer endYear) implements ScenarioChange {
        @Override
        public List<Object> apply(List<Object> states, UUID scenario, int index) {
            return added(states, new TrainingProgramState(addedId(scenario, index), "hypothetical program", region, role, workersPerYear,
                    startYear, Math.max(startYear, endYear), null, SCENARIO_SOURCE, 1, Instant.EPOCH));
        }
    }

    @Schema(description = "Add a fab, e.g. 50,000 wafers a month in Japan, production 2028", requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "ADD_FAB"))
    record AddFab(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String operator,
                  @NotBlank @Pattern(regexp = "[A-Z]{2,8}") String region, @NotNull NodeClass nodeClass,
                  @NotNull @Positive @Max(10_000_000) Integer capacityWpm, @NotNull LocalDate productionDate) implements ScenarioChange {
        @Override
        public List<Object> apply(List<Object> states, UUID scenario, int index) {
            return added(states, new FabState(addedId(scenario, index), name, operator, null, region.length() == 2 ? region : "ZZ", region,
                    nodeClass, null, null, capacityWpm, null, null, FabStatus.ANNOUNCED, null, null, LocalDate.now(), null, productionDate,
                    productionDate, null, 0, List.of(SCENARIO_SOURCE), 1, Instant.EPOCH, Instant.EPOCH));
        }
    }

    private static UUID addedId(UUID scenario, int index) {
        return UUID.nameUUIDFromBytes((scenario + "/" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static List<Object> added(List<Object> states, Object state) {
        List<Object> all = new java.util.ArrayList<>(states);
        all.add(state);
        return all;
    }

    private static List<Object> replaceFab(List<Object> states, UUID id, java.util.function.UnaryOperator<FabState> change) {
        return states.stream().map(state -> state instanceof FabState fab && fab.id().equals(id) ? change.apply(fab) : state).toList();
    }

    private static List<Object> replaceCommitment(List<Object> states, UUID id, java.util.function.UnaryOperator<CommitmentState> change) {
        return states.stream().map(state -> state instanceof CommitmentState c && c.id().equals(id) ? change.apply(c) : state).toList();
    }

    private static FabState withPlan(FabState f, FabStatus status, LocalDate planned, Integer slipMonths) {
        return new FabState(f.id(), f.name(), f.operator(), f.site(), f.country(), f.region(), f.nodeClass(), f.processLabel(), f.capexUsd(),
                f.capacityWafersPerMonth(), f.operationsHeadcount(), f.constructionPeakHeadcount(), status, f.pausedFrom(), f.customerStatus(), f.announcedOn(),
                f.constructionStartOn(), f.originalProductionDate(), planned, f.actualProductionDate(), slipMonths, f.sources(),
                f.version(), f.createdAt(), f.updatedAt());
    }

    private static CommitmentState withStatus(CommitmentState c, CommitmentStatus status, BigDecimal disbursed) {
        return new CommitmentState(c.id(), c.investor(), c.amountUsd(), c.reportedAmount(), c.reportedCurrency(), c.purpose(), status,
                disbursed, c.announcedOn(), c.sources(), c.notes(), c.fundedFabIds(), c.version(), c.createdAt(), c.updatedAt());
    }
}
