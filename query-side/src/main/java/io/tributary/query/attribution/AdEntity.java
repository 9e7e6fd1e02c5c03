package io.tributary.query.attribution;

import io.tributary.api.marketing.AdPlatform;

/**
 * A campaign, ad set or ad known from marketing metrics, with its latest name and its parents.
 *
 * @param campaignId the parent campaign of an ad set or ad (null for a campaign)
 * @param adSetId    the parent ad set of an ad (null otherwise)
 */
public record AdEntity(AdPlatform platform, Level level, String id, String name, String campaignId, String adSetId) {

    public enum Level { CAMPAIGN, AD_SET, AD }
}
