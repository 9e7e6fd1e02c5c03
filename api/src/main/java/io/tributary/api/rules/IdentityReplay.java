package io.tributary.api.rules;

import io.tributary.api.ingestion.TrackedEvent;
import java.util.Set;

/**
 * One in-memory replay of tracked events under one identity rule set, fed in recorded order. Its people and sessions
 * have ids of its own ({@code person-1}, {@code session-1} …), unrelated to the live profiles and sessions.
 */
public interface IdentityReplay {

    /** A counted tracked event: stitched to a person, then placed in a session (or none). */
    ReplayPlacement record(String recordId, TrackedEvent event, boolean browser);

    /** A discarded duplicate copy that still stitched its aliases: it joins the person of the copy that was kept. */
    void duplicate(TrackedEvent event, String keptRecordId);

    /** The person a recorded event belongs to now, after the merges since; null for a record never replayed. */
    String personOf(String recordId);

    /** Whether this replay's rules let a normalised alias urn stitch: not blocked, not quarantined. */
    boolean stitches(String urn);

    /** The aliases a person owns now. */
    Set<String> aliasesOf(String personId);

    /** The aliases that glued other people into this one: the shared aliases of the merges it survived. */
    Set<String> glueOf(String personId);
}
