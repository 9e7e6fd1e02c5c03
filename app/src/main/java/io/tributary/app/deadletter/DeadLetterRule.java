package io.tributary.app.deadletter;

import io.tributary.query.support.BatchFailed;
import io.tributary.query.support.EventFailed;

/**
 * What happens when a read model fails on an event. A whole batch that failed runs again (event by event, so the
 * next failure names its event). An event that failed on its own is set aside once it has failed
 * {@value #ATTEMPTS} times in a row; until then its batch runs again. A failure of the store itself (unreachable,
 * timed out, interrupted: nothing to do with the event) never sets an event aside: the batch runs again until the
 * store is back. A dead letter that fails again stays, with one attempt more.
 */
public final class DeadLetterRule {

    static final int ATTEMPTS = 3;

    /** @param setAside false: run the batch again; true: set the event aside with this cause and attempt count */
    public record Decision(boolean setAside, int attempts, Throwable cause) {
    }

    private DeadLetterRule() {
    }

    /**
     * @param storeTrouble  the failure came from the store being unavailable, not from the event
     * @param attemptsSoFar the attempts a dead letter already counts (0 for an event not set aside yet)
     * @param liveFailures  for an event not set aside yet: how many times in a row it failed, this time included
     */
    public static Decision decide(Throwable failure, boolean storeTrouble, int attemptsSoFar, int liveFailures) {
        if (failure instanceof BatchFailed || storeTrouble && attemptsSoFar == 0) {
            return new Decision(false, attemptsSoFar, failure);
        }
        if (failure instanceof EventFailed alone) {
            return new Decision(true, attemptsSoFar + alone.attempts(), alone.getCause());
        }
        if (attemptsSoFar > 0) {
            return new Decision(true, attemptsSoFar + 1, failure);
        }
        return new Decision(liveFailures >= ATTEMPTS, liveFailures, failure);
    }
}
