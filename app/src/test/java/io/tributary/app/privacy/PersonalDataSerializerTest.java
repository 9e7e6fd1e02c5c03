package io.tributary.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.Evidence;
import io.tributary.api.profile.ProfilePropertiesUpdated;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.PropertyValue;
import io.tributary.api.secret.SecretBox;
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

class PersonalDataSerializerTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final String EMAIL = "ada.lovelace@example.com";
    private static final String PHONE = "+441234567890";
    private static final Evidence EVIDENCE = new Evidence("record-1", "event-1", AT);

    @RegisterExtension
    static final InMemoryStore store = new InMemoryStore();

    private final ObjectMapper mapper = InMemoryStore.mapper();
    private DataKeys keys;
    private PersonalDataSerializer serializer;

    @BeforeEach
    void setUp() {
        keys = new DataKeys(store.freshDatabase("privacy"),
                SecretBox.fromKey(SecretBox.generateKey()));
        serializer = serializer(PrivacyProperties.defaults());
    }

    @Test
    void storesPersonalFieldsOfAnEventEncryptedAndReadsThemBack() {
        EventRecorded recorded = order("profile-ada");

        SerializedObject<byte[]> stored = serializer.serialize(recorded, byte[].class);

        assertThat(new String(stored.getData())).doesNotContain(EMAIL, PHONE, "Ada", "Lovelace", "1 Analytical Way")
                .contains("pd:v1:profile-ada:", "urn:email:pd:v1:", "urn:anonymous_id:anon-1", "49.99", "Placed Order",
                        "order-1001", "\"currency\":\"EUR\"");
        assertThat((EventRecorded) serializer.deserialize(stored)).isEqualTo(recorded);
    }

    @Test
    void readsPersonalFieldsAsErasedOnceTheProfileKeyIsDeleted() {
        SerializedObject<byte[]> stored = serializer.serialize(order("profile-ada"), byte[].class);
        SerializedObject<String> alias = serializer.serialize(new AliasLinked("profile-ada", "urn:email:" + EMAIL,
                null, EVIDENCE), String.class);

        keys.delete(List.of("profile-ada"));

        EventRecorded erased = serializer.deserialize(stored);
        assertThat(erased.event().aliases()).containsExactly("urn:email:[erased]", "urn:anonymous_id:anon-1");
        assertThat(erased.event().profileProperties()).containsEntry("$email", "[erased]")
                .containsEntry("$first_name", "[erased]");
        assertThat(erased.event().properties()).containsEntry("total_price", new BigDecimal("49.99"))
                .containsEntry("currency", "EUR").containsEntry("address", "[erased]");
        assertThat(erased.event().eventId()).isEqualTo("order-1001");
        assertThat(((AliasLinked) serializer.deserialize(alias)).alias()).isEqualTo("urn:email:[erased]");
    }

    @Test
    void erasingOneProfileLeavesAnothersFieldsReadable() {
        SerializedObject<byte[]> ada = serializer.serialize(properties("profile-ada"), byte[].class);
        SerializedObject<byte[]> bob = serializer.serialize(properties("profile-bob"), byte[].class);

        keys.delete(List.of("profile-ada"));

        assertThat(((ProfilePropertiesUpdated) serializer.deserialize(ada)).properties().get("$email").value())
                .isEqualTo("[erased]");
        assertThat(((ProfilePropertiesUpdated) serializer.deserialize(bob)).properties().get("$email").value())
                .isEqualTo(EMAIL);
    }

    @Test
    void sealsWhatASplitMovesBackAndReadsItAsErasedWithoutTheKey() {
        Map<String, PropertyValue> moved = Map.of("$email", new PropertyValue(EMAIL, AT));
        ProfileSplit split = new ProfileSplit("profile-ada", "profile-ada", "profile-bob", List.of("urn:email:" + EMAIL),
                moved, Map.of("$phone_number", new PropertyValue(PHONE, AT)), List.of(), List.of(), "manual", EVIDENCE,
                "admin", "wrong merge");

        SerializedObject<byte[]> stored = serializer.serialize(split, byte[].class);

        assertThat(new String(stored.getData())).doesNotContain(EMAIL, PHONE).contains("profile-bob", "wrong merge");
        assertThat((ProfileSplit) serializer.deserialize(stored)).isEqualTo(split);
        keys.delete(List.of("profile-ada"));
        ProfileSplit erased = serializer.deserialize(stored);
        assertThat(erased.movedAliases()).containsExactly("urn:email:[erased]");
        assertThat(erased.movedProperties().get("$email").value()).isEqualTo("[erased]");
        assertThat(erased.remainingProperties().get("$phone_number").value()).isEqualTo("[erased]");
    }

    @Test
    void storesEventsInClearWhenEncryptionIsOff() {
        PersonalDataSerializer off = serializer(new PrivacyProperties(false, null, null, false, null));

        SerializedObject<byte[]> stored = off.serialize(order("profile-ada"), byte[].class);

        assertThat(new String(stored.getData())).contains(EMAIL).doesNotContain("pd:v1:");
    }

    private PersonalDataSerializer serializer(PrivacyProperties privacy) {
        return new PersonalDataSerializer(JacksonSerializer.builder().objectMapper(mapper).build(), keys, mapper,
                privacy);
    }

    private static EventRecorded order(String profileId) {
        TrackedEvent event = new TrackedEvent("Placed Order", "order-1001",
                Map.of("total_price", new BigDecimal("49.99"), "currency", "EUR", "address", "1 Analytical Way"),
                Map.of("$email", EMAIL, "$phone_number", PHONE, "$first_name", "Ada", "$last_name", "Lovelace"),
                List.of("urn:email:" + EMAIL, "urn:anonymous_id:anon-1"), AT, null, List.of());
        return new EventRecorded(profileId, "record-1", "source-1", SourceType.SERVER, AT, event, "fp", null, false,
                null, true, null);
    }

    private static ProfilePropertiesUpdated properties(String profileId) {
        return new ProfilePropertiesUpdated(profileId, Map.of("$email", new PropertyValue(EMAIL, AT)), EVIDENCE);
    }
}
