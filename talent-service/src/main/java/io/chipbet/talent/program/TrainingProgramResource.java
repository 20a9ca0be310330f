package io.chipbet.talent.program;

import io.chipbet.platform.api.Amounts;
import io.chipbet.platform.contract.talent.TalentTopics;
import io.chipbet.platform.contract.talent.TrainingProgramState;
import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.idempotency.Idempotency;
import io.chipbet.platform.outbox.Outbox;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import io.chipbet.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/training-programs")
@Tag(name = "Training programs", description = "Programs that add workers each year")
public class TrainingProgramResource {

    private final TrainingProgramRepository programs;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final SecurityIdentity identity;

    public TrainingProgramResource(TrainingProgramRepository programs, Outbox outbox, Idempotency idempotency,
                                   SecurityIdentity identity) {
        this.programs = programs;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Record a training program", description = "Publishes TrainingProgramLaunched, keyed by the program's id.")
    public Uni<Response> launch(@Parameter(description = Idempotency.KEY_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                 @Valid @NotNull NewTrainingProgram request) {
        if (request.endYear() < request.startYear()) {
            return Uni.createFrom().failure(ProblemException.unprocessable("year-order", "Years out of order",
                    "The program ends in " + request.endYear() + ", before it starts in " + request.startYear(),
                    List.of(new Problem.Violation("endYear", "must not be before startYear " + request.startYear()))));
        }
        String actor = identity.getPrincipal().getName();
        return idempotency.create("training-programs", idempotencyKey, request, () -> {
            TrainingProgram program = new TrainingProgram();
            program.id = UUID.randomUUID();
            program.name = request.name().trim();
            program.region = request.region().trim().toUpperCase(Locale.ROOT);
            program.role = request.role();
            program.workersPerYear = request.workersPerYear();
            program.startYear = request.startYear();
            program.endYear = request.endYear();
            program.fundingUsd = Amounts.money(request.fundingUsd());
            program.sourceUrl = request.source().url();
            program.sourceTitle = request.source().title();
            program.createdAt = Amounts.now();
            TrainingProgramState state = program.toState();
            DomainEvent event = DomainEvent.of(TalentTopics.TRAINING_PROGRAM_LAUNCHED, TalentTopics.PROGRAM, program.id, 1,
                    actor, List.of(), state);
            return programs.persist(program).call(() -> outbox.append(TalentTopics.POOLS, event))
                    .replaceWith(new Idempotency.Created(URI.create("/api/v1/training-programs/" + program.id), state, 1));
        });
    }

    @GET
    @PermitAll
    @WithSession
    @Operation(summary = "List training programs")
    public Uni<List<TrainingProgramState>> list(@QueryParam("region") String region) {
        return programs.search(region == null ? null : region.trim().toUpperCase(Locale.ROOT))
                .map(all -> all.stream().map(TrainingProgram::toState).toList());
    }
}
