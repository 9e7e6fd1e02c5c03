package io.tributary.query.support;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MongoValuesTest extends EmbeddedMongo {

    @Test
    void roundTripsArbitraryJsonThroughMongo() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("price", new BigDecimal("19.990"));
        nested.put("tags", List.of("a", 1, true));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("$email", "a@b.c");
        properties.put("utm.source", "google");
        properties.put("100%", 1L);
        properties.put("%2E", "literal");
        properties.put("items", List.of(nested));
        properties.put("big", new BigInteger("123456789012345678901234567890"));
        properties.put("none", null);
        MongoCollection<Document> collection = database.getCollection("values");

        collection.insertOne(new Document("_id", 1).append("p", MongoValues.toDocument(properties)));
        Map<String, Object> back = MongoValues.toMap(collection.find().first().get("p", Document.class));

        assertThat(back).containsEntry("$email", "a@b.c").containsEntry("utm.source", "google")
                .containsEntry("100%", 1L).containsEntry("%2E", "literal").containsEntry("none", null)
                .containsEntry("big", new BigDecimal("123456789012345678901234567890"))
                .containsEntry("items", List.of(Map.of("price", new BigDecimal("19.990"),
                        "tags", List.of("a", 1, true))));
    }
}
