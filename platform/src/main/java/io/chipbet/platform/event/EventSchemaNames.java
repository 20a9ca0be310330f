package io.chipbet.platform.event;

import java.util.Locale;

/** Where the schemas of a stream's events are, under {@code schemas/events}: one folder per producer. */
public final class EventSchemaNames {

    private EventSchemaNames() {
    }

    /** The producer's folder: the package of its contract, e.g. {@code fab} for {@code io.chipbet.platform.contract.fab}. */
    public static String folder(EventStream<?> stream) {
        String contractPackage = stream.dataType().getPackageName();
        return contractPackage.substring(contractPackage.lastIndexOf('.') + 1);
    }

    /** {@code fab/fab-state.schema.json} for {@code FabState}: the record's name in kebab case. */
    public static String stateSchema(EventStream<?> stream) {
        String name = stream.dataType().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return folder(stream) + "/" + name + ".schema.json";
    }
}
