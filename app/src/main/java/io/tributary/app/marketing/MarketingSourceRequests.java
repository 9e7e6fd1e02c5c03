package io.tributary.app.marketing;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.marketing.AdPlatform;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the bodies of the marketing-source endpoints, collecting every problem with its field name. */
final class MarketingSourceRequests {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,20}");
    private static final Pattern GOOGLE_CUSTOMER = Pattern.compile("\\d{10}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Set<String> GOOGLE_REFRESH = Set.of("clientId", "clientSecret", "refreshToken");
    private static final Map<AdPlatform, Set<String>> CREDENTIALS = Map.of(
            AdPlatform.META, Set.of("accessToken"),
            AdPlatform.GOOGLE, Set.of("developerToken", "accessToken", "clientId", "clientSecret", "refreshToken",
                    "loginCustomerId"),
            AdPlatform.TIKTOK, Set.of("accessToken"));
    private static final Map<AdPlatform, Set<String>> OPTIONS = Map.of(
            AdPlatform.META, Set.of("apiVersion", "purchaseActionType"),
            AdPlatform.GOOGLE, Set.of("apiVersion", "tokenUrl"),
            AdPlatform.TIKTOK, Set.of());

    private MarketingSourceRequests() {
    }

    /** A valid creation request; {@code credentials} empty means the source only takes CSV imports. */
    record NewSource(AdPlatform platform, String name, String accountId, String currency, String apiBaseUrl,
                     Map<String, String> options, Map<String, String> credentials) {
        @Override
        public String toString() {
            return "NewSource[" + platform + ", " + name + ", " + accountId + "]";
        }
    }

    static NewSource newSource(Map<String, Object> body, List<FieldError> errors) {
        AdPlatform platform = platform(body.get("platform"), errors);
        String name = name(body.get("name"), errors);
        String accountId = platform == null ? null : accountId(platform, body.get("accountId"), errors);
        String currency = currency(body.get("currency"), errors);
        String apiBaseUrl = url("apiBaseUrl", body.get("apiBaseUrl"), errors);
        Map<String, String> options = platform == null ? Map.of() : options(platform, body.get("options"), errors);
        Object credentials = body.get("credentials");
        Map<String, String> secrets = platform == null || credentials == null ? Map.of()
                : credentials(platform, credentials, errors);
        return new NewSource(platform, name, accountId, currency, apiBaseUrl, options, secrets);
    }

    static Map<String, String> credentials(AdPlatform platform, Object value, List<FieldError> errors) {
        Map<String, String> credentials = strings("credentials", value, CREDENTIALS.get(platform), errors);
        if (credentials == null) {
            return Map.of();
        }
        switch (platform) {
            case META, TIKTOK -> require(credentials, "accessToken", errors);
            case GOOGLE -> {
                require(credentials, "developerToken", errors);
                if (!credentials.containsKey("accessToken")) {
                    GOOGLE_REFRESH.stream().sorted().forEach(name -> require(credentials, name, errors));
                }
                String login = credentials.get("loginCustomerId");
                if (login != null && !GOOGLE_CUSTOMER.matcher(login.replace("-", "")).matches()) {
                    errors.add(new FieldError("credentials.loginCustomerId", "must be a 10-digit customer id"));
                }
            }
        }
        return credentials;
    }

    private static void require(Map<String, String> credentials, String name, List<FieldError> errors) {
        if (!credentials.containsKey(name)) {
            errors.add(new FieldError("credentials." + name, "is required"));
        }
    }

    private static AdPlatform platform(Object value, List<FieldError> errors) {
        if (value instanceof String text) {
            for (AdPlatform platform : AdPlatform.values()) {
                if (platform.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return platform;
                }
            }
        }
        errors.add(new FieldError("platform", "must be meta, google or tiktok"));
        return null;
    }

    static String name(Object value, List<FieldError> errors) {
        if (!(value instanceof String text) || text.isBlank()) {
            errors.add(new FieldError("name", "is required"));
            return null;
        }
        if (text.length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        return text.trim();
    }

    private static String accountId(AdPlatform platform, Object value, List<FieldError> errors) {
        String text = value instanceof String s ? s.trim() : value instanceof Number n ? n.toString() : null;
        if (text == null || text.isEmpty()) {
            errors.add(new FieldError("accountId", "is required"));
            return null;
        }
        String normalised = switch (platform) {
            case META -> text.startsWith("act_") ? text.substring(4) : text;
            case GOOGLE -> text.replace("-", "");
            case TIKTOK -> text;
        };
        boolean valid = platform == AdPlatform.GOOGLE ? GOOGLE_CUSTOMER.matcher(normalised).matches()
                : DIGITS.matcher(normalised).matches();
        if (!valid) {
            errors.add(new FieldError("accountId", switch (platform) {
                case META -> "must be the ad account id (digits, with or without act_)";
                case GOOGLE -> "must be the 10-digit customer id (dashes allowed)";
                case TIKTOK -> "must be the advertiser id (digits)";
            }));
        }
        return normalised;
    }

    private static String currency(Object value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text && CURRENCY.matcher(text.trim()).matches()) {
            return text.trim();
        }
        errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR"));
        return null;
    }

    private static String url(String field, Object value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = value instanceof String text ? new URI(text.trim()) : null;
            if (uri != null && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be an http(s) URL"));
        return null;
    }

    private static Map<String, String> options(AdPlatform platform, Object value, List<FieldError> errors) {
        Map<String, String> options = strings("options", value, OPTIONS.get(platform), errors);
        if (options == null) {
            return Map.of();
        }
        if (options.containsKey("tokenUrl")) {
            url("options.tokenUrl", options.get("tokenUrl"), errors);
        }
        return options;
    }

    /** A JSON object of non-blank strings whose keys are all allowed; null when absent or invalid. */
    private static Map<String, String> strings(String field, Object value, Set<String> allowed,
                                               List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            errors.add(new FieldError(field, "must be an object"));
            return null;
        }
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((key, entry) -> {
            String name = String.valueOf(key);
            if (!allowed.contains(name)) {
                errors.add(new FieldError(field + "." + name, "is unknown; expected one of " + allowed.stream()
                        .sorted().toList()));
            } else if (!(entry instanceof String text) || text.isBlank()) {
                errors.add(new FieldError(field + "." + name, "must be a non-empty string"));
            } else {
                strings.put(name, text.trim());
            }
        });
        return strings;
    }
}
