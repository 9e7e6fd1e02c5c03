package io.tributary.app.commerce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.tributary.app.outbound.OutboundHosts;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Store API calls follow no redirect, read no oversized body, and call no private host unless allowed. */
class StoreApiCallsTest {

    private WireMockServer store;

    @BeforeEach
    void startStore() {
        store = new WireMockServer(options().dynamicPort());
        store.start();
    }

    @AfterEach
    void stopStore() {
        store.stop();
    }

    private StoreApiCalls calls(boolean allowPrivateHosts, long maxResponseBytes) {
        return new StoreApiCalls(new ObjectMapper(), new CommerceProperties(null, null, null, null, null,
                new CommerceProperties.Backfill(null, Duration.ofSeconds(5), 1, Duration.ofMillis(10))),
                new OutboundHosts(allowPrivateHosts, maxResponseBytes, host -> List.of(InetAddress.getByName(host))));
    }

    @Test
    void readsAnAnswerFromAnAllowedHost() {
        store.stubFor(get("/orders").willReturn(aResponse().withStatus(200).withBody("{\"orders\":[]}")));

        StoreApiCalls.Answer answer = calls(true, 1024).get(calls(true, 1024).request(store.url("/orders")).build());

        assertThat(answer.body().get("orders").isArray()).isTrue();
    }

    @Test
    void refusesARedirectInsteadOfCarryingTheCredentialsAlong() {
        store.stubFor(get("/orders").willReturn(aResponse().withStatus(302).withHeader("Location", store.url("/elsewhere"))));
        StoreApiCalls calls = calls(true, 1024);

        assertThatThrownBy(() -> calls.get(calls.request(store.url("/orders")).header("Authorization", "secret").build()))
                .isInstanceOf(StoreApiException.class).hasMessageContaining("302");
        store.verify(0, getRequestedFor(urlPathEqualTo("/elsewhere")));
    }

    @Test
    void refusesAnAnswerOverTheSizeCap() {
        store.stubFor(get("/orders").willReturn(aResponse().withStatus(200).withBody("{\"orders\":[" + "1,".repeat(100)
                + "1]}")));
        StoreApiCalls calls = calls(true, 64);

        assertThatThrownBy(() -> calls.get(calls.request(store.url("/orders")).build()))
                .isInstanceOf(StoreApiException.class).hasMessageContaining("larger than 64 bytes");
    }

    @Test
    void refusesAPrivateHostUnlessAllowed() {
        store.stubFor(get("/orders").willReturn(aResponse().withStatus(200).withBody("{}")));
        StoreApiCalls calls = calls(false, 1024);

        assertThatThrownBy(() -> calls.get(calls.request(store.url("/orders")).build()))
                .isInstanceOf(StoreApiException.class).hasMessageContaining("private");
        store.verify(0, getRequestedFor(urlPathEqualTo("/orders")));
    }
}
