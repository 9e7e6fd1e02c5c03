package io.tributary.app;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;

/** Everything a database holds, as text: every string and every binary value (event payloads) read as UTF-8. */
public final class StoredText {

    private StoredText() {
    }

    public static String of(MongoDatabase database) {
        StringBuilder text = new StringBuilder();
        for (String name : database.listCollectionNames()) {
            text.append(of(database, name));
        }
        return text.toString();
    }

    /** What one collection holds, as text. */
    public static String of(MongoDatabase database, String collection) {
        StringBuilder text = new StringBuilder();
        for (Document doc : database.getCollection(collection).find()) {
            append(doc, text);
        }
        return text.toString();
    }

    private static void append(Object value, StringBuilder text) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                text.append(key).append('=');
                append(item, text);
            });
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> append(item, text));
        } else if (value instanceof Binary binary) {
            text.append(new String(binary.getData(), StandardCharsets.UTF_8)).append('\n');
        } else if (value instanceof byte[] bytes) {
            text.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
        } else {
            text.append(value).append('\n');
        }
    }
}
