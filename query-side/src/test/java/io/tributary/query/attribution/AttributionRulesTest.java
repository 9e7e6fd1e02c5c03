package io.tributary.query.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tributary.api.report.AttributionModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every model against hand-computed paths. A path lists sessions as {@code Channel@days} (days before the
 * conversion; {@code *} marks the session the conversion happened in); credits read {@code Target=share} in
 * touchpoint order.
 */
class AttributionRulesTest {

    private static final Instant CONVERTED_AT = Instant.parse("2025-03-31T12:00:00Z");
    private static final Map<String, Touch> CHANNELS = Map.of(
            "Meta", new Touch("Paid Social", "Meta Ads", "spring", "set-1", "ad-1"),
            "GoogleAds", new Touch("Paid Search", "Google Ads", "brand", null, null),
            "TikTok", new Touch("Paid Social", "TikTok Ads", null, null, null),
            "Organic", new Touch("Organic Search", "Google", null, null, null),
            "Email", new Touch("Email", "Klaviyo", "newsletter", null, null),
            "Referral", new Touch("Referral", "blog.example", null, null, null),
            "Direct", new Touch("Direct", "Direct", null, null, null));

    private final AttributionRules rules = new AttributionRules(Duration.ofDays(30), Duration.ofDays(7));

    @ParameterizedTest(name = "{0} [{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # four touchpoints: first, two middles, last
            Meta@21, Organic@14, Email@7, GoogleAds@0* | - | first_touch      | Meta=1
            Meta@21, Organic@14, Email@7, GoogleAds@0* | - | last_touch       | GoogleAds=1
            Meta@21, Organic@14, Email@7, GoogleAds@0* | - | first_touch_paid | Meta=1
            Meta@21, Organic@14, Email@7, GoogleAds@0* | - | last_touch_paid  | GoogleAds=1
            Meta@21, Organic@14, Email@7, GoogleAds@0* | - | linear           | Meta=0.25; Organic=0.25; Email=0.25; GoogleAds=0.25
            Meta@21, Organic@14, Email@7, GoogleAds@0* | - | participation    | Meta=1; Organic=1; Email=1; GoogleAds=1
            Meta@21, Organic@14, Email@7, GoogleAds@0* | - | u_shaped         | Meta=0.4; Organic=0.1; Email=0.1; GoogleAds=0.4
            Meta@21, Organic@14, Email@7, GoogleAds@0* | - | j_shaped         | Meta=0.2; Organic=0.1; Email=0.1; GoogleAds=0.6
            Meta@21, Organic@14, Email@7, GoogleAds@0* | - | inverse_j        | Meta=0.6; Organic=0.1; Email=0.1; GoogleAds=0.2
            Meta@21, Organic@14, Email@7, GoogleAds@0* | - | time_decay       | Meta=0.0666666666666667; Organic=0.1333333333333333; Email=0.2666666666666667; GoogleAds=0.5333333333333333
            Meta@21, Organic@14, Email@7, GoogleAds@0* | - | direct           | GoogleAds=1
            Meta@21, Organic@14, Email@7*, GoogleAds@0 | - | direct           | Email=1
            # two touchpoints: position weights rescaled to 100%
            Meta@14, Organic@0*                        | - | first_touch      | Meta=1
            Meta@14, Organic@0*                        | - | last_touch       | Organic=1
            Meta@14, Organic@0*                        | - | first_touch_paid | Meta=1
            Meta@14, Organic@0*                        | - | last_touch_paid  | Meta=1
            Meta@14, Organic@0*                        | - | linear           | Meta=0.5; Organic=0.5
            Meta@14, Organic@0*                        | - | participation    | Meta=1; Organic=1
            Meta@14, Organic@0*                        | - | u_shaped         | Meta=0.5; Organic=0.5
            Meta@14, Organic@0*                        | - | j_shaped         | Meta=0.25; Organic=0.75
            Meta@14, Organic@0*                        | - | inverse_j        | Meta=0.75; Organic=0.25
            Meta@14, Organic@0*                        | - | time_decay       | Meta=0.2; Organic=0.8
            Meta@14, Organic@0*                        | - | direct           | Organic=1
            # one touchpoint gets everything
            Email@3                                    | - | first_touch      | Email=1
            Email@3                                    | - | last_touch       | Email=1
            Email@3                                    | - | linear           | Email=1
            Email@3                                    | - | participation    | Email=1
            Email@3                                    | - | u_shaped         | Email=1
            Email@3                                    | - | j_shaped         | Email=1
            Email@3                                    | - | inverse_j        | Email=1
            Email@3                                    | - | time_decay       | Email=1
            Email@3                                    | - | first_touch_paid | (no paid touchpoint)=1
            Email@3                                    | - | direct           | (no value)=1
            # Direct only: Direct stays
            Direct@10, Direct@5, Direct@0*             | - | first_touch      | Direct=1
            Direct@10, Direct@5, Direct@0*             | - | linear           | Direct=0.3333333333333333; Direct=0.3333333333333333; Direct=0.3333333333333334
            Direct@10, Direct@5, Direct@0*             | - | u_shaped         | Direct=0.4; Direct=0.2; Direct=0.4
            Direct@10, Direct@5, Direct@0*             | - | last_touch_paid  | (no paid touchpoint)=1
            Direct@10, Direct@5, Direct@0*             | - | direct           | Direct=1
            # Direct ignored among others (Facebook > Direct > Google > Direct)
            Meta@20, Direct@15, GoogleAds@10, Direct@5* | - | last_touch      | GoogleAds=1
            Meta@20, Direct@15, GoogleAds@10, Direct@5* | - | linear          | Meta=0.5; GoogleAds=0.5
            Meta@20, Direct@15, GoogleAds@10, Direct@5* | - | participation   | Meta=1; GoogleAds=1
            Meta@20, Direct@15, GoogleAds@10, Direct@5* | - | direct          | Direct=1
            # paid-only models without a paid touchpoint
            Organic@10, Email@2, Referral@1            | - | first_touch_paid | (no paid touchpoint)=1
            Organic@10, Email@2, Referral@1            | - | last_touch_paid  | (no paid touchpoint)=1
            Organic@10, TikTok@5, Meta@2, Email@1      | - | first_touch_paid | TikTok=1
            Organic@10, TikTok@5, Meta@2, Email@1      | - | last_touch_paid  | Meta=1
            # no touchpoint: the order's own metadata, else (no value)
            -                                          | GoogleAds | first_touch      | GoogleAds=1
            -                                          | GoogleAds | last_touch_paid  | GoogleAds=1
            -                                          | GoogleAds | linear           | GoogleAds=1
            -                                          | GoogleAds | direct           | GoogleAds=1
            -                                          | Organic   | first_touch      | Organic=1
            -                                          | Organic   | first_touch_paid | (no paid touchpoint)=1
            -                                          | -         | last_touch       | (no value)=1
            -                                          | -         | first_touch_paid | (no value)=1
            -                                          | -         | direct           | (no value)=1
            Meta@31, Email@40                          | Organic   | last_touch       | Organic=1
            # the window: 30 days inclusive, nothing after the conversion
            Meta@30, Organic@1                         | - | first_touch      | Meta=1
            Meta@31, Organic@1                         | - | first_touch      | Organic=1
            Meta@2, Organic@-1                         | - | last_touch       | Meta=1
            """)
    void creditsEachModelAsComputedByHand(String sessions, String metadata, String model, String expected) {
        ConversionPath path = path(sessions, metadata);

        List<Credit> credits = rules.credit(path, AttributionModel.fromWire(model));

        List<String[]> wanted = Arrays.stream(expected.split(";")).map(c -> c.trim().split("=")).toList();
        assertThat(credits).extracting(c -> nameOf(c.touch())).containsExactlyElementsOf(
                wanted.stream().map(w -> w[0]).toList());
        for (int i = 0; i < wanted.size(); i++) {
            assertThat(credits.get(i).share()).isCloseTo(new BigDecimal(wanted.get(i)[1]), within(new BigDecimal("1e-15")));
        }
        if (!model.equals("participation")) {
            assertThat(credits.stream().map(Credit::share).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("the shares of a conversion sum to exactly 1").isEqualByComparingTo(BigDecimal.ONE);
        }
    }

    @Test
    void creditsMetadataAndNoValueWithoutASession() {
        List<Credit> fromMetadata = rules.credit(path(null, "Email"), AttributionModel.LINEAR);
        List<Credit> none = rules.credit(path(null, null), AttributionModel.LINEAR);

        assertThat(fromMetadata).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo(CreditSource.ORDER_METADATA);
            assertThat(c.touchpoint()).isNull();
        });
        assertThat(none).singleElement().satisfies(c -> assertThat(c.source()).isEqualTo(CreditSource.NONE));
    }

    @Test
    void timeDecayHalvesPerConfiguredHalfLife() {
        AttributionRules oneDay = new AttributionRules(Duration.ofDays(30), Duration.ofDays(1));

        List<Credit> credits = oneDay.credit(path("Meta@1, Organic@0", null), AttributionModel.TIME_DECAY);

        assertThat(credits).extracting(Credit::share).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.3333333333333333"), new BigDecimal("0.6666666666666667"));
    }

    @Test
    void countsOnlyNonDirectTouchpointsUnlessAllAreDirect() {
        ConversionPath path = path("Direct@3, Meta@2, Direct@1", null);

        assertThat(rules.counted(rules.inWindow(path))).extracting(t -> t.touch().channel()).containsExactly("Meta Ads");
        assertThat(rules.counted(rules.inWindow(path("Direct@3, Direct@1", null)))).hasSize(2);
    }

    private static ConversionPath path(String sessions, String metadata) {
        List<Touchpoint> touchpoints = new ArrayList<>();
        String converting = null;
        if (sessions != null) {
            String[] specs = sessions.split(",");
            for (int i = 0; i < specs.length; i++) {
                String spec = specs[i].trim();
                boolean isConverting = spec.endsWith("*");
                String[] channelAndAge = spec.replace("*", "").split("@");
                String id = "s" + (i + 1);
                Instant startedAt = CONVERTED_AT.minus(Duration.ofDays(Long.parseLong(channelAndAge[1])));
                touchpoints.add(new Touchpoint(id, startedAt, CHANNELS.get(channelAndAge[0])));
                converting = isConverting ? id : converting;
            }
        }
        Touch own = metadata == null ? null : CHANNELS.get(metadata);
        return new ConversionPath(CONVERTED_AT, converting, touchpoints, own);
    }

    private static String nameOf(Touch touch) {
        return CHANNELS.entrySet().stream().filter(e -> e.getValue().equals(touch)).map(Map.Entry::getKey)
                .findFirst().orElse(touch.channel());
    }
}
