package io.tributary.command.ingestion;

import io.tributary.api.intake.AliasParser;
import io.tributary.api.intake.CommerceCredentials;
import io.tributary.api.intake.IntakeDirectory;
import io.tributary.api.intake.SourceCredentials;
import io.tributary.api.intake.Suppression;
import io.tributary.api.intake.TimestampBounds;
import io.tributary.api.session.TrafficSource;
import io.tributary.command.session.ChannelRules;
import io.tributary.command.source.SourceSecrets;
import io.tributary.command.source.SourceTokenIndex;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The ingestion port, answered from the command side's lookups and rules. */
public class IntakeLookups implements IntakeDirectory {

    private final SourceTokenIndex tokens;
    private final SourceSecrets secrets;
    private final DeliveryIndex deliveries;
    private final AliasRules aliasRules;
    private final ChannelRules channelRules;
    private final TimestampBounds timestampBounds;
    private final Clock clock;
    private final Suppressions suppressions;

    public IntakeLookups(SourceTokenIndex tokens, SourceSecrets secrets, DeliveryIndex deliveries, AliasRules aliasRules,
                         ChannelRules channelRules, TimestampBounds timestampBounds, Clock clock,
                         Suppressions suppressions) {
        this.suppressions = suppressions;
        this.tokens = tokens;
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.aliasRules = aliasRules;
        this.channelRules = channelRules;
        this.timestampBounds = timestampBounds;
        this.clock = clock;
    }

    @Override
    public Optional<SourceCredentials> sourceByToken(String token) {
        return tokens.find(token);
    }

    @Override
    public Optional<CommerceCredentials> store(String sourceId) {
        return secrets.find(sourceId);
    }

    @Override
    public AliasParser aliases() {
        return aliasRules;
    }

    @Override
    public TimestampBounds timestampBounds() {
        return timestampBounds;
    }

    @Override
    public TrafficSource classifyTraffic(String landingUrl, String referrer) {
        return channelRules.classify(landingUrl, referrer);
    }

    @Override
    public boolean deliveryWasRejected(String sourceId, String deliveryId) {
        return deliveries.wasRejected(sourceId, deliveryId, clock.instant());
    }

    @Override
    public List<Suppression> suppressions() {
        return suppressions.list();
    }

    @Override
    public boolean liftSuppression(String aliasHash) {
        return suppressions.lift(aliasHash);
    }
}
