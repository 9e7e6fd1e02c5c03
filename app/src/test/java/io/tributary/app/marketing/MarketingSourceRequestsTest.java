package io.tributary.app.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.app.marketing.MarketingSourceRequests.NewSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketingSourceRequestsTest {

    @ParameterizedTest(name = "{0} account {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            meta   | act_1234567890   | 1234567890
            meta   | 1234567890       | 1234567890
            google | 123-456-7890     | 1234567890
            google | 1234567890       | 1234567890
            tiktok | 7001234567890123 | 7001234567890123
            """)
    void normalisesAccountIds(String platform, String accountId, String expected) {
        List<FieldError> errors = new ArrayList<>();

        NewSource source = MarketingSourceRequests.newSource(Map.of("platform", platform, "name", "n",
                "accountId", accountId), errors);

        assertThat(errors).isEmpty();
        assertThat(source.accountId()).isEqualTo(expected);
        assertThat(source.credentials()).isEmpty();
    }

    @ParameterizedTest(name = "{0} credentials {1} → problems {2}")
    @CsvSource(delimiter = '|', textBlock = """
            meta   | accessToken=x                                         | -
            meta   | token=x                                               | credentials.token credentials.accessToken
            tiktok | accessToken=x                                         | -
            google | developerToken=d accessToken=x                        | -
            google | developerToken=d clientId=c clientSecret=s refreshToken=r loginCustomerId=111-222-3333 | -
            google | accessToken=x                                         | credentials.developerToken
            google | developerToken=d clientId=c                           | credentials.clientSecret credentials.refreshToken
            google | developerToken=d accessToken=x loginCustomerId=12      | credentials.loginCustomerId
            """)
    void checksTheCredentialsEachPlatformNeeds(String platform, String credentials, String problems) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String pair : credentials.split(" ")) {
            given.put(pair.split("=")[0], pair.split("=")[1]);
        }
        List<FieldError> errors = new ArrayList<>();

        MarketingSourceRequests.credentials(AdPlatform.fromWire(platform), given, errors);

        assertThat(errors).extracting(FieldError::field)
                .containsExactlyElementsOf("-".equals(problems) ? List.of() : List.of(problems.split(" ")));
    }

    @Test
    void namesEveryProblemOfAnInvalidRequest() {
        List<FieldError> errors = new ArrayList<>();

        MarketingSourceRequests.newSource(Map.of("platform", "google", "accountId", "12", "currency", "euro",
                "apiBaseUrl", "ftp://x", "options", Map.of("purchaseActionType", "x"),
                "credentials", Map.of("accessToken", " ")), errors);

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("name", "accountId", "currency",
                "apiBaseUrl", "options.purchaseActionType", "credentials.accessToken", "credentials.developerToken",
                "credentials.clientId", "credentials.clientSecret", "credentials.refreshToken");
    }

    @Test
    void refusesAnUnknownPlatform() {
        List<FieldError> errors = new ArrayList<>();

        MarketingSourceRequests.newSource(Map.of("platform", "bing", "name", "n", "accountId", "1"), errors);

        assertThat(errors).extracting(FieldError::field).containsExactly("platform");
    }
}
