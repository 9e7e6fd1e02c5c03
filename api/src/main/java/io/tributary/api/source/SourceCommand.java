package io.tributary.api.source;

public sealed interface SourceCommand permits CreateSource, RenameSource, DisableSource, EnableSource, RotateSourceToken,
        CreateCommerceSource, RotateSigningSecret, SetSourceRetention, ApplyRetention {
    String sourceId();
}
