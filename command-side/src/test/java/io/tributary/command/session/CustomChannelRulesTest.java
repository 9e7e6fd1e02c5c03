package io.tributary.command.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.channel.ChannelCondition;
import io.tributary.api.channel.ChannelOutcome;
import io.tributary.api.channel.ChannelRule;
import io.tributary.api.channel.ChannelRuleSet;
import io.tributary.api.session.TrafficSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Custom rules come before the built-in ones; the first that matches wins; anything unmatched falls through. */
class CustomChannelRulesTest {

    private static final ChannelRuleSet CUSTOM = new ChannelRuleSet(7, List.of(
            rule(new ChannelCondition("klaviyo", null, null, null, null, null), "Email", "Klaviyo", null),
            rule(new ChannelCondition(null, null, null, null, "partner.com", null), "Affiliates", "Partner Co", "partner-deal"),
            rule(new ChannelCondition("google", "cpc", "brand", null, null, null), "Paid Search", "Google Brand", null),
            rule(new ChannelCondition(null, null, null, "ttclid", null, null), "Paid Social", "TikTok Spark", null),
            rule(new ChannelCondition(null, null, null, null, null, Map.of("ref", "*")), "Affiliates", "Ref link", null),
            rule(new ChannelCondition(null, null, null, null, null, Map.of("Promo", "SUMMER")), "Other", "Summer promo", null),
            rule(new ChannelCondition("klaviyo", null, null, null, null, null), "Never", "Shadowed", null)));

    private final ChannelRules rules = ChannelRules.defaults();

    @ParameterizedTest(name = "{0} from {1} is {2} / {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            # utm_source, any case; the landing's own campaign stays
            https://shop.example.com/p?utm_source=Klaviyo&utm_medium=email&utm_campaign=may | | Email | Klaviyo | may
            https://shop.example.com/p?utm_source=klaviyo&gclid=x      |                         | Email          | Klaviyo        |
            # a referrer domain and its subdomains, with the rule's campaign
            https://shop.example.com/p                                 | https://www.partner.com/x | Affiliates   | Partner Co     | partner-deal
            https://shop.example.com/p?utm_campaign=own                | https://blog.partner.com/ | Affiliates   | Partner Co     | partner-deal
            https://shop.example.com/p                                 | https://notpartner.com/ | Referral       | notpartner.com |
            https://partner.com/p                                      | https://partner.com/cart | Direct        | Direct         |
            # every condition of a rule must hold
            https://shop.example.com/p?utm_source=google&utm_medium=cpc&utm_campaign=Brand | | Paid Search | Google Brand | Brand
            https://shop.example.com/p?utm_source=google&utm_medium=cpc&utm_campaign=generic | | Paid Search | Google Ads | generic
            # a click id by name, a landing parameter present, a landing parameter's value
            https://shop.example.com/p?ttclid=abc                      |                         | Paid Social    | TikTok Spark   |
            https://shop.example.com/p?ref=anna                        |                         | Affiliates     | Ref link       |
            https://shop.example.com/p?promo=summer                    |                         | Other          | Summer promo   |
            https://shop.example.com/p?promo=winter                    |                         | Direct         | Direct         |
            # nothing matches: the built-in rules
            https://shop.example.com/p?utm_source=newsletter&utm_medium=email |                  | Email          | Newsletter     |
            https://shop.example.com/p                                 | https://www.google.com/ | Organic Search | Google         |
            https://shop.example.com/p                                 |                         | Direct         | Direct         |
            """)
    void classifiesWithCustomRulesFirst(String landingUrl, String referrer, String group, String channel,
                                        String campaign) {
        TrafficSource source = rules.classify(landingUrl, referrer, CUSTOM);

        assertThat(source.channelGroup()).isEqualTo(group);
        assertThat(source.channel()).isEqualTo(channel);
        assertThat(source.campaign()).isEqualTo(campaign);
    }

    @Test
    void namesTheVersionItRanUnder() {
        assertThat(rules.classify("https://shop.example.com/p", null, CUSTOM).rulesVersion()).isEqualTo(7);
        assertThat(rules.classify("https://shop.example.com/p", null).rulesVersion()).isZero();
    }

    @Test
    void aLandingMatchedOnlyByACustomRuleIsATrafficSource() {
        TrafficSource source = rules.classify("https://shop.example.com/p?ref=anna", null, CUSTOM);

        assertThat(source.isPresent()).isTrue();
        assertThat(rules.classify("https://shop.example.com/p?ref=anna", null).isPresent()).isFalse();
    }

    @Test
    void classifiesWithTheRulesInForceAtEachCall() {
        ChannelRuleSet[] inForce = {ChannelRuleSet.BUILT_IN};
        ChannelRules live = new ChannelRules(ChannelCatalog.defaults(), () -> inForce[0]);
        String landing = "https://shop.example.com/p?utm_source=klaviyo&utm_medium=sms";

        assertThat(live.classify(landing, null).channelGroup()).isEqualTo("Email");
        inForce[0] = new ChannelRuleSet(2, List.of(rule(new ChannelCondition(null, "sms", null, null, null, null),
                "SMS", "Klaviyo SMS", null)));
        assertThat(live.classify(landing, null).channel()).isEqualTo("Klaviyo SMS");
    }

    private static ChannelRule rule(ChannelCondition when, String group, String channel, String campaign) {
        return new ChannelRule(channel, when, new ChannelOutcome(group, channel, campaign));
    }
}
