package io.tributary.query.bench;

import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.PayloadRejected;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MarketingCredentialsReplaced;
import io.tributary.api.marketing.MarketingSourceCreated;
import io.tributary.api.marketing.MarketingSourceFailed;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.MetricRow;
import io.tributary.api.marketing.MetricsImported;
import io.tributary.api.marketing.SyncCompleted;
import io.tributary.api.marketing.SyncFailed;
import io.tributary.api.marketing.SyncRetryScheduled;
import io.tributary.api.marketing.SyncRowsRecorded;
import io.tributary.api.marketing.SyncStarted;
import io.tributary.api.marketing.SyncTrigger;
import io.tributary.api.profile.AliasBlocked;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.Evidence;
import io.tributary.api.profile.MergeBlocked;
import io.tributary.api.profile.ProfileCreated;
import io.tributary.api.profile.ProfilePropertiesUpdated;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.profile.PropertyValue;
import io.tributary.api.session.SessionMoved;
import io.tributary.api.session.SessionRef;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceRenamed;
import io.tributary.api.source.SourceTokenRotated;
import io.tributary.api.source.SourceType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, reproducible stream of domain events shaped like a shop's traffic as the command side decides it:
 * visitors on one to three devices (one profile per device until an identify merges them), sessions from several
 * channels, page loads and product events, orders with a server copy (cross-source duplicates), retries
 * (same-source duplicates), rejected payloads, identifies with properties, merges with moved sessions, and the
 * occasional blocked alias or blocked merge; server events about orders (fulfilled, cancelled, refunded); ad-platform
 * syncs with versioned metric days. Events come out in the order the event store would hold them.
 */
public final class ShopStream {

    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");
    private static final Duration SESSION_TIMEOUT = Duration.ofMinutes(30);
    private static final String[][] CHANNELS = {
            {"Paid Social", "Facebook", "https://shop.example/?utm_source=facebook&utm_campaign=spring", null},
            {"Paid Search", "Google Ads", "https://shop.example/?gclid=abc", "https://www.google.com/"},
            {"Organic Search", "Google", "https://shop.example/", "https://www.google.com/"},
            {"Email", "Newsletter", "https://shop.example/?utm_medium=email", null},
            {"Direct", "Direct", "https://shop.example/", null},
            {"Referral", "blog.example", "https://shop.example/p/7", "https://blog.example/post"}};

    private final Random random;
    private final List<Object> events = new ArrayList<>();
    private final List<Device> active = new ArrayList<>();
    private final Map<String, Device> byEmail = new HashMap<>();
    private final Map<String, Integer> devices = new HashMap<>();
    private final List<Order> orders = new ArrayList<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private Instant now = START;
    private final int maxStepMillis;
    private long records;
    private long ids;

    private ShopStream(long seed, int maxStepMillis) {
        this.random = new Random(seed);
        this.maxStepMillis = maxStepMillis;
    }

    /** At least {@code size} domain events (a tracked event's events are never split). */
    public static List<Object> generate(long seed, int size) {
        return generate(seed, size, 400);
    }

    /** As {@link #generate(long, int)}, with up to {@code maxStepMillis} between two steps: spread over more days. */
    public static List<Object> generate(long seed, int size, int maxStepMillis) {
        ShopStream stream = new ShopStream(seed, maxStepMillis);
        stream.sources();
        while (stream.events.size() < size) {
            stream.step();
        }
        return stream.events;
    }

    private void sources() {
        events.add(new SourceCreated("web", "Storefront", SourceType.BROWSER, "tok-web", List.of("https://shop.example"), now));
        events.add(new SourceCreated("server", "Backend", SourceType.SERVER, "tok-server", List.of(), now));
        events.add(new SourceCreated("shop", "Shopify", SourceType.SERVER, "tok-shop", List.of(), now));
        for (AdPlatform platform : AdPlatform.values()) {
            events.add(new MarketingSourceCreated("ads-" + platform.wireName(), platform, platform + " ads",
                    "act-" + platform.ordinal(), "EUR", null, Map.of("level", "ad"), Map.of("token", "••••abcd"),
                    false, now));
        }
    }

    /**
     * An ad-platform sync of the last days: a version of each day (sometimes an old version delivered late), page
     * progress, now and then a retry, a failure, replaced credentials or a file import.
     */
    private void sync() {
        AdPlatform platform = AdPlatform.values()[random.nextInt(AdPlatform.values().length)];
        String sourceId = "ads-" + platform.wireName();
        String syncId = "sync-" + id();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate from = today.minusDays(6);
        events.add(new SyncStarted(sourceId, syncId, platform, from, today, SyncTrigger.SCHEDULE, now));
        if (random.nextInt(10) == 0) {
            events.add(new SyncRetryScheduled(sourceId, syncId, 1 + random.nextInt(3), now.plusSeconds(60),
                    "HTTP 429", now));
        }
        List<LocalDate> changed = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            String key = sourceId + "|" + day;
            int version = versions.merge(key, 1, Integer::sum);
            List<MetricRow> rows = new ArrayList<>();
            for (int campaign = 0; campaign < 3; campaign++) {
                for (int ad = 0; ad < 1 + random.nextInt(4); ad++) {
                    rows.add(new MetricRow(day, platform, "act-" + platform.ordinal(), "c" + campaign,
                            "Campaign " + campaign + (random.nextInt(20) == 0 ? " (renamed)" : ""), "s" + campaign,
                            "Ad set " + campaign, "a" + campaign + ad, random.nextInt(10) == 0 ? " " : "Ad " + ad,
                            new BigDecimal(random.nextInt(100_000)).movePointLeft(2), random.nextInt(10_000),
                            random.nextInt(500), new BigDecimal(random.nextInt(20)),
                            new BigDecimal(random.nextInt(200_000)).movePointLeft(2), "EUR"));
                }
            }
            events.add(new MetricDayRecorded(sourceId, day, version, rows, syncId, now));
            if (version > 1 && random.nextInt(8) == 0) { // an older version delivered late changes nothing
                events.add(new MetricDayRecorded(sourceId, day, version - 1, rows.subList(0, 1), syncId, now));
            }
            changed.add(day);
        }
        events.add(new SyncRowsRecorded(sourceId, syncId, from, today, changed.size() * 6, changed, now));
        int dice = random.nextInt(20);
        if (dice == 0) {
            events.add(new SyncFailed(sourceId, syncId, "HTTP 500", random.nextBoolean(), now));
        } else if (dice == 1) {
            events.add(new MarketingSourceFailed(sourceId, syncId, "token expired", now));
            events.add(new MarketingCredentialsReplaced(sourceId, Map.of("token", "••••" + id()), now));
        } else {
            events.add(new SyncCompleted(sourceId, syncId, from, today, 1 + random.nextInt(3), changed.size() * 6,
                    changed.size(), now));
        }
        if (random.nextInt(10) == 0) {
            events.add(new MetricsImported(sourceId, "import-" + id(), 12, List.of(today), List.of(), now));
        }
    }

    private void step() {
        now = now.plusMillis(1 + random.nextInt(maxStepMillis));
        int dice = random.nextInt(1000);
        if (dice < 2) {
            events.add(random.nextBoolean() ? new SourceRenamed("web", "Storefront " + ids++)
                    : new SourceTokenRotated("server", "tok", "tok-" + ids++, now));
        } else if (dice < 12) {
            events.add(new PayloadRejected("web", nextRecord(), now, "{\"event_name\":\"\"}", null, null,
                    List.of(new FieldError("event_name", "required"))));
        } else if (dice < 16) {
            sync();
        } else if (dice < 40 && !orders.isEmpty()) {
            serverEvent(orders.get(orders.size() - 1 - random.nextInt(Math.min(orders.size(), 200))));
        } else if (active.isEmpty() || dice < 130) {
            track(newDevice());
        } else {
            Device device = active.get(active.size() - 1 - Math.min(active.size() - 1, (int) Math.abs(random.nextGaussian() * 150)));
            track(device);
        }
        if (orders.size() > 2000) {
            orders.subList(0, 500).clear();
        }
        if (active.size() > 2000) {
            active.subList(0, 500).clear();
        }
    }

    private Device newDevice() {
        Device device = new Device("p-" + id(), "urn:cookie:" + id(), visitorOfNewDevice());
        active.add(device);
        if (device.visitor != null) {
            devices.merge(device.visitor, 1, Integer::sum);
        }
        Evidence evidence = evidence(records + 1);
        events.add(new ProfileCreated(device.profileId, List.of(device.cookie), "new_profile", evidence));
        events.add(new AliasLinked(device.profileId, device.cookie, "new_profile", evidence));
        return device;
    }

    /** A known visitor's second or third device, a new identifiable visitor, or an anonymous one. */
    private String visitorOfNewDevice() {
        if (random.nextInt(4) == 0 && !active.isEmpty()) {
            Device other = active.get(random.nextInt(active.size()));
            if (other.visitor != null && devices.get(other.visitor) < 3) {
                return other.visitor;
            }
        }
        return random.nextInt(3) == 0 ? "v" + id() : null;
    }

    private void track(Device device) {
        String recordId = nextRecord();
        Evidence evidence = evidence(records);
        String eventName = eventName();
        boolean newSession = device.sessionId == null || now.isAfter(device.lastSeen.plus(SESSION_TIMEOUT));
        if (newSession) {
            device.sessionId = "s-" + id();
            device.sessions.add(new SessionRef(device.sessionId, now, now, "k"));
        }
        device.lastSeen = now;
        TrackedEvent event = trackedEvent(eventName, device);
        if (eventName.equals(TrackedEvent.PLACED_ORDER)) {
            orders.add(new Order(device, "o-" + recordId, event.properties().get("total_price")));
        }
        events.add(new EventRecorded(device.profileId, recordId, "web", SourceType.BROWSER, now, event, "fp-" + recordId,
                device.sessionId, newSession, newSession ? "k" : null, false));
        if (newSession) {
            String[] channel = CHANNELS[random.nextInt(CHANNELS.length)];
            events.add(new SessionStarted(device.sessionId, device.profileId, recordId, now, channel[0], channel[1],
                    channel[0].startsWith("Paid") ? "spring" : null, null, null, channel[2], channel[3]));
        }
        if (random.nextInt(100) < 3) {
            events.add(new DuplicateDiscarded(device.profileId, nextRecord(), "web", SourceType.BROWSER, now, event,
                    "fp-" + recordId, recordId, "web", DuplicateKind.SAME_SOURCE));
        }
        if (eventName.equals(TrackedEvent.PLACED_ORDER)) {
            events.add(new DuplicateDiscarded(device.profileId, nextRecord(), "shop", SourceType.SERVER, now.plusSeconds(2),
                    event, "fp-server-" + recordId, recordId, "web", DuplicateKind.CROSS_SOURCE));
        }
        if (device.visitor != null && (eventName.equals("Checkout Started") || random.nextInt(100) < 2)) {
            identify(device, evidence);
        } else if (random.nextInt(1000) < 5) {
            events.add(new AliasBlocked(device.profileId, "urn:email:null", "blocked_value", evidence));
        }
    }

    /**
     * A server-side event about an earlier order (fulfilled, cancelled or refunded), on the profile its device has
     * now, stitched to a browser session or not, and sometimes late.
     */
    private void serverEvent(Order order) {
        int dice = random.nextInt(10);
        String eventName = dice < 6 ? "Order Fulfilled" : dice < 8 ? "Cancelled Order" : "Refunded Order";
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("order_id", order.orderId);
        if (dice >= 8) {
            properties.put("total_price", order.total);
        }
        Instant at = random.nextInt(20) == 0 ? now.minus(Duration.ofDays(8)) : now.minusSeconds(random.nextInt(600));
        TrackedEvent event = new TrackedEvent(eventName, "e-" + id(), properties, Map.of(), List.of(), at, null, List.of());
        events.add(new EventRecorded(order.device.profileId, nextRecord(), "server", SourceType.SERVER, now, event,
                "fp-" + records, null, false, null, random.nextInt(3) > 0));
    }

    private void identify(Device device, Evidence evidence) {
        String email = "urn:email:" + device.visitor + "@example.com";
        Map<String, PropertyValue> properties = new LinkedHashMap<>();
        properties.put("$email", new PropertyValue(device.visitor + "@example.com", now));
        properties.put("plan", new PropertyValue(random.nextBoolean() ? "pro" : "free", now));
        properties.put("ltv", new PropertyValue(new BigDecimal(random.nextInt(50_000)).movePointLeft(2), now));
        events.add(new ProfilePropertiesUpdated(device.profileId, properties, evidence));
        Device owner = byEmail.get(email);
        if (owner == null) {
            byEmail.put(email, device);
            events.add(new AliasLinked(device.profileId, email, "known_profile", evidence));
        } else if (owner != device && !owner.profileId.equals(device.profileId)) {
            if (random.nextInt(50) == 0) {
                events.add(new MergeBlocked(owner.profileId, device.profileId, List.of(email), "user_id_limit", evidence));
                return;
            }
            merge(owner, device, email, evidence);
        }
    }

    private void merge(Device survivor, Device merged, String email, Evidence evidence) {
        String mergedId = merged.profileId;
        List<SessionRef> sessions = List.copyOf(merged.sessions.subList(Math.max(0, merged.sessions.size() - 3),
                merged.sessions.size()));
        Map<String, PropertyValue> properties = Map.of("device", new PropertyValue("phone", now));
        events.add(new ProfilesMerged(survivor.profileId, survivor.profileId, mergedId, List.of(email),
                List.of(merged.cookie), properties, sessions, "shared_alias", evidence));
        events.add(new ProfilesMerged(mergedId, survivor.profileId, mergedId, List.of(email), List.of(), Map.of(),
                List.of(), "shared_alias", evidence));
        sessions.forEach(session -> events.add(new SessionMoved(session.sessionId(), mergedId, survivor.profileId,
                evidence.recordId())));
        if (random.nextInt(5) == 0) { // a late event of the merged device, recorded on the merged-away id
            events.add(new EventRecorded(mergedId, nextRecord(), "web", SourceType.BROWSER, now,
                    trackedEvent("$page_load", merged), "fp-late-" + records, merged.sessionId, false, null, false));
        }
        active.stream().filter(d -> d.profileId.equals(mergedId)).forEach(d -> d.profileId = survivor.profileId);
        merged.profileId = survivor.profileId;
    }

    private String eventName() {
        int dice = random.nextInt(100);
        return dice < 55 ? "$page_load" : dice < 80 ? "Viewed Product" : dice < 90 ? "Added To Cart"
                : dice < 96 ? "Checkout Started" : TrackedEvent.PLACED_ORDER;
    }

    private TrackedEvent trackedEvent(String eventName, Device device) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("$url", "https://shop.example/p/" + random.nextInt(500));
        if (eventName.equals(TrackedEvent.PLACED_ORDER)) {
            properties.put("order_id", "o-r-" + records);
            properties.put("total_price", new BigDecimal(random.nextInt(50_000)).movePointLeft(2).toPlainString());
            properties.put("currency", random.nextInt(10) == 0 ? "usd" : "EUR");
            properties.put("$is_new_customer", random.nextBoolean());
            if (random.nextInt(3) == 0) {
                properties.put("landing_site", random.nextBoolean() ? "/?gclid=x" + random.nextInt(9) : "/");
                if (random.nextBoolean()) {
                    properties.put("referring_site", "https://www.google.com/");
                }
            }
        } else if (!eventName.equals("$page_load")) {
            properties.put("product_id", "sku-" + random.nextInt(500));
            properties.put("price", new BigDecimal(random.nextInt(20_000)).movePointLeft(2));
            properties.put("currency", "EUR");
        }
        List<String> aliases = device.visitor == null ? List.of(device.cookie)
                : List.of(device.cookie, "urn:email:" + device.visitor + "@example.com");
        return new TrackedEvent(eventName, "e-" + id(), properties, Map.of(), aliases, now, null, List.of());
    }

    private Evidence evidence(long record) {
        return new Evidence("r-" + record, "e-" + record, now);
    }

    private String nextRecord() {
        return "r-" + ++records;
    }

    private String id() {
        return Long.toString(++ids, 36) + Integer.toString(random.nextInt(36 * 36), 36);
    }

    private record Order(Device device, String orderId, Object total) {
    }

    private static final class Device {
        private String profileId;
        private final String cookie;
        private final String visitor;
        private final List<SessionRef> sessions = new ArrayList<>();
        private String sessionId;
        private Instant lastSeen;

        private Device(String profileId, String cookie, String visitor) {
            this.profileId = profileId;
            this.cookie = cookie;
            this.visitor = visitor;
        }
    }
}
