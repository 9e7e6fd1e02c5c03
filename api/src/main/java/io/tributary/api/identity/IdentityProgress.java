package io.tributary.api.identity;

/**
 * Hears how far a split or a quarantine with split has got, while its unit of work runs: the merges undone so far of
 * those known to undo (a quarantine finds more as it goes when the split profiles had glued others in turn). The
 * operation is named by the command's meta-data {@link #OPERATION_ID}; a command without it reports nothing.
 */
public interface IdentityProgress {

    String OPERATION_ID = "identityOperationId";

    IdentityProgress NONE = (operationId, undone, known, movedRecords) -> {
    };

    void progressed(String operationId, int undone, int known, int movedRecords);
}
