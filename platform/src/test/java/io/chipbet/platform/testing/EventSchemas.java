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

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchemas() {
    }

    /** Returns the parsed event, or fails listing every schema violation. */
    public static JsonNode validate(String schemaPath, String value) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:schemas/events/" + schemaPath));
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
