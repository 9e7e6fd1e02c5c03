package io.tributary.command.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AliasLimitsTest {

    private final AliasLimits limits = AliasLimits.defaults();

    @ParameterizedTest(name = "owning [{0}] and adding [{1}] breaks [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
            urn:user_id:1                               | urn:user_id:2                   | limit:user_id:1
            urn:user_id:1                               | urn:user_id:1                   |
                                                        | urn:user_id:1 urn:user_id:1     |
                                                        | urn:user_id:1 urn:user_id:2     | limit:user_id:1
            urn:customer_id:a urn:email:a@x.io          | urn:customer_id:b urn:email:b@x.io | limit:customer_id:1
            urn:email:1@x.io urn:email:2@x.io urn:email:3@x.io urn:email:4@x.io | urn:email:5@x.io |
            urn:email:1@x.io urn:email:2@x.io urn:email:3@x.io urn:email:4@x.io urn:email:5@x.io | urn:email:6@x.io | limit:email:5
            urn:email:1@x.io urn:email:2@x.io urn:email:3@x.io urn:email:4@x.io urn:email:5@x.io | urn:email:5@x.io urn:anonymous_id:a |
            urn:phone:+1 urn:phone:+2 urn:phone:+3 urn:phone:+4 urn:phone:+5 | urn:phone:+6 | limit:phone:5
            urn:email:1@x.io urn:email:2@x.io urn:email:3@x.io urn:email:4@x.io urn:email:5@x.io | urn:user_id:2 urn:email:6@x.io | limit:email:5
            urn:user_id:1 urn:email:1@x.io urn:email:2@x.io urn:email:3@x.io urn:email:4@x.io urn:email:5@x.io | urn:user_id:2 urn:email:6@x.io | limit:user_id:1
            urn:device_id:1 urn:device_id:2             | urn:device_id:3 urn:device_id:4 |
            """)
    void checksLimitsPerType(String owned, String adding, String rule) {
        assertThat(limits.violation(urns(owned), urns(adding))).isEqualTo(Optional.ofNullable(rule));
    }

    @ParameterizedTest(name = "{0} anonymous ids break [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            99  |
            100 |
            101 | limit:anonymous_id:100
            """)
    void allowsAHundredAnonymousIds(int count, String rule) {
        List<String> owned = anonymousIds(count - 1);
        List<String> adding = List.of("urn:anonymous_id:" + count);

        assertThat(limits.violation(owned, adding)).isEqualTo(Optional.ofNullable(rule));
    }

    @ParameterizedTest(name = "a profile already over a lowered limit can still gain [{0}]: breaks [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            urn:anonymous_id:x |
            urn:email:c@x.io   | limit:email:1
            """)
    void judgesOnlyWhatIsGained(String adding, String rule) {
        AliasLimits lowered = new AliasLimits(Map.of("email", 1));

        assertThat(lowered.violation(urns("urn:email:a@x.io urn:email:b@x.io"), urns(adding)))
                .isEqualTo(Optional.ofNullable(rule));
    }

    @ParameterizedTest(name = "{0} device ids under limit {1} break [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
            3 | 3 |
            4 | 3 | limit:device_id:3
            """)
    void takesLimitsFromConfiguration(int count, int max, String rule) {
        AliasLimits configured = new AliasLimits(Map.of("device_id", max));
        List<String> adding = IntStream.rangeClosed(1, count).mapToObj(i -> "urn:device_id:" + i).toList();

        assertThat(configured.violation(List.of(), adding)).isEqualTo(Optional.ofNullable(rule));
    }

    private static List<String> urns(String spaceSeparated) {
        return spaceSeparated == null ? List.of() : Arrays.asList(spaceSeparated.trim().split("\\s+"));
    }

    private static List<String> anonymousIds(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "urn:anonymous_id:" + i).toList();
    }
}
