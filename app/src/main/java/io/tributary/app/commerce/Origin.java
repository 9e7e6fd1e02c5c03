package io.tributary.app.commerce;

import java.util.Locale;

/** How a store's tracked event reached us; kept as the {@code origin} property. */
public enum Origin {
    WEBHOOK, BACKFILL;

    public static final String PROPERTY = "origin";

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
