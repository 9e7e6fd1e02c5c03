package io.tributary.query.support;

/**
 * A batch of events failed as a whole (a handler threw, or the batch's write failed), so no single event can be
 * blamed yet. The processor must roll the batch back and run it again; {@link UnitOfWorkBatches} then handles and
 * writes those events one at a time, so that a failure there names its event.
 */
public final class BatchFailed extends RuntimeException {

    public BatchFailed(Throwable cause) {
        super("batch failed; it runs again event by event: " + cause, cause);
    }
}
