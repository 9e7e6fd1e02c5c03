package io.tributary.embedded;

import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * Keeps the file store's file bounded while it runs. Every commit writes the pages it changed to a new chunk and
 * leaves their old copies dead in older chunks; a chunk's space is reused only once all of its pages are dead, and
 * under the app's writes (random keys in many indexes) almost none ever is: the file grew by about a chunk per commit.
 * H2 rewrites such chunks from its background thread, which this store keeps off (commits only between requests).
 * So the flush thread does it: when less than {@link #TARGET_FILL_RATE} % of the chunks' bytes are live, one pass
 * rewrites the live pages of the emptiest, oldest chunks (at most as many bytes as the store wrote since the last
 * pass, within {@link #MIN_BUDGET} and {@link #MAX_BUDGET}), so those chunks die and their space is reused.
 */
public final class FileCompaction {

    static final int TARGET_FILL_RATE = 60;
    static final int MIN_BUDGET = 1 << 20;
    static final int MAX_BUDGET = 16 << 20;

    private long writtenAtLastPass;
    private int budget = MIN_BUDGET;
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong longestNanos = new AtomicLong();

    /** What the passes did: how many, their total and longest time (writers wait meanwhile). */
    public record Totals(long passes, long totalMillis, long longestMillis) {
    }

    boolean due(MVStore store) {
        FileStore<?> file = store.getFileStore();
        long written = writtenBytes(file);
        budget = (int) Math.max(MIN_BUDGET, Math.min(MAX_BUDGET, written - writtenAtLastPass));
        writtenAtLastPass = written;
        return file.getChunksFillRate() < TARGET_FILL_RATE;
    }

    void rewrite(MVStore store) {
        store.compact(TARGET_FILL_RATE, budget);
    }

    void took(long pauseNanos) {
        passes.incrementAndGet();
        nanos.addAndGet(pauseNanos);
        longestNanos.accumulateAndGet(pauseNanos, Math::max);
    }

    Totals totals() {
        return new Totals(passes.get(), nanos.get() / 1_000_000, longestNanos.get() / 1_000_000);
    }

    private static long writtenBytes(FileStore<?> file) {
        long[] bytes = {0};
        file.populateInfo((name, value) -> {
            if (name.equals("info.FILE_WRITE_BYTES")) {
                bytes[0] = Long.parseLong(value);
            }
        });
        return bytes[0];
    }
}
