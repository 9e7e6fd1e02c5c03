package io.tributary.api.session;

/**
 * The channel classification of a landing: what a session started by it is attributed to.
 *
 * @param key          null when the landing carries no traffic source (no campaign parameters, click ids or
 *                     external referrer); otherwise a value that differs between traffic sources
 * @param rulesVersion the version of the channel rules that classified it (0: the built-in rules alone)
 */
public record TrafficSource(String key, String channelGroup, String channel, String campaign, String adSet,
                            String ad, String landingUrl, String referrer, long rulesVersion) {

    /** A classification by the built-in rules alone (version 0). */
    public TrafficSource(String key, String channelGroup, String channel, String campaign, String adSet, String ad,
                         String landingUrl, String referrer) {
        this(key, channelGroup, channel, campaign, adSet, ad, landingUrl, referrer, 0);
    }

    public boolean isPresent() {
        return key != null;
    }
}
