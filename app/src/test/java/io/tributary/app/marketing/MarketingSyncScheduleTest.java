package io.tributary.app.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.FindMarketingSources;
import io.tributary.api.marketing.MarketingSourceView;
import io.tributary.api.marketing.StartMarketingSync;
import io.tributary.api.marketing.SyncTrigger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class MarketingSyncScheduleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-31T10:00:00Z"), ZoneOffset.UTC);

    private final CommandGateway commands = mock(CommandGateway.class);
    private final QueryGateway queries = mock(QueryGateway.class);

    @Test
    void asksEveryConnectedSourceForTheTrailingWindow() {
        sources(source("meta", false), source("csv", true), source("tiktok", false));
        MarketingSyncSchedule schedule = new MarketingSyncSchedule(commands, queries, properties(true),
                new SyncWindow(30, CLOCK), CLOCK);

        int asked = schedule.syncAll();

        ArgumentCaptor<StartMarketingSync> sent = ArgumentCaptor.forClass(StartMarketingSync.class);
        verify(commands, times(2)).sendAndWait(sent.capture());
        assertThat(asked).isEqualTo(2);
        assertThat(sent.getAllValues()).extracting(StartMarketingSync::marketingSourceId).containsExactly("meta", "tiktok");
        assertThat(sent.getAllValues()).allSatisfy(command -> {
            assertThat(command.from()).isEqualTo(LocalDate.parse("2026-03-02"));
            assertThat(command.to()).isEqualTo(LocalDate.parse("2026-03-31"));
            assertThat(command.trigger()).isEqualTo(SyncTrigger.SCHEDULE);
        });
    }

    @Test
    void doesNotRunWhenTurnedOff() {
        MarketingSyncSchedule schedule = new MarketingSyncSchedule(commands, queries, properties(false),
                new SyncWindow(30, CLOCK), CLOCK);

        schedule.start();

        assertThat(schedule.isRunning()).isFalse();
        verifyNoInteractions(commands, queries);
    }

    @SuppressWarnings("unchecked")
    private void sources(MarketingSourceView... views) {
        when(queries.query(eq(new FindMarketingSources()), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(List.of(views)));
    }

    private static MarketingSourceView source(String id, boolean importOnly) {
        return new MarketingSourceView(id, AdPlatform.META, id, "1", "EUR", null, Map.of(), Map.of(), importOnly,
                "active", Instant.EPOCH, null, null, null, 0, 0);
    }

    private static MarketingProperties properties(boolean scheduled) {
        return new MarketingProperties(new MarketingProperties.Schedule(scheduled, null, null), null, null, null,
                null, null, null, null, null, null, null);
    }
}
