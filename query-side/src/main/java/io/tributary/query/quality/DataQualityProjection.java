package io.tributary.query.quality;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.PayloadRejected;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.quality.DataQualityView;
import io.tributary.api.quality.FindDataQuality;
import io.tributary.api.report.ReportPath;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceRenamed;
import io.tributary.query.support.DocumentBatch;
import io.tributary.query.support.UnitOfWorkBatches;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The Data Quality read model: a fact per received record (its status, stitching, and the problems the
 * {@link EventChecks} found when it was handled), and per UTC hour and per UTC day, source and event name a
 * {@link PeriodRollup} of those facts, moved by the difference whenever a fact is saved or changes (a late stitch). A
 * report adds up the roll-ups of its whole days and hours and folds the facts of its partial edge hours. A change of the
 * spec applies to history after a rebuild. Handlers work on one {@link UnitOfWorkBatches batch} per processor batch:
 * a few reads and one bulk write per collection. The property table ("which events are sent with which properties")
 * folds the facts' property types at query time; its example values live in one bounded, masked document per event
 * name and source.
 */
@ProcessingGroup("data-quality")
public class DataQualityProjection {

    private final DataQualityRepository repository;
    private final QualitySettings settings;
    private final EventChecks checks;
    private final UnitOfWorkBatches batches;

    public DataQualityProjection(MongoDatabase database, QualitySettings settings) {
        this.repository = new DataQualityRepository(database);
        this.settings = settings;
        this.checks = new EventChecks(settings.spec(), settings.lateAfter());
        this.batches = new UnitOfWorkBatches(database, this::load);
    }

    @EventHandler
    public void on(SourceCreated event) {
        batches.run(batch -> repository.sourceCreated(batch, event.sourceId(), event.name(), event.type().wireName()));
    }

    @EventHandler
    public void on(SourceRenamed event) {
        batches.run(batch -> repository.sourceRenamed(batch, event.sourceId(), event.name()));
    }

    @EventHandler
    public void on(EventRecorded event) {
        boolean server = !event.sourceType().isBrowser();
        QualityFact fact = new QualityFact(event.recordId(), event.event().eventId(), event.event().eventName(),
                event.sourceId(), event.sourceType().wireName(), QualityFact.ACCEPTED, event.event().timestamp(),
                event.receivedAt(), server ? event.stitched() : null, false, null, null,
                checks.check(event.event(), event.receivedAt()), JsonTypes.of(event.event().properties()));
        batches.run(batch -> {
            boolean isNew = repository.save(batch, fact);
            repository.addExamples(batch, event.event().eventName(), event.sourceId(),
                    PropertyExamples.of(event.event().properties()));
            repository.sourceSeen(batch, event.sourceId(), event.receivedAt());
            String profileId = repository.currentProfileOf(batch, event.profileId());
            if (server && !event.stitched() && isNew) {
                repository.addUnstitched(batch, profileId, event.recordId(), event.event().timestamp());
            }
            if (event.startsSession()) {
                repository.addSession(batch, profileId, event.event().timestamp());
                repository.stitchLate(batch, profileId, settings.stitchingWindow());
            }
        });
    }

    @EventHandler
    public void on(DuplicateDiscarded event) {
        if (event.kind() != null && event.kind().isAuditOnly()) {
            return;
        }
        String kind = event.kind() == null ? null : event.kind().name().toLowerCase(Locale.ROOT);
        QualityFact fact = new QualityFact(event.recordId(), event.event().eventId(), event.event().eventName(),
                event.sourceId(), event.sourceType().wireName(), QualityFact.DUPLICATE, event.event().timestamp(),
                event.receivedAt(), null, false, kind, event.keptRecordId(), List.of(), null);
        batches.run(batch -> {
            repository.save(batch, fact);
            repository.sourceSeen(batch, event.sourceId(), event.receivedAt());
        });
    }

    @EventHandler
    public void on(PayloadRejected event) {
        batches.run(batch -> {
            repository.save(batch, new QualityFact(event.recordId(), event.eventId(), event.eventName(),
                    event.sourceId(), repository.sourceType(batch, event.sourceId()), QualityFact.REJECTED,
                    event.receivedAt(), event.receivedAt(), null, false, null, null, List.of(), null));
            repository.sourceSeen(batch, event.sourceId(), event.receivedAt());
        });
    }

    @EventHandler
    public void on(ProfilesMerged event) {
        batches.run(batch -> {
            repository.recordMerge(batch, event.mergedProfileId(), event.survivorProfileId());
            if (event.isSurvivorSide()) {
                String survivor = repository.currentProfileOf(batch, event.survivorProfileId());
                repository.absorb(batch, survivor, event.mergedProfileId());
                repository.stitchLate(batch, survivor, settings.stitchingWindow());
            }
        });
    }

    /** The split side resolves to itself again (what the merge stitched late stays counted as stitched). */
    @EventHandler
    public void on(ProfileSplit event) {
        batches.run(batch -> {
            if (event.isSurvivorSide()) {
                repository.forgetMerge(batch, event.splitProfileId());
            }
        });
    }

    /** The facts, sources and profiles the batch's events will change. */
    private void load(DocumentBatch batch, List<Object> events) {
        List<String> records = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        List<QualityRollups.Key> rollupKeys = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof EventRecorded e) {
                examples.add(DataQualityRepository.exampleId(e.event().eventName(), e.sourceId()));
                rollupKeys.add(new QualityRollups.Key(e.event().timestamp(), e.sourceId(), e.event().eventName()));
                records.add(e.recordId());
                sources.add(e.sourceId());
                profiles.add(e.profileId());
            } else if (event instanceof DuplicateDiscarded d) {
                rollupKeys.add(new QualityRollups.Key(d.event().timestamp(), d.sourceId(), d.event().eventName()));
                records.add(d.recordId());
                sources.add(d.sourceId());
            } else if (event instanceof PayloadRejected r) {
                rollupKeys.add(new QualityRollups.Key(r.receivedAt(), r.sourceId(), r.eventName()));
                records.add(r.recordId());
                sources.add(r.sourceId());
            } else if (event instanceof SourceCreated c) {
                sources.add(c.sourceId());
            } else if (event instanceof SourceRenamed r) {
                sources.add(r.sourceId());
            } else if (event instanceof ProfilesMerged m) {
                profiles.add(m.mergedProfileId());
                profiles.add(m.survivorProfileId());
            }
        }
        repository.load(batch, records, sources, profiles, examples, rollupKeys);
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }

    /**
     * The report over [from, to): its whole days added up from the day roll-ups, the whole hours around them from the
     * hour roll-ups, the partial hours at its edges from their hour roll-ups when all their facts fall inside the
     * range (as at an edge at "now"), else from their facts folded one by one ({@code path} "rollup"); every
     * fact of the range folded when the query asks for {@code exact} or the range holds no whole hour ("exact").
     */
    @QueryHandler
    public DataQualityView handle(FindDataQuality query) {
        QualityReport report = new QualityReport(query.from(), query.to(), settings);
        PropertyTable properties = new PropertyTable();
        Consumer<QualityFact> facts = fact -> {
            report.add(fact);
            properties.add(fact);
        };
        Instant firstHour = RollupGrain.HOUR.ceil(query.from());
        Instant endHour = RollupGrain.HOUR.startOf(query.to());
        String path = ReportPath.EXACT.equals(query.path()) || !firstHour.isBefore(endHour) ? ReportPath.EXACT
                : ReportPath.ROLLUP;
        if (path.equals(ReportPath.ROLLUP)) {
            Consumer<PeriodRollup> rollups = rollup -> {
                report.add(rollup);
                properties.add(rollup);
            };
            Instant firstDay = RollupGrain.DAY.ceil(query.from());
            Instant endDay = RollupGrain.DAY.startOf(query.to());
            boolean wholeDays = firstDay.isBefore(endDay);
            repository.edgeHour(RollupGrain.HOUR.startOf(query.from()), query.from(), firstHour, rollups, facts);
            repository.rollupsBetween(RollupGrain.HOUR, firstHour, wholeDays ? firstDay : endHour, rollups);
            if (wholeDays) {
                repository.rollupsBetween(RollupGrain.DAY, firstDay, endDay, rollups);
                repository.rollupsBetween(RollupGrain.HOUR, endDay, endHour, rollups);
            }
            repository.edgeHour(endHour, endHour, query.to(), rollups, facts);
        } else {
            repository.factsBetween(query.from(), query.to(), facts);
        }
        List<QualityReport.SourceInfo> sources = repository.sources(query.asOf());
        Map<String, String> names = new HashMap<>();
        sources.forEach(source -> names.put(source.sourceId(), source.name()));
        Map<String, Map<String, List<String>>> examples = repository.examples(properties.eventSources().stream()
                .map(key -> DataQualityRepository.exampleId(key.getKey(), key.getValue())).toList());
        return report.build(sources, query.asOf()).withProperties(properties.build(new PropertyTable.Lookup() {
            @Override
            public Map<String, List<String>> examples(String eventName, String sourceId) {
                return examples.getOrDefault(DataQualityRepository.exampleId(eventName, sourceId), Map.of());
            }

            @Override
            public String sourceName(String sourceId) {
                return names.get(sourceId);
            }
        })).withPath(path);
    }
}
