package io.chipbet.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/** Validates event values against the JSON Schemas that platform publishes under {@code schemas/events}. */
public final class EventSchemas {

    // Schema ids are https://chipbet.io/schemas/...; the files ship in platform under schemas/.
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://chipbet.io/schemas/", "classpath:schemas/")));
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchemas() {
    }

    /** Returns the parsed event, or fails listing every schema violation. */
    public static JsonNode validate(String schemaPath, String value) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("https://chipbet.io/schemas/events/" + schemaPath));
        JsonNode event;
        try {
            event = JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + value, e);
        }
        Set<ValidationMessage> errors = schema.validate(event);
        if (!errors.isEmpty()) {
            throw new AssertionError("Event does not match " + schemaPath + ": "
                    + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")) + "\n" + value);
        }
        return event;
    }
}
