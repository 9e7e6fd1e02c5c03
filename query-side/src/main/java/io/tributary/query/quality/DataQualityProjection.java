package io.tributary.query.quality;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.PayloadRejected;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.quality.DataQualityView;
import io.tributary.api.quality.FindDataQuality;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceRenamed;
import java.util.List;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The Data Quality read model: a fact per received record (its status, stitching, and the problems the
 * {@link EventChecks} found when it was handled), folded into the report per period at query time. A change of the
 * spec applies to history after a rebuild.
 */
@ProcessingGroup("data-quality")
public class DataQualityProjection {

    private final DataQualityRepository repository;
    private final QualitySettings settings;
    private final EventChecks checks;

    public DataQualityProjection(MongoDatabase database, QualitySettings settings) {
        this.repository = new DataQualityRepository(database);
        this.settings = settings;
        this.checks = new EventChecks(settings.spec(), settings.lateAfter());
    }

    @EventHandler
    public void on(SourceCreated event) {
        repository.sourceCreated(event.sourceId(), event.name(), event.type().wireName());
    }

    @EventHandler
    public void on(SourceRenamed event) {
        repository.sourceRenamed(event.sourceId(), event.name());
    }

    @EventHandler
    public void on(EventRecorded event) {
        boolean server = !event.sourceType().isBrowser();
        QualityFact fact = new QualityFact(event.recordId(), event.event().eventId(), event.event().eventName(),
                event.sourceId(), event.sourceType().wireName(), QualityFact.ACCEPTED, event.event().timestamp(),
                event.receivedAt(), server ? event.stitched() : null, false, null, null,
                checks.check(event.event(), event.receivedAt()), JsonTypes.of(event.event().properties()));
        boolean isNew = repository.save(fact);
        repository.sourceSeen(event.sourceId(), event.receivedAt());
        String profileId = repository.currentProfileOf(event.profileId());
        if (server && !event.stitched() && isNew) {
            repository.addUnstitched(profileId, event.recordId(), event.event().timestamp());
        }
        if (event.startsSession()) {
            repository.addSession(profileId, event.event().timestamp());
            repository.stitchLate(profileId, settings.stitchingWindow());
        }
    }

    @EventHandler
    public void on(DuplicateDiscarded event) {
        String kind = event.kind() == null ? null : event.kind().name().toLowerCase(Locale.ROOT);
        repository.save(new QualityFact(event.recordId(), event.event().eventId(), event.event().eventName(),
                event.sourceId(), event.sourceType().wireName(), QualityFact.DUPLICATE, event.event().timestamp(),
                event.receivedAt(), null, false, kind, event.keptRecordId(), List.of(), null));
        repository.sourceSeen(event.sourceId(), event.receivedAt());
    }

    @EventHandler
    public void on(PayloadRejected event) {
        repository.save(new QualityFact(event.recordId(), event.eventId(), event.eventName(), event.sourceId(),
                repository.sourceType(event.sourceId()), QualityFact.REJECTED, event.receivedAt(), event.receivedAt(),
                null, false, null, null, List.of(), null));
        repository.sourceSeen(event.sourceId(), event.receivedAt());
    }

    @EventHandler
    public void on(ProfilesMerged event) {
        repository.recordMerge(event.mergedProfileId(), event.survivorProfileId());
        if (event.isSurvivorSide()) {
            String survivor = repository.currentProfileOf(event.survivorProfileId());
            repository.absorb(survivor, event.mergedProfileId());
            repository.stitchLate(survivor, settings.stitchingWindow());
        }
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }

    @QueryHandler
    public DataQualityView handle(FindDataQuality query) {
        QualityReport report = new QualityReport(query.from(), query.to(), settings);
        repository.factsBetween(query.from(), query.to(), report::add);
        return report.build(repository.sources(query.asOf()), query.asOf());
    }
}
