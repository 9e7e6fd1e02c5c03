package io.tributary.query.attribution;

import java.util.Locale;

/** Where a credit's target comes from. */
public enum CreditSource {
    SESSION, ORDER_METADATA, NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
