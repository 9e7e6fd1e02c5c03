package io.tributary.query.quality;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How an example value is shown in the property table: personal values masked (emails as {@code a***@example.com},
 * phones down to their last two digits, names and addresses down to their first letter), others cut to a readable
 * length, objects and arrays summarised. Personal means: the property's name says so, or the value is an email.
 */
public final class PersonalValueMask {

    static final int MAX_LENGTH = 60;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> NAMES = Set.of("first_name", "firstname", "last_name", "lastname", "full_name",
            "fullname", "customer_name", "billing_name", "shipping_name", "given_name", "family_name", "surname");
    private static final List<String> ADDRESS_PARTS = List.of("address", "street", "zip", "postal", "postcode");
    private static final List<String> PHONE_PARTS = List.of("phone", "mobile");

    private PersonalValueMask() {
    }

    public static String show(String property, Object value) {
        if (value instanceof Map<?, ?>) {
            return "{…}";
        }
        if (value instanceof List<?> list) {
            return "[" + list.size() + (list.size() == 1 ? " item]" : " items]");
        }
        String text = String.valueOf(value);
        String field = field(property);
        if (field.contains("email") || EMAIL.matcher(text.trim()).matches()) {
            return email(text.trim());
        }
        if (PHONE_PARTS.stream().anyMatch(field::contains)) {
            return phone(text);
        }
        if (NAMES.contains(field) || ADDRESS_PARTS.stream().anyMatch(field::contains) || field.equals("ip")) {
            return initial(text.trim());
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
    }

    /** The last segment of a property path, lower-case, without a leading $ (the pixel's reserved names). */
    private static String field(String property) {
        String last = property.substring(property.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return last.startsWith("$") ? last.substring(1) : last;
    }

    private static String email(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0) {
            return initial(text);
        }
        return text.charAt(0) + "***" + text.substring(at);
    }

    private static String phone(String text) {
        String digits = text.replaceAll("\\D", "");
        return digits.length() <= 2 ? "***" : "***" + digits.substring(digits.length() - 2);
    }

    private static String initial(String text) {
        return text.isEmpty() ? "***" : text.charAt(0) + "***";
    }
}
