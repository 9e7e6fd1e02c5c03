package io.tributary.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.backfill.BackfillPageImported;
import io.tributary.api.source.CommerceStore;
import io.tributary.api.source.CommerceStoreConnected;
import io.tributary.api.source.SigningSecretRotated;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Stored source events stay readable: the payloads written before the store sources existed, and the new ones. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SourceEventsContractTest {

    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;

    @Test
    void readsASourceCreatedStoredBeforeStoreSourcesExisted() {
        String stored = "{\"sourceId\":\"s1\",\"name\":\"Shop backend\",\"type\":\"server\",\"token\":\"t1\","
                + "\"allowedOrigins\":[\"*\"],\"at\":\"2025-01-01T00:00:00Z\"}";

        assertThat(read(stored, SourceCreated.class)).isEqualTo(new SourceCreated("s1", "Shop backend",
                SourceType.SERVER, "t1", List.of("*"), Instant.parse("2025-01-01T00:00:00Z")));
    }

    @Test
    void keepsTheDataLayerSettingOfABrowserSourceAndReadsItsAbsenceAsOff() {
        SourceCreated withSetting = new SourceCreated("s3", "Web", SourceType.BROWSER, "t3", List.of("*"),
                Instant.parse("2026-12-01T00:00:00Z"), true);
        String stored = "{\"sourceId\":\"s1\",\"name\":\"Web\",\"type\":\"browser\",\"token\":\"t1\","
                + "\"allowedOrigins\":[\"*\"],\"at\":\"2025-01-01T00:00:00Z\"}";

        assertThat(roundTrip(withSetting)).isEqualTo(withSetting);
        assertThat(read(stored, SourceCreated.class).dataLayer()).isNull();
    }

    @Test
    void readsASourceCreatedWithComponentsAddedLater() {
        String stored = "{\"sourceId\":\"s2\",\"name\":\"Web\",\"type\":\"browser\",\"token\":\"t2\","
                + "\"allowedOrigins\":[],\"at\":\"2025-01-01T00:00:00Z\",\"addedLater\":{\"x\":1}}";

        assertThat(read(stored, SourceCreated.class).type()).isEqualTo(SourceType.BROWSER);
    }

    @Test
    void readsStoreEventsStoredInClearBeforeSecretsWereSealed() {
        String connected = "{\"sourceId\":\"s4\",\"type\":\"shopify\",\"store\":{\"storeUrl\":\"acme.myshopify.com\","
                + "\"signingSecret\":\"whsec-clear\",\"adminApiToken\":\"shpat_clear\",\"consumerKey\":null,"
                + "\"consumerSecret\":null},\"at\":\"2025-01-01T00:00:00Z\"}";
        String rotated = "{\"sourceId\":\"s4\",\"previousSecret\":\"whsec-clear\",\"signingSecret\":\"whsec-next\","
                + "\"previousValidUntil\":\"2025-01-02T00:00:00Z\",\"at\":\"2025-01-01T00:00:00Z\"}";

        assertThat(read(connected, CommerceStoreConnected.class)).isEqualTo(new CommerceStoreConnected("s4",
                SourceType.SHOPIFY, new CommerceStore("acme.myshopify.com", "whsec-clear", "shpat_clear", null, null),
                Instant.parse("2025-01-01T00:00:00Z"), null));
        assertThat(read(rotated, SigningSecretRotated.class)).isEqualTo(new SigningSecretRotated("s4", "whsec-clear",
                "whsec-next", Instant.parse("2025-01-02T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"), null));
    }

    @Test
    void writesAndReadsTheStoreEventsWithTheirExactValues() {
        CommerceStoreConnected connected = new CommerceStoreConnected("s3", SourceType.WOOCOMMERCE,
                new CommerceStore("https://shop.example", "whsec", null, "ck", "cs"), Instant.parse("2025-02-01T10:00:00Z"));
        BackfillPageImported page = new BackfillPageImported("s3", "b1", 2, "2", null, 100, 97, 3, 0,
                Instant.parse("2025-02-01T10:05:00.123456Z"));

        assertThat(roundTrip(connected)).isEqualTo(connected);
        assertThat(roundTrip(page)).isEqualTo(page);
        assertThat(new String(events.serialize(connected, byte[].class).getData(), StandardCharsets.UTF_8))
                .contains("\"type\":\"woocommerce\"");
    }

    private <T> T read(String json, Class<T> type) {
        return events.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                type.getName(), null));
    }

    private <T> T roundTrip(T event) {
        SerializedObject<byte[]> serialized = events.serialize(event, byte[].class);
        return events.deserialize(serialized);
    }
}
