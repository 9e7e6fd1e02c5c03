package io.tributary.app.segment;

import java.util.regex.Pattern;

/** Hides write keys in text that is kept (a body that is not valid JSON may still hold one). */
final class WriteKeyMask {

    static final String MASK = "***";
    private static final Pattern WRITE_KEY = Pattern.compile("(\"writeKey\"\\s*:\\s*\")[^\"]*(\")");

    private WriteKeyMask() {
    }

    static String masked(String text) {
        return WRITE_KEY.matcher(text).replaceAll("$1" + MASK + "$2");
    }
}
