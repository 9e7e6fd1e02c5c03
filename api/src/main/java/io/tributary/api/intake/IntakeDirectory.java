package io.tributary.api.intake;

import io.tributary.api.session.TrafficSource;
import java.util.List;
import java.util.Optional;

/**
 * The ingestion port: everything an intake adapter (webhook, collect, Segment, Shopify, WooCommerce, pixel,
 * backfill) reads from the command side. Adapters authenticate with it, apply its edge rules, map their payload to
 * {@link io.tributary.api.ingestion.IngestTrackedEvents} and send that; every decision about a tracked event
 * (dedup, redelivery, stitching, sessions) is taken by the command side and recorded as a domain event.
 * <p>
 * Implemented by the command side's lookups; no answer here is ever shown to queries.
 */
public interface IntakeDirectory {

    /** The source behind an intake token (browser or server), enabled or not; empty for an unknown token. */
    Optional<SourceCredentials> sourceByToken(String token);

    /** A Shopify or WooCommerce source: its store, the signing secrets it accepts and its API credentials. */
    Optional<CommerceCredentials> store(String sourceId);

    /** The alias rules: normalisation, validity and blocked values ({@code tributary.identity.*}). */
    AliasParser aliases();

    /** How far ahead an event time may be before it is clamped ({@code tributary.intake.future-tolerance}). */
    TimestampBounds timestampBounds();

    /** The channel rules that sessions start with, for read models that classify orders without a session. */
    TrafficSource classifyTraffic(String landingUrl, String referrer);

    /**
     * Whether a store delivery with this id was received and rejected before. Only words the answer to a
     * redelivery; whether it is recorded again is the command side's decision.
     */
    boolean deliveryWasRejected(String sourceId, String deliveryId);

    /** The suppressed aliases of erased people, by keyed hash only, oldest first. */
    List<Suppression> suppressions();

    /** Lifts one suppression: later events with that alias stitch again. False when there was none. */
    boolean liftSuppression(String aliasHash);
}
