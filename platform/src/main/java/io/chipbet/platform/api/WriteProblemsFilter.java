package io.chipbet.platform.api;

import io.chipbet.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * The problem responses every endpoint of one kind has, documented once instead of on every method:
 * a write answers 400 for bad input and 503 while the database is away; an update (it takes
 * If-Match) 412 and 428; an endpoint on one resource ({@code /{id}}) 404. Registered as
 * {@code mp.openapi.filter} in the shared defaults.
 */
public class WriteProblemsFilter implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/" + Problem.class.getSimpleName();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                boolean write = entry.getKey() != PathItem.HttpMethod.GET;
                boolean update = operation.getParameters() != null
                        && operation.getParameters().stream().anyMatch(parameter -> "If-Match".equalsIgnoreCase(parameter.getName()));
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                APIResponses responses = operation.getResponses();
                if (path.contains("{id}")) {
                    add(responses, "404", "No such resource");
                }
                if (write) {
                    add(responses, "400", "Malformed or invalid input; violations name each field");
                    add(responses, "503", "The database is away; retry after Retry-After seconds");
                }
                if (update) {
                    add(responses, "412", "If-Match is not the current version");
                    add(responses, "428", "If-Match is missing");
                }
            }
        });
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
    }
}
