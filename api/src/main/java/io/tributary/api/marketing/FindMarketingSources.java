package io.tributary.api.marketing;

public record FindMarketingSources() {
}
