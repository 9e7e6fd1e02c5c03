package io.tributary.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.projection.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SegmentPlacementTest {

    private static final List<String> THREE = List.of("node-a", "node-b", "node-c");

    @ParameterizedTest
    @CsvSource({"event-log,0", "profiles,0", "sessions,3", "data-quality,1"})
    void placesEverySegmentOnOneOfTheLiveNodesWhateverTheirOrder(String processor, int segment) {
        String owner = SegmentPlacement.ownerOf(processor, segment, THREE);
        assertThat(THREE).contains(owner);
        assertThat(SegmentPlacement.ownerOf(processor, segment, List.of("node-c", "node-a", "node-b")))
                .isEqualTo(owner);
    }

    @Test
    void placesASegmentOnTheOnlyNodeWhenAlone() {
        assertThat(SegmentPlacement.ownerOf("event-log", 0, List.of("solo"))).isEqualTo("solo");
    }

    @Test
    void spreadsTheReadModelsOverEveryLiveNode() {
        Map<String, Long> perNode = Projections.READ_MODELS.stream()
                .collect(Collectors.groupingBy(name -> SegmentPlacement.ownerOf(name, 0, THREE),
                        Collectors.counting()));
        assertThat(perNode.keySet()).containsExactlyInAnyOrderElementsOf(THREE);
    }

    @Test
    void movesOnlyTheSegmentsOfANodeThatLeaves() {
        Function<List<String>, Map<String, String>> placement = nodes -> Projections.READ_MODELS.stream()
                .collect(Collectors.toMap(name -> name, name -> SegmentPlacement.ownerOf(name, 0, nodes)));
        Map<String, String> before = placement.apply(THREE);
        Map<String, String> after = placement.apply(List.of("node-a", "node-c"));
        List<String> moved = new ArrayList<>();
        before.forEach((name, owner) -> {
            if (!owner.equals(after.get(name))) {
                moved.add(name);
            }
        });
        assertThat(moved).allSatisfy(name -> assertThat(before.get(name)).isEqualTo("node-b"));
        assertThat(after.values()).doesNotContain("node-b");
    }

    @Test
    void spreadsTheSegmentsOfOneReadModelOverDifferentNodes() {
        assertThat(owners("sessions", 2, THREE)).doesNotHaveDuplicates();
        assertThat(owners("attribution-traffic", 3, THREE)).containsExactlyInAnyOrderElementsOf(THREE);
        assertThat(owners("sessions", 4, List.of("node-a", "node-b")))
                .as("two each when there are more segments than nodes")
                .containsExactlyInAnyOrder("node-a", "node-a", "node-b", "node-b");
    }

    @Test
    void movesNoSegmentOfAReadModelWhenANodeHoldingNoneOfThemLeaves() {
        List<String> before = owners("sessions", 2, THREE);
        String idle = THREE.stream().filter(node -> !before.contains(node)).findFirst().orElseThrow();
        List<String> remaining = THREE.stream().filter(node -> !node.equals(idle)).toList();

        assertThat(owners("sessions", 2, remaining)).isEqualTo(before);
    }

    private static List<String> owners(String processor, int segments, List<String> nodes) {
        return java.util.stream.IntStream.range(0, segments)
                .mapToObj(segment -> SegmentPlacement.ownerOf(processor, segment, nodes)).toList();
    }
}
