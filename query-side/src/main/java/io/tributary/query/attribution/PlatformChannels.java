package io.tributary.query.attribution;

import io.tributary.api.marketing.AdPlatform;
import java.util.Arrays;
import java.util.Optional;

/** First-party channels that are ad platforms: Meta Ads is meta, Google Ads is google, TikTok Ads is tiktok. */
public final class PlatformChannels {

    private PlatformChannels() {
    }

    public static Optional<AdPlatform> platformOf(String channel) {
        return Arrays.stream(AdPlatform.values()).filter(p -> channelOf(p).equalsIgnoreCase(channel == null ? "" : channel.trim()))
                .findFirst();
    }

    public static String channelOf(AdPlatform platform) {
        return switch (platform.wireName()) {
            case "meta" -> "Meta Ads";
            case "google" -> "Google Ads";
            case "tiktok" -> "TikTok Ads";
            default -> capitalised(platform.wireName()) + " Ads";
        };
    }

    public static String channelGroupOf(AdPlatform platform) {
        return platform.wireName().equals("google") ? "Paid Search" : "Paid Social";
    }

    private static String capitalised(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
