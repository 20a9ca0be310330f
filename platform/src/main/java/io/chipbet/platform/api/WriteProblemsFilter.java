package io.chipbet.platform.api;

import io.chipbet.platform.idempotency.Idempotency;
import io.chipbet.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * The problem responses every endpoint of one kind has, documented once instead of on every method,
 * each as {@code application/problem+json}: one that takes a body answers 400 for bad input and 415
 * for a body that is not JSON; one with query parameters 400 for a bad one (paging, an unknown enum
 * value, a malformed date); one that needs a token 401 without one and 403 without the editor role;
 * an update (it takes If-Match) 412 and 428; one on one resource ({@code /{id}}) 404; every one 406 for an
 * Accept it cannot serve; one that takes an Idempotency-Key 422 for a key reused with another body; a write 503
 * while the database is away. A response the method documents itself is kept, given the problem
 * content if it has none; so is any other 4xx or 5xx it documents (a 409, a 422), so that a resource
 * declares a problem by its status and description alone. Registered as {@code mp.openapi.filter} in
 * the shared defaults.
 */
public class WriteProblemsFilter implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/" + Problem.class.getSimpleName();

    /** The 404 of an operation on one resource ({@code /{id}}). */
    public static final String NOT_FOUND = "No such resource";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                boolean write = entry.getKey() != PathItem.HttpMethod.GET && entry.getKey() != PathItem.HttpMethod.HEAD;
                boolean update = hasParameter(operation, parameter -> "If-Match".equalsIgnoreCase(parameter.getName()));
                boolean queried = hasParameter(operation, parameter -> parameter.getIn() == Parameter.In.QUERY);
                boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
                boolean body = operation.getRequestBody() != null;
                boolean keyed = hasParameter(operation, parameter -> Idempotency.HEADER.equalsIgnoreCase(parameter.getName()));
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                APIResponses responses = operation.getResponses();
                if (body) {
                    add(responses, "400", "Malformed or invalid input; violations name each field");
                } else if (queried) {
                    add(responses, "400", "A query parameter is invalid; violations name it");
                }
                if (secured) {
                    add(responses, "401", "A valid bearer token is required");
                    add(responses, "403", "The token does not hold the editor role");
                }
                if (path.contains("{id}")) {
                    add(responses, "404", NOT_FOUND);
                }
                if (update) {
                    add(responses, "412", "If-Match is not the current version");
                    add(responses, "428", "If-Match is missing");
                }
                // Every resource declares what it produces (ArchitectureTest): any other Accept gets 406.
                add(responses, "406", "The Accept header names no type this operation serves");
                if (body) {
                    add(responses, "415", "The body is not application/json");
                }
                if (keyed) {
                    add(responses, "422", "The Idempotency-Key was sent before with another body");
                }
                if (write) {
                    add(responses, "503", "The database is away; retry after Retry-After seconds");
                }
                // Every error this API answers is a problem (ProblemMappers), whoever declared it.
                if (responses.getAPIResponses() != null) {
                    responses.getAPIResponses().forEach((status, response) -> {
                        if (status.startsWith("4") || status.startsWith("5")) {
                            add(responses, status, response.getDescription());
                        }
                    });
                }
            }
        });
    }

    private static boolean hasParameter(Operation operation, java.util.function.Predicate<Parameter> test) {
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(test);
    }

    private static void add(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null && existing.getContent() != null && existing.getContent().getMediaTypes() != null
                && !existing.getContent().getMediaTypes().isEmpty()) {
            return;
        }
        APIResponse response = existing != null ? existing : OASFactory.createAPIResponse().description(description);
        response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
        if (existing == null) {
            responses.addAPIResponse(status, response);
        }
    }
}
