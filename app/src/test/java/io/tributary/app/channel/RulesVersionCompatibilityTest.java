package io.tributary.app.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.session.SessionStarted;
import org.junit.jupiter.api.Test;

/** Events stored before the rulesVersion field read as version 0; newer ones keep theirs. */
class RulesVersionCompatibilityTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void anOldSessionStartedReadsVersionZero() throws Exception {
        SessionStarted old = json.readValue("""
                {"sessionId":"s1","profileId":"p1","recordId":"r1","startedAt":"2025-01-01T00:00:00Z",
                 "channelGroup":"Direct","channel":"Direct","landingUrl":"https://shop.example/"}""", SessionStarted.class);

        assertThat(old.rulesVersion()).isZero();
        assertThat(old.channel()).isEqualTo("Direct");
    }

    @Test
    void aNewSessionStartedKeepsItsVersion() throws Exception {
        SessionStarted started = new SessionStarted("s1", "p1", "r1", null, "Email", "Klaviyo", null, null, null,
                null, null, 4);

        assertThat(json.readValue(json.writeValueAsString(started), SessionStarted.class)).isEqualTo(started);
    }

    @Test
    void anOldAliasLinkedReadsVersionZero() throws Exception {
        AliasLinked old = json.readValue("{\"profileId\":\"p1\",\"alias\":\"urn:email:a@b.c\",\"rule\":\"new_profile\"}",
                AliasLinked.class);

        assertThat(old.rulesVersion()).isZero();
    }
}
