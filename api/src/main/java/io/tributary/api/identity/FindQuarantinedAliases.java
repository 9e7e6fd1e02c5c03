package io.tributary.api.identity;

public record FindQuarantinedAliases() {
}
