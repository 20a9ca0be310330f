package io.chipbet.platform.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.chipbet.platform.problem.RefusedValue;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.UUID;

/**
 * Reads request bodies strictly, for every service at once: a value is taken only in its own JSON type,
 * so that what is stored is what was sent. Each refusal names its field and ends as a 400 problem (see
 * ProblemMappers). The range of dates is a constraint, {@link SaneDate}, reported with the other violations.
 *
 * <ul>
 *   <li>no scalar coercion: {@code "1"} is not a number, {@code 1} or {@code true} not a string, {@code ""} not a date;</li>
 *   <li>no number for an enum ({@code "kind": 1} is not the second kind), no float for an integer ({@code 1.5} is not 1);</li>
 *   <li>no NUL character in a string: PostgreSQL refuses it in text;</li>
 *   <li>no unknown field, no duplicate field, nothing after the value.</li>
 * </ul>
 *
 * <p>It serves Quarkus REST as the mapper of requests and responses: a copy of the application's
 * mapper, so responses are written as before. Events are read by {@link #forEvents}: the same types,
 * but tolerant of fields added later, and of more values after one in a stream.
 */
@Provider
public class StrictJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    public StrictJson(ObjectMapper application) {
        this.strict = configure(application.copy());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        return types(mapper);
    }

    /**
     * {@code mapper} (a copy of the application's, say), made to read every value only in its own JSON type, as
     * request bodies are: for the readers of events, whose contract is as strict about types. Unlike a request
     * body, an event may carry fields its reader does not know yet (backward-compatible additions, see
     * docs/events.md).
     */
    public static ObjectMapper forEvents(ObjectMapper mapper) {
        return types(mapper);
    }

    @SuppressWarnings("deprecation") // ALLOW_COERCION_OF_SCALARS has no other switch on a built mapper in Jackson 2
    private static ObjectMapper types(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // Scalars to text are not covered by ALLOW_COERCION_OF_SCALARS; "" stays "" and @NotBlank judges it.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // Lenient dates would take a number as an epoch day and "2024-01-01T10:00" as a date.
        mapper.setDefaultLeniency(false);
        mapper.registerModule(new SimpleModule("chipbet-strict-json").setDeserializerModifier(new Checks()));
        return mapper;
    }

    /**
     * Wraps the deserializers of text-like values, whichever they are, with the NUL check. Enums, UUIDs
     * and dates are included: their own deserializers trim, and so would quietly drop a trailing NUL.
     */
    private static final class Checks extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == Instant.class || type == LocalDate.class) {
                return new Checked(new Canonical(deserializer, type), type);
            }
            return type == String.class || type == UUID.class || Temporal.class.isAssignableFrom(type)
                    ? new Checked(deserializer, type) : deserializer;
        }

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                          BeanDescription description, JsonDeserializer<?> deserializer) {
            return new Checked(deserializer, type.getRawClass());
        }
    }

    /** Dates and instants in their canonical form by {@link IsoTimes}; any other form, and any other token, as before. */
    private static final class Canonical extends DelegatingDeserializer {
        private final Class<?> type;

        Canonical(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Canonical(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                Object parsed = type == Instant.class ? IsoTimes.instant(text) : IsoTimes.date(text);
                if (parsed != null) {
                    return parsed;
                }
            }
            return super.deserialize(parser, context);
        }
    }

    private static final class Checked extends DelegatingDeserializer {
        private final Class<?> type;

        Checked(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && parser.getText().indexOf('\u0000') >= 0) {
                throw new RefusedValue(parser, "must not contain the NUL character (\\u0000)", type);
            }
            return super.deserialize(parser, context);
        }
    }
}
