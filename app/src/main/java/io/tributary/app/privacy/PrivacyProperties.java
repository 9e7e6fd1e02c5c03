package io.tributary.app.privacy;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What is personal, and what happens to it (see the privacy model in the README).
 *
 * @param encryption         encrypt personal fields of stored events with per-profile data keys (on by default;
 *                           off only to measure its cost)
 * @param personalAliasTypes alias types whose values are personal: encrypted in events
 * @param personalProperties keys of tracked-event properties that are personal: encrypted in events (every profile
 *                           property is)
 * @param dropSuppressed     drop later events that carry a suppressed alias, instead of counting them anonymously
 * @param retentionSweepEvery how often the retention sweep runs (a day by default; zero: only on demand)
 */
@ConfigurationProperties("tributary.privacy")
public record PrivacyProperties(Boolean encryption, List<String> personalAliasTypes, List<String> personalProperties,
                                boolean dropSuppressed, Duration retentionSweepEvery) {

    public static final List<String> DEFAULT_ALIAS_TYPES = List.of("email", "phone", "user_id", "customer_id");
    public static final List<String> DEFAULT_PROPERTIES = List.of("$email", "email", "$phone_number", "phone",
            "$first_name", "$last_name", "first_name", "last_name", "name", "$name", "address", "$address",
            "address1", "address2", "$zip_code", "zip", "ip", "$ip", "customer_email", "billing_email");

    public PrivacyProperties {
        encryption = encryption == null || encryption;
        personalAliasTypes = personalAliasTypes == null ? DEFAULT_ALIAS_TYPES : List.copyOf(personalAliasTypes);
        personalProperties = personalProperties == null ? DEFAULT_PROPERTIES : List.copyOf(personalProperties);
        retentionSweepEvery = retentionSweepEvery == null ? Duration.ofDays(1) : retentionSweepEvery;
    }

    public static PrivacyProperties defaults() {
        return new PrivacyProperties(null, null, null, false, null);
    }
}
