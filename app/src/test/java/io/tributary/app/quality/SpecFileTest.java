package io.tributary.app.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.app.config.TributaryProperties;
import io.tributary.query.quality.QualitySettings;
import io.tributary.query.quality.ValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shop's spec file at tributary.quality.spec-path, in YAML or JSON, laid over the built-in spec. */
class SpecFileTest {

    private static final TributaryProperties DEFAULTS = new TributaryProperties(null, null, null, null, null, null, null, null, null);

    @TempDir
    Path directory;

    @Test
    void extendsTheBuiltInSpecWithAYamlFile() throws IOException {
        Path file = Files.writeString(directory.resolve("spec.yaml"), """
                anonymousAliasTypes: [cvg_uid]
                events:
                  Placed Order:
                    properties:
                      $is_new_customer: { type: boolean, required: true }
                  Started Subscription:
                    aliasTypes: [email]
                """);

        QualitySettings settings = settings(file);

        assertThat(settings.spec().rule("Placed Order").properties()).containsKeys("currency", "$is_new_customer");
        assertThat(settings.spec().rule("Placed Order").properties().get("$is_new_customer").type()).isEqualTo(ValueType.BOOLEAN);
        assertThat(settings.spec().rule("Started Subscription").aliasTypes()).containsExactly("email");
        assertThat(settings.spec().anonymousAliasTypes()).contains("anonymous_id", "cvg_uid");
        assertThat(settings.stitchingWindow()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void readsAJsonFileToo() throws IOException {
        Path file = Files.writeString(directory.resolve("spec.json"),
                "{\"events\":{\"Viewed Product\":{\"properties\":{\"price\":{\"type\":\"decimal\",\"required\":false}}}}}");

        assertThat(settings(file).spec().rule("Viewed Product").properties().get("price").required()).isFalse();
    }

    @Test
    void refusesToStartWithABrokenSpecNamingTheProblem() throws IOException {
        Path file = Files.writeString(directory.resolve("spec.yml"), """
                events:
                  Placed Order:
                    properties:
                      total_price: { type: money }
                """);

        assertThatThrownBy(() -> settings(file)).hasMessageContaining("events.Placed Order.properties.total_price.type");
        assertThatThrownBy(() -> settings(directory.resolve("missing.yaml"))).hasMessageContaining("cannot read tributary.quality.spec-path");
    }

    private static QualitySettings settings(Path file) {
        return new QualityConfig().qualitySettings(new QualityProperties(file, null, null, null), DEFAULTS);
    }
}
