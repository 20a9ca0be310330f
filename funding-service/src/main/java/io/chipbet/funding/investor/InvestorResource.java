package io.chipbet.funding.investor;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.contract.funding.InvestorRef;
import io.chipbet.platform.rest.CreatingResource;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/investors")
@Tag(name = "Investors", description = "Who puts money into the build-out")
@PermitAll
public class InvestorResource extends CreatingResource<InvestorRef, NewInvestor> {

    private final InvestorService service;

    public InvestorResource(InvestorService service) {
        super(service::create);
        this.service = service;
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
