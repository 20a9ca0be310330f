package io.chipbet.platform.rest;

import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.chipbet.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.function.BiFunction;

/**
 * A resource whose collection takes the idempotent create: {@code POST} on the resource's path with a
 * {@code N} body and the write headers ({@link WriteRequest}), answered 201 with Location and ETag
 * ({@link Written#response()}). Written once here; a service's resource extends it and hands its
 * service's use case to the constructor. Only editors may create.
 *
 * <p>What the create means for one aggregate (its summary, description, the 201's description and the
 * problems it answers) is that service's documentation: its {@code META-INF/openapi.yaml}, merged into
 * the annotations' document by SmallRye OpenAPI; the schemas (the body {@code N}, the answer {@code S})
 * come from the type arguments.
 *
 * @param <S> the representation answered, e.g. {@code FabState}
 * @param <N> the body, e.g. {@code NewFab}
 */
public abstract class CreatingResource<S, N> {

    private final BiFunction<N, WriteRequest, Uni<Written>> create;

    /** @param create the service's use case, e.g. {@code service::announce} */
    protected CreatingResource(BiFunction<N, WriteRequest, Uni<Written>> create) {
        this.create = create;
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt", scopes = Roles.EDITOR)
    @APIResponse(responseCode = "201")
    @APIResponse(responseCode = "401", description = "Not Authorized")
    @APIResponse(responseCode = "403", description = "Not Allowed")
    public Uni<RestResponse<S>> create(@BeanParam WriteRequest write, @Valid @NotNull N request) {
        return create.apply(request, write).map(Written::response);
    }
}
