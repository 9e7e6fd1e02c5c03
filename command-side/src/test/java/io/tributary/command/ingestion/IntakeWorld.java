package io.tributary.command.ingestion;

import io.tributary.api.secret.SecretBox;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.ingestion.IngestTrackedEvents;
import io.tributary.api.ingestion.IngestionOutcome;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.ingestion.Rejection;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.session.StartSession;
import io.tributary.api.rules.IdentityRuleSet;
import io.tributary.api.source.SourceType;
import io.tributary.command.profile.AliasLimits;
import io.tributary.command.profile.ProfilesForTests;
import io.tributary.command.profile.Profiles;
import io.tributary.command.session.ChannelRules;
import io.tributary.command.rules.IdentityRulesVersion;
import io.tributary.command.session.SessionPolicy;
import io.tributary.command.support.CommitProof;
import io.tributary.command.support.UnconfirmedClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/**
 * The intake handler over the real command-side lookups (on an in-memory Mongo) and the real Profile aggregate (on
 * an in-memory event store), without Spring: what the scenarios are given, and every domain event they caused.
 */
final class IntakeWorld {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    static final String BROWSER = "browser-source";
    static final String SERVER = "server-source";
    static final String STORE = "store-source";

    private final KillableEngine engine = new KillableEngine();
    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    private final List<Object> recorded = new ArrayList<>();
    private final List<StartSession> sessionsStarted = new ArrayList<>();
    private final Map<String, IngestionOutcome> outcomes = new HashMap<>();
    private final DeliveryIndex deliveries;
    private final IngestionHandler handler;
    private final IdentityRulesVersion rules = new IdentityRulesVersion();
    private final Suppressions suppressions;

    IntakeWorld(MongoDatabase database) {
        this(database, false);
    }

    /** @param dropSuppressed drop events with an erased person's alias instead of counting them anonymously */
    IntakeWorld(MongoDatabase database, boolean dropSuppressed) {
        this(database, dropSuppressed, UnconfirmedClaims.trusted());
    }

    /** @param claims how alias claims read from the store are settled (their lease, their clock) */
    IntakeWorld(MongoDatabase database, UnconfirmedClaims claims) {
        this(database, false, claims);
    }

    private IntakeWorld(MongoDatabase database, boolean dropSuppressed, UnconfirmedClaims claims) {
        suppressions = new Suppressions(database, SecretBox.fromKey(SecretBox.generateKey()).keyedHash(),
                AliasRules.defaults(), List.of("email"), dropSuppressed);
        deliveries = new DeliveryIndex(database, Duration.ofHours(4));
        eventStore.registerDispatchInterceptor(new CommitProof());
        eventStore.subscribe(events -> events.forEach(event -> {
            recorded.add(event.getPayload());
            deliveries.handle(event.getPayload());
        }));
        Profiles profiles = ProfilesForTests.over(eventStore, AliasLimits.defaults(), SessionPolicy.defaults(), rules);
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(StartSession.class.getName(), command -> {
            sessionsStarted.add((StartSession) command.getPayload());
            return null;
        });
        handler = new IngestionHandler(profiles,
                new IdentityStitching(profiles, new AliasIndex(database, claims),
                        new AliasRules(() -> rules.rules().map(IdentityRuleSet::blockedValues).orElse(List.of()),
                                urn -> false), rules),
                new DedupIndex(database, claims), DedupPolicy.defaults(), deliveries, ChannelRules.defaults(),
                DefaultCommandGateway.builder().commandBus(bus).build(), eventStore, suppressions);
    }

    /** Decides one batch in one unit of work, as the single writer does. */
    List<IngestionOutcome> ingest(List<Intake> intakes) {
        return ingest(intakes, List.of());
    }

    /** Decides one batch of tracked events and rejected payloads in one unit of work. */
    List<IngestionOutcome> ingest(List<Intake> intakes, List<Rejection> rejections) {
        IngestTrackedEvents command = new IngestTrackedEvents(intakes, rejections);
        ResultMessage<List<IngestionOutcome>> result = DefaultUnitOfWork.startAndGet(asCommandMessage(command))
                .executeWithResult(() -> handler.handle(command));
        if (result.isExceptional()) {
            throw new IllegalStateException("the batch failed", result.exceptionResult());
        }
        result.getPayload().forEach(outcome -> outcomes.put(outcome.recordId(), outcome));
        return result.getPayload();
    }

    /** From now on the intake decides under these identity rules, as after a rule book change on this node. */
    void decideUnder(long version, IdentityRuleSet identityRules) {
        rules.inForce(version, identityRules);
    }

    /** The next batch dies as a killed writer does, after its claims were written; see {@link KillableEngine}. */
    void dieAfterClaims(Runnable lastWords) {
        engine.dieOnNextAppend(lastWords);
    }

    boolean stored(String eventIdentifier) {
        return engine.holds(eventIdentifier);
    }

    IngestionOutcome outcome(String recordId) {
        return outcomes.get(recordId);
    }

    String profileOf(String recordId) {
        return outcomes.get(recordId).profileId();
    }

    String sessionOf(String recordId) {
        return outcomes.get(recordId).sessionId();
    }

    List<Object> recorded() {
        return List.copyOf(recorded);
    }

    List<StartSession> sessionsStarted() {
        return List.copyOf(sessionsStarted);
    }

    Suppressions suppressions() {
        return suppressions;
    }

    DeliveryIndex deliveries() {
        return deliveries;
    }

    static Intake browser(String recordId, String eventName, String eventId, int minute, String url, String... aliases) {
        return intake(recordId, BROWSER, SourceType.BROWSER, eventName, eventId, minute, url, aliases);
    }

    static Intake server(String recordId, String eventName, String eventId, int minute, String... aliases) {
        return intake(recordId, SERVER, SourceType.SERVER, eventName, eventId, minute, null, aliases);
    }

    /** A store webhook's order: its delivery id, and whether the store repeats whole orders. */
    static Intake store(String recordId, String orderId, String deliveryId, boolean recordOnce, String... aliases) {
        Intake intake = intake(recordId, STORE, SourceType.SERVER, TrackedEvent.PLACED_ORDER, orderId, 0, null, aliases);
        return new Intake(intake.recordId(), intake.sourceId(), intake.sourceType(), intake.receivedAt(),
                intake.event(), deliveryId, recordOnce);
    }

    private static Intake intake(String recordId, String sourceId, SourceType type, String eventName, String eventId,
                                 int minute, String url, String... aliases) {
        Instant at = T0.plus(Duration.ofMinutes(minute));
        Map<String, Object> properties = url == null ? Map.of() : Map.of("$url", url);
        TrackedEvent event = new TrackedEvent(eventName, eventId, properties, Map.of(), List.of(aliases), at, null,
                List.of());
        return new Intake(recordId, sourceId, type, at, event);
    }
}
