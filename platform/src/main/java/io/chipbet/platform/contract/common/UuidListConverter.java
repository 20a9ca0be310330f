package io.chipbet.platform.contract.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Stores a list of ids as comma-separated text: ids hold no commas, and the column stays readable in psql. */
@Converter
public class UuidListConverter implements AttributeConverter<List<UUID>, String> {

    @Override
    public String convertToDatabaseColumn(List<UUID> ids) {
        return ids == null ? "" : String.join(",", ids.stream().map(UUID::toString).toList());
    }

    @Override
    public List<UUID> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.stream(column.split(",")).map(UUID::fromString).toList());
    }
}
