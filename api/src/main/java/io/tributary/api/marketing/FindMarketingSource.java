package io.tributary.api.marketing;

public record FindMarketingSource(String marketingSourceId) {
}
