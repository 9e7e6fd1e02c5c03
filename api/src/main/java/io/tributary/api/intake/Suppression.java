package io.tributary.api.intake;

import java.time.Instant;

/** An erased person's alias, known only by its keyed hash: later events carrying it never stitch to anyone. */
public record Suppression(String aliasHash, Instant since) {
}
