package io.tributary.app.privacy;

import io.tributary.api.source.SourceRetentionSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Keeps each source's retention in {@code source_privacy}, in the unit of work that records it (subscribing). */
@Component
@ProcessingGroup(SourcePrivacy.RETENTION_SETTINGS)
class SourceRetentionSettings {

    private final SourcePrivacy privacy;

    SourceRetentionSettings(SourcePrivacy privacy) {
        this.privacy = privacy;
    }

    @EventHandler
    void on(SourceRetentionSet event) {
        privacy.retain(event.sourceId(), event.retentionMonths());
    }
}
