package io.tributary.app.marketing;

import io.tributary.api.marketing.FindMarketingSources;
import io.tributary.api.marketing.MarketingSourceView;
import io.tributary.api.marketing.StartMarketingSync;
import io.tributary.api.marketing.SyncTrigger;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Asks every connected source for a sync of the trailing window, hourly by default
 * ({@code tributary.marketing.schedule.*}). Each source decides: one sync at a time, and none while in error.
 */
public class MarketingSyncSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarketingSyncSchedule.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MarketingProperties.Schedule settings;
    private final SyncWindow window;
    private final Clock clock;
    /** Whether this node's tick is the one that runs this time: once per interval across all nodes. */
    private final BooleanSupplier thisNodesTurn;
    private ScheduledExecutorService timer;

    public MarketingSyncSchedule(CommandGateway commands, QueryGateway queries, MarketingProperties properties,
                                 SyncWindow window, Clock clock) {
        this(commands, queries, properties, window, clock, () -> true);
    }

    public MarketingSyncSchedule(CommandGateway commands, QueryGateway queries, MarketingProperties properties,
                                 SyncWindow window, Clock clock, BooleanSupplier thisNodesTurn) {
        this.thisNodesTurn = thisNodesTurn;
        this.commands = commands;
        this.queries = queries;
        this.settings = properties.schedule();
        this.window = window;
        this.clock = clock;
    }

    /** Requests a sync of every connected source; answers how many were asked. */
    public int syncAll() {
        List<MarketingSourceView> sources = queries.query(new FindMarketingSources(),
                ResponseTypes.multipleInstancesOf(MarketingSourceView.class)).join();
        int asked = 0;
        for (MarketingSourceView source : sources) {
            if (source.importOnly()) {
                continue;
            }
            try {
                commands.sendAndWait(new StartMarketingSync(source.id(), UUID.randomUUID().toString(), window.from(),
                        window.to(), SyncTrigger.SCHEDULE, clock.instant()));
                asked++;
            } catch (RuntimeException e) {
                log.warn("The scheduled sync of marketing source {} could not start", source.id(), e);
            }
        }
        return asked;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("The marketing sync schedule is off (tributary.marketing.schedule.enabled=false)");
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tributary-marketing-schedule");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, settings.initialDelay().toMillis(), settings.interval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            if (thisNodesTurn.getAsBoolean()) {
                syncAll();
            }
        } catch (RuntimeException e) {
            log.warn("The scheduled marketing sync failed", e);
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
