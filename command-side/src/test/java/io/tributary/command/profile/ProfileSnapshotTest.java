package io.tributary.command.profile;

import static io.tributary.command.profile.ProfileFixtures.ANONYMOUS_ID;
import static io.tributary.command.profile.ProfileFixtures.T0;
import static io.tributary.command.profile.ProfileFixtures.browserEvent;
import static io.tributary.command.profile.ProfileFixtures.linkedAtCreation;
import static io.tributary.command.profile.ProfileFixtures.minutesAfterT0;
import static io.tributary.command.profile.ProfileFixtures.opensSession;
import static io.tributary.command.profile.ProfileFixtures.profileCreated;
import static io.tributary.command.profile.ProfileFixtures.propertiesUpdated;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Profile is snapshotted ({@code snapshotTriggerDefinition = "snapshotTrigger"}, every 100 events) with the app's
 * general serializer, which is Jackson. A snapshot must restore the state the events built.
 */
class ProfileSnapshotTest {

    @Test
    void survivesASnapshotRoundTrip() throws IOException {
        Profile profile = new Profile();
        profile.on(profileCreated(ANONYMOUS_ID));
        profile.on(linkedAtCreation(ANONYMOUS_ID));
        profile.on(propertiesUpdated(minutesAfterT0(1), Map.of("plan", "pro")));
        profile.on(opensSession(browserEvent("record-10", T0), "session-1", "spring-sale"));

        Profile restored = jacksonRoundTrip(profile);

        assertThat(restored.profileId()).isEqualTo(profile.profileId());
        assertThat(restored.firstSeen()).isEqualTo(profile.firstSeen());
        assertThat(restored.aliases()).isEqualTo(profile.aliases());
        assertThat(restored.properties()).isEqualTo(profile.properties());
        assertThat(restored.sessions()).isEqualTo(profile.sessions()).isNotEmpty();
    }

    /** As the app's Jackson serializer stores a snapshot: ISO instants (Spring Boot's JavaTimeModule set-up). */
    private static Profile jacksonRoundTrip(Profile profile) throws IOException {
        SimpleModule isoInstants = new SimpleModule()
                .addSerializer(Instant.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Instant value, JsonGenerator out, SerializerProvider provider)
                            throws IOException {
                        out.writeString(value.toString());
                    }
                })
                .addDeserializer(Instant.class, new JsonDeserializer<>() {
                    @Override
                    public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
                        return Instant.parse(in.getValueAsString());
                    }
                });
        ObjectMapper mapper = new ObjectMapper().registerModule(isoInstants)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper.readValue(mapper.writeValueAsBytes(profile), Profile.class);
    }
}
