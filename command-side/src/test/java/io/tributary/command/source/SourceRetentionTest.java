package io.tributary.command.source;

import static io.tributary.command.source.SourceFixtures.LATER;
import static io.tributary.command.source.SourceFixtures.SOURCE_ID;
import static io.tributary.command.source.SourceFixtures.sourceCreated;

import io.tributary.api.source.ApplyRetention;
import io.tributary.api.source.RetentionApplied;
import io.tributary.api.source.SetSourceRetention;
import io.tributary.api.source.SourceRetentionSet;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceRetentionTest {

    private static final List<String> MONTHS = List.of("2024-01", "2024-02");

    private FixtureConfiguration<Source> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Source.class);
    }

    @Test
    void setsARetentionPeriod() {
        fixture.given(sourceCreated())
                .when(new SetSourceRetention(SOURCE_ID, 25, LATER))
                .expectEvents(new SourceRetentionSet(SOURCE_ID, 25, LATER));
    }

    @Test
    void settingTheSameRetentionAgainChangesNothing() {
        fixture.given(sourceCreated(), new SourceRetentionSet(SOURCE_ID, 25, LATER))
                .when(new SetSourceRetention(SOURCE_ID, 25, LATER))
                .expectNoEvents();
    }

    @Test
    void liftsARetentionPeriodToKeepEventsForEver() {
        fixture.given(sourceCreated(), new SourceRetentionSet(SOURCE_ID, 25, LATER))
                .when(new SetSourceRetention(SOURCE_ID, null, LATER))
                .expectEvents(new SourceRetentionSet(SOURCE_ID, null, LATER));
    }

    @Test
    void recordsWhatTheSweepShreddedUnderTheRetentionInForce() {
        fixture.given(sourceCreated(), new SourceRetentionSet(SOURCE_ID, 3, LATER))
                .when(new ApplyRetention(SOURCE_ID, MONTHS, 12, 1, LATER))
                .expectEvents(new RetentionApplied(SOURCE_ID, 3, MONTHS, 12, 1, LATER))
                .expectResultMessagePayload(true);
    }

    @Test
    void refusesToApplyRetentionToASourceThatKeepsItsEventsForEver() {
        fixture.given(sourceCreated(), new SourceRetentionSet(SOURCE_ID, 3, LATER),
                        new SourceRetentionSet(SOURCE_ID, null, LATER))
                .when(new ApplyRetention(SOURCE_ID, MONTHS, 12, 1, LATER))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void recordsNothingWhenNoMonthExpired() {
        fixture.given(sourceCreated(), new SourceRetentionSet(SOURCE_ID, 3, LATER))
                .when(new ApplyRetention(SOURCE_ID, List.of(), 0, 0, LATER))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }
}
