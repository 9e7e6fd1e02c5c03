package io.tributary.app.segment;

import java.util.regex.Pattern;

/**
 * The alias that an {@code alias} call's {@code previousId} becomes. Segment leaves its kind open, so:
 * <ul>
 * <li>the message's own {@code anonymousId}, or a UUID (what analytics.js, RudderStack and the mobile SDKs
 * generate as anonymous ids), is an {@code anonymous_id};</li>
 * <li>anything else is an earlier {@code user_id}, and stays under the user_id limit: with the default limit of
 * one, two user ids are never merged into one profile.</li>
 * </ul>
 */
final class PreviousId {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PreviousId() {
    }

    static String aliasType(String previousId, String anonymousId) {
        return previousId.equals(anonymousId) || UUID.matcher(previousId).matches() ? "anonymous_id" : "user_id";
    }
}
