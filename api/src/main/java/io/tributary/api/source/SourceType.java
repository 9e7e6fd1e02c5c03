package io.tributary.api.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a source's tracked events come from. Browser tokens are public and may only append events. Shopify and
 * WooCommerce sources are server sources whose webhooks are signed by the store.
 */
public enum SourceType {
    BROWSER, SERVER, SHOPIFY, WOOCOMMERCE;

    public boolean isBrowser() {
        return this == BROWSER;
    }

    /** A store that signs its webhooks and has an order API to backfill from. */
    public boolean isCommerce() {
        return this == SHOPIFY || this == WOOCOMMERCE;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SourceType fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
