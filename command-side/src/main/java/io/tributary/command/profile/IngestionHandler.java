package io.tributary.command.profile;

import io.tributary.api.ingestion.IngestTrackedEvents;
import io.tributary.api.ingestion.IngestionOutcome;
import io.tributary.api.ingestion.IngestionStatus;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.ingestion.PayloadRejected;
import io.tributary.api.ingestion.Rejection;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.profile.BlockAlias;
import io.tributary.api.profile.DiscardDuplicate;
import io.tributary.api.profile.Evidence;
import io.tributary.api.profile.RecordEvent;
import io.tributary.api.profile.UpdateProfileProperties;
import io.tributary.api.session.SessionAssignment;
import io.tributary.api.session.StartSession;
import io.tributary.api.session.TrafficSource;
import io.tributary.command.dedup.DedupClaim;
import io.tributary.command.dedup.DedupIndex;
import io.tributary.command.dedup.DedupPolicy;
import io.tributary.command.dedup.Fingerprint;
import io.tributary.command.session.ChannelRules;
import io.tributary.command.session.SessionPolicy;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Decides a batch of tracked events in one unit of work: dedup, identity stitching, sessions. Every decision
 * becomes a domain event on the profile (or session) it concerns, stored when the unit of work commits.
 */
@Component
class IngestionHandler {

    static final String BLOCKED_VALUE = "blocked_value";
    private static final String PAGE_URL = "$url";

    private final Repository<Profile> profiles;
    private final IdentityStitching stitching;
    private final DedupIndex dedupIndex;
    private final DedupPolicy dedupPolicy;
    private final SessionPolicy sessionPolicy;
    private final ChannelRules channelRules;
    private final CommandGateway commandGateway;
    private final EventBus eventBus;

    IngestionHandler(Repository<Profile> profiles, IdentityStitching stitching, DedupIndex dedupIndex,
                     DedupPolicy dedupPolicy, SessionPolicy sessionPolicy, ChannelRules channelRules,
                     CommandGateway commandGateway, EventBus eventBus) {
        this.profiles = profiles;
        this.stitching = stitching;
        this.dedupIndex = dedupIndex;
        this.dedupPolicy = dedupPolicy;
        this.sessionPolicy = sessionPolicy;
        this.channelRules = channelRules;
        this.commandGateway = commandGateway;
        this.eventBus = eventBus;
    }

    @CommandHandler
    List<IngestionOutcome> handle(IngestTrackedEvents command) {
        command.rejections().forEach(this::reject);
        prefetch(command.intakes());
        return command.intakes().stream().map(this::ingest).toList();
    }

    /** Two lookups for the whole batch instead of two per tracked event. */
    private void prefetch(List<Intake> intakes) {
        dedupIndex.find(intakes.stream().map(i -> DedupPolicy.key(i.event().eventName(), i.event().eventId())).toList());
        stitching.prefetch(intakes.stream().flatMap(i -> i.event().aliases().stream()).toList());
    }

    private void reject(Rejection rejection) {
        eventBus.publish(GenericEventMessage.asEventMessage(new PayloadRejected(rejection.sourceId(),
                rejection.recordId(), rejection.receivedAt(), rejection.payload(), rejection.eventName(),
                rejection.eventId(), rejection.errors())));
    }

    private IngestionOutcome ingest(Intake intake) {
        TrackedEvent event = intake.event();
        Evidence evidence = new Evidence(intake.recordId(), event.eventId(), event.timestamp());
        String fingerprint = Fingerprint.of(event);
        String key = DedupPolicy.key(event.eventName(), event.eventId());
        Optional<DedupClaim> previous = dedupIndex.find(key);
        Optional<DedupClaim> kept = previous.filter(claim -> dedupPolicy.isDuplicate(claim, event.eventName(), event.timestamp()));
        StitchingResult stitched = stitching.stitch(event.aliases(), kept.map(DedupClaim::profileId), evidence);
        String profileId = stitched.profileId();
        stitched.blockedAliases().forEach(alias -> profiles.load(profileId)
                .execute(p -> p.handle(new BlockAlias(profileId, alias, BLOCKED_VALUE, evidence))));
        if (!event.profileProperties().isEmpty()) {
            profiles.load(profileId).execute(p -> p.handle(
                    new UpdateProfileProperties(profileId, event.profileProperties(), evidence)));
        }
        if (kept.isEmpty()) {
            kept = claim(new DedupClaim(key, intake.recordId(), intake.sourceId(), profileId, fingerprint,
                    event.timestamp()), previous);
        }
        if (kept.isPresent()) {
            DedupClaim original = kept.get();
            profiles.load(profileId).execute(p -> p.handle(new DiscardDuplicate(profileId, intake, fingerprint,
                    original.recordId(), original.sourceId(), DedupPolicy.kind(original, intake.sourceId(), fingerprint))));
            return new IngestionOutcome(intake.recordId(), event.eventId(), IngestionStatus.DUPLICATE, profileId, null);
        }
        return record(intake, fingerprint, profileId);
    }

    private IngestionOutcome record(Intake intake, String fingerprint, String profileId) {
        TrackedEvent event = intake.event();
        TrafficSource source = intake.sourceType().isBrowser() ? classify(event) : null;
        String newSessionId = UUID.randomUUID().toString();
        SessionAssignment assignment = profiles.load(profileId).invoke(p -> p.handle(
                new RecordEvent(profileId, intake, fingerprint, source, newSessionId), sessionPolicy));
        if (assignment.started()) {
            commandGateway.sendAndWait(new StartSession(assignment.sessionId(), profileId, intake.recordId(),
                    event.timestamp(), source));
        }
        return new IngestionOutcome(intake.recordId(), event.eventId(), IngestionStatus.ACCEPTED, profileId,
                assignment.sessionId());
    }

    /**
     * Keeps this copy: claims its key, or takes over an expired one. Empty when this copy is kept; otherwise the
     * copy another node kept in the meantime.
     */
    private Optional<DedupClaim> claim(DedupClaim mine, Optional<DedupClaim> expired) {
        if (expired.isPresent()) {
            if (!dedupIndex.replace(expired.get(), mine)) {
                return dedupIndex.find(mine.key());
            }
            onRollback(() -> dedupIndex.restore(expired.get()));
            return Optional.empty();
        }
        return dedupIndex.claim(mine);
    }

    private TrafficSource classify(TrackedEvent event) {
        Object url = event.properties().getOrDefault(PAGE_URL, event.properties().get("url"));
        Object referrer = event.properties().get("referrer");
        return channelRules.classify(url == null ? null : url.toString(), referrer == null ? null : referrer.toString());
    }

    static void onRollback(Runnable undo) {
        CurrentUnitOfWork.ifStarted(uow -> uow.root().onRollback(u -> undo.run()));
    }
}
