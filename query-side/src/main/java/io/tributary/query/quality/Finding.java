package io.tributary.query.quality;

/** One problem of one tracked event: which property (a path such as {@code items[].price}), what, and why. */
public record Finding(String property, WarningKind kind, String detail) {
}
