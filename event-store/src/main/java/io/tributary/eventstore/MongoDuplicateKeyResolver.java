package io.tributary.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that a MongoDB write failed on a unique index (error 11000, E11000 duplicate key), so that
 * {@code AbstractEventStorageEngine} turns it into a {@code ConcurrencyException} (or an
 * {@code AggregateStreamCreationException} for a duplicate first event).
 */
public class MongoDuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final int DUPLICATE_KEY = 11000;

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (isDuplicateKey(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isDuplicateKey(Throwable exception) {
        if (exception instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream().anyMatch(MongoDuplicateKeyResolver::isDuplicateKey);
        }
        if (exception instanceof MongoWriteException write) {
            return ErrorCategory.fromErrorCode(write.getError().getCode()) == ErrorCategory.DUPLICATE_KEY;
        }
        if (exception instanceof MongoServerException server) {
            return ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
        }
        return false;
    }

    private static boolean isDuplicateKey(BulkWriteError error) {
        return error.getCode() == DUPLICATE_KEY
                || ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
