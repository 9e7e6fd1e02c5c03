package io.tributary.api.intake;

import java.util.List;

/** The type of a normalised alias ({@code urn:<type>:<value>}) and how strongly it identifies a person. */
public final class AliasTypes {

    /** The alias types with a rank of their own, strongest first; any other type ranks after them. */
    public static final List<String> RANKED = List.of("user_id", "customer_id", "email", "phone", "checkout_token",
            "cart_token", "anonymous_id");

    private static final String PREFIX = "urn:";

    private AliasTypes() {
    }

    /** Lower is stronger: a user_id outranks an email, which outranks an anonymous_id. */
    public static int priority(String type) {
        if (type == null) {
            return 7;
        }
        return switch (type) {
            case "user_id" -> 0;
            case "customer_id" -> 1;
            case "email" -> 2;
            case "phone" -> 3;
            case "checkout_token" -> 4;
            case "cart_token" -> 5;
            case "anonymous_id" -> 6;
            default -> 7;
        };
    }

    /** The type of an urn that was already normalised. */
    public static String typeOf(String urn) {
        int separator = urn.startsWith(PREFIX) ? urn.indexOf(':', PREFIX.length()) : -1;
        if (separator < 0) {
            throw new IllegalArgumentException("not a normalised alias: " + urn);
        }
        return urn.substring(PREFIX.length(), separator);
    }
}
