package io.tributary.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedFieldNamesTest {

    private final SharedFieldNames names = new SharedFieldNames();

    @Test
    void documentsShareOneStringPerFieldNameAtEveryDepth() {
        Document first = sample();
        Document second = sample();

        names.share(first);
        names.share(second);

        assertThat(keyOf(second, 0)).isSameAs(keyOf(first, 0));
        Document firstNested = (Document) first.get(new String("properties"));
        Document secondNested = (Document) second.get(new String("properties"));
        assertThat(keyOf(secondNested, 0)).isSameAs(keyOf(firstNested, 0));
        Document inList = (Document) ((List<?>) second.get("items")).get(0);
        assertThat(keyOf(inList, 0)).isSameAs(keyOf(firstNested, 0));
    }

    @Test
    void contentAndFieldOrderStayAsTheyWere() {
        Document document = sample();
        Document before = document.cloneDeeply();

        names.share(document);

        assertThat(document).isEqualTo(before);
        assertThat(new ArrayList<>(document.keySet())).containsExactlyElementsOf(before.keySet());
        assertThat(document.get(new String("missing"))).isNull();
        assertThat(document.containsKey("missing")).isTrue();
    }

    private static Document sample() {
        Document properties = new Document(new String("price"), "12.50").append(new String("currency"), "EUR");
        List<Object> items = new ArrayList<>(List.of(new Document(new String("price"), "1.00"), "plain"));
        return new Document(new String("_id"), "r-1").append(new String("eventName"), "Placed Order")
                .append(new String("properties"), properties).append(new String("items"), items)
                .append(new String("missing"), null);
    }

    private static String keyOf(Document document, int index) {
        return new ArrayList<>(document.keySet()).get(index);
    }
}
