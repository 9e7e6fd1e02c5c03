package io.tributary.api.profile;

import java.time.Instant;

/** What caused an identity decision: the record and client event id, and when (event time). */
public record Evidence(String recordId, String eventId, Instant at) {
}
