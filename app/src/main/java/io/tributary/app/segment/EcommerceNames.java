package io.tributary.app.segment;

import io.tributary.api.ingestion.TrackedEvent;
import java.util.Locale;
import java.util.Map;

/** Segment's e-commerce spec names that Tributary knows under its own names (matched ignoring case). */
final class EcommerceNames {

    private static final Map<String, String> TRIBUTARY_NAMES = Map.of(
            "order completed", TrackedEvent.PLACED_ORDER,
            "product viewed", "Viewed Product",
            "product added", "Added To Cart",
            "checkout started", "Started Checkout");

    private EcommerceNames() {
    }

    /** Tributary's name for a Segment event name; the name itself when Tributary has no other. */
    static String tributaryName(String segmentName) {
        return TRIBUTARY_NAMES.getOrDefault(segmentName.toLowerCase(Locale.ROOT), segmentName);
    }
}
