package io.tributary.api.marketing;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param maskedCredentials credential names with masked values; the secrets themselves never travel in messages
 * @param importOnly        no credentials: the source only takes CSV imports
 * @param options           non-secret connector settings (apiVersion, purchaseActionType, tokenUrl …)
 */
public record CreateMarketingSource(@TargetAggregateIdentifier String marketingSourceId, AdPlatform platform,
                                    String name, String accountId, String currency, String apiBaseUrl,
                                    Map<String, String> options, Map<String, String> maskedCredentials,
                                    boolean importOnly, Instant at) implements MarketingSourceCommand {
}
