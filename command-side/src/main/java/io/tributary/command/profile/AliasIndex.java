package io.tributary.command.profile;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;

/**
 * Which profile owns each alias: the set-based check of identity stitching. Claimed atomically (a unique
 * {@code _id} per alias) by the command side only, so two events carrying the same new alias cannot create
 * two owners, even on two nodes. Never read by queries.
 */
public class AliasIndex {

    private static final String PROFILE_ID = "profileId";

    private final MongoCollection<Document> owners;

    public AliasIndex(MongoDatabase database) {
        this.owners = database.getCollection("alias_owners");
    }

    public Map<String, String> owners(Collection<String> aliases) {
        Map<String, String> found = new HashMap<>();
        if (!aliases.isEmpty()) {
            owners.find(Filters.in("_id", aliases)).forEach(d -> found.put(d.getString("_id"), d.getString(PROFILE_ID)));
        }
        return found;
    }

    /** True when the alias is now the profile's; false when another profile already holds it. */
    public boolean claim(String alias, String profileId) {
        try {
            owners.insertOne(new Document("_id", alias).append(PROFILE_ID, profileId));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public void release(String alias, String profileId) {
        owners.deleteOne(Filters.and(Filters.eq("_id", alias), Filters.eq(PROFILE_ID, profileId)));
    }

    public void reassign(Collection<String> aliases, String profileId) {
        if (!aliases.isEmpty()) {
            owners.updateMany(Filters.in("_id", aliases), Updates.set(PROFILE_ID, profileId));
        }
    }
}
