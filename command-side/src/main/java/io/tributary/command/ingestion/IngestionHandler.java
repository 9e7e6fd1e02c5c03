package io.tributary.command.ingestion;

import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.IngestTrackedEvents;
import io.tributary.api.ingestion.IngestionOutcome;
import io.tributary.api.ingestion.IngestionStatus;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.ingestion.PayloadRejected;
import io.tributary.api.ingestion.Rejection;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.profile.Evidence;
import io.tributary.api.session.SessionAssignment;
import io.tributary.api.session.StartSession;
import io.tributary.api.session.TrafficSource;
import io.tributary.command.profile.Profiles;
import io.tributary.command.session.ChannelRules;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides a batch of tracked events in one unit of work: store redeliveries, dedup, identity stitching, sessions.
 * Every decision becomes a domain event on the profile (or session) it concerns, stored when the unit of work
 * commits.
 */
@Component
class IngestionHandler {

    private static final Logger log = LoggerFactory.getLogger(IngestionHandler.class);

    static final String BLOCKED_VALUE = "blocked_value";
    private static final String PAGE_URL = "$url";

    private final Profiles profiles;
    private final IdentityStitching stitching;
    private final DedupIndex dedupIndex;
    private final DedupPolicy dedupPolicy;
    private final DeliveryIndex deliveries;
    private final ChannelRules channelRules;
    private final CommandGateway commandGateway;
    private final EventBus eventBus;
    private final Suppressions suppressions;

    IngestionHandler(Profiles profiles, IdentityStitching stitching, DedupIndex dedupIndex, DedupPolicy dedupPolicy,
                     DeliveryIndex deliveries, ChannelRules channelRules, CommandGateway commandGateway,
                     EventBus eventBus, Suppressions suppressions) {
        this.suppressions = suppressions;
        this.profiles = profiles;
        this.stitching = stitching;
        this.dedupIndex = dedupIndex;
        this.dedupPolicy = dedupPolicy;
        this.deliveries = deliveries;
        this.channelRules = channelRules;
        this.commandGateway = commandGateway;
        this.eventBus = eventBus;
    }

    /**
     * Decides the batch. A profile that alias claims or dedup keys name but whose events were never stored fails it
     * as a conflict (the single writer decides it again), and once that has held for a short grace those claims and
     * keys are taken back, so the retry decides afresh instead of failing for good.
     */
    @CommandHandler
    List<IngestionOutcome> handle(IngestTrackedEvents command) {
        try {
            Batch batch = new Batch();
            prefetch(command.intakes());
            command.rejections().forEach(rejection -> reject(rejection, batch));
            return command.intakes().stream().map(intake -> ingest(intake, batch)).toList();
        } catch (AggregateNotFoundException missing) {
            String profileId = String.valueOf(missing.getAggregateIdentifier());
            long aliases = stitching.takeBackClaimsOfMissing(profileId);
            long keys = dedupIndex.takeBackClaimsOfMissing(profileId);
            if (aliases + keys > 0) {
                log.warn("Took back {} alias claims and {} dedup keys of profile {}, whose events were never stored",
                        aliases, keys, profileId);
            }
            throw new ConcurrencyException("claims name a profile whose events were never stored", missing);
        }
    }

    /**
     * Two lookups for the whole batch instead of two per tracked event; made before any event is published, so that
     * the batch's claims are written before its events are stored.
     */
    private void prefetch(List<Intake> intakes) {
        dedupIndex.find(intakes.stream().map(i -> DedupPolicy.key(i.event().eventName(), i.event().eventId())).toList());
        stitching.prefetch(intakes.stream().flatMap(i -> i.event().aliases().stream()).toList());
    }

    /** A rejected payload is kept once: a store delivery rejected before is not kept again. */
    private void reject(Rejection received, Batch batch) {
        Rejection rejection = KeptPayload.of(received);
        String delivery = rejection.deliveryId();
        if (delivery != null && (deliveries.wasRejected(rejection.sourceId(), delivery, rejection.receivedAt())
                || !batch.rejectedDeliveries.add(rejection.sourceId() + '\u001f' + delivery))) {
            return;
        }
        eventBus.publish(GenericEventMessage.asEventMessage(new PayloadRejected(rejection.sourceId(),
                rejection.recordId(), rejection.receivedAt(), rejection.payload(), rejection.eventName(),
                rejection.eventId(), rejection.errors(), delivery)));
    }

    /** An erased person's alias: counted anonymously, or dropped (see {@link Suppressions}). */
    private IngestionOutcome ingest(Intake received, Batch batch) {
        Optional<Intake> allowed = suppressions.apply(received);
        if (allowed.isEmpty()) {
            return new IngestionOutcome(received.recordId(), received.event().eventId(), IngestionStatus.SUPPRESSED,
                    null, null);
        }
        Intake intake = allowed.get();
        TrackedEvent event = intake.event();
        String fingerprint = Fingerprint.of(event);
        Optional<DeliveryIndex.Delivered> delivered = delivered(intake, batch);
        if (delivered.isPresent()) {
            return discardUnstitched(intake, fingerprint, delivered.get().profileId(), delivered.get().recordId(),
                    intake.sourceId(), DuplicateKind.STORE_REDELIVERY, IngestionStatus.DUPLICATE_DELIVERY);
        }
        String key = DedupPolicy.key(event.eventName(), event.eventId());
        Optional<DedupClaim> previous = dedupIndex.find(key);
        if (intake.recordOnce() && previous.isPresent() && previous.get().sourceId().equals(intake.sourceId())) {
            DedupClaim kept = previous.get();
            return remembered(intake, batch, discardUnstitched(intake, fingerprint, kept.profileId(), kept.recordId(),
                    kept.sourceId(), DuplicateKind.ALREADY_RECORDED, IngestionStatus.ALREADY_RECORDED));
        }
        return remembered(intake, batch, decide(intake, fingerprint, key, previous));
    }

    /** Dedup, stitching and sessions for a copy that is no store redelivery. */
    private IngestionOutcome decide(Intake intake, String fingerprint, String key, Optional<DedupClaim> previous) {
        TrackedEvent event = intake.event();
        Evidence evidence = new Evidence(intake.recordId(), event.eventId(), event.timestamp());
        Optional<DedupClaim> kept = previous.filter(claim -> dedupPolicy.isDuplicate(claim, event.eventName(), event.timestamp()));
        StitchingResult stitched = stitching.stitch(event.aliases(), kept.map(DedupClaim::profileId), evidence);
        String profileId = stitched.profileId();
        stitched.blockedAliases().forEach(alias -> profiles.block(profileId, alias, BLOCKED_VALUE, evidence));
        if (!event.profileProperties().isEmpty()) {
            profiles.updateProperties(profileId, event.profileProperties(), evidence);
        }
        if (kept.isEmpty()) {
            kept = claim(new DedupClaim(key, intake.recordId(), intake.sourceId(), profileId, fingerprint,
                    event.timestamp()), previous);
        }
        if (kept.isPresent()) {
            DedupClaim original = kept.get();
            profiles.discard(profileId, intake, fingerprint, original.recordId(), original.sourceId(),
                    DedupPolicy.kind(original, intake.sourceId(), fingerprint));
            return new IngestionOutcome(intake.recordId(), event.eventId(), IngestionStatus.DUPLICATE, profileId, null);
        }
        return record(intake, fingerprint, profileId);
    }

    /**
     * A copy that changes nothing but its own record (a store redelivery, an event the store already recorded): no
     * stitching, no properties; discarded on the profile the matched record now belongs to.
     */
    private IngestionOutcome discardUnstitched(Intake intake, String fingerprint, String keptProfileId,
                                               String keptRecordId, String keptSourceId, DuplicateKind kind,
                                               IngestionStatus status) {
        String profileId = stitching.survivorOf(keptProfileId);
        profiles.discard(profileId, intake, fingerprint, keptRecordId, keptSourceId, kind);
        return new IngestionOutcome(intake.recordId(), intake.event().eventId(), status, profileId, null);
    }

    /** The record an earlier copy of this store delivery gave for this event, in the store or earlier in this batch. */
    private Optional<DeliveryIndex.Delivered> delivered(Intake intake, Batch batch) {
        if (intake.deliveryId() == null) {
            return Optional.empty();
        }
        String key = batch.deliveryKey(intake);
        DeliveryIndex.Delivered inBatch = batch.delivered.get(key);
        if (inBatch != null) {
            return Optional.of(inBatch);
        }
        return deliveries.delivered(intake.sourceId(), intake.deliveryId(), intake.event(), intake.receivedAt())
                .filter(found -> !found.recordId().equals(intake.recordId()));
    }

    private IngestionOutcome remembered(Intake intake, Batch batch, IngestionOutcome outcome) {
        if (intake.deliveryId() != null) {
            batch.delivered.putIfAbsent(batch.deliveryKey(intake),
                    new DeliveryIndex.Delivered(intake.recordId(), outcome.profileId()));
        }
        return outcome;
    }

    private IngestionOutcome record(Intake intake, String fingerprint, String profileId) {
        TrackedEvent event = intake.event();
        TrafficSource source = intake.sourceType().isBrowser() ? classify(event) : null;
        String newSessionId = UUID.randomUUID().toString();
        SessionAssignment assignment = profiles.record(profileId, intake, fingerprint, source, newSessionId);
        if (assignment.started()) {
            commandGateway.sendAndWait(new StartSession(assignment.sessionId(), profileId, intake.recordId(),
                    event.timestamp(), source, intake.sourceId()));
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
            return dedupIndex.replace(expired.get(), mine) ? Optional.empty() : dedupIndex.find(mine.key());
        }
        return dedupIndex.claim(mine);
    }

    private TrafficSource classify(TrackedEvent event) {
        Object url = event.properties().getOrDefault(PAGE_URL, event.properties().get("url"));
        Object referrer = event.properties().get("referrer");
        return channelRules.classify(url == null ? null : url.toString(), referrer == null ? null : referrer.toString());
    }

    /** Store deliveries decided earlier in this batch, before the lookup learns of them when the batch commits. */
    private static final class Batch {
        final Map<String, DeliveryIndex.Delivered> delivered = new HashMap<>();
        final Set<String> rejectedDeliveries = new HashSet<>();

        String deliveryKey(Intake intake) {
            return intake.sourceId() + '\u001f' + intake.deliveryId() + '\u001f'
                    + DedupPolicy.key(intake.event().eventName(), intake.event().eventId());
        }
    }
}
