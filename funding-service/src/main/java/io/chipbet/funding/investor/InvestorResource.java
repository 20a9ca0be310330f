package io.chipbet.funding.investor;

import io.chipbet.platform.contract.funding.InvestorRef;
import io.chipbet.platform.idempotency.Idempotency;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/investors")
@Tag(name = "Investors", description = "Who puts money into the build-out")
public class InvestorResource {

    private final InvestorService service;
    private final InvestorRepository investors;
    private final Idempotency idempotency;

    public InvestorResource(InvestorService service, InvestorRepository investors, Idempotency idempotency) {
        this.service = service;
        this.investors = investors;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Record an investor", description = "Names are unique regardless of case.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = InvestorRef.class)))
    @APIResponse(responseCode = "409", description = "An investor of that name exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(
            @Parameter(description = Idempotency.KEY_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewInvestor request) {
        return idempotency.create("investors", idempotencyKey, request, () -> service.create(request)
                .map(investor -> new Idempotency.Created(URI.create("/api/v1/investors/" + investor.id), investor.toRef(), 1)));
    }

    @GET
    @PermitAll
    @WithSession
    @Operation(summary = "List investors", description = "Sorted by name.")
    public Uni<List<InvestorRef>> list() {
        return investors.listByName().map(all -> all.stream().map(Investor::toRef).toList());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @WithSession
    @Operation(summary = "Get an investor")
    @APIResponse(responseCode = "404", description = "No such investor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InvestorRef> get(@PathParam("id") UUID id) {
        return service.get(id).map(Investor::toRef);
    }
}
