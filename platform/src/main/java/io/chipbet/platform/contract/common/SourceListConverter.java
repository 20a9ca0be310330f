package io.chipbet.platform.contract.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores a fact's sources as a JSON array in a text column. (Hibernate Reactive's JSON type maps
 * objects only, not top-level arrays.)
 */
@Converter
public class SourceListConverter implements AttributeConverter<List<SourceRef>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<SourceRef>> SOURCES = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<SourceRef> sources) {
        try {
            return JSON.writeValueAsString(sources == null ? List.of() : sources);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Sources cannot be written as JSON", e);
        }
    }

    @Override
    public List<SourceRef> convertToEntityAttribute(String column) {
        try {
            return column == null ? new ArrayList<>() : new ArrayList<>(JSON.readValue(column, SOURCES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored sources are not valid JSON: " + column, e);
        }
    }
}
