package io.tributary.api.intake;

/** Reads one raw alias into its normalised form, or the reason it is invalid (the configured alias rules). */
@FunctionalInterface
public interface AliasParser {

    ParsedAlias parse(String raw);
}
