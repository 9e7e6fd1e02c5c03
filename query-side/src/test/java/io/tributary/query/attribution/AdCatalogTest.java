package io.tributary.query.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.query.attribution.AdEntity.Level;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Joining a session's campaign, ad set and ad values to the ad platform's entities. */
class AdCatalogTest {

    private final AdCatalog catalog = new AdCatalog(List.of(
            new AdEntity(AdPlatform.META, Level.CAMPAIGN, "111", "Spring Sale", null, null),
            new AdEntity(AdPlatform.META, Level.CAMPAIGN, "112", "111", null, null),
            new AdEntity(AdPlatform.META, Level.CAMPAIGN, "120", "Twin", null, null),
            new AdEntity(AdPlatform.META, Level.CAMPAIGN, "119", "twin", null, null),
            new AdEntity(AdPlatform.META, Level.CAMPAIGN, "AbC", "Mixed Case Id", null, null),
            new AdEntity(AdPlatform.META, Level.AD_SET, "S1", "Lookalikes", "111", null),
            new AdEntity(AdPlatform.META, Level.AD, "A1", "Video", "111", "S1"),
            new AdEntity(AdPlatform.GOOGLE, Level.CAMPAIGN, "222", "Brand", null, null)));

    @ParameterizedTest(name = "{0} {1}/{2}/{3} -> {4} {5} / {6} {7} / {8}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Meta Ads   | 111           | -          | -     | 111 | Spring Sale    | -  | -          | -
            Meta Ads   | ' spring SALE'| -          | -     | 111 | Spring Sale    | -  | -          | -
            Meta Ads   | abc           | -          | -     | AbC | Mixed Case Id  | -  | -          | -
            Meta Ads   | twin          | -          | -     | 119 | twin           | -  | -          | -
            Meta Ads   | summer        | -          | -     | -   | summer         | -  | -          | -
            Meta Ads   | -             | lookalikes | -     | 111 | Spring Sale    | S1 | Lookalikes | -
            Meta Ads   | -             | -          | A1    | 111 | Spring Sale    | S1 | Lookalikes | A1
            Google Ads | 111           | -          | -     | -   | 111            | -  | -          | -
            Google Ads | brand         | -          | -     | 222 | Brand          | -  | -          | -
            Email      | Brand         | -          | -     | -   | Brand          | -  | -          | -
            """)
    void matchesByIdFirstThenByNameOrIdIgnoringCase(String channel, String campaign, String adSet, String ad,
                                                    String campaignId, String campaignName, String adSetId,
                                                    String adSetName, String adId) {
        ReportDims dims = catalog.resolve(new Touch("Paid", channel, campaign, adSet, ad));

        assertThat(dims.campaignId()).isEqualTo(campaignId);
        assertThat(dims.campaign()).isEqualTo(campaignName);
        assertThat(dims.adSetId()).isEqualTo(adSetId);
        assertThat(dims.adSet()).isEqualTo(adSetName);
        assertThat(dims.adId()).isEqualTo(adId);
    }
}
