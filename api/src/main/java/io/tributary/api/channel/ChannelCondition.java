package io.tributary.api.channel;

import java.util.Map;

/**
 * What a landing must show for a {@link ChannelRule} to match. Every condition given must hold (and), values are
 * compared case-insensitively, and at least one condition must be given.
 *
 * @param utmSource      the landing URL's utm_source
 * @param utmMedium      the landing URL's utm_medium
 * @param utmCampaign    the landing URL's utm_campaign
 * @param clickId        the name of a click id the landing URL carries, e.g. {@code gclid}; its value is ignored
 * @param referrerDomain the referrer's host, or any subdomain of it ({@code partner.com} matches
 *                       {@code blog.partner.com}); a referrer on the shop's own host never matches
 * @param landingParams  query parameters of the landing URL, by name; the value {@code *} means "present"
 */
public record ChannelCondition(String utmSource, String utmMedium, String utmCampaign, String clickId,
                               String referrerDomain, Map<String, String> landingParams) {

    public ChannelCondition {
        landingParams = landingParams == null ? Map.of() : Map.copyOf(landingParams);
    }

    public boolean givesNoCondition() {
        return utmSource == null && utmMedium == null && utmCampaign == null && clickId == null
                && referrerDomain == null && landingParams.isEmpty();
    }
}
