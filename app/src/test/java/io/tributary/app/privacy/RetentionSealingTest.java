package io.tributary.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.PayloadRejected;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.secret.SecretBox;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.source.SourceType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The second seal, per source and month, around the personal content of tracked events, sessions and rejections. */
class RetentionSealingTest {

    private static final Instant MARCH = Instant.parse("2024-03-31T23:30:00Z");
    private static final Instant APRIL = Instant.parse("2024-04-01T00:30:00Z");
    private static final String EMAIL = "grace.hopper@example.com";
    private static final String URL = "https://shop.example/account?email=" + EMAIL;

    @RegisterExtension
    static final InMemoryStore store = new InMemoryStore();

    private final ObjectMapper mapper = InMemoryStore.mapper();
    private DataKeys keys;
    private RetentionKeys retentionKeys;
    private PersonalDataSerializer serializer;

    @BeforeEach
    void setUp() {
        MongoDatabase database = store.freshDatabase("retention");
        SecretBox serverKey = SecretBox.fromKey(SecretBox.generateKey());
        keys = new DataKeys(database, serverKey);
        retentionKeys = new RetentionKeys(database, serverKey);
        serializer = new PersonalDataSerializer(jackson(), keys, retentionKeys, mapper, PrivacyProperties.defaults());
    }

    @Test
    void sealsATrackedEventsContentWithItsSourceMonthAndReadsItBack() {
        EventRecorded march = order("profile-grace", "order-1", MARCH);

        SerializedObject<byte[]> stored = serializer.serialize(march, byte[].class);

        assertThat(new String(stored.getData())).doesNotContain(EMAIL, "shop.example", "Grace")
                .contains("pd:v1:r/source-1/2024-03:", "urn:email:pd:v1:r/source-1/2024-03:", "49.99", "order-1");
        assertThat((EventRecorded) serializer.deserialize(stored)).isEqualTo(march);
        assertThat(retentionKeys.monthsOf("source-1")).containsExactly("2024-03");
    }

    @Test
    void shredsTheContentOfAnExpiredMonthAndLeavesTheNextMonthAndTheMoney() {
        SerializedObject<byte[]> march = serializer.serialize(order("profile-grace", "order-1", MARCH), byte[].class);
        SerializedObject<byte[]> april = serializer.serialize(order("profile-grace", "order-2", APRIL), byte[].class);

        retentionKeys.delete("source-1", List.of("2024-03"));

        EventRecorded shredded = serializer.deserialize(march);
        assertThat(shredded.event().aliases()).containsExactly("urn:email:[erased]", "urn:anonymous_id:anon-1");
        assertThat(shredded.event().profileProperties()).containsEntry("$first_name", "[erased]");
        assertThat(shredded.event().properties()).containsEntry("email", "[erased]").containsEntry("$url", "[erased]")
                .containsEntry("referrer", "[erased]").containsEntry("total_price", new BigDecimal("49.99"))
                .containsEntry("currency", "EUR");
        assertThat(shredded.event().eventId()).isEqualTo("order-1");
        assertThat(shredded.event().timestamp()).isEqualTo(MARCH);
        assertThat((EventRecorded) serializer.deserialize(april)).isEqualTo(order("profile-grace", "order-2", APRIL));
    }

    @Test
    void erasingThePersonStillShredsWhatTheMonthKeySealsToo() {
        SerializedObject<byte[]> stored = serializer.serialize(order("profile-grace", "order-1", MARCH), byte[].class);

        keys.delete(List.of("profile-grace"));

        EventRecorded erased = serializer.deserialize(stored);
        assertThat(erased.event().properties()).containsEntry("email", "[erased]").containsEntry("$url", "[erased]");
        assertThat(erased.event().aliases()).contains("urn:email:[erased]");
    }

    @Test
    void sealsASessionsLandingAndReferrerWithItsSourceMonth() {
        SessionStarted started = new SessionStarted("session-1", "profile-grace", "record-1", MARCH, "Paid", "Google Ads",
                "spring", null, null, URL, "https://www.google.com/", 0, "source-1");

        SerializedObject<byte[]> stored = serializer.serialize(started, byte[].class);

        assertThat(new String(stored.getData())).doesNotContain(EMAIL, "google.com").contains("Google Ads", "spring");
        assertThat((SessionStarted) serializer.deserialize(stored)).isEqualTo(started);
        retentionKeys.delete("source-1", List.of("2024-03"));
        SessionStarted shredded = serializer.deserialize(stored);
        assertThat(shredded.landingUrl()).isEqualTo("[erased]");
        assertThat(shredded.referrer()).isEqualTo("[erased]");
        assertThat(shredded.channel()).isEqualTo("Google Ads");
    }

    @Test
    void sealsARejectedPayloadAndItsErrorMessagesWithTheMonthItWasReceived() {
        PayloadRejected rejected = new PayloadRejected("source-1", "record-9", APRIL, "{\"email\":\"" + EMAIL + "\"}",
                "Signed Up", "su-1", List.of(new FieldError("timestamp", "is required")));

        SerializedObject<byte[]> stored = serializer.serialize(rejected, byte[].class);

        assertThat(new String(stored.getData())).doesNotContain(EMAIL, "is required")
                .contains("pd:v1:r/source-1/2024-04:", "\"field\":\"timestamp\"", "su-1");
        assertThat((PayloadRejected) serializer.deserialize(stored)).isEqualTo(rejected);
        retentionKeys.delete("source-1", List.of("2024-04"));
        PayloadRejected shredded = serializer.deserialize(stored);
        assertThat(shredded.payload()).isEqualTo("[erased]");
        assertThat(shredded.errors()).containsExactly(new FieldError("timestamp", "[erased]"));
        assertThat(shredded.eventId()).isEqualTo("su-1");
    }

    @Test
    void sealsARejectedPayloadWithAKeyOfItsOwnThatAnErasureCanDelete() {
        PayloadRejected rejected = new PayloadRejected("source-1", "record-9", APRIL, "{\"email\":\"" + EMAIL + "\"}",
                "Signed Up", "su-1", List.of());
        SerializedObject<byte[]> stored = serializer.serialize(rejected, byte[].class);

        keys.delete(List.of(RejectedPayloadKeys.keyId("record-9")));

        assertThat(((PayloadRejected) serializer.deserialize(stored)).payload()).isEqualTo("[erased]");
        assertThat(retentionKeys.monthsOf("source-1")).containsExactly("2024-04");
    }

    @Test
    void readsBackARejectedPayloadThatOnlyLooksSealed() {
        keys.keyOf("profile-grace");
        PayloadRejected crafted = new PayloadRejected("source-1", "record-8", APRIL, "pd:v1:profile-grace:AAAAAAAA",
                null, null, List.of(new FieldError("body", "pd:v1:")));

        SerializedObject<byte[]> stored = serializer.serialize(crafted, byte[].class);

        assertThat((PayloadRejected) serializer.deserialize(stored)).isEqualTo(crafted);
    }

    @Test
    void readsEventsStoredBeforeRetentionSealingExisted() {
        PersonalDataSerializer before = new PersonalDataSerializer(jackson(), keys, mapper,
                PrivacyProperties.defaults());
        EventRecorded march = order("profile-grace", "order-1", MARCH);
        SerializedObject<byte[]> stored = before.serialize(march, byte[].class);
        SerializedObject<byte[]> session = new PersonalDataSerializer(jackson(), null, mapper,
                new PrivacyProperties(false, null, null, false, null)).serialize(new SessionStarted("session-1",
                "profile-grace", "record-1", MARCH, "Direct", "Direct", null, null, null, URL, null), byte[].class);

        assertThat(new String(stored.getData())).doesNotContain("pd:v1:r/");
        assertThat((EventRecorded) serializer.deserialize(stored)).isEqualTo(march);
        assertThat(((SessionStarted) serializer.deserialize(session)).landingUrl()).isEqualTo(URL);
        assertThat(((SessionStarted) serializer.deserialize(session)).sourceId()).isNull();
    }

    private JacksonSerializer jackson() {
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    private static EventRecorded order(String profileId, String orderId, Instant at) {
        TrackedEvent event = new TrackedEvent("Placed Order", orderId,
                Map.of("total_price", new BigDecimal("49.99"), "currency", "EUR", "email", EMAIL, "$url", URL,
                        "referrer", "https://mail.example/inbox"),
                Map.of("$first_name", "Grace"), List.of("urn:email:" + EMAIL, "urn:anonymous_id:anon-1"), at, null,
                List.of());
        return new EventRecorded(profileId, "record-" + orderId, "source-1", SourceType.SERVER, at, event, "fp", null,
                false, null, true, null);
    }
}
