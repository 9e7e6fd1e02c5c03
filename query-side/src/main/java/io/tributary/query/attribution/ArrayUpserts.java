package io.tributary.query.attribution;

import io.tributary.query.support.BatchedCollection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;

/**
 * Adds an element (with an {@code id} field) to an array of a document once, creating the document if needed, in a
 * {@link BatchedCollection} (so by {@code _id} alone, which every store serves from its index). As {@code $push}
 * with {@code $sort} and {@code $slice} would: the element is appended, the array sorted (stably) and capped.
 */
final class ArrayUpserts {

    private ArrayUpserts() {
    }

    /**
     * @param order how to sort the array after adding, or null to keep the order of arrival
     * @param cap   how many elements to keep: those beyond it (first in order) are dropped
     */
    static void addOnce(BatchedCollection collection, String documentId, String array, Document element,
                        Comparator<Document> order, int cap) {
        Document current = collection.find(documentId);
        String id = element.getString("id");
        if (current != null && current.getList(array, Document.class, List.of()).stream()
                .anyMatch(e -> id.equals(e.getString("id")))) {
            return;
        }
        Document document = collection.upsert(documentId);
        List<Document> elements = new ArrayList<>(document.getList(array, Document.class, List.of()));
        elements.add(element);
        if (order != null) {
            elements.sort(order);
        }
        document.put(array, elements.size() > cap ? new ArrayList<>(elements.subList(elements.size() - cap,
                elements.size())) : elements);
    }
}
