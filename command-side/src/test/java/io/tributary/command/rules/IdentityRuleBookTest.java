package io.tributary.command.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.rules.IdentityRuleSet;
import io.tributary.api.rules.IdentityRulesChanged;
import io.tributary.api.rules.RecordIdentityRuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentityRuleBookTest {

    private static final String BOOK = RecordIdentityRuleSet.RULE_BOOK_ID;
    private static final IdentityRuleSet SETTINGS = new IdentityRuleSet(Map.of("email", 5), List.of("info@shop.com"),
            List.of("user_id", "email"), Duration.ofMinutes(60));

    private static final IdentityRuleSet APPLIED = new IdentityRuleSet(Map.of("email", 5),
            List.of("info@shop.com", "test@shop.com"), List.of("user_id", "email"), Duration.ofMinutes(30));

    private final IdentityRulesVersion live = new IdentityRulesVersion();
    private FixtureConfiguration<IdentityRuleBook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IdentityRuleBook.class);
        fixture.registerInjectableResource(live);
    }

    @Test
    void recordsTheFirstSettingsAsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new RecordIdentityRuleSet(BOOK, SETTINGS, "settings"))
                .expectResultMessagePayload(1L)
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(Matchers.matches(e ->
                        e instanceof IdentityRulesChanged c && c.version() == 1 && c.rules().equals(SETTINGS))),
                        Matchers.andNoMore()));
    }

    @Test
    void unchangedSettingsAtStartKeepTheirVersion() {
        fixture.given(new IdentityRulesChanged(BOOK, 4, SETTINGS, "settings", Instant.EPOCH))
                .when(new RecordIdentityRuleSet(BOOK, SETTINGS, "settings"))
                .expectResultMessagePayload(4L)
                .expectNoEvents();
    }

    @Test
    void changedSettingsGetTheNextVersion() {
        IdentityRuleSet lowered = new IdentityRuleSet(Map.of("email", 2), SETTINGS.blockedValues(),
                SETTINGS.aliasPriority(), SETTINGS.sessionTimeout());
        fixture.given(new IdentityRulesChanged(BOOK, 4, SETTINGS, "settings", Instant.EPOCH))
                .when(new RecordIdentityRuleSet(BOOK, lowered, "settings"))
                .expectResultMessagePayload(5L)
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(Matchers.matches(e ->
                        e instanceof IdentityRulesChanged c && c.version() == 5 && c.rules().equals(lowered))),
                        Matchers.andNoMore()));
    }

    @Test
    void appliedRulesGetTheNextVersionAndAreDecidedUnder() {
        fixture.given(new IdentityRulesChanged(BOOK, 4, SETTINGS, "settings", Instant.EPOCH))
                .when(new RecordIdentityRuleSet(BOOK, APPLIED, "dry-run:d1"))
                .expectResultMessagePayload(5L);

        assertThat(live.current()).isEqualTo(5);
        assertThat(live.rules()).contains(APPLIED);
    }

    @Test
    void unchangedSettingsAtStartKeepTheAppliedRules() {
        fixture.given(new IdentityRulesChanged(BOOK, 4, SETTINGS, "settings", Instant.EPOCH),
                        new IdentityRulesChanged(BOOK, 5, APPLIED, "dry-run:d1", Instant.EPOCH))
                .when(new RecordIdentityRuleSet(BOOK, SETTINGS, "settings"))
                .expectResultMessagePayload(5L)
                .expectNoEvents();

        assertThat(live.current()).isEqualTo(5);
        assertThat(live.rules()).contains(APPLIED);
    }

    @Test
    void changedSettingsAtStartReplaceTheAppliedRules() {
        IdentityRuleSet edited = new IdentityRuleSet(Map.of("email", 3), SETTINGS.blockedValues(),
                SETTINGS.aliasPriority(), SETTINGS.sessionTimeout());
        fixture.given(new IdentityRulesChanged(BOOK, 4, SETTINGS, "settings", Instant.EPOCH),
                        new IdentityRulesChanged(BOOK, 5, APPLIED, "dry-run:d1", Instant.EPOCH))
                .when(new RecordIdentityRuleSet(BOOK, edited, "settings"))
                .expectResultMessagePayload(6L);

        assertThat(live.rules()).contains(edited);
    }
}
