package io.tributary.app.config;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.channel.ChannelClassifier;
import io.tributary.api.intake.AliasTypes;
import io.tributary.api.intake.IntakeDirectory;
import io.tributary.api.intake.TimestampBounds;
import io.tributary.api.rules.IdentityReplayer;
import io.tributary.api.rules.IdentityRuleSet;
import io.tributary.api.rules.RecordIdentityRuleSet;
import io.tributary.api.secret.SecretBox;
import io.tributary.app.cluster.ConflictRetry;
import io.tributary.app.privacy.PrivacyProperties;
import io.tributary.command.channel.ChannelRulesInForce;
import io.tributary.command.channel.ChannelRulesPort;
import io.tributary.command.ingestion.AliasIndex;
import io.tributary.command.ingestion.AliasRules;
import io.tributary.command.ingestion.DedupIndex;
import io.tributary.command.ingestion.DedupPolicy;
import io.tributary.command.ingestion.DeliveryIndex;
import io.tributary.command.ingestion.IntakeLookups;
import io.tributary.command.ingestion.QuarantineList;
import io.tributary.command.ingestion.Suppressions;
import io.tributary.command.profile.AliasLimits;
import io.tributary.command.replay.StitchingReplayer;
import io.tributary.command.rules.IdentityRulesStore;
import io.tributary.command.rules.IdentityRulesVersion;
import io.tributary.command.session.ChannelCatalog;
import io.tributary.command.session.ChannelRules;
import io.tributary.command.session.SessionPolicy;
import io.tributary.command.source.SourceSecrets;
import io.tributary.command.source.SourceTokenIndex;
import io.tributary.command.support.CommitProof;
import io.tributary.command.support.UnconfirmedClaims;
import io.tributary.eventstore.SequencedMongoEventStorageEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The command side's wiring: its policies from typed settings, its set-based lookups, and the ingestion port
 * ({@link IntakeDirectory}) that the rest of the app reads through. The only class of the app that names a
 * command-side type.
 */
@Configuration
public class PolicyConfig {

    /**
     * The blocked values of the identity rules in force (an applied dry-run's), those of the settings until the rules
     * are recorded at start.
     */
    @Bean
    AliasRules aliasRules(TributaryProperties properties, QuarantineList quarantine, IdentityRulesVersion rules) {
        List<String> settings = properties.identity().blockedAliasValues();
        return new AliasRules(() -> rules.rules().map(IdentityRuleSet::blockedValues).orElse(settings), quarantine);
    }

    /** Dry-runs replay tracked events with the live stitching and session policies, under candidate rules. */
    @Bean
    IdentityReplayer identityReplayer(TributaryProperties properties, QuarantineList quarantine,
                                      IdentityRulesVersion rules, SessionPolicy sessionPolicy) {
        IdentityRuleSet settings = settingsRules(properties);
        return new StitchingReplayer(() -> rules.rules().orElse(settings), quarantine, sessionPolicy);
    }

    @Bean
    QuarantineList quarantineList(MongoDatabase database) {
        return new QuarantineList(database, Clock.systemUTC());
    }

    @Bean
    AliasLimits aliasLimits(TributaryProperties properties) {
        return new AliasLimits(properties.identity().aliasLimits());
    }

    @Bean
    DedupPolicy dedupPolicy(TributaryProperties properties) {
        return new DedupPolicy(properties.dedup().window(), new HashSet<>(properties.dedup().neverExpire()));
    }

    @Bean
    SessionPolicy sessionPolicy(TributaryProperties properties) {
        return new SessionPolicy(properties.sessions().inactivityTimeout(), properties.sessions().stitchingWindow());
    }

    @Bean
    ChannelRulesInForce channelRulesInForce(MongoDatabase database) {
        return new ChannelRulesInForce(database, Clock.systemUTC());
    }

    /** The built-in rules after the custom rules in force ({@code PUT /api/channel-rules}, the rules file). */
    @Bean
    ChannelRules channelRules(ChannelRulesInForce inForce) {
        return new ChannelRules(ChannelCatalog.defaults(), inForce);
    }

    @Bean
    ChannelClassifier channelClassifier(ChannelRules rules, ChannelRulesInForce inForce) {
        return new ChannelRulesPort(rules, inForce);
    }

    @Bean
    IdentityRulesVersion identityRulesVersion(MongoDatabase database) {
        return new IdentityRulesVersion(new IdentityRulesStore(database), Clock.systemUTC());
    }

    /**
     * Records the identity rules from the settings as a new version when they differ from the last recorded settings;
     * decisions run under the rules the rule book keeps in force (these, or rules applied since while the settings are
     * unchanged) and name their version from then on (decisions taken before it, during start, name 0).
     */
    @EventListener(ApplicationReadyEvent.class)
    void recordIdentityRules(ApplicationReadyEvent ready) {
        IdentityRuleSet rules = settingsRules(ready.getApplicationContext().getBean(TributaryProperties.class));
        CommandGateway gateway = ready.getApplicationContext().getBean(CommandGateway.class);
        ConflictRetry.retrying("recording the identity rules", () -> gateway.sendAndWait(
                new RecordIdentityRuleSet(RecordIdentityRuleSet.RULE_BOOK_ID, rules, "settings")));
    }

    /** The alias priority is the built-in rank ({@code AliasTypes.RANKED}) until an applied dry-run changes it. */
    private static IdentityRuleSet settingsRules(TributaryProperties properties) {
        return new IdentityRuleSet(properties.identity().aliasLimits(), properties.identity().blockedAliasValues(),
                AliasTypes.RANKED, properties.sessions().inactivityTimeout());
    }

    /** Lets alias and dedup claims name their unit of work's first event, to tell committed ones from orphans. */
    @Bean
    static BeanPostProcessor proveCommits() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EventBus eventBus) {
                    eventBus.registerDispatchInterceptor(new CommitProof());
                }
                return bean;
            }
        };
    }

    /** Claims whose unit of work's events the store holds are kept; those left by a dead writer are taken back. */
    @Bean
    UnconfirmedClaims unconfirmedClaims(EventStorageEngine engine) {
        return new UnconfirmedClaims(((SequencedMongoEventStorageEngine) engine)::holdsEvent);
    }

    /** Aliases stored as keyed hashes; owners an older version stored in clear are hashed at start. */
    @Bean
    AliasIndex aliasIndex(MongoDatabase database, SecretBox secretBox, UnconfirmedClaims unconfirmed) {
        AliasIndex index = new AliasIndex(database, secretBox.keyedHash(), unconfirmed);
        index.hashStoredAliases();
        return index;
    }

    /** Dedup keys stored as keyed hashes; claims an older version stored in clear are hashed at start. */
    @Bean
    DedupIndex dedupIndex(MongoDatabase database, SecretBox secretBox, UnconfirmedClaims unconfirmed) {
        DedupIndex index = new DedupIndex(database, secretBox.keyedHash(), unconfirmed);
        index.hashStoredKeys();
        return index;
    }

    @Bean
    SourceTokenIndex sourceTokenIndex(MongoDatabase database) {
        return new SourceTokenIndex(database);
    }

    @Bean
    SourceSecrets sourceSecrets(MongoDatabase database, SecretBox secretBox) {
        return new SourceSecrets(database, secretBox);
    }

    /** @param retention {@code tributary.commerce.delivery-retention}, handed over by the commerce configuration */
    @Bean
    DeliveryIndex deliveryIndex(MongoDatabase database, @Qualifier("storeDeliveryRetention") Duration retention) {
        return new DeliveryIndex(database, retention);
    }

    /** Erased people's aliases, by keyed hash: later events with them are counted anonymously, or dropped. */
    @Bean
    Suppressions suppressions(MongoDatabase database, SecretBox secretBox, AliasRules aliasRules,
                              PrivacyProperties privacy) {
        return new Suppressions(database, secretBox.keyedHash(), aliasRules, privacy.personalProperties(),
                privacy.dropSuppressed());
    }

    @Bean
    IntakeDirectory intakeDirectory(SourceTokenIndex tokens, SourceSecrets secrets, DeliveryIndex deliveries,
                                    AliasRules aliasRules, ChannelRules channelRules, TributaryProperties properties,
                                    Suppressions suppressions) {
        return new IntakeLookups(tokens, secrets, deliveries, aliasRules, channelRules,
                new TimestampBounds(properties.intake().futureTolerance()), Clock.systemUTC(), suppressions);
    }
}
