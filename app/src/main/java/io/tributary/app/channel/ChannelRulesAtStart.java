package io.tributary.app.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records the rules file's set when it differs from the rules in force (the file wins at every start). */
@Component
class ChannelRulesAtStart {

    private static final Logger log = LoggerFactory.getLogger(ChannelRulesAtStart.class);

    private final ChannelProperties properties;
    private final ChannelRuleBookClient ruleBook;

    ChannelRulesAtStart(ChannelProperties properties, ChannelRuleBookClient ruleBook) {
        this.properties = properties;
        this.ruleBook = ruleBook;
        if (properties.rulesFile() != null) {
            ChannelRulesFile.read(properties.rulesFile());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void recordRulesFile() {
        if (properties.rulesFile() != null) {
            var inForce = ruleBook.change(ChannelRulesFile.read(properties.rulesFile()).rules(), "settings");
            log.info("channel rules from {}: version {} in force, {} rules", properties.rulesFile(), inForce.version(),
                    inForce.rules().size());
        }
    }
}
