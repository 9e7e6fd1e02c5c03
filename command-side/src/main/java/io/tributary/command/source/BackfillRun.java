package io.tributary.command.source;

import io.tributary.api.backfill.BackfillPageImported;

/** A source's latest backfill: which pages were recorded and the totals so far. */
record BackfillRun(String backfillId, boolean running, int pages, long orders, long imported, long alreadyPresent,
                   long rejected) {

    static BackfillRun started(String backfillId) {
        return new BackfillRun(backfillId, true, 0, 0, 0, 0, 0);
    }

    /** Only the page after the last recorded one of this run counts. */
    boolean expects(String id, int page) {
        return backfillId.equals(id) && page == pages + 1;
    }

    BackfillRun plus(BackfillPageImported page) {
        return new BackfillRun(backfillId, running, page.page(), orders + page.orders(), imported + page.imported(),
                alreadyPresent + page.alreadyPresent(), rejected + page.rejected());
    }

    BackfillRun finished() {
        return new BackfillRun(backfillId, false, pages, orders, imported, alreadyPresent, rejected);
    }
}
