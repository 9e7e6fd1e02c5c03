package io.tributary.command.ingestion;

import io.tributary.api.profile.EraseProfiles;
import io.tributary.api.profile.ProfileErased;
import io.tributary.command.profile.ProfileState;
import io.tributary.command.profile.Profiles;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.stereotype.Component;

/**
 * Erases a person on the command side: their aliases leave the ownership lookup and are suppressed (by keyed
 * hash), and each of their profiles gets a {@link ProfileErased}. Deleting the data keys, which makes the stored
 * personal fields unreadable, is the caller's next step, once this is stored.
 */
@Component
class ErasureHandler {

    private final Profiles profiles;
    private final AliasIndex aliasIndex;
    private final Suppressions suppressions;
    private final EventBus eventBus;

    ErasureHandler(Profiles profiles, AliasIndex aliasIndex, Suppressions suppressions, EventBus eventBus) {
        this.profiles = profiles;
        this.aliasIndex = aliasIndex;
        this.suppressions = suppressions;
        this.eventBus = eventBus;
    }

    @CommandHandler
    void handle(EraseProfiles command) {
        String survivorId = command.profileIds().get(0);
        Set<String> aliases = new LinkedHashSet<>();
        for (String profileId : command.profileIds()) {
            ProfileState state = profiles.state(profileId);
            aliases.addAll(state.aliases());
        }
        List<String> known = aliases.stream().filter(alias -> !alias.endsWith(":[erased]")).toList();
        aliasIndex.forget(known);
        suppressions.suppress(known, command.requestedAt());
        command.profileIds().forEach(profileId -> eventBus.publish(GenericEventMessage.asEventMessage(
                new ProfileErased(profileId, survivorId, command.requestedAt(), command.reason()))));
    }
}
