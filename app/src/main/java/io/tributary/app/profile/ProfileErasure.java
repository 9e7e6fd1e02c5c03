package io.tributary.app.profile;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.tributary.api.profile.EraseProfiles;
import io.tributary.api.profile.ProfileView;
import io.tributary.app.privacy.DataKeys;
import io.tributary.app.privacy.ReadModelScrub;
import io.tributary.app.privacy.RejectedPayloadKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Erases a person, in this order: the command side forgets and suppresses their aliases and records
 * {@code ProfileErased} for each of their profiles; the keys of rejected payloads that quote their personal aliases
 * are deleted; their data keys are deleted (from then on every personal field
 * of their stored events reads as {@code [erased]}); their profiles leave the aggregate cache and the snapshot store,
 * which hold decrypted state. Then, in the background, one at a time: every read model is rebuilt from the events
 * (so none keeps a clear value), and the store's files are compacted (so no replaced page keeps one).
 */
@Component
public class ProfileErasure {

    private static final Logger log = LoggerFactory.getLogger(ProfileErasure.class);

    private final CommandGateway commands;
    private final DataKeys dataKeys;
    private final Cache aggregateCache;
    private final MongoDatabase database;
    private final ReadModelScrub scrub;
    private final RejectedPayloadKeys rejectedPayloads;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, ErasureStatus> statuses = new ConcurrentHashMap<>();

    ProfileErasure(CommandGateway commands, DataKeys dataKeys, @Qualifier("aggregateCache") Cache aggregateCache,
                   MongoDatabase database, ReadModelScrub scrub, RejectedPayloadKeys rejectedPayloads) {
        this.commands = commands;
        this.dataKeys = dataKeys;
        this.aggregateCache = aggregateCache;
        this.database = database;
        this.scrub = scrub;
        this.rejectedPayloads = rejectedPayloads;
    }

    /** Erases the profile (already resolved to its survivor) and every profile merged into it. */
    ErasureStatus erase(ProfileView profile, String reason) {
        List<String> profileIds = new ArrayList<>();
        profileIds.add(profile.profileId());
        profile.mergedProfileIds().stream().filter(id -> !profileIds.contains(id)).forEach(profileIds::add);
        Instant at = clock.instant();
        commands.sendAndWait(new EraseProfiles(profileIds, reason, at));
        int rejected = rejectedPayloads.eraseQuotingAliases(profile.aliases());
        dataKeys.delete(profileIds);
        profileIds.forEach(aggregateCache::remove);
        database.getCollection("snapshot_events").deleteMany(Filters.in("_id", profileIds));
        ErasureStatus status = new ErasureStatus(profile.profileId(), profileIds, at, ErasureStatus.CLEANING, null);
        statuses.put(profile.profileId(), status);
        log.info("Erased profile {} and {} merged into it, and {} rejected payload(s) quoting them; rebuilding the "
                + "read models", profile.profileId(), profileIds.size() - 1, rejected);
        scrub.submit(() -> cleanUp(status));
        return status;
    }

    /** The last erasure of that profile, or null. */
    ErasureStatus status(String profileId) {
        return statuses.get(profileId);
    }

    private void cleanUp(ErasureStatus status) {
        try {
            scrub.rebuildAndCompact();
            statuses.put(status.profileId(), status.done(clock.instant()));
            log.info("Erasure of profile {}: read models rebuilt and the store compacted", status.profileId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Erasure of profile {}: cleaning the read models failed: {}", status.profileId(), e.toString());
            statuses.put(status.profileId(), status.failed());
        }
    }
}
