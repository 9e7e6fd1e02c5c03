package io.tributary.query.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalValueMaskTest {

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "email            | ann@example.com           | a***@example.com",
        "$email           | Bob.Smith@shop.example    | B***@shop.example",
        "contact          | ann@example.com           | a***@example.com",
        "customer_email   | not-an-address            | n***",
        "phone            | +49 151 2345 6789         | ***89",
        "$phone           | 12                        | ***",
        "shipping_phone   | (555) 010-9876            | ***76",
        "first_name       | Ann                       | A***",
        "$last_name       | Lovelace                  | L***",
        "address1         | 12 Main Street            | 1***",
        "billing_address  | Hauptstr. 5, Berlin       | H***",
        "zip              | 10115                     | 1***",
        "ip               | 203.0.113.9               | 2***",
        "items[].name     | Red Shoes                 | Red Shoes",
        "currency         | EUR                       | EUR",
        "total_price      | 49.90                     | 49.90"})
    void masksPersonalValuesByNameOrByLookingLikeAnEmail(String property, String value, String shown) {
        assertThat(PersonalValueMask.show(property, value)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"quantity", "price"})
    void showsNumbersAsTheyAre(String property) {
        assertThat(PersonalValueMask.show(property, new BigDecimal("49.90"))).isEqualTo("49.90");
        assertThat(PersonalValueMask.show(property, 3)).isEqualTo("3");
    }

    @org.junit.jupiter.api.Test
    void summarisesObjectsAndArraysAndCutsLongText() {
        assertThat(PersonalValueMask.show("customer", Map.of("email", "ann@example.com"))).isEqualTo("{…}");
        assertThat(PersonalValueMask.show("items", List.of(1, 2))).isEqualTo("[2 items]");
        assertThat(PersonalValueMask.show("items", List.of(1))).isEqualTo("[1 item]");
        assertThat(PersonalValueMask.show("url", "x".repeat(100))).isEqualTo("x".repeat(60) + "…");
    }
}
