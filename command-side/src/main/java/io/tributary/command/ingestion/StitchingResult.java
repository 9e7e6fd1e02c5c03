package io.tributary.command.ingestion;

import java.util.List;

/** The profile a tracked event belongs to, and its aliases that were not used because of their value. */
record StitchingResult(String profileId, List<String> blockedAliases) {
}
