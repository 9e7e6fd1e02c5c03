package io.tributary.embedded;

import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * Keeps the file store's file bounded while it runs. Every commit writes the pages it changed to a new chunk and
 * leaves their old copies dead in older chunks; a chunk's space is reused only once all of its pages are dead, and
 * under the app's writes (random keys in many indexes) almost none ever is: the file grew by about a chunk per commit.
 * H2 rewrites such chunks from its background thread, which this store keeps off (commits only between requests).
 * So the flush thread does it, once a second: when less than {@link #TARGET_FILL_RATE} % of the chunks' bytes are
 * live, a round rewrites the live pages of the emptiest, oldest chunks ({@code MVStore.compact}), so those chunks die
 * and their space is reused. A round rewrites at most as many bytes as the store wrote since the last one (within
 * {@link #MIN_BUDGET} and {@link #MAX_BUDGET}), in passes of {@link #SLICE} (doubled up to {@link #MAX_SLICE} when the
 * chunks worth rewriting hold more), each pass between requests and committed on its own.
 */
public final class FileCompaction {

    static final int TARGET_FILL_RATE = 60;
    static final int MIN_BUDGET = 8 << 20;
    static final int MAX_BUDGET = 64 << 20;
    /** One pass rewrites at most this much, so that writers and flushes never wait long; a round makes several. */
    static final int SLICE = 1 << 20;
    /**
     * A chunk is rewritten whole, so a pass needs a slice of at least its live bytes. One commit after a bulk write
     * (a second of {@code insertMany}) makes a chunk of many MB; its rewrite takes about as long as that commit did.
     */
    static final int MAX_SLICE = 32 << 20;

    private int slice = SLICE;

    private long writtenAtLastRound;
    private long roundBudget;
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong heldNanos = new AtomicLong();
    private final AtomicLong longestHeldNanos = new AtomicLong();
    private final AtomicLong longestNanos = new AtomicLong();

    /**
     * What the passes did: how many; how long writers waited for them, in total and at the longest (the rewrite and
     * its commit); the longest pass with its sync (flushes wait for that, writes do not).
     */
    public record Totals(long passes, long heldMillis, long longestHeldMillis, long longestWithSyncMillis) {
    }

    /** Starts a round: its budget is what the store wrote since the last round, within the bounds. */
    void startRound(MVStore store) {
        long written = writtenBytes(store.getFileStore());
        roundBudget = Math.max(MIN_BUDGET, Math.min(MAX_BUDGET, written - writtenAtLastRound));
        slice = SLICE;
        writtenAtLastRound = written;
    }

    /** Whether another pass of this round should run: budget left, and too few live bytes in the chunks. */
    boolean due(MVStore store) {
        return roundBudget > 0 && store.getFileStore().getChunksFillRate() < TARGET_FILL_RATE;
    }

    void rewrite(MVStore store) {
        int limit = (int) Math.min(slice, roundBudget);
        if (store.compact(TARGET_FILL_RATE, limit)) {
            roundBudget -= limit;
        } else if (limit < roundBudget && slice < MAX_SLICE) {
            slice *= 2; // the chunks worth rewriting hold more live bytes than this slice
        } else {
            roundBudget = 0; // nothing left to rewrite (every chunk young or full): the round ends
        }
    }

    void took(long writersHeldNanos, long withSyncNanos) {
        passes.incrementAndGet();
        heldNanos.addAndGet(writersHeldNanos);
        longestHeldNanos.accumulateAndGet(writersHeldNanos, Math::max);
        longestNanos.accumulateAndGet(withSyncNanos, Math::max);
    }

    Totals totals() {
        return new Totals(passes.get(), heldNanos.get() / 1_000_000, longestHeldNanos.get() / 1_000_000,
                longestNanos.get() / 1_000_000);
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
