package io.tributary.query.bench;

import com.mongodb.client.MongoDatabase;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * A digest of every collection of a database: documents in {@code _id} order, fields in name order (Mongo keeps the
 * order fields were first written in, which says nothing about the result), values with their BSON type (an int32
 * count differs from an int64 one). Two runs that leave equal read models have equal digests.
 */
public final class Digest {

    private Digest() {
    }

    public static String of(MongoDatabase database, String... ignoredFields) {
        return hash(canonical(database, ignoredFields));
    }

    /**
     * One line per document, {@code collection <tab> canonical document}, sorted.
     *
     * @param ignoredFields {@code collection.field} names left out
     */
    public static List<String> canonical(MongoDatabase database, String... ignoredFields) {
        List<String> lines = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            database.getCollection(collection, BsonDocument.class).find().forEach(document -> {
                for (String ignored : ignoredFields) {
                    if (ignored.startsWith(collection + ".")) {
                        document.remove(ignored.substring(collection.length() + 1));
                    }
                }
                lines.add(collection + "\t" + canonical(document));
            });
        }
        lines.sort(null);
        return lines;
    }

    private static String canonical(BsonValue value) {
        if (value instanceof BsonDocument document) {
            TreeMap<String, String> fields = new TreeMap<>();
            document.forEach((key, field) -> fields.put(key, canonical(field)));
            return fields.toString();
        }
        if (value instanceof BsonArray array) {
            return array.getValues().stream().map(Digest::canonical).toList().toString();
        }
        return value.getBsonType() + ":" + value;
    }

    private static String hash(List<String> lines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
