package io.tributary.app.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.source.SourceType;
import io.tributary.api.intake.CommerceCredentials;
import java.time.Instant;
import java.util.List;

/** A store's order API, read page by page for a backfill. */
public interface OrderApi {

    SourceType type();

    /**
     * One page of the orders created since {@code since}, oldest first where the API allows.
     *
     * @param cursor null for the first page, else the {@link OrderPage#nextCursor()} of the page before
     */
    OrderPage fetch(CommerceCredentials store, Instant since, String cursor);

    /** The tracked events of one historical order (marked {@code origin=backfill}). */
    Mapped map(JsonNode order);

    /** @param nextCursor where the next page starts; null on the last page */
    record OrderPage(List<JsonNode> orders, String nextCursor) {
    }
}
