package io.tributary.app.eventlog;

/**
 * A CSV cell a spreadsheet will not run as a formula: a value that begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return gets a leading apostrophe (OWASP's advice for CSV injection), which
 * spreadsheets show as text. Event names and properties come from the public collect endpoint, so they are hostile.
 */
final class SpreadsheetCell {

    private SpreadsheetCell() {
    }

    static String of(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
