package io.tributary.app.config;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The check a cookie-authenticated state change must pass (a cookie travels with requests other sites make): its
 * {@code Origin}, else its {@code Referer}, names this server's own host and port. Reads (GET, HEAD, OPTIONS) pass.
 * The scheme is not compared, so that a TLS-terminating proxy in front does not break the dashboard.
 */
public final class SameOrigin {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private SameOrigin() {
    }

    /** @param host the request's {@code Host} header */
    public static boolean allows(String method, String origin, String referer, String host) {
        if (READS.contains(method.toUpperCase(Locale.ROOT))) {
            return true;
        }
        String claimed = origin != null && !origin.isBlank() && !"null".equals(origin) ? origin : referer;
        if (claimed == null || claimed.isBlank() || host == null) {
            return false;
        }
        return authority(claimed).equalsIgnoreCase(host.trim());
    }

    private static String authority(String url) {
        try {
            String authority = URI.create(url.trim()).getRawAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
