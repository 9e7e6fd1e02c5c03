package io.tributary.api.profile;

/** @param rulesVersion the identity rules' version it was decided under; 0 in events older than the field */
public record AliasBlocked(String profileId, String alias, String rule, Evidence evidence, long rulesVersion) {

    public AliasBlocked(String profileId, String alias, String rule, Evidence evidence) {
        this(profileId, alias, rule, evidence, 0);
    }
}
