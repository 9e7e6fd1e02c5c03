package io.tributary.query.attribution;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.session.SessionReclassified;
import io.tributary.api.session.SessionRef;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.session.TrafficSource;
import io.tributary.query.support.DocumentBatch;
import io.tributary.query.support.UnitOfWorkBatches;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Conversions with their touchpoints: each conversion's money and metadata, each profile's sessions (moved to the
 * survivor on merge), and cancellations and refunds by the order they refer to. Credit is computed when a report
 * reads, so a late session or a late merge changes the attribution of conversions already recorded. Handlers work
 * on one {@link UnitOfWorkBatches batch} per processor batch: a few reads and one bulk write per collection.
 */
@ProcessingGroup("attribution-conversions")
public class ConversionProjection {

    private final ConversionRepository repository;
    private final AttributionSettings settings;
    private final TrafficClassifier classifier;
    private final UnitOfWorkBatches batches;

    public ConversionProjection(MongoDatabase database, AttributionSettings settings, TrafficClassifier classifier) {
        this(database, settings, classifier, ConversionRepository.PREFIX);
    }

    /** A copy of this read model under another collection prefix, for a read model that follows conversions. */
    ConversionProjection(MongoDatabase database, AttributionSettings settings, TrafficClassifier classifier,
                         String prefix) {
        this.repository = new ConversionRepository(database, prefix);
        this.settings = settings;
        this.classifier = classifier;
        this.batches = new UnitOfWorkBatches(database, this::load);
    }

    @EventHandler
    public void on(EventRecorded event) {
        String name = event.event().eventName();
        if (settings.conversionEvents().contains(name)) {
            StoredConversion conversion = conversionOf(event);
            batches.run(batch -> repository.saveConversion(batch, conversion));
        } else if (settings.cancelEvents().contains(name)) {
            adjust(event.recordId(), event.event(), Adjustment.Kind.CANCEL);
        } else if (settings.refundEvents().contains(name)) {
            adjust(event.recordId(), event.event(), Adjustment.Kind.REFUND);
        } else {
            batches.run(batch -> { });
        }
    }

    @EventHandler
    public void on(SessionStarted event) {
        Touchpoint session = new Touchpoint(event.sessionId(), event.startedAt(),
                new Touch(event.channelGroup(), event.channel(), event.campaign(), event.adSet(), event.ad()));
        batches.run(batch -> repository.addSession(batch, event.profileId(), session));
    }

    @EventHandler
    public void on(SessionReclassified event) {
        Touch touch = new Touch(event.channelGroup(), event.channel(), event.campaign(), event.adSet(), event.ad());
        batches.run(batch -> repository.reclassifySession(batch, event.profileId(), event.sessionId(), touch));
    }

    @EventHandler
    public void on(ProfilesMerged event) {
        batches.run(batch -> repository.merge(batch, event.mergedProfileId(), event.survivorProfileId()));
    }

    /** The split side resolves to itself again and takes back its conversions and its sessions' touchpoints. */
    @EventHandler
    public void on(ProfileSplit event) {
        batches.run(batch -> {
            if (event.isSurvivorSide()) {
                repository.split(batch, event.survivorProfileId(), event.splitProfileId(),
                        event.movedSessions().stream().map(SessionRef::sessionId).toList(),
                        event.movedRecords().stream().map(ProfileSplit.MovedRecord::recordId).toList());
            }
        });
    }

    /** What the batch's events will change: days of conversions, paths of profiles, adjustments of orders. */
    private void load(DocumentBatch batch, List<Object> events) {
        List<Instant> convertedAt = new ArrayList<>();
        List<String> profileIds = new ArrayList<>();
        List<String> orderRefs = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof EventRecorded e && e.event() != null && e.event().eventName() != null) {
                String name = e.event().eventName();
                if (settings.conversionEvents().contains(name) && e.event().properties() != null) {
                    StoredConversion conversion = conversionOf(e);
                    convertedAt.add(conversion.convertedAt());
                    profileIds.add(conversion.profileId());
                    orderRefs.addAll(conversion.refs());
                } else if ((settings.cancelEvents().contains(name) || settings.refundEvents().contains(name))
                        && e.event().properties() != null) {
                    orderRefs.add(orderRefOf(e.event()));
                }
            } else if (event instanceof SessionStarted s) {
                profileIds.add(s.profileId());
            } else if (event instanceof SessionReclassified r) {
                profileIds.add(r.profileId());
            } else if (event instanceof ProfilesMerged m) {
                profileIds.add(m.mergedProfileId());
                profileIds.add(m.survivorProfileId());
            } else if (event instanceof ProfileSplit s) {
                profileIds.add(s.splitProfileId());
                profileIds.add(s.survivorProfileId());
            }
        }
        repository.load(batch, convertedAt, profileIds, orderRefs);
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }

    private StoredConversion conversionOf(EventRecorded recorded) {
        TrackedEvent event = recorded.event();
        Map<String, Object> properties = event.properties();
        Set<String> refs = new LinkedHashSet<>();
        OrderProperties.text(event.eventId()).ifPresent(refs::add);
        OrderProperties.text(properties.get(OrderProperties.ID)).ifPresent(refs::add);
        OrderProperties.text(properties.get(OrderProperties.ORDER_ID)).ifPresent(refs::add);
        return new StoredConversion(recorded.recordId(), event.eventId(), event.eventName(), recorded.profileId(),
                event.timestamp(), OrderProperties.money(properties.get(OrderProperties.TOTAL_PRICE)).orElse(null),
                OrderProperties.currency(properties.get(OrderProperties.CURRENCY)),
                OrderProperties.isTrue(properties.get(OrderProperties.NEW_CUSTOMER)), recorded.sessionId(),
                List.copyOf(refs), ownMetadata(properties));
    }

    private Touch ownMetadata(Map<String, Object> properties) {
        String landing = OrderProperties.text(properties.get(OrderProperties.LANDING_SITE)).orElse(null);
        String referrer = OrderProperties.text(properties.get(OrderProperties.REFERRING_SITE)).orElse(null);
        if (landing == null && referrer == null) {
            return null;
        }
        TrafficSource source = Objects.requireNonNull(classifier.classify(landing, referrer));
        return new Touch(source.channelGroup(), source.channel(), source.campaign(), source.adSet(), source.ad());
    }

    private void adjust(String recordId, TrackedEvent event, Adjustment.Kind kind) {
        var amount = kind == Adjustment.Kind.REFUND ? OrderProperties.refunded(event.properties()).orElse(null) : null;
        Adjustment adjustment = new Adjustment(recordId, kind, amount);
        batches.run(batch -> repository.saveAdjustment(batch, orderRefOf(event), adjustment));
    }

    static String orderRefOf(TrackedEvent event) {
        return OrderProperties.text(event.properties().get(OrderProperties.ORDER_ID)).orElse(event.eventId());
    }
}
