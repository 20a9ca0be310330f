package io.chipbet.talent.program;

import io.chipbet.platform.aggregate.AggregateWrites;
import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.contract.talent.TrainingProgramState;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.chipbet.talent.Regions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


/** The training program use cases. A program is recorded once and never changes, so it keeps no history. */
@ApplicationScoped
public class TrainingProgramService {

    @Inject TrainingProgramRepository programs;
    @Inject AggregateWrites writes;

    @WithTransaction
    public Uni<Written> launch(NewTrainingProgram request, WriteRequest write) {
        return writes.create(write, request, programs, new TrainingProgram(), program -> program.launch(request), null);
    }

    @WithSession
    public Uni<Page<TrainingProgramState>> search(String region, PageRequest paging) {
        return programs.search(region == null ? null : Regions.code(region), paging).map(found -> found.map(TrainingProgram::toState));
    }
}
