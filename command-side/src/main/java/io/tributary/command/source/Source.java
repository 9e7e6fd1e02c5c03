package io.tributary.command.source;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tributary.api.source.CreateSource;
import io.tributary.api.source.DisableSource;
import io.tributary.api.source.EnableSource;
import io.tributary.api.source.RenameSource;
import io.tributary.api.source.RotateSourceToken;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceDisabled;
import io.tributary.api.source.SourceEnabled;
import io.tributary.api.source.SourceRenamed;
import io.tributary.api.source.SourceTokenRotated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate(cache = "aggregateCache")
class Source {

    @AggregateIdentifier
    private String sourceId;
    private String name;
    private String token;
    private boolean disabled;

    /** Required by Axon. */
    Source() {
    }

    @CommandHandler
    Source(CreateSource command) {
        apply(new SourceCreated(command.sourceId(), command.name(), command.type(), command.token(),
                command.allowedOrigins(), command.at()));
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
    void handle(RotateSourceToken command) {
        apply(new SourceTokenRotated(sourceId, token, command.token(), command.at()));
    }

    @EventSourcingHandler
    void on(SourceCreated event) {
        sourceId = event.sourceId();
        name = event.name();
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
    void on(SourceTokenRotated event) {
        token = event.token();
    }
}
