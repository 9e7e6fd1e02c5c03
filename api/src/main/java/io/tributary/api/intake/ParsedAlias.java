package io.tributary.api.intake;

/**
 * The outcome of reading one raw alias. When {@code error} is set, only {@code raw} is filled in.
 *
 * @param urn     the normalised form, {@code urn:<type>:<value>}
 * @param blocked a placeholder value such as {@code null} or {@code 0}: a valid alias that never stitches
 */
public record ParsedAlias(String raw, String urn, String type, String value, String error, boolean blocked) {

    public static ParsedAlias invalid(String raw, String error) {
        return new ParsedAlias(raw, null, null, null, error, false);
    }

    public boolean isValid() {
        return error == null;
    }

    public boolean canStitch() {
        return isValid() && !blocked;
    }
}
