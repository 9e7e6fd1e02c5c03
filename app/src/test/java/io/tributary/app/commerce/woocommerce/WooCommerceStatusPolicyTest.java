package io.tributary.app.commerce.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WooCommerceStatusPolicyTest {

    @ParameterizedTest(name = "{0}, paid {1}, lists refunds {2} → placed {3}, cancelled {4}, refunded in full {5}")
    @CsvSource({
        "pending,        false, false, false, false, false",
        "failed,         false, false, false, false, false",
        "checkout-draft, false, false, false, false, false",
        "trash,          true,  false, false, false, false",
        "on-hold,        false, false, true,  false, false",
        "processing,     true,  false, true,  false, false",
        "wc-processing,  true,  false, true,  false, false",
        "completed,      true,  false, true,  false, false",
        "completed,      true,  true,  true,  false, false",
        "shipped,        true,  false, true,  false, false",
        "cancelled,      false, false, false, true,  false",
        "cancelled,      true,  false, true,  true,  false",
        "refunded,       true,  false, true,  false, true",
        "refunded,       true,  true,  true,  false, false",
        "'',             true,  false, false, false, false"})
    void readsTheFactsAStatusImplies(String status, boolean paid, boolean listsRefunds, boolean placed,
                                     boolean cancelled, boolean refundedInFull) {
        assertThat(WooCommerceStatusPolicy.of(status, paid, listsRefunds))
                .isEqualTo(new WooCommerceStatusPolicy.Facts(placed, cancelled, refundedInFull));
    }
}
