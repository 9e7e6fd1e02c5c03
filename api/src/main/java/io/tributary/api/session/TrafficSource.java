package io.tributary.api.session;

/**
 * The channel classification of a landing: what a session started by it is attributed to.
 *
 * @param key null when the landing carries no traffic source (no campaign parameters, click ids or
 *            external referrer); otherwise a value that differs between traffic sources
 */
public record TrafficSource(String key, String channelGroup, String channel, String campaign, String adSet,
                            String ad, String landingUrl, String referrer) {

    public boolean isPresent() {
        return key != null;
    }
}
