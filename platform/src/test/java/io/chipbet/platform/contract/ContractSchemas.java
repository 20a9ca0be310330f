package io.chipbet.platform.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.event.EventSchemaNames;
import io.chipbet.platform.event.EventStream;
import io.chipbet.platform.event.EventType;
import io.chipbet.platform.event.NewsDate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the event schemas and the AsyncAPI document from their one source: the contract records
 * (their components and Bean Validation constraints) and the event type enums ({@link EventCatalog}).
 * The files are kept in {@code platform/src/main/resources/schemas} so that they can be read and
 * reviewed; {@code ContractSchemasTest} fails the build when they differ from what this makes, and
 * writes them anew when run with {@code -Dchipbet.contracts.write=true}.
 *
 * <p>Every object is strict ({@code additionalProperties: false}); its required fields are the
 * {@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty} and primitive ones; every other field is
 * always sent, and may be null.
 */
public final class ContractSchemas {

    static final String BASE_ID = "https://chipbet.io/schemas/";
    static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SchemaGenerator generator;

    public ContractSchemas() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.NULLABLE_FIELDS_BY_DEFAULT,
                        Option.NULLABLE_ARRAY_ITEMS_ALLOWED)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // A primitive is always there; Java's @Pattern matches the whole value, a schema's pattern any part of it.
        config.forFields().withRequiredCheck(field -> field.getType() != null && field.getType().isPrimitive());
        config.forFields().withNullableCheck(field -> field.getType() != null && field.getType().isPrimitive() ? false : null);
        config.forFields().withStringPatternResolver(field -> {
            jakarta.validation.constraints.Pattern pattern = field.getAnnotationConsideringFieldAndGetter(jakarta.validation.constraints.Pattern.class);
            return pattern == null ? null : "^(?:" + pattern.regexp() + ")$";
        });
        config.forTypesInGeneral().withStringFormatResolver(scope -> {
            Class<?> type = scope.getType().getErasedType();
            if (type == java.util.UUID.class) {
                return "uuid";
            }
            if (type == java.time.LocalDate.class) {
                return "date";
            }
            return type == java.time.Instant.class ? "date-time" : null;
        });
        // The record's order: a schema reads as the record does.
        config.forTypesInGeneral().withPropertySorter((first, second) -> 0);
        generator = new SchemaGenerator(config.build());
    }

    /** Every file, by its path under {@code schemas/}, as its JSON text. */
    public Map<String, String> files() {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        files.put("events/envelope.schema.json", envelope());
        files.put("events/source.schema.json", withHeader(schemaOf(SourceRef.class), "events/source.schema.json", "Source of a fact",
                "Where a fact comes from. Every fact in chipbet has at least one."));
        Set<EventStream<?>> streams = new LinkedHashSet<>();
        for (EventType<?> type : EventCatalog.TYPES) {
            if (type.stream().dataType() != Object.class) {
                streams.add(type.stream());
                files.put("events/" + type.eventSchema(), event(type));
            }
        }
        for (EventStream<?> stream : streams) {
            String path = "events/" + EventSchemaNames.stateSchema(stream);
            files.put(path, withHeader(schemaOf(stream.dataType()), path, stream.dataType().getSimpleName(),
                    "The full state of one " + stream.aggregateType() + " after a change: the data of every event on "
                            + stream.topic() + " with aggregateType " + stream.aggregateType() + "."));
        }
        files.put("asyncapi.json", AsyncApiDocument.of(EventCatalog.TYPES));
        Map<String, String> texts = new LinkedHashMap<>();
        files.forEach((path, schema) -> texts.put(path, text(schema)));
        return texts;
    }

    /** Writes every file below {@code root} (the {@code schemas} folder). */
    public void write(Path root) {
        files().forEach((path, text) -> {
            try {
                Path file = root.resolve(path);
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    ObjectNode schemaOf(Class<?> type) {
        return generator.generateSchema(type);
    }

    /** The envelope, as {@link DomainEvent} defines it; {@code data} is any object here, and each event's schema says which. */
    private ObjectNode envelope() {
        ObjectNode schema = schemaOf(DomainEvent.class);
        ((ObjectNode) schema.get("properties")).set("data", JSON.createObjectNode().put("type", "object")
                .put("description", "The aggregate's full state after the change"));
        describe(schema, "eventId", "Unique per event; equals the ce_id header; consumers deduplicate on it");
        describe(schema, "type", "The event type, e.g. CommitmentRecorded");
        describe(schema, "aggregateId", "Equals the record key");
        describe(schema, "aggregateVersion", "1 for the first event of an aggregate, then +1 per change: consumers drop duplicates and stale versions");
        describe(schema, "occurredAt", "When the service committed the change");
        describe(schema, "effectiveOn", "When the fact became known: its source's date, from the write's " + NewsDate.HEADER
                + " header; the day of occurredAt if it sent none. Absent from events written before news time: read it as that day");
        describe(schema, "changes", "What changed, field by field; empty for a creation");
        return withHeader(schema, "events/envelope.schema.json", "chipbet domain event envelope",
                "The JSON value of every record on a chipbet topic. The record key is aggregateId; CloudEvents 1.0 attributes travel in the ce_* headers.");
    }

    /** One event type's schema: the envelope, with its type, its aggregate type and its data's schema. */
    private ObjectNode event(EventType<?> type) {
        ObjectNode schema = envelope().deepCopy();
        ObjectNode properties = (ObjectNode) schema.get("properties");
        properties.set("type", JSON.createObjectNode().put("const", type.wireName()));
        properties.set("aggregateType", JSON.createObjectNode().put("const", type.stream().aggregateType()));
        String dataSchema = type.dataSchema().substring(type.dataSchema().indexOf('/') + 1);
        properties.set("data", JSON.createObjectNode().put("$ref", dataSchema));
        String path = "events/" + type.eventSchema();
        return withHeader(schema, path, type.wireName(), type.description() + " Topic " + type.stream().topic()
                + ", key = aggregateId (the " + type.stream().aggregateType() + "'s id).");
    }

    private static void describe(ObjectNode schema, String property, String description) {
        ((ObjectNode) schema.get("properties").get(property)).put("description", description);
    }

    /** {@code $schema}, {@code $id}, title and description first, then the schema. */
    private static ObjectNode withHeader(ObjectNode schema, String path, String title, String description) {
        ObjectNode headed = JSON.createObjectNode();
        headed.put("$schema", DRAFT);
        headed.put("$id", BASE_ID + path);
        headed.put("title", title);
        headed.put("description", description);
        schema.fields().forEachRemaining(field -> {
            if (!headed.has(field.getKey())) {
                headed.set(field.getKey(), field.getValue());
            }
        });
        return headed;
    }

    private static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of an object schema's properties and of its required ones. */
    static List<String> names(JsonNode fields) {
        List<String> names = new ArrayList<>();
        if (fields instanceof ArrayNode array) {
            array.forEach(name -> names.add(name.asText()));
        } else if (fields != null) {
            fields.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
