package io.tributary.command.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.session.TrafficSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelRulesTest {

    private static final String SHOP = "https://shop.example.com/p";

    private final ChannelRules rules = ChannelRules.defaults();

    @ParameterizedTest(name = "{0} from {1} is {2} / {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # cvg_source: always paid, platform from its value
            https://shop.example.com/p?cvg_source=google&cvg_cid=123   |                                  | Paid Search    | Google Ads     | 123
            https://shop.example.com/p?cvg_source=facebook             |                                  | Paid Social    | Meta Ads       |
            https://shop.example.com/p?cvg_source=ig                   |                                  | Paid Social    | Meta Ads       |
            https://shop.example.com/p?cvg_source=meta                 |                                  | Paid Social    | Meta Ads       |
            https://shop.example.com/p?cvg_source=bing                 |                                  | Paid Search    | Microsoft Ads  |
            https://shop.example.com/p?cvg_source=microsoft            |                                  | Paid Search    | Microsoft Ads  |
            https://shop.example.com/p?cvg_source=tiktok               |                                  | Paid Social    | TikTok Ads     |
            https://shop.example.com/p?cvg_source=criteo               |                                  | Paid Other     | criteo         |
            https://shop.example.com/p?cvg_source=tiktok&utm_source=klaviyo&utm_medium=email | https://www.google.com/ | Paid Social | TikTok Ads |
            # paid utm_medium: platform from the click id, else utm_source
            https://shop.example.com/p?utm_source=google&utm_medium=cpc&utm_campaign=spring | | Paid Search | Google Ads     | spring
            https://shop.example.com/p?utm_source=newsletter&utm_medium=cpc&gclid=abc |       | Paid Search    | Google Ads     |
            https://shop.example.com/p?utm_source=fb&utm_medium=paid_social |                 | Paid Social    | Meta Ads       |
            https://shop.example.com/p?utm_source=Instagram&utm_medium=Paid |                 | Paid Social    | Meta Ads       |
            https://shop.example.com/p?utm_source=criteo&utm_medium=retargeting |             | Paid Other     | criteo         |
            https://shop.example.com/p?utm_source=linkedin&utm_medium=cpm |                   | Paid Other     | linkedin       |
            https://shop.example.com/p?utm_medium=cpc                  |                                  | Paid Other     | Unknown        |
            https://shop.example.com/p?utm_medium=cpc&fbclid=abc       |                                  | Paid Social    | Meta Ads       |
            https://shop.example.com/p?utm_medium=ppc&msclkid=abc      |                                  | Paid Search    | Microsoft Ads  |
            # paid click ids
            https://shop.example.com/p?gclid=abc                       |                                  | Paid Search    | Google Ads     |
            https://shop.example.com/p?gbraid=abc                      |                                  | Paid Search    | Google Ads     |
            https://shop.example.com/p?wbraid=abc                      |                                  | Paid Search    | Google Ads     |
            https://shop.example.com/p?msclkid=abc                     |                                  | Paid Search    | Microsoft Ads  |
            https://shop.example.com/p?ttclid=abc                      |                                  | Paid Social    | TikTok Ads     |
            https://shop.example.com/p?gclid=abc                       | https://www.google.com/          | Paid Search    | Google Ads     |
            https://shop.example.com/p?gclid=abc&utm_source=klaviyo&utm_medium=email |        | Paid Search    | Google Ads     |
            # fbclid is not paid
            https://shop.example.com/p?fbclid=abc                      |                                  | Organic Social | Facebook       |
            https://shop.example.com/p?fbclid=abc                      | https://l.facebook.com/          | Organic Social | Facebook       |
            https://shop.example.com/p?fbclid=abc&utm_source=newsletter&utm_medium=email |    | Email          | Newsletter     |
            # utm_source / utm_medium
            https://shop.example.com/p?utm_source=klaviyo&utm_medium=email |                   | Email          | Klaviyo        |
            https://shop.example.com/p?utm_medium=e-mail               |                                  | Email          | Email          |
            https://shop.example.com/p?utm_source=Newsletter           |                                  | Email          | Newsletter     |
            https://shop.example.com/p?utm_source=mailchimp&utm_medium=mail |                 | Email          | Mailchimp      |
            https://shop.example.com/p?utm_source=facebook&utm_medium=social |                | Organic Social | Facebook       |
            https://shop.example.com/p?utm_source=x&utm_medium=social  |                                  | Organic Social | Twitter        |
            https://shop.example.com/p?utm_medium=social               | https://lm.facebook.com/l.php    | Organic Social | Facebook       |
            https://shop.example.com/p?utm_source=www.partner-blog.com&utm_medium=referral | | Referral      | partner-blog.com |
            https://shop.example.com/p?utm_source=awin&utm_medium=affiliate |                 | Affiliates     | Awin           |
            https://shop.example.com/p?utm_source=google&utm_medium=organic |                 | Organic Search | Google         |
            https://shop.example.com/p?utm_source=bing                 |                                  | Organic Search | Bing           |
            https://shop.example.com/p?utm_source=pinterest&utm_medium=pin |                  | Organic Social | Pinterest      |
            https://shop.example.com/p?utm_source=podcast&utm_medium=audio |                  | Other          | Podcast        |
            https://shop.example.com/p?utm_medium=banner               |                                  | Other          | Unknown        |
            # the referrer
            https://shop.example.com/p                                 | https://www.google.co.uk/        | Organic Search | Google         |
            https://shop.example.com/p                                 | https://duckduckgo.com/          | Organic Search | Duckduckgo     |
            https://shop.example.com/p                                 | https://search.yahoo.co.jp/search?p=shoes | Organic Search | Yahoo  |
            https://shop.example.com/p                                 | https://yandex.ru/               | Organic Search | Yandex         |
            https://shop.example.com/p                                 | https://www.ecosia.org/search?q=shoes | Organic Search | Ecosia    |
            https://shop.example.com/p                                 | https://t.co/abc                 | Organic Social | Twitter        |
            https://shop.example.com/p                                 | https://x.com/                   | Organic Social | Twitter        |
            https://shop.example.com/p                                 | https://m.facebook.com/          | Organic Social | Facebook       |
            https://shop.example.com/p                                 | https://l.instagram.com/         | Organic Social | Instagram      |
            https://shop.example.com/p                                 | https://www.linkedin.com/feed    | Organic Social | Linkedin       |
            https://shop.example.com/p                                 | https://news.ycombinator.com/item?id=1 | Referral | news.ycombinator.com |
            https://shop.example.com/p                                 | https://www.partner.com/         | Referral       | partner.com    |
            https://shop.example.com/p                                 | https://blog.example.com/        | Referral       | blog.example.com |
            # internal referrers and no source at all
            https://shop.example.com/p                                 | https://www.shop.example.com/cart | Direct        | Direct         |
            https://www.shop.example.com/p                             | https://shop.example.com:443/    | Direct         | Direct         |
            https://shop.example.com/p                                 |                                  | Direct         | Direct         |
            https://shop.example.com/p?utm_campaign=spring             |                                  | Direct         | Direct         | spring
                                                                       |                                  | Direct         | Direct         |
            '   '                                                      | '  '                             | Direct         | Direct         |
            # unparseable input never throws
            http://[::1                                                |                                  | Direct         | Direct         |
            %%%?&&==&=x                                                | not a url                        | Direct         | Direct         |
            ::::                                                       | https://www.google.com/          | Organic Search | Google         |
            # parameter names are case-insensitive, values URL-decoded
            https://shop.example.com/p?UTM_SOURCE=Google&Utm_Medium=CPC |                                 | Paid Search    | Google Ads     |
            https://shop.example.com/p?utm_source=bing&utm_campaign=Black%20Friday+2024 |       | Organic Search | Bing           | Black Friday 2024
            https://shop.example.com/p?utm_source=bing&utm_campaign=50%off |                  | Organic Search | Bing           | 50%off
            https://shop.example.com/p?cvg_source=google&cvg_cid=c1&utm_campaign=spring |       | Paid Search    | Google Ads     | c1
            https://shop.example.com/#/p?utm_source=bing&utm_campaign=x#top |                 | Organic Search | Bing           | x
            """)
    void classifiesLandingIntoChannel(String landingUrl, String referrer, String group, String channel,
                                      String campaign) {
        TrafficSource source = rules.classify(landingUrl, referrer);

        assertThat(source.channelGroup()).isEqualTo(group);
        assertThat(source.channel()).isEqualTo(channel);
        assertThat(source.campaign()).isEqualTo(campaign);
    }

    @ParameterizedTest(name = "{0} from {1} has no traffic source")
    @CsvSource(delimiter = '|', textBlock = """
            https://shop.example.com/p                 |
            https://shop.example.com/p?page=2&q=shoes  | https://www.shop.example.com/search
                                                       |
            http://[::1                                | not a url
            """)
    void landingWithoutTrafficSourceHasNoKey(String landingUrl, String referrer) {
        TrafficSource source = rules.classify(landingUrl, referrer);

        assertThat(source.isPresent()).isFalse();
        assertThat(source.channelGroup()).isEqualTo("Direct");
    }

    @ParameterizedTest(name = "{0} from {1} is the same source as {2} from {3}")
    @CsvSource(delimiter = '|', textBlock = """
            https://shop.example.com/p?gclid=aaa&utm_campaign=spring  |                        | https://shop.example.com/q?gclid=bbb&utm_campaign=spring | https://www.google.com/
            https://shop.example.com/p?cvg_source=facebook&cvg_cid=1&cvg_asid=2&cvg_adid=3 | | https://shop.example.com/q?cvg_source=instagram&cvg_cid=1&cvg_asid=2&cvg_adid=3 |
            https://shop.example.com/p                                 | https://www.google.com/ | https://shop.example.com/q                               | https://www.google.co.uk/search
            https://shop.example.com/p?fbclid=aaa                      |                        | https://shop.example.com/q                               | https://l.facebook.com/
            https://shop.example.com/p?utm_source=Klaviyo&utm_medium=email&utm_campaign=Spring | | https://shop.example.com/q?utm_source=klaviyo&utm_medium=email&utm_campaign=spring |
            """)
    void loadsFromTheSameSourceShareAKey(String landingUrl, String referrer, String otherLandingUrl,
                                         String otherReferrer) {
        TrafficSource source = rules.classify(landingUrl, referrer);
        TrafficSource other = rules.classify(otherLandingUrl, otherReferrer);

        assertThat(source.key()).isNotNull().isEqualTo(other.key());
    }

    @ParameterizedTest(name = "{0} from {1} is not the same source as {2} from {3}")
    @CsvSource(delimiter = '|', textBlock = """
            https://shop.example.com/p                                | https://www.google.com/ | https://shop.example.com/p?cvg_source=facebook        |
            https://shop.example.com/p?utm_source=google&utm_medium=organic |                  | https://shop.example.com/p?utm_source=google&utm_medium=cpc |
            https://shop.example.com/p?gclid=a&utm_campaign=spring    |                         | https://shop.example.com/p?gclid=a&utm_campaign=summer |
            https://shop.example.com/p?cvg_source=google&cvg_asid=1   |                         | https://shop.example.com/p?cvg_source=google&cvg_asid=2 |
            https://shop.example.com/p?cvg_source=google&cvg_adid=1   |                         | https://shop.example.com/p?cvg_source=google&cvg_adid=2 |
            https://shop.example.com/p?utm_source=partner&utm_medium=banner |                   | https://shop.example.com/p?utm_source=partner&utm_medium=video |
            https://shop.example.com/p                                | https://a.example.org/  | https://shop.example.com/p                            | https://b.example.org/
            https://shop.example.com/p?utm_campaign=spring            |                         | https://shop.example.com/p?utm_campaign=summer        |
            """)
    void differentSourcesHaveDifferentKeys(String landingUrl, String referrer, String otherLandingUrl,
                                           String otherReferrer) {
        TrafficSource source = rules.classify(landingUrl, referrer);
        TrafficSource other = rules.classify(otherLandingUrl, otherReferrer);

        assertThat(source.key()).isNotNull();
        assertThat(other.key()).isNotNull().isNotEqualTo(source.key());
    }

    @Test
    void takesCampaignAdSetAndAdFromConvergeParameters() {
        TrafficSource source = rules.classify(SHOP + "?cvg_source=google&cvg_cid=%20c1%20&cvg_asid=s1&cvg_adid=a1"
                + "&utm_content=ignored&utm_term=ignored", null);

        assertThat(source).extracting(TrafficSource::campaign, TrafficSource::adSet, TrafficSource::ad)
                .containsExactly("c1", "s1", "a1");
    }

    @Test
    void keepsLandingUrlAndReferrerAsGiven() {
        String landing = SHOP + "?UTM_SOURCE=Bing&x=%zz";
        String referrer = " https://WWW.Partner.com/a?b=c ";

        TrafficSource source = rules.classify(landing, referrer);

        assertThat(source.landingUrl()).isEqualTo(landing);
        assertThat(source.referrer()).isEqualTo(referrer);
    }

    @Test
    void readsItsNamesFromTheCatalog() {
        ChannelCatalog catalog = new ChannelCatalog(List.of("kagi"), List.of("mastodon"), List.of("sms"),
                List.of("sponsored*"));
        ChannelRules custom = new ChannelRules(catalog);

        assertThat(custom.classify(SHOP, "https://kagi.com/search").channel()).isEqualTo("Kagi");
        assertThat(custom.classify(SHOP, "https://mastodon.social/").channelGroup()).isEqualTo("Organic Social");
        assertThat(custom.classify(SHOP, "https://www.google.com/").channelGroup()).isEqualTo("Referral");
        assertThat(custom.classify(SHOP + "?utm_medium=sms", null).channelGroup()).isEqualTo("Email");
        assertThat(custom.classify(SHOP + "?utm_medium=sponsored_post&utm_source=acme", null).channelGroup())
                .isEqualTo("Paid Other");
    }
}
