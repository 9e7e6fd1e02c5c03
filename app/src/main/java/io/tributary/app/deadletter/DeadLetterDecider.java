package io.tributary.app.deadletter;

import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Axon's enqueue policy for the read models, after {@link DeadLetterRule}. Running a batch again means throwing
 * its failure on: the processor rolls the batch back (its token is not stored) and retries it. The live failures
 * of events not set aside yet are counted here, in memory (a restart starts counting again).
 */
final class DeadLetterDecider implements EnqueuePolicy<EventMessage<?>> {

    static final String ATTEMPTS = "attempts";
    private static final int MAX_COUNTED = 10_000;

    private final Map<String, Integer> liveFailures = new ConcurrentHashMap<>();

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        String eventId = letter.message().getIdentifier();
        int attemptsSoFar = attempts(letter.diagnostics());
        boolean storeTrouble = isStoreTrouble(cause);
        int failures = attemptsSoFar > 0 || storeTrouble ? 0 : count(eventId);
        DeadLetterRule.Decision decision = DeadLetterRule.decide(cause, storeTrouble, attemptsSoFar, failures);
        if (!decision.setAside()) {
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        liveFailures.remove(eventId);
        return Decisions.enqueue(ThrowableCause.truncated(decision.cause()),
                l -> l.diagnostics().and(ATTEMPTS, decision.attempts()));
    }

    private int count(String eventId) {
        if (liveFailures.size() > MAX_COUNTED) {
            liveFailures.clear();
        }
        return liveFailures.merge(eventId, 1, Integer::sum);
    }

    /** The store was unreachable, timed out or the work was interrupted, anywhere in the cause chain. */
    static boolean isStoreTrouble(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoInterruptedException || cause instanceof MongoServerUnavailableException
                    || cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    static int attempts(MetaData diagnostics) {
        return diagnostics.get(ATTEMPTS) instanceof Number number ? number.intValue() : 0;
    }
}
