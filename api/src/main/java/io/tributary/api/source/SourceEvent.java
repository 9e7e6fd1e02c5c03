package io.tributary.api.source;

public sealed interface SourceEvent permits SourceCreated, SourceRenamed, SourceDisabled, SourceEnabled, SourceTokenRotated,
        CommerceStoreConnected, SigningSecretRotated, SourceRetentionSet, RetentionApplied {
    String sourceId();
}
