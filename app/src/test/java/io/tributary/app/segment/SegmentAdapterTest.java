package io.tributary.app.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.intake.PayloadBounds;
import io.tributary.api.intake.PayloadLimits;
import io.tributary.command.ingestion.AliasRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping of Segment messages to tracked events, as tables. Messages are written in JSON with ' for ". */
class SegmentAdapterTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Instant RECEIVED = Instant.parse("2024-09-02T12:00:00Z");
    private final SegmentAdapter adapter = new SegmentAdapter(AliasRules.defaults(), Duration.ofHours(23),
            new PayloadBounds(PayloadLimits.DEFAULTS));

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            track    | {'userId':'u1','event':'Signed Up'}                                | Signed Up
            track    | {'userId':'u1','event':'Order Completed'}                          | Placed Order
            track    | {'userId':'u1','event':'order completed'}                          | Placed Order
            track    | {'userId':'u1','event':'Product Viewed'}                           | Viewed Product
            track    | {'userId':'u1','event':'Product Added'}                            | Added To Cart
            track    | {'userId':'u1','event':'Checkout Started'}                         | Started Checkout
            page     | {'anonymousId':'a1','name':'Home'}                                 | $page_load
            screen   | {'anonymousId':'a1','name':'Home'}                                 | $screen_view
            identify | {'userId':'u1','traits':{'email':'a@b.com'}}                       | $identify
            group    | {'userId':'u1','groupId':'g1'}                                     | $group
            alias    | {'userId':'u1','previousId':'a1'}                                  | $alias
            """)
    void namesEachCallAsTributaryDoes(String type, String message, String expectedName) {
        TrackedEvent event = valid(type, message);

        assertThat(event.eventName()).isEqualTo(expectedName);
    }

    @ParameterizedTest(name = "{0} keeps {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Order Completed  | Order Completed
            Product Viewed   | Product Viewed
            Signed Up        |
            """)
    void keepsTheOriginalNameOfARenamedEvent(String segmentName, String expectedOriginal) {
        TrackedEvent event = valid("track", "{'userId':'u1','event':'" + segmentName + "'}");

        assertThat(event.properties().get("$original_event_name")).isEqualTo(expectedOriginal);
    }

    @ParameterizedTest(name = "{0} → event id {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {'userId':'u1','messageId':'m1','event':'Order Completed','properties':{'order_id':'o-7'}} | o-7
            {'userId':'u1','messageId':'m1','event':'Order Completed','properties':{'order_id':1001}}  | 1001
            {'userId':'u1','messageId':'m1','event':'Order Completed'}                                | m1
            {'userId':'u1','messageId':'m1','event':'Product Viewed','properties':{'order_id':'o-7'}} | m1
            {'userId':'u1','messageId':42,'event':'Signed Up'}                                        | 42
            """)
    void takesTheEventIdFromTheOrderIdOfAnOrderElseTheMessageId(String message, String expectedId) {
        assertThat(valid("track", message).eventId()).isEqualTo(expectedId);
    }

    @Test
    void assignsAnEventIdWhenTheMessageHasNone() {
        TrackedEvent first = valid("track", "{'userId':'u1','event':'Signed Up'}");
        TrackedEvent second = valid("track", "{'userId':'u1','event':'Signed Up'}");

        assertThat(first.eventId()).isNotBlank().isNotEqualTo(second.eventId());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            track    | {'userId':'U1','anonymousId':'a1','event':'E'}                                 | urn:user_id:U1,urn:anonymous_id:a1
            track    | {'anonymousId':'a1','event':'E','context':{'traits':{'email':'A@B.com'}}}     | urn:anonymous_id:a1,urn:email:a@b.com
            identify | {'userId':'u1','traits':{'email':'Me@X.io'}}                                   | urn:user_id:u1,urn:email:me@x.io
            identify | {'userId':'u1','context':{'traits':{'email':'c@x.io'}}}                        | urn:user_id:u1,urn:email:c@x.io
            identify | {'userId':'u1','traits':{'email':'t@x.io'},'context':{'traits':{'email':'c@x.io'}}} | urn:user_id:u1,urn:email:t@x.io
            track    | {'userId':'u1','event':'E','context':{'externalIds':[{'id':'c-9','type':'customer_id'},{'id':'G1.2','type':'ga-Client-Id'}]}} | urn:user_id:u1,urn:customer_id:c-9,urn:ga_client_id:G1.2
            group    | {'userId':'u1','groupId':'g1','traits':{'email':'team@x.io'}}                  | urn:user_id:u1
            alias    | {'userId':'u1','previousId':'anon-7','anonymousId':'anon-7'}                   | urn:user_id:u1,urn:anonymous_id:anon-7
            alias    | {'userId':'u1','previousId':'6f1c2a52-0b3e-4a8f-9d4e-2b7c1a9e5f30'}            | urn:user_id:u1,urn:anonymous_id:6f1c2a52-0b3e-4a8f-9d4e-2b7c1a9e5f30
            alias    | {'userId':'u1','previousId':'old-user-42'}                                     | urn:user_id:u1,urn:user_id:old-user-42
            """)
    void collectsTheAliasesOfAMessage(String type, String message, String expectedAliases) {
        assertThat(valid(type, message).aliases()).containsExactly(expectedAliases.split(","));
    }

    @Test
    void mapsReservedTraitsToProfilePropertiesAndKeepsTheOthers() {
        TrackedEvent event = valid("identify", """
                {'userId':'u1','traits':{'email':'a@b.com','firstName':'Ada','lastName':'Lovelace','phone':'+44 1',
                 'address':{'city':'London','country':'GB','state':'LND','postalCode':'N1','street':'1 Road'},
                 'plan':'pro','logins':3}}""");

        assertThat(event.profileProperties()).containsEntry("$email", "a@b.com").containsEntry("$first_name", "Ada")
                .containsEntry("$last_name", "Lovelace").containsEntry("$phone_number", "+44 1")
                .containsEntry("$city", "London").containsEntry("$country_code", "GB").containsEntry("$state", "LND")
                .containsEntry("$zip_code", "N1").containsEntry("plan", "pro").containsEntry("logins", 3)
                .containsKey("address").doesNotContainKeys("email", "firstName");
    }

    @Test
    void identifyTakesContextTraitsBeneathItsOwnTraits() {
        TrackedEvent event = valid("identify", """
                {'userId':'u1','traits':{'firstName':'Own'},'context':{'traits':{'firstName':'Ctx','city':'Oslo'}}}""");

        assertThat(event.profileProperties()).containsEntry("$first_name", "Own").containsEntry("$city", "Oslo");
    }

    @Test
    void otherCallsLeaveProfilePropertiesAlone() {
        TrackedEvent event = valid("track", "{'userId':'u1','event':'E','context':{'traits':{'firstName':'Ctx'}}}");

        assertThat(event.profileProperties()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            page  | {'anonymousId':'a','properties':{'url':'https://s.io/a','referrer':'https://g.com/'}}            | https://s.io/a             | https://g.com/
            page  | {'anonymousId':'a','context':{'page':{'url':'https://s.io/c','referrer':'https://r.io/'}}}       | https://s.io/c             | https://r.io/
            page  | {'anonymousId':'a','properties':{'url':'https://s.io/p'},'context':{'page':{'url':'https://s.io/c'}}} | https://s.io/p        |
            track | {'anonymousId':'a','event':'E','properties':{'url':'https://s.io/p'},'context':{'page':{'url':'https://s.io/c'}}} | https://s.io/c |
            track | {'anonymousId':'a','event':'E'}                                                                 |                            |
            page  | {'anonymousId':'a','context':{'page':{'url':'https://s.io/c#top'},'campaign':{'source':'fb','medium':'cpc','name':'Black Friday'}}} | https://s.io/c?utm_source=fb&utm_medium=cpc&utm_campaign=Black+Friday#top |
            page  | {'anonymousId':'a','context':{'page':{'url':'https://s.io/c?utm_source=google&x=1'},'campaign':{'source':'fb','term':'shoes'}}}      | https://s.io/c?utm_source=google&x=1&utm_term=shoes |
            """)
    void takesThePageUrlWithItsCampaignAndTheReferrer(String type, String message, String expectedUrl,
                                                      String expectedReferrer) {
        TrackedEvent event = valid(type, message);

        assertThat(event.properties().get("$url")).isEqualTo(expectedUrl);
        assertThat(event.properties().get("referrer")).isEqualTo(expectedReferrer);
    }

    @ParameterizedTest(name = "original {0}, timestamp {1}, sentAt {2}, batch sentAt {3} → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-09-02T11:00:00Z      |                           | 2024-09-02T11:00:10Z |                      | 2024-09-02T11:59:50Z | Z
            2024-09-02T13:00:00+02:00 |                           | 2024-09-02T13:00:30+02:00 |                 | 2024-09-02T11:59:30Z | +02:00
                                      | 2024-09-02T14:00:00Z      |                      | 2024-09-02T14:00:05Z | 2024-09-02T11:59:55Z | Z
                                      | 2024-09-01T08:00:00Z      |                      |                      | 2024-09-01T08:00:00Z | Z
            2024-09-02T11:00:00Z      | 2024-01-01T00:00:00Z      |                      |                      | 2024-09-02T11:00:00Z | Z
                                      |                           | 2024-09-02T11:00:10Z |                      | 2024-09-02T12:00:00Z |
            """)
    void correctsTheClientsClockSkewWhenItSaysWhenItSent(String original, String timestamp, String sentAt,
                                                         String batchSentAt, String expected, String expectedOffset) {
        StringBuilder message = new StringBuilder("{'userId':'u1','event':'E'");
        append(message, "originalTimestamp", original);
        append(message, "timestamp", timestamp);
        append(message, "sentAt", sentAt);
        TrackedEvent event = adapter.read(map(message + "}"), SegmentType.TRACK, Map.of(), batchSentAt, RECEIVED).event();

        assertThat(event.timestamp()).isEqualTo(Instant.parse(expected));
        assertThat(event.timestampOffset()).isEqualTo(expectedOffset);
        assertThat(event.properties().get("originalTimestamp")).isEqualTo(original != null ? original : timestamp);
        assertThat(event.properties()).doesNotContainKeys("sentAt", "receivedAt");
    }

    @Test
    void clampsATimeFarInTheFutureAndFlagsIt() {
        TrackedEvent event = valid("track", "{'userId':'u1','event':'E','timestamp':'2024-09-05T00:00:00Z'}");

        assertThat(event.timestamp()).isEqualTo(RECEIVED);
        assertThat(event.flags()).containsExactly(TrackedEvent.TIMESTAMP_CLAMPED);
    }

    @Test
    void keepsPropertiesWithExactDecimals() {
        TrackedEvent event = valid("track", "{'userId':'u1','event':'Order Completed','properties':{'order_id':'o1','total':19.99}}");

        assertThat(event.properties()).containsEntry("total", new BigDecimal("19.99")).containsEntry("order_id", "o1");
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            track    | {'event':'E'}                                                       | userId
            track    | {'userId':'','anonymousId':' ','event':'E'}                         | userId
            track    | {'userId':'u1'}                                                     | event
            track    | {'userId':{'id':1},'event':'E'}                                     | userId
            track    | {'userId':'u1','event':'E','properties':{'a.b':1,'$price':2}}       | properties.a.b,properties.$price
            track    | {'userId':'u1','event':'E','properties':{'items':[{'sku.id':1}]}}   | properties.items[0].sku.id
            track    | {'userId':'u1','event':'E','properties':[1]}                        | properties
            track    | {'userId':'u1','event':'E','timestamp':'2024-09-02 12:00'}          | timestamp
            track    | {'userId':'u1','event':'E','timestamp':'2024-09-02T12:00:00'}       | timestamp
            track    | {'userId':'u1','event':'E','sentAt':17}                             | sentAt
            track    | {'userId':'u1','event':'E','context':{'externalIds':[{'id':'x'}]}}  | context.externalIds[0].type
            track    | {'userId':'u1','event':'E','context':'web'}                         | context
            identify | {'userId':'u1','traits':{'email':7,'first.name':'A'}}               | traits.email,traits.first.name
            group    | {'userId':'u1'}                                                     | groupId
            alias    | {'userId':'u1'}                                                     | previousId
            alias    | {'anonymousId':'a1','previousId':'p1'}                              | userId
            """)
    void namesEveryProblemField(String type, String message, String expectedFields) {
        SegmentAdapter.Result result = adapter.read(map(message), SegmentType.fromWire(type).orElseThrow(), Map.of(),
                null, RECEIVED);

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(expectedFields.split(","));
    }

    @Test
    void readsTheTypeOfABatchedMessageAndTakesTheBatchContextBeneathItsOwn() {
        Map<String, Object> batchContext = map("{'page':{'url':'https://s.io/batch'},'campaign':{'source':'nl'}}");
        SegmentAdapter.Result valid = adapter.read(map("{'type':'page','anonymousId':'a','context':{'page':{'url':'https://s.io/own'}}}"),
                null, batchContext, null, RECEIVED);
        SegmentAdapter.Result unknown = adapter.read(map("{'type':'purchase','anonymousId':'a'}"), null, Map.of(), null, RECEIVED);

        assertThat(valid.event().eventName()).isEqualTo("$page_load");
        assertThat(valid.event().properties()).containsEntry("$url", "https://s.io/own?utm_source=nl");
        assertThat(unknown.errors()).extracting(FieldError::field).containsExactly("type");
    }

    private TrackedEvent valid(String type, String message) {
        SegmentAdapter.Result result = adapter.read(map(message), SegmentType.fromWire(type).orElseThrow(), Map.of(),
                null, RECEIVED);
        assertThat(result.errors()).isEmpty();
        return result.event();
    }

    private static void append(StringBuilder message, String field, String value) {
        if (value != null) {
            message.append(",'").append(field).append("':'").append(value).append("'");
        }
    }

    static Map<String, Object> map(String singleQuoted) {
        try {
            return JSON.readValue(singleQuoted.replace('\'', '"'), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
