package io.tributary.app.source;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.source.CommerceStore;
import io.tributary.api.source.SourceType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the store settings of a new Shopify or WooCommerce source, naming every problem field:
 * <ul>
 * <li>Shopify: {@code shopDomain} (acme.myshopify.com; the bare store name acme is completed), {@code signingSecret},
 * and optionally {@code adminApiToken} for backfills;</li>
 * <li>WooCommerce: {@code storeUrl} (https://shop.example), {@code signingSecret}, and optionally
 * {@code consumerKey} with {@code consumerSecret} for backfills.</li>
 * </ul>
 */
final class StoreSettings {

    static final int MAX_SECRET_LENGTH = 512;
    /** Shopify's admin API lives only there: any other host would receive the admin token. */
    private static final String SHOPIFY_DOMAIN = ".myshopify.com";
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern STORE_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private StoreSettings() {
    }

    static CommerceStore read(SourceType type, Map<String, Object> body, List<FieldError> errors) {
        String signingSecret = secret(body, "signingSecret", true, errors);
        if (type == SourceType.SHOPIFY) {
            return new CommerceStore(shopDomain(body.get("shopDomain"), errors), signingSecret,
                    secret(body, "adminApiToken", false, errors), null, null);
        }
        String consumerKey = secret(body, "consumerKey", false, errors);
        String consumerSecret = secret(body, "consumerSecret", false, errors);
        if ((consumerKey == null) != (consumerSecret == null)) {
            errors.add(new FieldError(consumerKey == null ? "consumerKey" : "consumerSecret",
                    "is required with " + (consumerKey == null ? "consumerSecret" : "consumerKey")));
        }
        return new CommerceStore(storeUrl(body.get("storeUrl"), errors), signingSecret, null, consumerKey,
                consumerSecret);
    }

    static String secret(Map<String, Object> body, String field, boolean required, List<FieldError> errors) {
        Object value = body.get(field);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            errors.add(new FieldError(field, "must be a non-empty string"));
            return null;
        }
        if (text.length() > MAX_SECRET_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_SECRET_LENGTH + " characters"));
            return null;
        }
        return text.trim();
    }

    private static String shopDomain(Object value, List<FieldError> errors) {
        if (!(value instanceof String text) || text.isBlank()) {
            errors.add(new FieldError("shopDomain", "is required, e.g. acme.myshopify.com"));
            return null;
        }
        String domain = text.trim().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("/+$", "");
        if (STORE_NAME.matcher(domain).matches()) {
            domain = domain + ".myshopify.com";
        }
        if (!HOST.matcher(domain).matches() || !domain.endsWith(SHOPIFY_DOMAIN)) {
            errors.add(new FieldError("shopDomain", "must be a shop domain such as acme.myshopify.com"));
            return null;
        }
        return domain;
    }

    private static String storeUrl(Object value, List<FieldError> errors) {
        if (!(value instanceof String text) || text.isBlank()) {
            errors.add(new FieldError("storeUrl", "is required, e.g. https://shop.example"));
            return null;
        }
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getQuery() == null
                    && uri.getFragment() == null) {
                return text.trim().replaceFirst("/+$", "");
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.add(new FieldError("storeUrl", "must be the store's address, such as https://shop.example"));
        return null;
    }
}
