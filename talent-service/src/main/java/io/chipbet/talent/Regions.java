package io.chipbet.talent;

import java.util.Locale;

/** Region codes as talent-service keeps them: trimmed, upper case (US, TW, EU). */
public final class Regions {

    private Regions() {
    }

    public static String code(String region) {
        return region.trim().toUpperCase(Locale.ROOT);
    }
}
