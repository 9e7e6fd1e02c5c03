package io.tributary.command.channel;


import io.tributary.api.channel.ChangeChannelRuleSet;
import io.tributary.api.channel.ChannelCondition;
import io.tributary.api.channel.ChannelOutcome;
import io.tributary.api.channel.ChannelRule;
import io.tributary.api.channel.ChannelRulesChanged;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class ChannelRuleBookTest {

    private static final String BOOK = ChangeChannelRuleSet.RULE_BOOK_ID;
    private static final List<ChannelRule> KLAVIYO = List.of(new ChannelRule("klaviyo",
            new ChannelCondition("klaviyo", null, null, null, null, null), new ChannelOutcome("Email", "Klaviyo", null)));

    private FixtureConfiguration<ChannelRuleBook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChannelRuleBook.class);
        fixture.registerInjectableResource(Mockito.mock(ChannelRulesInForce.class));
    }

    @Test
    void recordsFirstRuleSetAsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new ChangeChannelRuleSet(BOOK, KLAVIYO, "api"))
                .expectResultMessagePayload(1L)
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(
                        Matchers.matches(e -> e instanceof ChannelRulesChanged c && c.version() == 1
                                && c.rules().equals(KLAVIYO) && c.origin().equals("api"))),
                        Matchers.andNoMore()));
    }

    @Test
    void recordsEveryChangeWithTheNextVersion() {
        fixture.given(new ChannelRulesChanged(BOOK, 1, KLAVIYO, "api", Instant.EPOCH))
                .when(new ChangeChannelRuleSet(BOOK, List.of(), "settings"))
                .expectResultMessagePayload(2L)
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(
                        Matchers.matches(e -> e instanceof ChannelRulesChanged c && c.version() == 2
                                && c.rules().isEmpty())),
                        Matchers.andNoMore()));
    }

    @Test
    void theSameRuleSetAgainRecordsNothing() {
        fixture.given(new ChannelRulesChanged(BOOK, 1, KLAVIYO, "api", Instant.EPOCH))
                .when(new ChangeChannelRuleSet(BOOK, KLAVIYO, "settings"))
                .expectResultMessagePayload(1L)
                .expectNoEvents();
    }
}
