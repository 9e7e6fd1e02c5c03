package io.tributary.query.attribution;

import java.time.LocalDate;

/** How many sessions started on a UTC day with one traffic source. */
record TrafficBucket(LocalDate date, Touch touch, long sessions) {
}
