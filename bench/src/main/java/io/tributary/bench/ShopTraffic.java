package io.tributary.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, reproducible traffic of a realistic shop: visitors with one to three devices, visits from several
 * channels, page loads and product events, checkouts with tokens, browser and server copies of orders, retried
 * requests (duplicates) and identifies that cause merges.
 */
final class ShopTraffic {

    /**
     * Landing pages: {@code %1$s} is unique per visit (a click id, a product), {@code %2$s} one of
     * {@value #CAMPAIGNS_PER_CHANNEL} campaigns of its channel, as a shop runs a handful of campaigns at a time.
     */
    static final String[] LANDINGS = {
        "https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=brand&gclid=%1$s",
        "https://shop.example/?gclid=%1$s",
        "https://shop.example/?utm_source=facebook&utm_medium=paid_social&utm_campaign=prospecting&fbclid=%1$s",
        "https://shop.example/?fbclid=%1$s",
        "https://shop.example/?cvg_source=tiktok&cvg_cid=c-%2$s",
        "https://shop.example/?utm_source=newsletter&utm_medium=email&utm_campaign=weekly-%2$s",
        "https://shop.example/products/%1$s",
        "https://shop.example/",
    };
    static final int CAMPAIGNS_PER_CHANNEL = 13;
    static final String[] REFERRERS = {null, null, "https://l.facebook.com/", "https://www.instagram.com/", null, null,
        "https://www.google.com/", null};

    /** One request's worth of traffic: browser events for the batch API and server copies for the webhook. */
    record Visit(List<Map<String, Object>> browserEvents, List<Map<String, Object>> serverEvents) {
    }

    private record Visitor(String email, List<String> devices) {
    }

    private final Random random;
    private final List<Visitor> visitors = new ArrayList<>();
    private long counter;

    ShopTraffic(long seed) {
        this.random = new Random(seed);
    }

    Visit nextVisit(Instant now) {
        Visitor visitor = visitor();
        String device = visitor.devices().get(random.nextInt(visitor.devices().size()));
        List<String> aliases = new ArrayList<>(List.of("urn:anonymous_id:" + device));
        int channel = random.nextInt(LANDINGS.length);
        String landing = String.format(LANDINGS[channel], Long.toHexString(random.nextLong()),
                random.nextInt(CAMPAIGNS_PER_CHANNEL));
        List<Map<String, Object>> browser = new ArrayList<>();
        List<Map<String, Object>> server = new ArrayList<>();
        browser.add(pixel("$page_load", landing, REFERRERS[channel], aliases, Map.of(), now));
        int views = 1 + random.nextInt(4);
        for (int i = 0; i < views; i++) {
            String product = "p-" + random.nextInt(500);
            browser.add(pixel("Viewed Product", "https://shop.example/products/" + product, null, aliases,
                    Map.of("product_id", product, "price", price()), now));
        }
        if (random.nextInt(100) < 10) {
            aliases.add("urn:email:" + visitor.email());
            browser.add(pixel("$identify", "https://shop.example/account", null, aliases, Map.of(), now));
        }
        if (random.nextInt(100) < 40) {
            browser.add(pixel("Added To Cart", "https://shop.example/cart", null, aliases,
                    Map.of("product_id", "p-" + random.nextInt(500), "price", price()), now));
        }
        if (random.nextInt(100) < 20) {
            String checkout = "urn:checkout_token:" + next();
            List<String> checkoutAliases = new ArrayList<>(aliases);
            checkoutAliases.add(checkout);
            browser.add(pixel("Started Checkout", "https://shop.example/checkout", null, checkoutAliases, Map.of(), now));
            if (random.nextInt(100) < 70) {
                String orderId = "order-" + next();
                Map<String, Object> order = Map.of("id", orderId, "total_price", price(), "currency", "EUR");
                Map<String, Object> browserOrder = pixel("Placed Order", "https://shop.example/thanks", null,
                        checkoutAliases, order, now);
                browserOrder.put("eventID", orderId);
                browser.add(browserOrder);
                server.add(webhook("Placed Order", orderId, List.of(checkout, "urn:email:" + visitor.email()), order, now));
            }
        }
        return new Visit(browser, server);
    }

    boolean retry() {
        return random.nextInt(100) < 2;
    }

    private Visitor visitor() {
        if (visitors.isEmpty() || random.nextInt(100) < 35) {
            List<String> devices = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                devices.add("d-" + next());
            }
            Visitor visitor = new Visitor("v" + next() + "@example.com", devices);
            visitors.add(visitor);
            if (visitors.size() > 200_000) {
                visitors.remove(random.nextInt(visitors.size()));
            }
            return visitor;
        }
        return visitors.get(random.nextInt(visitors.size()));
    }

    private Map<String, Object> pixel(String name, String url, String referrer, List<String> aliases,
                                      Map<String, Object> properties, Instant now) {
        Map<String, Object> props = new LinkedHashMap<>(properties);
        props.put("$url", url);
        if (referrer != null) {
            props.put("referrer", referrer);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("method", "track");
        event.put("eventName", name);
        event.put("eventID", "e-" + next());
        event.put("properties", props);
        event.put("aliases", List.copyOf(aliases));
        event.put("timestamp", now.toString());
        return event;
    }

    private Map<String, Object> webhook(String name, String id, List<String> aliases, Map<String, Object> properties,
                                        Instant now) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_name", name);
        event.put("event_id", id);
        event.put("properties", properties);
        event.put("profile_properties", Map.of("$email", aliases.get(aliases.size() - 1).substring("urn:email:".length())));
        event.put("aliases", aliases);
        event.put("timestamp", now.toString());
        return event;
    }

    private String price() {
        return (10 + random.nextInt(190)) + "." + String.format("%02d", random.nextInt(100));
    }

    private String next() {
        return Long.toString(++counter, 36) + Integer.toHexString(random.nextInt(1 << 16));
    }
}
