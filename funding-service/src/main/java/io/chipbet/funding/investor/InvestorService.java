package io.chipbet.funding.investor;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.contract.funding.InvestorRef;
import io.chipbet.platform.idempotency.Idempotency;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.chipbet.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** The investor use cases. Investors publish no events: a commitment carries its investor. */
@ApplicationScoped
public class InvestorService {

    @Inject InvestorRepository investors;
    @Inject Idempotency idempotency;

    /** Names are unique regardless of case. */
    @WithTransaction
    public Uni<Written> create(NewInvestor request, WriteRequest write) {
        return idempotency.create(write, request, () -> investors.findByName(request.name()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("investor-exists", "Investor exists",
                        "An investor named '" + existing.name + "' exists already: " + existing.id);
            }
            return investors.persist(Investor.create(request.name(), request.kind(), request.country()));
        }).map(investor -> Written.created(write.locationOf(investor.id), investor.toRef(), 1)));
    }

    @WithSession
    public Uni<InvestorRef> get(UUID id) {
        return investors.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Investor", id)).map(Investor::toRef);
    }

    @WithSession
    public Uni<Page<InvestorRef>> list(PageRequest paging) {
        return investors.listByName(paging).map(found -> found.map(Investor::toRef));
    }
}
