package io.chipbet.funding.investor;

import io.chipbet.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class InvestorService {

    private final InvestorRepository investors;

    public InvestorService(InvestorRepository investors) {
        this.investors = investors;
    }

    /** Runs inside the caller's transaction. */
    public Uni<Investor> create(NewInvestor request) {
        return investors.findByName(request.name()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("investor-exists", "Investor exists",
                        "An investor named '" + existing.name + "' exists already: " + existing.id);
            }
            return investors.persist(Investor.create(request.name(), request.kind(), request.country()));
        });
    }

    public Uni<Investor> get(UUID id) {
        return investors.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Investor", id));
    }
}
