package io.tributary.app.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.channel.ChannelCondition;
import io.tributary.api.channel.ChannelOutcome;
import io.tributary.api.channel.ChannelRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelRulesFileTest {

    private static final List<ChannelRule> EXPECTED = List.of(
            new ChannelRule("klaviyo", new ChannelCondition("klaviyo", null, null, null, null, null),
                    new ChannelOutcome("Email", "Klaviyo", null)),
            new ChannelRule("partner", new ChannelCondition(null, null, null, null, "partner.com", Map.of("ref", "*")),
                    new ChannelOutcome("Affiliates", "Partner Co", "deal")));

    @TempDir
    Path dir;

    @Test
    void readsYaml() throws IOException {
        Path file = write("rules.yaml", """
                rules:
                  - name: klaviyo
                    when: {utmSource: klaviyo}
                    then: {channelGroup: Email, channel: Klaviyo}
                  - name: partner
                    when: {referrerDomain: partner.com, landingParams: {ref: "*"}}
                    then: {channelGroup: Affiliates, channel: Partner Co, campaign: deal}
                """);

        assertThat(ChannelRulesFile.read(file).rules()).isEqualTo(EXPECTED);
    }

    @Test
    void readsJson() throws IOException {
        Path file = write("rules.json", """
                {"rules": [
                  {"name": "klaviyo", "when": {"utmSource": "klaviyo"}, "then": {"channelGroup": "Email", "channel": "Klaviyo"}},
                  {"name": "partner", "when": {"referrerDomain": "partner.com", "landingParams": {"ref": "*"}},
                   "then": {"channelGroup": "Affiliates", "channel": "Partner Co", "campaign": "deal"}}]}
                """);

        assertThat(ChannelRulesFile.read(file).rules()).isEqualTo(EXPECTED);
    }

    @Test
    void refusesAnInvalidFileNamingEveryProblem() throws IOException {
        Path file = write("rules.yml", """
                rules:
                  - when: {}
                    then: {channel: X}
                """);

        assertThatThrownBy(() -> ChannelRulesFile.read(file)).hasMessageContaining("rules[0].when")
                .hasMessageContaining("rules[0].then.channelGroup");
    }

    @Test
    void refusesAnUnknownField() throws IOException {
        Path file = write("rules.json", "{\"rules\": [{\"when\": {\"utm_source\": \"x\"}, \"then\": {}}]}");

        assertThatThrownBy(() -> ChannelRulesFile.read(file)).hasMessageContaining("utm_source");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
