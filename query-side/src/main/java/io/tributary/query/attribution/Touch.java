package io.tributary.query.attribution;

import java.util.Locale;

/** What credit is given to: a channel group and channel, with the campaign, ad set and ad values of the landing. */
public record Touch(String channelGroup, String channel, String campaign, String adSet, String ad) {

    public static final String NO_VALUE_LABEL = "(no value)";
    public static final String NO_PAID_TOUCHPOINT_LABEL = "(no paid touchpoint)";
    /** A conversion without touchpoint or metadata. */
    public static final Touch NO_VALUE = new Touch(NO_VALUE_LABEL, NO_VALUE_LABEL, null, null, null);
    /** A paid-only model's target when the path has no paid touchpoint. */
    public static final Touch NO_PAID_TOUCHPOINT = new Touch(NO_PAID_TOUCHPOINT_LABEL, NO_PAID_TOUCHPOINT_LABEL,
            null, null, null);

    private static final String DIRECT = "direct";
    private static final String PAID_PREFIX = "paid";

    public boolean isDirect() {
        return channelGroup != null && channelGroup.trim().toLowerCase(Locale.ROOT).equals(DIRECT);
    }

    /** Paid Search, Paid Social, Paid Other … */
    public boolean isPaid() {
        return channelGroup != null && channelGroup.trim().toLowerCase(Locale.ROOT).startsWith(PAID_PREFIX);
    }
}
