package io.tributary.app.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.tributary.api.source.ApplyRetention;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies each source's retention: finds the months of its tracked events that are past it
 * ({@link RetentionPolicy}), records {@code RetentionApplied} on the source, deletes those months' retention keys
 * (from then on the personal content of those events, sessions and rejected payloads reads {@code [erased]}), and
 * has every read model rebuilt and the store compacted, as an erasure does. Counts, money and structure stay.
 */
@Component
public class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
    private static final String REJECTED = "rejected";

    private final SourcePrivacy settings;
    private final RetentionKeys keys;
    private final CommandGateway commands;
    private final ReadModelScrub scrub;
    private final RetentionClock clock;
    private final MongoCollection<Document> eventLog;
    private volatile RetentionRun last;

    RetentionSweep(SourcePrivacy settings, RetentionKeys keys, CommandGateway commands, ReadModelScrub scrub,
                   RetentionClock clock, MongoDatabase database) {
        this.settings = settings;
        this.keys = keys;
        this.commands = commands;
        this.scrub = scrub;
        this.clock = clock;
        this.eventLog = database.getCollection("eventlog");
    }

    /** One sweep over every source with a retention; the read models are scrubbed in the background. */
    public synchronized RetentionRun run() {
        Instant now = clock.clock().instant();
        List<RetentionRun.SourceSweep> swept = new ArrayList<>();
        for (Map.Entry<String, Integer> retention : settings.retentions().entrySet()) {
            String sourceId = retention.getKey();
            List<String> expired = RetentionPolicy.expiredMonths(keys.monthsOf(sourceId), retention.getValue(), now);
            if (expired.isEmpty()) {
                continue;
            }
            long tracked = count(trackedIn(sourceId, expired));
            long rejected = count(rejectedIn(sourceId, expired));
            if (applied(new ApplyRetention(sourceId, expired, tracked, rejected, now))) {
                keys.delete(sourceId, expired);
                swept.add(new RetentionRun.SourceSweep(sourceId, RetentionPeriod.iso(retention.getValue()), expired,
                        tracked, rejected));
            }
        }
        RetentionRun run = RetentionRun.of(now, swept);
        last = run;
        if (!swept.isEmpty()) {
            log.info("Retention: shredded {} month(s) of {} source(s); rebuilding the read models",
                    swept.stream().mapToInt(s -> s.months().size()).sum(), swept.size());
            scrub.submit(() -> cleanUp(run));
        }
        return run;
    }

    /** The last sweep of this node, or null. */
    public RetentionRun last() {
        return last;
    }

    private void cleanUp(RetentionRun run) {
        try {
            scrub.rebuildAndCompact();
            finish(run, run.done(clock.clock().instant()));
            log.info("Retention: read models rebuilt and the store compacted");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Retention: cleaning the read models failed: {}", e.toString());
            finish(run, run.failed());
        }
    }

    private synchronized void finish(RetentionRun run, RetentionRun finished) {
        if (last == run) {
            last = finished;
        }
    }

    /** Recorded first, so that no key is deleted without its record; a source that fails is tried next time. */
    private boolean applied(ApplyRetention command) {
        try {
            return Boolean.TRUE.equals(commands.sendAndWait(command));
        } catch (RuntimeException e) {
            log.warn("Retention of source {} not applied this time: {}", command.sourceId(), e.toString());
            return false;
        }
    }

    private long count(Bson filter) {
        return eventLog.countDocuments(filter);
    }

    private static Bson trackedIn(String sourceId, List<String> months) {
        return Filters.and(Filters.eq("sourceId", sourceId), Filters.ne("status", REJECTED),
                within("timestamp", months));
    }

    private static Bson rejectedIn(String sourceId, List<String> months) {
        return Filters.and(Filters.eq("sourceId", sourceId), Filters.eq("status", REJECTED),
                within("receivedAt", months));
    }

    private static Bson within(String field, List<String> months) {
        return Filters.or(months.stream().map(YearMonth::parse).map(month -> Filters.and(
                Filters.gte(field, Date.from(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC))),
                Filters.lt(field, Date.from(month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))))
                .toList());
    }
}
