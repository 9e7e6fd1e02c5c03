package io.tributary.app.commerce;

import io.tributary.api.ingestion.TrackedEvent;

/** The tracked event names the store sources give (Converge spec names), and the aliases they carry. */
public final class StoreEvents {

    public static final String PLACED_ORDER = TrackedEvent.PLACED_ORDER;
    public static final String CANCELLED_ORDER = "Cancelled Order";
    public static final String REFUNDED_ORDER = "Refunded Order";
    public static final String STARTED_CHECKOUT = "Started Checkout";
    /** A customer record was created or changed: it carries profile properties and aliases only. */
    public static final String IDENTIFY = "$identify";

    public static final String CART_TOKEN = "cart_token";
    public static final String CHECKOUT_TOKEN = "checkout_token";
    public static final String CUSTOMER_ID = "customer_id";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";

    private StoreEvents() {
    }
}
