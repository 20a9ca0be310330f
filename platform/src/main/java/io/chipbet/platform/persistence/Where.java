package io.chipbet.platform.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A listing's optional filters as an HQL where clause: each condition applies only when its value is
 * given. {@code new Where().and("region = :region", "region", region)}, then
 * {@code find("from Fab " + where + "order by id", where.parameters())}.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code condition}, which names {@code :parameter}, unless {@code value} is null. */
    public Where and(String condition, String parameter, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /** {@code where a and b } (with a trailing space), or nothing when no filter is given. */
    @Override
    public String toString() {
        return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions) + " ";
    }
}
