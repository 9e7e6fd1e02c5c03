package io.tributary.app.channel;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.channel.ChannelRuleCheck;
import io.tributary.api.ingestion.FieldError;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads {@code tributary.channels.rules-file}: JSON, or YAML when it ends in .yml / .yaml, as {@code {"rules": [...]}}. */
final class ChannelRulesFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ChannelRulesFile() {
    }

    static ChannelRulesBody read(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        ChannelRulesBody body;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Object tree = name.endsWith(".yml") || name.endsWith(".yaml")
                    ? new Yaml(new SafeConstructor(new LoaderOptions())).load(reader)
                    : JSON.readValue(reader, Object.class);
            body = JSON.convertValue(tree, ChannelRulesBody.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read tributary.channels.rules-file " + path + ": " + e.getMessage(), e);
        }
        List<FieldError> problems = ChannelRuleCheck.problems("rules", body == null ? null : body.rules());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("tributary.channels.rules-file " + path + " is invalid: " + problems.stream()
                    .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        }
        return body;
    }
}
