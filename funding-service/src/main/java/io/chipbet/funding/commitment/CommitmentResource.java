package io.chipbet.funding.commitment;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.api.QueryEnums;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.idempotency.UpdateRequest;
import io.chipbet.platform.idempotency.Written;
import io.chipbet.platform.rest.AggregateResource;
import io.chipbet.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/commitments")
@Tag(name = "Commitments", description = "Capital commitments, from rumour to disbursement")
@PermitAll
public class CommitmentResource extends AggregateResource<CommitmentState, NewCommitment> {

    private final CommitmentService service;

    public CommitmentResource(CommitmentService service) {
        super(service::record, service::get);
        this.service = service;
    }

    @GET
    @Operation(summary = "List commitments", description = "Newest announcement first, then by id: the order is stable across pages.")
    public Uni<Page<CommitmentState>> list(
            @QueryParam("investorId") UUID investorId,
            @Parameter(schema = @Schema(implementation = CommitmentStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(implementation = Purpose.class)) @QueryParam("purpose") String purpose,
            @Valid @BeanParam PageRequest paging) {
        return service.search(investorId, QueryEnums.parse(CommitmentStatus.class, "status", status),
                QueryEnums.parse(Purpose.class, "purpose", purpose), paging);
    }

    @POST
    @Path("/{id}/status-changes")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Change a commitment's status",
            description = "Forward only (skipping allowed): RUMORED → DISCUSSED → PLEDGED → COMMITTED → DISBURSED. "
                    + "WITHDRAWN from any state that is not final. DISBURSED again with a larger disbursedUsd records a further payment. "
                    + "Publishes CommitmentStatusChanged, or CommitmentWithdrawn.")
    @APIResponse(responseCode = "200", description = "Changed; the ETag is its new version")
    @APIResponse(responseCode = "409", description = "Illegal transition")
    public Uni<RestResponse<CommitmentState>> changeStatus(@PathParam("id") UUID id, @BeanParam UpdateRequest write, @Valid @NotNull StatusChange request) {
        return service.changeStatus(id, request, write).map(Written::response);
    }

    @POST
    @Path("/{id}/revisions")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Revise a commitment's amount", description = "Publishes CommitmentRevised.")
    @APIResponse(responseCode = "200", description = "Revised; the ETag is its new version")
    @APIResponse(responseCode = "409", description = "The commitment is withdrawn")
    @APIResponse(responseCode = "422", description = "No change, or an amount below what was paid")
    public Uni<RestResponse<CommitmentState>> revise(@PathParam("id") UUID id, @BeanParam UpdateRequest write, @Valid @NotNull AmountRevision request) {
        return service.revise(id, request, write).map(Written::response);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "A commitment's history", description = "Every change, oldest first, with who, when and its source, a page at a time.")
    public Uni<Page<HistoryEntry>> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest paging) {
        return service.history(id, paging);
    }
}
