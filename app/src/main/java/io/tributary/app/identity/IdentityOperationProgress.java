package io.tributary.app.identity;

import io.tributary.api.identity.IdentityProgress;
import org.springframework.stereotype.Component;

/** Keeps a running operation's progress where {@code GET /api/identity/operations/{id}} reads it, on any node. */
@Component
class IdentityOperationProgress implements IdentityProgress {

    private final IdentityOperationLog log;

    IdentityOperationProgress(IdentityOperationLog log) {
        this.log = log;
    }

    @Override
    public void progressed(String operationId, int undone, int known, int movedRecords) {
        log.progressed(operationId, undone, known, movedRecords);
    }
}
