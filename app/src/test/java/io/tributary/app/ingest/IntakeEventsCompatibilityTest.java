package io.tributary.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.PayloadRejected;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Events stored before the delivery id was added still read, with no delivery id; new ones keep theirs. */
class IntakeEventsCompatibilityTest {

    private static final String EVENT = """
            {"eventName":"Placed Order","eventId":"o-1","properties":{},"profileProperties":{},
             "aliases":["urn:email:ann@example.com"],"timestamp":"2026-11-02T10:00:00Z","timestampOffset":null,"flags":[]}""";

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void readsAnEventRecordedStoredWithoutADeliveryId() throws Exception {
        EventRecorded old = json.readValue("""
                {"profileId":"p1","recordId":"r1","sourceId":"s1","sourceType":"SERVER",
                 "receivedAt":"2026-11-02T10:00:01Z","event":%s,"fingerprint":"f","sessionId":null,
                 "startsSession":false,"trafficKey":null,"stitched":false}""".formatted(EVENT), EventRecorded.class);

        assertThat(old.recordId()).isEqualTo("r1");
        assertThat(old.event().eventId()).isEqualTo("o-1");
        assertThat(old.deliveryId()).isNull();
    }

    @Test
    void readsADuplicateDiscardedStoredWithoutADeliveryId() throws Exception {
        DuplicateDiscarded old = json.readValue("""
                {"profileId":"p1","recordId":"r2","sourceId":"s1","sourceType":"SERVER",
                 "receivedAt":"2026-11-02T10:00:01Z","event":%s,"fingerprint":"f","keptRecordId":"r1",
                 "keptSourceId":"s1","kind":"SAME_SOURCE"}""".formatted(EVENT), DuplicateDiscarded.class);

        assertThat(old.kind()).isEqualTo(DuplicateKind.SAME_SOURCE);
        assertThat(old.keptRecordId()).isEqualTo("r1");
        assertThat(old.deliveryId()).isNull();
    }

    @Test
    void readsAPayloadRejectedStoredWithoutADeliveryId() throws Exception {
        PayloadRejected old = json.readValue("""
                {"sourceId":"s1","recordId":"r3","receivedAt":"2026-11-02T10:00:01Z","payload":"{}",
                 "eventName":null,"eventId":null,"errors":[{"field":"body","message":"bad"}]}""", PayloadRejected.class);

        assertThat(old.errors()).hasSize(1);
        assertThat(old.deliveryId()).isNull();
    }

    @Test
    void keepsTheDeliveryIdOfANewEvent() throws Exception {
        PayloadRejected rejected = new PayloadRejected("s1", "r3", Instant.parse("2026-11-02T10:00:01Z"), "{}", null,
                null, java.util.List.of(), "d-1");

        assertThat(json.readValue(json.writeValueAsBytes(rejected), PayloadRejected.class)).isEqualTo(rejected);
    }
}
