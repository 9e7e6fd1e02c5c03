package io.tributary.app.scaleout;

import java.time.Instant;
import java.util.List;

/**
 * One visitor's traffic, the same in every run: two devices that land separately, sign in with the same email in the
 * same second (so that their aliases meet on different nodes), then an order delivered twice at once (a retry that
 * lands on another node). Each step is a list of requests sent concurrently.
 */
record ShopVisit(int visitor, List<List<Request>> steps) {

    static final String[] LANDINGS = {
        "https://shop.example/?utm_source=facebook&utm_medium=cpc&utm_campaign=bf",
        "https://shop.example/?gclid=abc123",
        "https://shop.example/?utm_source=newsletter&utm_medium=email&utm_campaign=dec",
        "https://shop.example/",
    };

    /** @param browser collect (browser token) or webhook (server token) */
    record Request(String eventId, boolean browser, String body) {
    }

    static ShopVisit of(int visitor, Instant base) {
        Instant at = base.plusSeconds(120L * visitor);
        String d1 = "urn:anonymous_id:d1-" + visitor;
        String d2 = "urn:anonymous_id:d2-" + visitor;
        String email = email(visitor);
        return new ShopVisit(visitor, List.of(
                List.of(collect("pl1-" + visitor, "$page_load", LANDINGS[visitor % LANDINGS.length], at, d1)),
                List.of(collect("pl2-" + visitor, "$page_load", "https://shop.example/", at.plusSeconds(10), d2)),
                List.of(collect("su-" + visitor, "Signed Up", "https://shop.example/account", at.plusSeconds(20), d1, email),
                        collect("li-" + visitor, "Logged In", "https://shop.example/login", at.plusSeconds(20), d2, email)),
                List.of(order(visitor, at.plusSeconds(60)), order(visitor, at.plusSeconds(60)))));
    }

    static String email(int visitor) {
        return "urn:email:v" + visitor + "@example.com";
    }

    static String orderId(int visitor) {
        return "order-" + visitor;
    }

    /** 19.90 plus the visitor's number in cents: exact decimal strings. */
    static String total(int visitor) {
        return new java.math.BigDecimal("19.90").add(java.math.BigDecimal.valueOf(visitor, 2)).toPlainString();
    }

    private static Request collect(String eventId, String name, String url, Instant at, String... aliases) {
        String body = "{\"events\":[{\"method\":\"track\",\"eventName\":\"" + name + "\",\"eventID\":\"" + eventId
                + "\",\"timestamp\":\"" + at + "\",\"properties\":{\"$url\":\"" + url + "\"},\"aliases\":"
                + array(aliases) + "}]}";
        return new Request(eventId, true, body);
    }

    private static Request order(int visitor, Instant at) {
        String body = "{\"event_name\":\"Placed Order\",\"event_id\":\"" + orderId(visitor) + "\",\"timestamp\":\"" + at
                + "\",\"properties\":{\"total_price\":\"" + total(visitor) + "\",\"currency\":\"EUR\"},"
                + "\"profile_properties\":{},\"aliases\":" + array(email(visitor)) + "}";
        return new Request(orderId(visitor), false, body);
    }

    private static String array(String... values) {
        return "[\"" + String.join("\",\"", values) + "\"]";
    }
}
