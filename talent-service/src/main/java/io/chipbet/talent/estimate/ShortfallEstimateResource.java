package io.chipbet.talent.estimate;

import io.chipbet.platform.api.Amounts;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TalentTopics;
import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.idempotency.Idempotency;
import io.chipbet.platform.outbox.Outbox;
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

@Path("/api/v1/shortfall-estimates")
@Tag(name = "Shortfall estimates", description = "Workforce gaps as studies published them")
public class ShortfallEstimateResource {

    private final ShortfallEstimateRepository estimates;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final SecurityIdentity identity;

    public ShortfallEstimateResource(ShortfallEstimateRepository estimates, Outbox outbox, Idempotency idempotency,
                                     SecurityIdentity identity) {
        this.estimates = estimates;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Record a published shortfall estimate", description = "Publishes ShortfallEstimatePublished, keyed by the estimate's id.")
    public Uni<Response> publish(@Parameter(description = Idempotency.KEY_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                 @Valid @NotNull NewShortfallEstimate request) {
        String actor = identity.getPrincipal().getName();
        return idempotency.create("shortfall-estimates", idempotencyKey, request, () -> {
            ShortfallEstimate estimate = new ShortfallEstimate();
            estimate.id = UUID.randomUUID();
            estimate.region = request.region().trim().toUpperCase(Locale.ROOT);
            estimate.role = request.role();
            estimate.targetYear = request.targetYear();
            estimate.shortfall = request.shortfall();
            estimate.demand = request.demand();
            estimate.sourceUrl = request.source().url();
            estimate.sourceTitle = request.source().title();
            estimate.createdAt = Amounts.now();
            ShortfallEstimateState state = estimate.toState();
            DomainEvent event = DomainEvent.of(TalentTopics.SHORTFALL_ESTIMATE_PUBLISHED, TalentTopics.ESTIMATE, estimate.id, 1,
                    actor, List.of(), state);
            return estimates.persist(estimate).call(() -> outbox.append(TalentTopics.POOLS, event))
                    .replaceWith(new Idempotency.Created(URI.create("/api/v1/shortfall-estimates/" + estimate.id), state, 1));
        });
    }

    @GET
    @PermitAll
    @WithSession
    @Operation(summary = "List shortfall estimates")
    public Uni<List<ShortfallEstimateState>> list(@QueryParam("region") String region, @QueryParam("targetYear") Integer targetYear) {
        return estimates.search(region == null ? null : region.trim().toUpperCase(Locale.ROOT), targetYear)
                .map(all -> all.stream().map(ShortfallEstimate::toState).toList());
    }
}
