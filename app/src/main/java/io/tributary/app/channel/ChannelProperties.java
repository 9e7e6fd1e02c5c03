package io.tributary.app.channel;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Channel settings ({@code tributary.channels.*}).
 *
 * @param rulesFile custom channel rules (JSON or YAML, see docs/channels.md), recorded at start as a new version
 *                  when they differ from the rules in force; none by default
 */
@ConfigurationProperties("tributary.channels")
public record ChannelProperties(Path rulesFile) {
}
