package io.tributary.command.ingestion;

import io.tributary.api.intake.ParsedAlias;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AliasRulesTest {

    private final AliasRules rules = AliasRules.defaults();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            urn:email: Jane.Doe@Example.COM          | urn:email:jane.doe@example.com  | email          | jane.doe@example.com
            URN:EMAIL:jane@example.com               | urn:email:jane@example.com      | email          | jane@example.com
            '  urn:Email:jane@example.com  '         | urn:email:jane@example.com      | email          | jane@example.com
            urn:phone:+1 (555) 010-9999              | urn:phone:+15550109999          | phone          | +15550109999
            urn:phone: +44 20 7946 0958              | urn:phone:+442079460958         | phone          | +442079460958
            urn:phone:0044-20-7946-0958              | urn:phone:00442079460958        | phone          | 00442079460958
            urn:phone:12+34                          | urn:phone:1234                  | phone          | 1234
            urn:user_id:  U-42                       | urn:user_id:U-42                | user_id        | U-42
            urn:anonymous_id:a1b2:c3                 | urn:anonymous_id:a1b2:c3        | anonymous_id   | a1b2:c3
            urn:Shopify_Customer_2:Abc               | urn:shopify_customer_2:Abc      | shopify_customer_2 | Abc
            """)
    void normalisesValidAliases(String raw, String urn, String type, String value) {
        ParsedAlias alias = rules.parse(raw);

        assertThat(alias.isValid()).isTrue();
        assertThat(alias.blocked()).isFalse();
        assertThat(alias.raw()).isEqualTo(raw);
        assertThat(alias).extracting(ParsedAlias::urn, ParsedAlias::type, ParsedAlias::value)
                .containsExactly(urn, type, value);
    }

    @ParameterizedTest(name = "{0} is blocked")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            urn:email:
            "urn:user_id:   "
            urn:user_id:0
            urn:customer_id:0000
            urn:user_id:0-0
            urn:user_id:---
            urn:user_id:-1
            urn:user_id:null
            urn:email:NULL
            urn:user_id:undefined
            urn:user_id:NaN
            urn:user_id:none
            urn:email:Unknown
            urn:user_id:[object Object]
            urn:user_id:true
            urn:user_id:FALSE
            urn:anonymous_id:anonymous
            urn:email: Guest
            urn:phone:+
            urn:phone:n/a
            urn:phone:(---) ---
            urn:phone:+000 000
            """)
    void blocksPlaceholderValues(String raw) {
        ParsedAlias alias = rules.parse(raw);

        assertThat(alias.isValid()).isTrue();
        assertThat(alias.blocked()).isTrue();
        assertThat(alias.canStitch()).isFalse();
    }

    @ParameterizedTest(name = "{0} is not blocked")
    @CsvSource(delimiter = '|', textBlock = """
            urn:user_id:10
            urn:user_id:-2
            urn:user_id:0x0
            urn:email:nullable@example.com
            urn:customer_id:guest123
            urn:phone:+1 555 0100
            """)
    void keepsRealValuesThatLookLikePlaceholders(String raw) {
        assertThat(rules.parse(raw).canStitch()).isTrue();
    }

    @ParameterizedTest(name = "{0} is blocked by configuration")
    @CsvSource(delimiter = '|', textBlock = """
            urn:email:TEST@example.com
            urn:user_id:n/a
            urn:phone:+1 555 555 5555
            urn:user_id:null
            """)
    void blocksConfiguredValues(String raw) {
        AliasRules configured = new AliasRules(List.of("test@example.com", " N/A ", "+15555555555"));

        assertThat(configured.parse(raw).blocked()).isTrue();
    }

    @ParameterizedTest(name = "[{0}] is invalid")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""
            email:jane@example.com
            urn
            urn:
            urn:email
            urn::jane@example.com
            urn:e-mail:jane@example.com
            urn:em ail:jane@example.com
            urn:émail:jane@example.com
            mailto:urn:email:jane@example.com
            """)
    void rejectsMalformedAliases(String raw) {
        ParsedAlias alias = rules.parse(raw);

        assertThat(alias.isValid()).isFalse();
        assertThat(alias.error()).isNotBlank();
        assertThat(alias.raw()).isEqualTo(raw);
        assertThat(alias.urn()).isNull();
        assertThat(alias.canStitch()).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThat(rules.parse(null).isValid()).isFalse();
    }

    @ParameterizedTest(name = "a value of {0} characters is valid: {1}")
    @CsvSource({"1, true", "256, true", "257, false"})
    void limitsValueLength(int length, boolean valid) {
        assertThat(rules.parse("urn:user_id:" + "a".repeat(length)).isValid()).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} has priority {1}")
    @CsvSource({
            "user_id, 0", "customer_id, 1", "email, 2", "phone, 3", "checkout_token, 4", "cart_token, 5",
            "anonymous_id, 6", "shopify_customer_id, 7", "device_id, 7"
    })
    void ranksAliasTypes(String type, int priority) {
        assertThat(AliasRules.priority(type)).isEqualTo(priority);
    }

    @Test
    void strongerTypesSortFirst() {
        List<String> types = List.of("anonymous_id", "device_id", "phone", "cart_token", "email", "user_id",
                "checkout_token", "customer_id");

        assertThat(types.stream().sorted(Comparator.comparingInt(AliasRules::priority)))
                .containsExactly("user_id", "customer_id", "email", "phone", "checkout_token", "cart_token",
                        "anonymous_id", "device_id");
    }

    @ParameterizedTest(name = "{0} has type {1}")
    @CsvSource({"urn:email:jane@example.com, email", "urn:anonymous_id:a:b, anonymous_id", "urn:user_id:, user_id"})
    void readsTypeOfNormalisedUrn(String urn, String type) {
        assertThat(AliasRules.typeOf(urn)).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0} is not a normalised urn")
    @CsvSource({"email:jane@example.com", "urn:email"})
    void refusesTypeOfMalformedUrn(String urn) {
        assertThatIllegalArgumentException().isThrownBy(() -> AliasRules.typeOf(urn));
    }
}
