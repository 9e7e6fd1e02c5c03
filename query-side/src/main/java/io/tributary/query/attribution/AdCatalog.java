package io.tributary.query.attribution;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricRow;
import io.tributary.query.attribution.AdEntity.Level;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Joins first-party values to ad-platform entities. A session whose channel is an ad platform's matches that
 * platform's campaign by id first (exact, then case-insensitive), then by name (case-insensitive); values are
 * trimmed. The same goes for the ad set and the ad. An ad or ad set that matched fills in its parents when they
 * did not match themselves. When two entities share a name, the one with the smallest id wins.
 */
public final class AdCatalog {

    private final Map<AdPlatform, Map<Level, Index>> indexes = new EnumMap<>(AdPlatform.class);
    private final Map<Touch, ReportDims> resolved = new HashMap<>();

    public AdCatalog(Collection<AdEntity> entities) {
        entities.stream().sorted(Comparator.comparing(AdEntity::id)).forEach(entity -> indexes
                .computeIfAbsent(entity.platform(), p -> new EnumMap<>(Level.class))
                .computeIfAbsent(entity.level(), l -> new Index()).add(entity));
    }

    /** The dims of a first-party touch, matched to ad entities where its channel is an ad platform's. */
    public ReportDims resolve(Touch touch) {
        return resolved.computeIfAbsent(touch, this::match);
    }

    private ReportDims match(Touch touch) {
        Optional<AdPlatform> platform = PlatformChannels.platformOf(touch.channel());
        if (platform.isEmpty()) {
            return new ReportDims(touch.channelGroup(), touch.channel(), null, trimmed(touch.campaign()), null,
                    trimmed(touch.adSet()), null, trimmed(touch.ad()), null);
        }
        AdPlatform p = platform.get();
        AdEntity ad = find(p, Level.AD, touch.ad());
        AdEntity adSet = find(p, Level.AD_SET, touch.adSet());
        AdEntity campaign = find(p, Level.CAMPAIGN, touch.campaign());
        String adSetId = adSet != null ? adSet.id() : ad == null ? null : ad.adSetId();
        String campaignId = campaign != null ? campaign.id()
                : adSet != null ? adSet.campaignId() : ad == null ? null : ad.campaignId();
        return new ReportDims(touch.channelGroup(), touch.channel(), p,
                campaignId == null ? trimmed(touch.campaign()) : nameOf(p, Level.CAMPAIGN, campaignId, null), campaignId,
                adSetId == null ? trimmed(touch.adSet()) : nameOf(p, Level.AD_SET, adSetId, null), adSetId,
                ad == null ? trimmed(touch.ad()) : nameOf(p, Level.AD, ad.id(), null), ad == null ? null : ad.id());
    }

    /** The dims of an ad-platform row: its platform's channel, and its entities by id with their catalog names. */
    public ReportDims dimsOf(MetricRow row) {
        AdPlatform p = row.platform();
        String adSetId = trimmed(row.adSetId());
        String adId = trimmed(row.adId());
        String campaignId = trimmed(row.campaignId());
        return new ReportDims(PlatformChannels.channelGroupOf(p), PlatformChannels.channelOf(p), p,
                campaignId == null ? trimmed(row.campaignName()) : nameOf(p, Level.CAMPAIGN, campaignId, row.campaignName()),
                campaignId,
                adSetId == null ? trimmed(row.adSetName()) : nameOf(p, Level.AD_SET, adSetId, row.adSetName()), adSetId,
                adId == null ? trimmed(row.adName()) : nameOf(p, Level.AD, adId, row.adName()), adId);
    }

    private AdEntity find(AdPlatform platform, Level level, String value) {
        String wanted = trimmed(value);
        Index index = index(platform, level);
        return wanted == null || index == null ? null : index.find(wanted);
    }

    private String nameOf(AdPlatform platform, Level level, String id, String fallback) {
        Index index = index(platform, level);
        AdEntity entity = index == null ? null : index.byId.get(id);
        String name = entity != null && entity.name() != null ? entity.name() : trimmed(fallback);
        return name == null ? id : name;
    }

    private Index index(AdPlatform platform, Level level) {
        return indexes.getOrDefault(platform, Map.of()).get(level);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String lower(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static final class Index {
        private final Map<String, AdEntity> byId = new HashMap<>();
        private final Map<String, AdEntity> byLowerId = new HashMap<>();
        private final Map<String, AdEntity> byLowerName = new HashMap<>();

        void add(AdEntity entity) {
            byId.putIfAbsent(entity.id(), entity);
            byLowerId.putIfAbsent(lower(entity.id()), entity);
            if (entity.name() != null && !entity.name().isBlank()) {
                byLowerName.putIfAbsent(lower(entity.name()), entity);
            }
        }

        AdEntity find(String value) {
            AdEntity exact = byId.get(value);
            if (exact != null) {
                return exact;
            }
            AdEntity byIdIgnoringCase = byLowerId.get(lower(value));
            return byIdIgnoringCase != null ? byIdIgnoringCase : byLowerName.get(lower(value));
        }
    }
}
