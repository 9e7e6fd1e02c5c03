package io.tributary.api.quality;

import java.time.Instant;

public record HourlyVolume(Instant hour, long count) {
}
