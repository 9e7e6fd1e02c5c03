package io.tributary.api.profile;

public sealed interface ProfileCommand
        permits CreateProfile, LinkAlias, BlockAlias, MergeProfiles, MarkProfileMerged, UpdateProfileProperties,
        RecordEvent, DiscardDuplicate {
    String profileId();
}
