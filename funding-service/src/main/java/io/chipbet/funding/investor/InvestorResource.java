package io.chipbet.funding.investor;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.contract.funding.InvestorRef;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.chipbet.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/investors")
@Tag(name = "Investors", description = "Who puts money into the build-out")
@PermitAll
public class InvestorResource {

    @Inject InvestorService service;

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Record an investor", description = "Names are unique regardless of case.")
    @APIResponseSchema(value = InvestorRef.class, responseCode = "201", responseDescription = "Recorded")
    @APIResponse(responseCode = "409", description = "An investor of that name exists")
    public Uni<RestResponse<InvestorRef>> create(@BeanParam WriteRequest write, @Valid @NotNull NewInvestor request) {
        return service.create(request, write).map(Written::response);
    }

    @GET
    @Operation(summary = "List investors", description = "Sorted by name, then by id: the order is stable across pages.")
    public Uni<Page<InvestorRef>> list(@Valid @BeanParam PageRequest paging) {
        return service.list(paging);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an investor")
    @APIResponse(responseCode = "200", description = "The investor")
    public Uni<InvestorRef> get(@PathParam("id") UUID id) {
        return service.get(id);
    }
}
