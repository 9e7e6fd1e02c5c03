package io.tributary.query.identity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.tributary.api.identity.AliasQuarantineLifted;
import io.tributary.api.identity.AliasQuarantined;
import io.tributary.api.identity.FindQuarantinedAliases;
import io.tributary.api.identity.QuarantinedAliasView;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

/** The quarantined aliases as listed to operators: one document per alias ({@code _id}), oldest first. */
@ProcessingGroup("quarantine")
public class QuarantineProjection {

    private final MongoCollection<Document> quarantined;

    public QuarantineProjection(MongoDatabase database) {
        this.quarantined = database.getCollection("quarantine_view");
    }

    @EventHandler
    public void on(AliasQuarantined event) {
        quarantined.replaceOne(Filters.eq("_id", event.alias()), new Document("_id", event.alias())
                .append("reason", event.reason()).append("operator", event.operator())
                .append("at", Date.from(event.at())), new ReplaceOptions().upsert(true));
    }

    @EventHandler
    public void on(AliasQuarantineLifted event) {
        quarantined.deleteOne(Filters.eq("_id", event.alias()));
    }

    @ResetHandler
    public void reset() {
        quarantined.deleteMany(new Document());
    }

    @QueryHandler
    public List<QuarantinedAliasView> handle(FindQuarantinedAliases query) {
        List<QuarantinedAliasView> all = new ArrayList<>();
        quarantined.find().sort(new Document("at", 1).append("_id", 1)).forEach(d -> all.add(new QuarantinedAliasView(
                d.getString("_id"), d.getString("reason"), d.getString("operator"), d.getDate("at").toInstant())));
        return all;
    }
}
