package io.tributary.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which commands a commit need not wait for: reads only; anything unknown counts as a write. */
class ReadOnlyCommandsTest {

    @ParameterizedTest
    @CsvSource({
            "find, , true",
            "getMore, , true",
            "count, , true",
            "listIndexes, , true",
            "aggregate, $match, true",
            "aggregate, $out, false",
            "aggregate, $merge, false",
            "insert, , false",
            "update, , false",
            "delete, , false",
            "findAndModify, , false",
            "createIndexes, , false",
            "dropIndexes, , false",
            "drop, , false",
            "somethingNew, , false"})
    void tellsReadsFromWrites(String command, String stage, boolean readOnly) {
        Document query = new Document(command, "c");
        if (stage != null) {
            query.put("pipeline", List.of(new Document("$match", new Document()), new Document(stage, "other")));
        }
        assertThat(ReadOnlyCommands.isReadOnly(command, query)).isEqualTo(readOnly);
    }
}
