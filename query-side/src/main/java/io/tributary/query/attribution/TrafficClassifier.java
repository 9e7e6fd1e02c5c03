package io.tributary.query.attribution;

import io.tributary.api.session.TrafficSource;

/**
 * Classifies a landing URL and referrer into a channel, with the same rules as sessions. The query side does not
 * own those rules: the application hands them in.
 */
@FunctionalInterface
public interface TrafficClassifier {

    TrafficSource classify(String landingUrl, String referrer);
}
