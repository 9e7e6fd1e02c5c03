package io.tributary.api.marketing;

import io.tributary.api.ingestion.FieldError;
import java.util.List;

/** A line of an imported file that was not imported: its number (the header is line 1), text and every problem. */
public record LineError(long line, String content, List<FieldError> errors) {
}
