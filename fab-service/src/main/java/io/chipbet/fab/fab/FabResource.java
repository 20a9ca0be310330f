package io.chipbet.fab.fab;

import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.api.QueryEnums;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.fab.NodeClass;
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
@Path("/api/v1/fabs")
@Tag(name = "Fabs", description = "Fab projects: what they will make, how much, and when")
@PermitAll
public class FabResource extends AggregateResource<FabState, NewFab> {

    private final FabService service;

    public FabResource(FabService service) {
        super(service::announce, service::get);
        this.service = service;
    }

    @GET
    @Operation(summary = "List fabs", description = "Newest announcement first, then by id: the order is stable across pages.")
    public Uni<Page<FabState>> list(
            @QueryParam("operator") String operator,
            @Parameter(description = "ISO 3166-1 alpha-2") @QueryParam("country") String country,
            @QueryParam("region") String region,
            @Parameter(schema = @Schema(implementation = FabStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(implementation = NodeClass.class)) @QueryParam("nodeClass") String nodeClass,
            @Valid @BeanParam PageRequest paging) {
        FabRepository.Filter filter = new FabRepository.Filter(operator, country, region,
                QueryEnums.parse(FabStatus.class, "status", status), QueryEnums.parse(NodeClass.class, "nodeClass", nodeClass));
        return service.search(filter, paging);
    }

    @POST
    @Path("/{id}/milestones")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Reach a milestone on a date",
            description = "ANNOUNCED → PERMITTING → UNDER_CONSTRUCTION → TOOL_INSTALL → RISK_PRODUCTION → VOLUME_PRODUCTION, "
                    + "forward only. PAUSED and back to the paused stage or later; CANCELLED is final. "
                    + "Publishes FabMilestoneReached, FabPaused or FabCancelled.")
    @APIResponse(responseCode = "200", description = "Moved; the ETag is its new version")
    @APIResponse(responseCode = "409", description = "Illegal transition")
    public Uni<RestResponse<FabState>> move(@PathParam("id") UUID id, @BeanParam UpdateRequest write, @Valid @NotNull FabStatusChange request) {
        return service.move(id, request, write).map(Written::response);
    }

    @POST
    @Path("/{id}/delays")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Delay a fab", description = "Moves the planned production date later. The slip is derived. Publishes FabDelayed.")
    @APIResponse(responseCode = "200", description = "Delayed; the ETag is its new version")
    @APIResponse(responseCode = "409", description = "The fab is in production or cancelled")
    @APIResponse(responseCode = "422", description = "Not later than the current plan")
    public Uni<RestResponse<FabState>> delay(@PathParam("id") UUID id, @BeanParam UpdateRequest write, @Valid @NotNull Delay request) {
        return service.delay(id, request, write).map(Written::response);
    }

    @POST
    @Path("/{id}/revisions")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Revise capacity, capex or headcounts", description = "Publishes FabRevised.")
    @APIResponse(responseCode = "200", description = "Revised; the ETag is its new version")
    @APIResponse(responseCode = "422", description = "Nothing to change")
    public Uni<RestResponse<FabState>> revise(@PathParam("id") UUID id, @BeanParam UpdateRequest write, @Valid @NotNull FabRevision request) {
        return service.revise(id, request, write).map(Written::response);
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "A fab's full history", description = "Every change, oldest first, with its effective date, who and its source, a page at a time.")
    public Uni<Page<TimelineEntry>> timeline(@PathParam("id") UUID id, @Valid @BeanParam PageRequest paging) {
        return service.timeline(id, paging);
    }
}
