package io.tributary.app.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.tributary.app.config.TributaryProperties;
import io.tributary.query.quality.DataQualityProjection;
import io.tributary.query.quality.EventSpec;
import io.tributary.query.quality.QualitySettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The data-quality read model, with the built-in event spec extended by the shop's own file. */
@Configuration
public class QualityConfig {

    @Bean
    QualitySettings qualitySettings(QualityProperties quality, TributaryProperties properties) {
        EventSpec spec = EventSpec.builtIn();
        if (quality.specPath() != null) {
            spec = spec.extendedBy(read(quality.specPath()));
        }
        return new QualitySettings(spec, quality.lateAfter(), properties.sessions().stitchingWindow(),
                quality.silentAfter(), quality.stitchingThreshold());
    }

    @Bean
    DataQualityProjection dataQualityProjection(MongoDatabase database, QualitySettings settings) {
        return new DataQualityProjection(database, settings);
    }

    @Bean
    Clock qualityClock() {
        return Clock.systemUTC();
    }

    private static Map<?, ?> read(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Object tree = name.endsWith(".yml") || name.endsWith(".yaml")
                    ? new Yaml(new SafeConstructor(new LoaderOptions())).load(reader)
                    : new ObjectMapper().readValue(reader, Object.class);
            if (tree instanceof Map<?, ?> map) {
                return map;
            }
            throw new IllegalStateException("tributary.quality.spec-path " + path + " must hold an object with \"events\"");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read tributary.quality.spec-path " + path + ": " + e.getMessage(), e);
        }
    }
}
