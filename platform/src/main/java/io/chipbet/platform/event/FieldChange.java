package io.chipbet.platform.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

/** One field of an aggregate that an event changed, from which value to which (either may be null; both are always sent). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FieldChange(@NotBlank String field,
                          @JsonProperty(required = true) Object from,
                          @JsonProperty(required = true) Object to) {

    public static FieldChange of(String field, Object from, Object to) {
        return new FieldChange(field, from, to);
    }
}
