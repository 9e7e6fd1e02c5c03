package io.tributary.query.quality;

import java.util.Locale;

/** What a quality warning is about. */
public enum WarningKind {
    /** A property the spec requires is absent or null. */
    MISSING,
    /** A property has the wrong type or format for the spec. */
    INVALID,
    /** The event lacks an alias of a type the spec asks for (Started Checkout: checkout or cart token). */
    MISSING_ALIAS,
    /** The same property arrived with different JSON types. */
    TYPE_DRIFT,
    /** The event carries no alias but anonymous ones, so it cannot be tied to a known person. */
    ANONYMOUS_ONLY,
    /** The event time was in the future and clamped to the receive time. */
    TIMESTAMP_CLAMPED,
    /** The event arrived long after it happened. */
    LATE,
    /** Too few server events were stitched to a web session. */
    LOW_STITCHING_RATE,
    /** A source that used to send went quiet. */
    SILENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
