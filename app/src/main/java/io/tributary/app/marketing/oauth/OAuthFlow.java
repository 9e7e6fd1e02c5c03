package io.tributary.app.marketing.oauth;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.app.marketing.MarketingProperties.OAuthApp;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** One platform's authorization-code flow: where to send the user, how to redeem the code, which accounts it sees. */
interface OAuthFlow {

    AdPlatform platform();

    URI authorizeUri(OAuthApp app, String redirectUri, String state);

    /** The code in the platform's redirect back, or null. */
    default String code(Map<String, String> callback) {
        return callback.get("code");
    }

    /** Redeems the code; answers the credentials a source of this platform keeps (sealed), as its connector reads them. */
    Map<String, String> exchange(OAuthApp app, String code, String redirectUri);

    List<AdAccount> accounts(OAuthApp app, Map<String, String> credentials);
}
