package io.chipbet.platform.rest;

import io.chipbet.platform.api.ETags;
import io.chipbet.platform.api.WriteProblemsFilter;
import io.chipbet.platform.contract.common.AggregateSnapshot;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A versioned aggregate over REST: the idempotent create ({@link CreatingResource}) and {@code GET /{id}}, its
 * state with its version as the ETag, which an update sends back in If-Match. The update commands
 * ({@code POST /{id}/...} with {@code UpdateRequest}), the listing and the history stay on the service's resource:
 * their paths, parameters and bodies are the aggregate's own.
 *
 * <p>As for the create, what {@code GET /{id}} means for one aggregate (summary, description, the 200's
 * description and its schema reference) is in the service's {@code META-INF/openapi.yaml}. The 404 is declared
 * here so that SmallRye generates no 200 of its own, whose reason phrase ("OK") would replace the file's.
 *
 * @param <S> the state, e.g. {@code FabState}
 * @param <N> the create's body, e.g. {@code NewFab}
 */
public abstract class AggregateResource<S extends AggregateSnapshot, N> extends CreatingResource<S, N> {

    private final Function<UUID, Uni<S>> get;

    /**
     * @param create the service's create use case, e.g. {@code service::announce}
     * @param get    the service's read of one, e.g. {@code service::get} (404 when there is none)
     */
    protected AggregateResource(BiFunction<N, WriteRequest, Uni<Written>> create, Function<UUID, Uni<S>> get) {
        super(create);
        this.get = get;
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "404", description = WriteProblemsFilter.NOT_FOUND)
    public Uni<RestResponse<S>> get(@PathParam("id") UUID id) {
        return get.apply(id).map(state -> ETags.ok(state, state.version()));
    }
}
