package io.tributary.app.marketing.connector;

import java.util.Map;
import java.util.TreeMap;

/** Shows that a credential is set, and which one, without showing it: the last 4 characters of long values. */
public final class CredentialMask {

    static final String MASK = "****";
    private static final int SHOWN = 4;
    private static final int SHOW_FROM_LENGTH = 16;

    private CredentialMask() {
    }

    public static String mask(String value) {
        if (value == null || value.length() < SHOW_FROM_LENGTH) {
            return MASK;
        }
        return MASK + value.substring(value.length() - SHOWN);
    }

    public static Map<String, String> mask(Map<String, String> credentials) {
        Map<String, String> masked = new TreeMap<>();
        credentials.forEach((name, value) -> masked.put(name, mask(value)));
        return masked;
    }
}
