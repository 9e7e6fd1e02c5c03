package io.tributary.command.source;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tributary.api.backfill.BackfillCompleted;
import io.tributary.api.backfill.BackfillFailed;
import io.tributary.api.backfill.BackfillPageImported;
import io.tributary.api.backfill.BackfillStarted;
import io.tributary.api.backfill.FailBackfill;
import io.tributary.api.backfill.RecordBackfillPage;
import io.tributary.api.backfill.StartBackfill;
import io.tributary.api.secret.SecretBox;
import io.tributary.api.secret.SecretMask;
import io.tributary.api.source.ApplyRetention;
import io.tributary.api.source.CommerceStore;
import io.tributary.api.source.CommerceStoreConnected;
import io.tributary.api.source.CreateCommerceSource;
import io.tributary.api.source.CreateSource;
import io.tributary.api.source.DisableSource;
import io.tributary.api.source.EnableSource;
import io.tributary.api.source.RenameSource;
import io.tributary.api.source.RetentionApplied;
import io.tributary.api.source.RotateSigningSecret;
import io.tributary.api.source.RotateSourceToken;
import io.tributary.api.source.SetSourceRetention;
import io.tributary.api.source.SigningSecretRotated;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceDisabled;
import io.tributary.api.source.SourceEnabled;
import io.tributary.api.source.SourceRenamed;
import io.tributary.api.source.SourceRetentionSet;
import io.tributary.api.source.SourceTokenRotated;
import io.tributary.api.source.SourceType;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate(cache = "aggregateCache")
class Source {

    @AggregateIdentifier
    private String sourceId;
    private String name;
    private SourceType type;
    private String token;
    private boolean disabled;
    /** Sealed; in clear when it comes from an event stored before sealing existed. */
    private String signingSecret;
    private boolean apiCredentials;
    private BackfillRun backfill;
    /** Months its tracked events are kept; null: for ever. */
    private Integer retentionMonths;

    /** Required by Axon. */
    Source() {
    }

    @CommandHandler
    Source(CreateSource command) {
        apply(new SourceCreated(command.sourceId(), command.name(), command.type(), command.token(),
                command.allowedOrigins(), command.at(), command.dataLayer() ? Boolean.TRUE : null));
    }

    @CommandHandler
    Source(CreateCommerceSource command, SecretBox secrets) {
        if (!command.type().isCommerce()) {
            throw new IllegalArgumentException("not a store source type: " + command.type());
        }
        apply(new SourceCreated(command.sourceId(), command.name(), command.type(), command.token(), List.of(),
                command.at()));
        CommerceStore store = command.store();
        apply(new CommerceStoreConnected(command.sourceId(), command.type(), store.withSecrets(secrets::seal),
                command.at(), store.withSecrets(SecretMask::of)));
    }

    @CommandHandler
    void handle(RenameSource command) {
        if (!command.name().equals(name)) {
            apply(new SourceRenamed(sourceId, command.name()));
        }
    }

    @CommandHandler
    void handle(DisableSource command) {
        if (!disabled) {
            apply(new SourceDisabled(sourceId, command.at()));
        }
    }

    @CommandHandler
    void handle(EnableSource command) {
        if (disabled) {
            apply(new SourceEnabled(sourceId, command.at()));
        }
    }

    @CommandHandler
    void handle(SetSourceRetention command) {
        if (!Objects.equals(retentionMonths, command.retentionMonths())) {
            apply(new SourceRetentionSet(sourceId, command.retentionMonths(), command.at()));
        }
    }

    /** False when the source keeps its events for ever (the retention was lifted since the sweep looked). */
    @CommandHandler
    boolean handle(ApplyRetention command) {
        if (!hasRetention() || command.months().isEmpty()) {
            return false;
        }
        apply(new RetentionApplied(sourceId, retentionMonths, List.copyOf(command.months()), command.trackedEvents(),
                command.rejectedPayloads(), command.at()));
        return true;
    }

    @CommandHandler
    void handle(RotateSourceToken command) {
        apply(new SourceTokenRotated(sourceId, token, command.token(), command.at()));
    }

    /** False when the source is no store: it has no signing secret to rotate. */
    @CommandHandler
    boolean handle(RotateSigningSecret command, SecretBox secrets) {
        if (!isStore()) {
            return false;
        }
        apply(new SigningSecretRotated(sourceId, secrets.seal(signingSecret), secrets.seal(command.signingSecret()),
                command.at().plus(command.gracePeriod()), command.at(), SecretMask.of(command.signingSecret())));
        return true;
    }

    /** The backfill that runs afterwards (this one or the one already running); null when the store has no API access. */
    @CommandHandler
    String handle(StartBackfill command) {
        if (!isStore() || !apiCredentials) {
            return null;
        }
        if (isBackfilling()) {
            return backfill.backfillId();
        }
        apply(new BackfillStarted(sourceId, command.backfillId(), command.since(), command.at()));
        return command.backfillId();
    }

    @CommandHandler
    void handle(RecordBackfillPage command) {
        if (!isBackfilling() || !backfill.expects(command.backfillId(), command.page())) {
            return;
        }
        apply(new BackfillPageImported(sourceId, command.backfillId(), command.page(), command.cursor(),
                command.nextCursor(), command.orders(), command.imported(), command.alreadyPresent(),
                command.rejected(), command.at()));
        if (command.nextCursor() == null) {
            apply(new BackfillCompleted(sourceId, backfill.backfillId(), backfill.pages(), backfill.orders(),
                    backfill.imported(), backfill.alreadyPresent(), backfill.rejected(), command.at()));
        }
    }

    @CommandHandler
    void handle(FailBackfill command) {
        if (isBackfilling() && backfill.backfillId().equals(command.backfillId())) {
            apply(new BackfillFailed(sourceId, command.backfillId(), command.page(), command.reason(), command.at()));
        }
    }

    @EventSourcingHandler
    void on(SourceCreated event) {
        sourceId = event.sourceId();
        name = event.name();
        type = event.type();
        token = event.token();
    }

    @EventSourcingHandler
    void on(SourceRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(SourceDisabled event) {
        disabled = true;
    }

    @EventSourcingHandler
    void on(SourceEnabled event) {
        disabled = false;
    }

    @EventSourcingHandler
    void on(SourceRetentionSet event) {
        retentionMonths = event.retentionMonths();
    }

    @EventSourcingHandler
    void on(SourceTokenRotated event) {
        token = event.token();
    }

    @EventSourcingHandler
    void on(CommerceStoreConnected event) {
        signingSecret = event.store().signingSecret();
        apiCredentials = event.store().hasApiCredentials();
    }

    @EventSourcingHandler
    void on(SigningSecretRotated event) {
        signingSecret = event.signingSecret();
    }

    @EventSourcingHandler
    void on(BackfillStarted event) {
        backfill = BackfillRun.started(event.backfillId());
    }

    @EventSourcingHandler
    void on(BackfillPageImported event) {
        backfill = backfill.plus(event);
    }

    @EventSourcingHandler
    void on(BackfillCompleted event) {
        backfill = backfill.finished();
    }

    @EventSourcingHandler
    void on(BackfillFailed event) {
        backfill = backfill.finished();
    }

    private boolean isStore() {
        return type != null && type.isCommerce();
    }

    private boolean hasRetention() {
        return retentionMonths != null;
    }

    private boolean isBackfilling() {
        return backfill != null && backfill.running();
    }
}
