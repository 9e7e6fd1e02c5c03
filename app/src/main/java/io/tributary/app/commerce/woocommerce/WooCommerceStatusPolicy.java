package io.tributary.app.commerce.woocommerce;

import java.util.Locale;
import java.util.Set;

/**
 * What a WooCommerce order's status says has happened to it. WooCommerce sends the whole order on every change
 * but never the status before, so each status is read as the facts it implies, and the dedup key of each fact
 * (the order id, the refund id) turns the sequence of deliveries into transitions: an order is placed once however
 * many updates repeat it.
 * <ul>
 * <li>placed: any status past checkout (processing, on-hold, completed, refunded, custom statuses …), and a
 * cancelled order that was paid;</li>
 * <li>cancelled: the cancelled status;</li>
 * <li>refunded in full: the refunded status when the order lists no refund of its own (partial refunds are read from
 * the order's refunds).</li>
 * </ul>
 * Pending, failed, draft and trashed orders are no purchase yet.
 */
public final class WooCommerceStatusPolicy {

    private static final Set<String> NOT_PLACED = Set.of("pending", "failed", "checkout-draft", "draft", "auto-draft",
            "trash");
    private static final String CANCELLED = "cancelled";
    private static final String REFUNDED = "refunded";

    private WooCommerceStatusPolicy() {
    }

    public record Facts(boolean placed, boolean cancelled, boolean refundedInFull) {
    }

    public static Facts of(String status, boolean paid, boolean listsRefunds) {
        String normalised = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        if (normalised.startsWith("wc-")) {
            normalised = normalised.substring(3);
        }
        boolean cancelled = CANCELLED.equals(normalised);
        boolean placed = !normalised.isEmpty() && !NOT_PLACED.contains(normalised) && (!cancelled || paid);
        return new Facts(placed, cancelled, REFUNDED.equals(normalised) && !listsRefunds);
    }
}
