package io.tributary.app.privacy;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.secret.SecretBox;
import java.util.List;

/**
 * One key per source and month ({@code retention_keys}, id {@code <sourceId>/<yyyy-MM>}), sealed with the server key
 * like the data keys: the second seal around the personal content of that month of the source's tracked events.
 * Deleting a month's key when the source's retention has passed it shreds exactly that month.
 */
public final class RetentionKeys {

    static final String COLLECTION = "retention_keys";

    private final DataKeys keys;

    public RetentionKeys(MongoDatabase database, SecretBox serverKey) {
        this.keys = new DataKeys(database, serverKey, COLLECTION);
    }

    DataKeys keys() {
        return keys;
    }

    /** The months ({@code yyyy-MM}) of the source that have a key. */
    List<String> monthsOf(String sourceId) {
        return keys.idsStartingWith(sourceId + '/').stream().map(RetentionScope::monthOf).toList();
    }

    void delete(String sourceId, List<String> months) {
        keys.delete(months.stream().map(month -> RetentionScope.keyId(sourceId, month)).toList());
    }
}
