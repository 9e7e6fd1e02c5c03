package io.tributary.bench;

import java.util.Arrays;

/** Request latencies in microseconds, and their percentiles. */
final class Latencies {

    private long[] values = new long[1 << 16];
    private int size;

    synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    void addAll(Latencies other) {
        long[] copy;
        int count;
        synchronized (other) {
            copy = Arrays.copyOf(other.values, other.size);
            count = other.size;
        }
        for (int i = 0; i < count; i++) {
            add(copy[i]);
        }
    }

    synchronized int count() {
        return size;
    }

    /** The percentile in milliseconds. */
    synchronized double percentileMillis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1000.0;
    }
}
