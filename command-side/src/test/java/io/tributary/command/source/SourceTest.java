package io.tributary.command.source;

import static io.tributary.command.source.SourceFixtures.FIRST_TOKEN;
import static io.tributary.command.source.SourceFixtures.NAME;
import static io.tributary.command.source.SourceFixtures.createSource;
import static io.tributary.command.source.SourceFixtures.disableSource;
import static io.tributary.command.source.SourceFixtures.enableSource;
import static io.tributary.command.source.SourceFixtures.renameSource;
import static io.tributary.command.source.SourceFixtures.rotateToken;
import static io.tributary.command.source.SourceFixtures.sourceCreated;
import static io.tributary.command.source.SourceFixtures.sourceDisabled;
import static io.tributary.command.source.SourceFixtures.sourceEnabled;
import static io.tributary.command.source.SourceFixtures.sourceRenamed;
import static io.tributary.command.source.SourceFixtures.tokenRotated;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceTest {

    private FixtureConfiguration<Source> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Source.class);
    }

    @Test
    void createsSource() {
        fixture.givenNoPriorActivity()
                .when(createSource())
                .expectEvents(sourceCreated());
    }

    @Test
    void renamesSource() {
        fixture.given(sourceCreated())
                .when(renameSource("Web shop (EU)"))
                .expectEvents(sourceRenamed("Web shop (EU)"));
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        fixture.given(sourceCreated())
                .when(renameSource(NAME))
                .expectNoEvents();
    }

    @Test
    void renamingBackToAnEarlierNameRenames() {
        fixture.given(sourceCreated(), sourceRenamed("Web shop (EU)"))
                .when(renameSource(NAME))
                .expectEvents(sourceRenamed(NAME));
    }

    @Test
    void disablesSource() {
        fixture.given(sourceCreated())
                .when(disableSource())
                .expectEvents(sourceDisabled());
    }

    @Test
    void disablesSourceOnlyOnce() {
        fixture.given(sourceCreated(), sourceDisabled())
                .when(disableSource())
                .expectNoEvents();
    }

    @Test
    void enablesDisabledSource() {
        fixture.given(sourceCreated(), sourceDisabled())
                .when(enableSource())
                .expectEvents(sourceEnabled());
    }

    @Test
    void enablingEnabledSourceChangesNothing() {
        fixture.given(sourceCreated())
                .when(enableSource())
                .expectNoEvents();
    }

    @Test
    void rotatesTokenCarryingThePreviousOne() {
        fixture.given(sourceCreated())
                .when(rotateToken("pk_second"))
                .expectEvents(tokenRotated(FIRST_TOKEN, "pk_second"));
    }

    @Test
    void rotatesTokenAgainFromTheRotatedOne() {
        fixture.given(sourceCreated(), tokenRotated(FIRST_TOKEN, "pk_second"))
                .when(rotateToken("pk_third"))
                .expectEvents(tokenRotated("pk_second", "pk_third"));
    }
}
