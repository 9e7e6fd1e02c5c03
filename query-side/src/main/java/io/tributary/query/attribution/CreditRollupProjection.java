package io.tributary.query.attribution;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.report.RestatementCause;
import io.tributary.api.session.SessionReclassified;
import io.tributary.api.session.SessionStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The credit roll-ups: per UTC day, attribution model and touch, the credited orders, revenue, net revenue and
 * new-customer orders (conversion_time mode), which the blended report and the time series add up instead of
 * crediting every conversion of the range when asked.
 * <p>
 * It keeps its own copy of the conversions read model ({@code rollup_*} collections, the same code as
 * {@link ConversionProjection}) and, once a processor batch has been written there, re-credits only the conversions
 * the batch touched: new conversions, the conversions of profiles that gained a session, a merge or a split, or whose session was
 * reclassified, and those of
 * orders cancelled or refunded. A conversion whose credit changed rewrites its ledger, moves the day documents of its
 * day by the difference, and is logged as a restatement with its cause.
 */
@ProcessingGroup("attribution-rollups")
public class CreditRollupProjection {

    static final String STATE_PREFIX = "rollup";

    private final ConversionProjection state;
    private final CreditRollups rollups;
    private final String resourceKey = getClass().getName() + "/" + System.identityHashCode(this);

    public CreditRollupProjection(MongoDatabase database, AttributionSettings settings, TrafficClassifier classifier) {
        this.state = new ConversionProjection(database, settings, classifier, STATE_PREFIX);
        this.rollups = new CreditRollups(database, settings, STATE_PREFIX);
    }

    @EventHandler
    public void on(EventRecorded event, @MessageIdentifier String messageId) {
        state.on(event);
        String name = event.event() == null ? null : event.event().eventName();
        Touched touched = touched();
        if (rollups.isConversion(name)) {
            touched.conversion(event.recordId());
        } else if (rollups.isCancel(name)) {
            touched.order(ConversionProjection.orderRefOf(event.event()), RestatementCause.CANCEL, messageId);
        } else if (rollups.isRefund(name)) {
            touched.order(ConversionProjection.orderRefOf(event.event()), RestatementCause.REFUND, messageId);
        }
        settleAtEndOfBatch(touched);
    }

    @EventHandler
    public void on(SessionStarted event, @MessageIdentifier String messageId) {
        state.on(event);
        restate(RestatementCause.LATE_STITCH, messageId, event.profileId());
    }

    @EventHandler
    public void on(ProfilesMerged event, @MessageIdentifier String messageId) {
        state.on(event);
        restate(RestatementCause.MERGE, messageId, event.survivorProfileId());
    }

    @EventHandler
    public void on(SessionReclassified event, @MessageIdentifier String messageId) {
        state.on(event);
        restate(RestatementCause.REBUILD, messageId, event.profileId());
    }

    /** Both sides: the survivor's conversions lose the split side's sessions, the split side's return to it. */
    @EventHandler
    public void on(ProfileSplit event, @MessageIdentifier String messageId) {
        state.on(event);
        restate(RestatementCause.SPLIT, messageId,
                event.isSurvivorSide() ? new String[]{event.survivorProfileId(), event.splitProfileId()} : new String[0]);
    }

    @ResetHandler
    public void reset() {
        state.reset();
        rollups.clear();
    }

    /** The conversions of these profiles may have changed credit, for this cause. */
    private void restate(RestatementCause cause, String messageId, String... profileIds) {
        Touched touched = touched();
        for (String profileId : profileIds) {
            touched.profile(profileId, cause, messageId);
        }
        settleAtEndOfBatch(touched);
    }

    /** What this unit of work touched; outside one, a fresh set settled at once. */
    private Touched touched() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Touched();
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get();
        return unit.root().getOrComputeResource(resourceKey, key -> {
            Touched created = new Touched();
            unit.root().onPrepareCommit(u -> settle(created));
            return created;
        });
    }

    /**
     * Settles after the copy of the conversions read model has written its batch: at the batch's last event (where it
     * writes, before the processor's token), else when the unit of work prepares its commit (after it).
     */
    private void settleAtEndOfBatch(Touched touched) {
        if (!CurrentUnitOfWork.isStarted()) {
            settle(touched);
            return;
        }
        if (CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batching && batching.isLastMessage()) {
            settle(touched);
        }
    }

    private void settle(Touched touched) {
        if (touched.settled) {
            return;
        }
        touched.settled = true;
        rollups.settle(touched);
    }
}
