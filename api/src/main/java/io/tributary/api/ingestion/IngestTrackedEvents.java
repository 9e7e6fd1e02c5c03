package io.tributary.api.ingestion;

import java.util.List;

/**
 * Decide and record a batch of tracked events in one unit of work: dedup, identity stitching, sessions.
 * The answer is a {@code List<IngestionOutcome>} in the order of {@code intakes}.
 */
public record IngestTrackedEvents(List<Intake> intakes, List<Rejection> rejections) {
}
