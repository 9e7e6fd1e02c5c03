package io.tributary.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergeMapTest extends EmbeddedMongo {

    @Test
    void resolvesManyProfilesThroughChainsOfMergesWhateverTheirOrder() {
        MergeMap merges = new MergeMap(database, "merges");
        merges.record("c", "d");
        merges.record("a", "b");
        merges.record("b", "c");

        Map<String, String> resolved = merges.resolveAll(List.of("a", "b", "c", "d", "x"));

        assertThat(resolved).containsExactlyInAnyOrderEntriesOf(Map.of("a", "d", "b", "d", "c", "d", "d", "d", "x", "x"));
        assertThat(resolved.get("a")).isEqualTo(merges.resolve("a"));
    }
}
