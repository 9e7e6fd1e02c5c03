package io.tributary.command.profile;

sealed interface ProfileCommand
        permits CreateProfile, LinkAlias, BlockAlias, MergeProfiles, MarkProfileMerged, UpdateProfileProperties,
        RecordEvent, DiscardDuplicate, SplitProfile, MarkProfileSplit {
    String profileId();
}
