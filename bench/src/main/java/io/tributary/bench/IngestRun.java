package io.tributary.bench;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What one ingest run achieved: decided events, request latencies, time and CPU. */
final class IngestRun {

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Latencies latencies = new Latencies();
    private long nanos;
    private long cpuNanos;

    void record(Http.Answer answer) {
        if (answer.status() != 200) {
            failures.incrementAndGet();
            return;
        }
        Map<String, Object> body = answer.json();
        accepted.addAndGet(((Number) body.get("accepted")).longValue());
        duplicates.addAndGet(((Number) body.get("duplicates")).longValue());
        latencies.add(answer.micros());
    }

    void finish(long nanos, long cpuNanos) {
        this.nanos = nanos;
        this.cpuNanos = cpuNanos;
    }

    long accepted() {
        return accepted.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long failures() {
        return failures.get();
    }

    double seconds() {
        return nanos / 1e9;
    }

    double acceptedPerSecond() {
        return accepted.get() / seconds();
    }

    double decidedPerSecond() {
        return (accepted.get() + duplicates.get()) / seconds();
    }

    double cpuSecondsPerThousand() {
        long events = accepted.get() + duplicates.get();
        return events == 0 ? Double.NaN : cpuNanos / 1e9 / events * 1000;
    }

    Latencies latencies() {
        return latencies;
    }
}
