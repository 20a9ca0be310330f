package io.chipbet.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every example an OpenAPI 3.1 document gives, checked against the schema it illustrates: a schema's
 * own {@code example} and {@code examples} (at any depth, its properties and items included), and a
 * parameter's, request body's or response's {@code example} and {@code examples} against its schema.
 * Formats (date, uuid, date-time, uri...) are asserted, not just noted.
 */
public final class OpenApiExamples {

    /** Where the document is served to the validator, so that its {@code #/components/...} references resolve. */
    private static final String BASE = "https://chipbet.io/test/openapi.json";
    private static final List<String> SCHEMA_MAPS = List.of("properties", "patternProperties", "$defs", "dependentSchemas");
    private static final List<String> SCHEMA_VALUES = List.of("items", "additionalProperties", "not", "contains", "if", "then", "else",
            "propertyNames", "unevaluatedItems", "unevaluatedProperties");
    private static final List<String> SCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final List<String> OPERATIONS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** One example, where it is and what it says. */
    public record Example(String pointer, String schemaPointer, JsonNode value) {
    }

    private final JsonNode document;
    /**
     * The document as the validator reads it: the inline schemas of parameters, bodies and responses
     * copied into components (under {@code inline-<n>}), so every example's schema has a plain pointer.
     */
    private final ObjectNode served;
    private final List<Example> examples = new ArrayList<>();

    private OpenApiExamples(JsonNode document) {
        this.document = document;
        this.served = document.deepCopy();
        collect();
    }

    public static OpenApiExamples of(String json) {
        try {
            return new OpenApiExamples(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI document is not JSON", e);
        }
    }

    public List<Example> examples() {
        return examples;
    }

    /** One line per example that does not validate against its schema: where it is, and why. */
    public List<String> failures() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, served.toString()))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        List<String> failures = new ArrayList<>();
        for (Example example : examples) {
            Set<ValidationMessage> errors;
            try {
                errors = factory.getSchema(SchemaLocation.of(BASE + "#" + example.schemaPointer()), config).validate(example.value());
            } catch (RuntimeException e) {
                failures.add(example.pointer() + ": its schema cannot be read: " + e.getMessage());
                continue;
            }
            if (!errors.isEmpty()) {
                failures.add(example.pointer() + " = " + example.value() + ": "
                        + errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
            }
        }
        return failures;
    }

    /**
     * What is wrong with {@code value} as an instance of the schema at {@code pointer} (a JSON Pointer
     * into the document, e.g. to a response's schema): nothing if it is valid.
     */
    public List<String> violations(String pointer, JsonNode value) {
        if (document.at(pointer).isMissingNode()) {
            return List.of(pointer + " is not in the document");
        }
        String schemaPointer = pointer;
        if (!pointer.startsWith("/components/schemas/")) {
            String name = "inline-" + served.withObject("/components/schemas").size();
            served.withObject("/components/schemas").set(name, document.at(pointer));
            schemaPointer = "/components/schemas/" + name;
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, served.toString()))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of(BASE + "#" + schemaPointer), config).validate(value).stream()
                .map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Whether the document has something at {@code pointer}, e.g. a response of an operation. */
    public boolean declares(String pointer) {
        return !document.at(pointer).isMissingNode();
    }

    /** The pointer to a response's schema: {@code /paths/<template>/<method>/responses/<status>/content/<type>/schema}. */
    public static String responseSchema(String template, String method, int status, String mediaType) {
        return "/paths/" + escape(template) + "/" + method.toLowerCase(java.util.Locale.ROOT) + "/responses/" + status
                + "/content/" + escape(mediaType) + "/schema";
    }

    private void collect() {
        JsonNode components = document.path("components");
        components.path("schemas").properties().forEach(entry ->
                schema(entry.getValue(), "/components/schemas/" + escape(entry.getKey())));
        components.path("parameters").properties().forEach(entry ->
                withSchema(entry.getValue(), "/components/parameters/" + escape(entry.getKey())));
        components.path("headers").properties().forEach(entry ->
                withSchema(entry.getValue(), "/components/headers/" + escape(entry.getKey())));
        components.path("requestBodies").properties().forEach(entry ->
                content(entry.getValue(), "/components/requestBodies/" + escape(entry.getKey())));
        components.path("responses").properties().forEach(entry ->
                response(entry.getValue(), "/components/responses/" + escape(entry.getKey())));
        document.path("paths").properties().forEach(path -> {
            String pathPointer = "/paths/" + escape(path.getKey());
            parameters(path.getValue(), pathPointer);
            for (String method : OPERATIONS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                String pointer = pathPointer + "/" + method;
                parameters(operation, pointer);
                content(operation.path("requestBody"), pointer + "/requestBody");
                operation.path("responses").properties().forEach(entry ->
                        response(entry.getValue(), pointer + "/responses/" + escape(entry.getKey())));
            }
        });
    }

    private void parameters(JsonNode owner, String pointer) {
        JsonNode parameters = owner.path("parameters");
        for (int i = 0; i < parameters.size(); i++) {
            withSchema(parameters.get(i), pointer + "/parameters/" + i);
        }
    }

    private void response(JsonNode response, String pointer) {
        content(response, pointer);
        response.path("headers").properties().forEach(entry -> withSchema(entry.getValue(), pointer + "/headers/" + escape(entry.getKey())));
    }

    private void content(JsonNode owner, String pointer) {
        owner.path("content").properties().forEach(entry -> withSchema(entry.getValue(), pointer + "/content/" + escape(entry.getKey())));
    }

    /** A media type, parameter or header: its examples illustrate its schema; its schema may hold examples of its own. */
    private void withSchema(JsonNode node, String pointer) {
        if (!node.path("schema").isObject()) {
            return;
        }
        String schemaPointer = pointer + "/schema";
        if (!pointer.startsWith("/components/schemas/")) {
            String name = "inline-" + served.withObject("/components/schemas").size();
            served.withObject("/components/schemas").set(name, node.get("schema"));
            schemaPointer = "/components/schemas/" + name;
        }
        schema(node.get("schema"), schemaPointer, pointer + "/schema");
        String finalPointer = schemaPointer;
        if (node.has("example")) {
            examples.add(new Example(pointer + "/example", finalPointer, node.get("example")));
        }
        node.path("examples").properties().forEach(entry -> {
            JsonNode example = entry.getValue();
            if (example.has("$ref")) {
                example = document.at(example.get("$ref").asText().substring(1));
            }
            if (example.has("value")) {
                examples.add(new Example(pointer + "/examples/" + escape(entry.getKey()), finalPointer, example.get("value")));
            }
        });
    }

    private void schema(JsonNode schema, String pointer) {
        schema(schema, pointer, pointer);
    }

    /** @param pointer where the validator finds this schema; {@code shown} where the document has it */
    private void schema(JsonNode schema, String pointer, String shown) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.has("example")) {
            examples.add(new Example(shown + "/example", pointer, schema.get("example")));
        }
        JsonNode listed = schema.path("examples");
        for (int i = 0; i < listed.size() && listed.isArray(); i++) {
            examples.add(new Example(shown + "/examples/" + i, pointer, listed.get(i)));
        }
        for (String keyword : SCHEMA_MAPS) {
            schema.path(keyword).properties().forEach(entry -> {
                String step = "/" + keyword + "/" + escape(entry.getKey());
                schema(entry.getValue(), pointer + step, shown + step);
            });
        }
        for (String keyword : SCHEMA_VALUES) {
            schema(schema.path(keyword), pointer + "/" + keyword, shown + "/" + keyword);
        }
        for (String keyword : SCHEMA_LISTS) {
            JsonNode list = schema.path(keyword);
            for (int i = 0; i < list.size(); i++) {
                schema(list.get(i), pointer + "/" + keyword + "/" + i, shown + "/" + keyword + "/" + i);
            }
        }
    }

    /** A JSON Pointer token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
