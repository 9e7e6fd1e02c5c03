package io.tributary.app.marketing.oauth;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.app.marketing.MarketingProperties;
import io.tributary.app.marketing.MarketingProperties.OAuthApp;
import io.tributary.app.marketing.MarketingSourceController;
import io.tributary.app.marketing.connector.MarketingConnection;
import io.tributary.app.marketing.connector.PlatformHttp;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Connect" for marketing sources: the OAuth 2 authorization-code flow of each platform whose app the operator
 * configured. {@link #start} answers where to send the browser; {@link #callback} checks the state, redeems the
 * code, and either replaces a source's credentials or keeps the tokens (sealed) while the user picks accounts;
 * {@link #connect} makes the picked accounts marketing sources. Tokens never leave this class but into
 * {@code marketing_connections}, sealed.
 */
public class MarketingOAuth {

    private final Map<AdPlatform, OAuthFlow> flows = new EnumMap<>(AdPlatform.class);
    private final MarketingProperties.OAuth settings;
    private final OAuthStates states;
    private final OAuthGrants grants;
    private final MarketingSourceController sources;

    MarketingOAuth(List<OAuthFlow> flows, MarketingProperties.OAuth settings, OAuthStates states, OAuthGrants grants,
                   MarketingSourceController sources) {
        flows.forEach(flow -> this.flows.put(flow.platform(), flow));
        this.settings = settings;
        this.states = states;
        this.grants = grants;
        this.sources = sources;
    }

    public static MarketingOAuth create(PlatformHttp http, MarketingProperties.OAuth settings,
                                        com.mongodb.client.MongoDatabase database,
                                        io.tributary.api.secret.SecretBox box, MarketingSourceController sources,
                                        Clock clock) {
        return new MarketingOAuth(List.of(new MetaOAuth(http), new GoogleOAuth(http, clock), new TikTokOAuth(http)),
                settings, new OAuthStates(database, settings.stateLifetime(), clock),
                new OAuthGrants(database, box, settings.stateLifetime(), clock), sources);
    }

    /** What a callback led to: accounts to pick from (with the grant that holds the tokens), or a replacement. */
    public record Callback(String grantId, AdPlatform platform, List<AdAccount> accounts, String replacedSourceId) {
    }

    public Set<AdPlatform> configuredPlatforms() {
        Set<AdPlatform> configured = new LinkedHashSet<>();
        for (AdPlatform platform : AdPlatform.values()) {
            if (isConfigured(platform)) {
                configured.add(platform);
            }
        }
        return configured;
    }

    public boolean isConfigured(AdPlatform platform) {
        return app(platform).isConfigured(platform == AdPlatform.GOOGLE);
    }

    /** The platform's authorize URL with a fresh state bound to this session. */
    public URI start(AdPlatform platform, String session, String replaceSourceId, String baseUrl) {
        requireConfigured(platform);
        if (replaceSourceId != null) {
            MarketingConnection connection = sources.connection(replaceSourceId)
                    .orElseThrow(() -> new OAuthFailure("There is no marketing source " + replaceSourceId + "."));
            if (connection.platform() != platform) {
                throw new OAuthFailure("That source is not a " + label(platform) + " source.");
            }
        }
        String state = states.issue(platform, session, replaceSourceId);
        return flows.get(platform).authorizeUri(app(platform), redirectUri(platform, baseUrl), state);
    }

    public Callback callback(AdPlatform platform, Map<String, String> parameters, String session, String baseUrl) {
        requireConfigured(platform);
        OAuthStates.Pending pending = states.consume(parameters.get("state"), platform, session)
                .orElseThrow(() -> new OAuthFailure("This connect link is unknown, expired or already used: start "
                        + "again with Connect."));
        if (parameters.get("error") != null) {
            throw new OAuthFailure(label(platform) + " did not grant access (" + parameters.get("error") + ").");
        }
        OAuthFlow flow = flows.get(platform);
        String code = flow.code(parameters);
        if (code == null || code.isBlank()) {
            throw new OAuthFailure(label(platform) + " sent no authorization code.");
        }
        OAuthApp app = app(platform);
        Map<String, String> credentials = OAuthAnswers.calling(label(platform),
                () -> flow.exchange(app, code, redirectUri(platform, baseUrl)));
        List<AdAccount> accounts = OAuthAnswers.calling(label(platform), () -> flow.accounts(app, credentials));
        if (pending.replaceSourceId() != null) {
            return replace(platform, pending.replaceSourceId(), credentials, accounts);
        }
        if (accounts.isEmpty()) {
            throw new OAuthFailure("The " + label(platform) + " login that was granted sees no ad accounts.");
        }
        return new Callback(grants.save(platform, session, credentials, accounts), platform, accounts, null);
    }

    /** Makes each picked account a source; answers the new sources' ids. */
    public List<String> connect(String grantId, String session, List<String> accountIds) {
        OAuthGrants.Grant grant = grants.find(grantId, session)
                .orElseThrow(() -> new OAuthFailure("This list of accounts has expired or was used: connect again."));
        if (accountIds == null || accountIds.isEmpty()) {
            throw new OAuthFailure("Pick at least one ad account.");
        }
        List<String> created = new ArrayList<>();
        for (AdAccount account : grant.accounts()) {
            if (accountIds.contains(account.id())) {
                created.add(sources.createConnected(grant.platform(), name(grant.platform(), account), account.id(),
                        account.currency(), options(grant.platform()), grant.credentials()));
            }
        }
        if (created.isEmpty()) {
            throw new OAuthFailure("None of the picked accounts was offered: pick from the list.");
        }
        grants.delete(grantId);
        return created;
    }

    /** The accounts of a grant still being picked from, for showing the list again. */
    public List<AdAccount> accounts(String grantId, String session) {
        return grants.find(grantId, session).map(OAuthGrants.Grant::accounts).orElse(List.of());
    }

    public static String label(AdPlatform platform) {
        return switch (platform) {
            case META -> "Meta";
            case GOOGLE -> "Google Ads";
            case TIKTOK -> "TikTok";
        };
    }

    private Callback replace(AdPlatform platform, String sourceId, Map<String, String> credentials,
                             List<AdAccount> accounts) {
        MarketingConnection connection = sources.connection(sourceId)
                .orElseThrow(() -> new OAuthFailure("There is no marketing source " + sourceId + " any more."));
        if (accounts.stream().noneMatch(account -> account.id().equals(connection.accountId()))) {
            throw new OAuthFailure("The " + label(platform) + " login that was granted does not see account "
                    + connection.accountId() + ": its credentials were left as they were.");
        }
        sources.replaceConnectedCredentials(sourceId, credentials);
        return new Callback(null, platform, accounts, sourceId);
    }

    private Map<String, String> options(AdPlatform platform) {
        return platform == AdPlatform.GOOGLE ? Map.of("tokenUrl", settings.google().tokenUrl()) : Map.of();
    }

    private static String name(AdPlatform platform, AdAccount account) {
        String name = account.name() == null || account.name().isBlank() ? label(platform) + " " + account.id()
                : account.name().trim();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private String redirectUri(AdPlatform platform, String baseUrl) {
        String base = settings.publicUrl() != null ? settings.publicUrl() : baseUrl.replaceAll("/+$", "");
        return base + "/dashboard/marketing/oauth/" + platform.wireName() + "/callback";
    }

    private void requireConfigured(AdPlatform platform) {
        if (!isConfigured(platform)) {
            throw new OAuthFailure("No " + label(platform) + " app is configured: enter the tokens by hand, or set "
                    + "tributary.marketing.oauth." + platform.wireName() + ".client-id and client-secret"
                    + (platform == AdPlatform.GOOGLE ? " and developer-token" : "") + ".");
        }
    }

    private OAuthApp app(AdPlatform platform) {
        return switch (platform) {
            case META -> settings.meta();
            case GOOGLE -> settings.google();
            case TIKTOK -> settings.tiktok();
        };
    }
}
