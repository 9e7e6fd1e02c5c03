package io.tributary.query.eventlog;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import io.tributary.api.eventlog.EventLogItem;
import io.tributary.api.eventlog.EventLogPage;
import io.tributary.api.eventlog.FindEventLogEntry;
import io.tributary.api.eventlog.FindEvents;
import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.PayloadRejected;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.query.support.DocumentBatch;
import io.tributary.query.support.UnitOfWorkBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The event log: one entry per received record (accepted, duplicate or rejected), newest first, with opaque
 * cursors. Entries keep the profile they were recorded on; the profile filter also finds the entries of profiles
 * merged into the requested one (and a merged-away id finds its survivor's). Handlers work on one
 * {@link UnitOfWorkBatches batch} per processor batch: a few reads and one bulk write per collection.
 */
@ProcessingGroup("event-log")
public class EventLogProjection {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final EventLogRepository repository;
    private final UnitOfWorkBatches batches;

    public EventLogProjection(MongoDatabase database) {
        this.repository = new EventLogRepository(database);
        this.batches = new UnitOfWorkBatches(database, this::load);
    }

    @EventHandler
    public void on(EventRecorded event) {
        batches.run(batch -> repository.save(batch,
                EventLogDocument.accepted(event, repository.currentProfileOf(batch, event.profileId()))));
    }

    @EventHandler
    public void on(DuplicateDiscarded event) {
        if (event.kind() != null && event.kind().isAuditOnly()) {
            return;
        }
        batches.run(batch -> repository.save(batch,
                EventLogDocument.duplicate(event, repository.currentProfileOf(batch, event.profileId()))));
    }

    @EventHandler
    public void on(PayloadRejected event) {
        batches.run(batch -> repository.save(batch, EventLogDocument.rejected(event)));
    }

    @EventHandler
    public void on(ProfilesMerged event) {
        batches.run(batch -> {
            if (event.isSurvivorSide()) {
                repository.merge(batch, event.mergedProfileId(), event.survivorProfileId());
            }
        });
    }

    /** The split side resolves to itself again, and its tracked events recorded on the survivor go back to it. */
    @EventHandler
    public void on(ProfileSplit event) {
        batches.run(batch -> {
            if (event.isSurvivorSide()) {
                repository.split(batch, event.splitProfileId(),
                        event.movedRecords().stream().map(ProfileSplit.MovedRecord::recordId).toList());
            }
        });
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }

    /** The merges that resolving the batch's profiles will read (entries are written without reading them). */
    private void load(DocumentBatch batch, List<Object> events) {
        repository.load(batch, events.stream().map(event -> event instanceof EventRecorded e ? e.profileId()
                : event instanceof DuplicateDiscarded d ? d.profileId() : null).filter(Objects::nonNull).toList());
    }

    /**
     * A page, newest first. {@code limit} null means everything (prefer {@link #streamEvents} for that); below 1
     * it is {@value #DEFAULT_LIMIT}, above {@value #MAX_LIMIT} it is capped.
     */
    @QueryHandler
    public EventLogPage handle(FindEvents query) {
        if (query.limit() == null) {
            List<EventLogItem> all = new ArrayList<>();
            streamEvents(query, all::add);
            return new EventLogPage(all, null);
        }
        int limit = query.limit() < 1 ? DEFAULT_LIMIT : Math.min(query.limit(), MAX_LIMIT);
        List<EventLogItem> items = new ArrayList<>(limit + 1);
        repository.find(query, limit + 1).forEach(document -> items.add(EventLogDocument.toItem(document)));
        if (items.size() <= limit) {
            return new EventLogPage(items, null);
        }
        EventLogItem last = items.get(limit - 1);
        return new EventLogPage(new ArrayList<>(items.subList(0, limit)),
                EventLogCursor.after(last.receivedAt(), last.recordId()).encode());
    }

    @QueryHandler
    public EventLogItem handle(FindEventLogEntry query) {
        Document entry = query.recordId() == null ? null : repository.byRecordId(query.recordId());
        return entry == null ? null : EventLogDocument.toItem(entry);
    }

    /**
     * Hands every matching entry to {@code consumer}, newest first, reading in batches rather than loading them
     * all (the CSV export). Honours the filters and the cursor; {@code limit} null means all, and any other
     * limit applies as for a page but without the cap.
     */
    public void streamEvents(FindEvents query, Consumer<EventLogItem> consumer) {
        Integer limit = query.limit() == null ? null : query.limit() < 1 ? DEFAULT_LIMIT : query.limit();
        try (MongoCursor<Document> cursor = repository.find(query, limit).iterator()) {
            cursor.forEachRemaining(document -> consumer.accept(EventLogDocument.toItem(document)));
        }
    }
}
