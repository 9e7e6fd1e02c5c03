package io.tributary.app.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OutboundHostsTest {

    @ParameterizedTest(name = "{0} private: {1}")
    @CsvSource({
        "127.0.0.1, true", "127.8.9.10, true", "10.1.2.3, true", "172.16.0.1, true", "172.31.255.255, true",
        "192.168.1.1, true", "169.254.169.254, true", "0.0.0.0, true", "100.64.0.1, true", "100.127.255.254, true",
        "224.0.0.1, true", "::1, true", "fe80::1, true", "fc00::1, true", "fd12:3456::1, true", "::, true",
        "8.8.8.8, false", "172.32.0.1, false", "100.128.0.1, false", "151.101.1.1, false", "2606:4700::1111, false"})
    void tellsPrivateAddressesFromPublicOnes(String address, boolean isPrivate) throws UnknownHostException {
        assertThat(OutboundHosts.isPrivate(InetAddress.getByName(address))).isEqualTo(isPrivate);
    }

    @ParameterizedTest(name = "{0} -> refused: {1}")
    @CsvSource({
        "https://shop.example/wp-json, false",
        "https://metadata.internal/latest, true",
        "https://mixed.example/, true",
        "https://169.254.169.254/latest/meta-data, true",
        "http://127.0.0.1:8080/admin, true",
        "ftp://shop.example/, true",
        "file:///etc/passwd, true",
        "https://unknown.example/, true"})
    void callsPublicHostsOnly(String url, boolean refused) {
        OutboundHosts hosts = new OutboundHosts(false, 1024, OutboundHostsTest::resolve);

        if (refused) {
            assertThatThrownBy(() -> hosts.check(URI.create(url))).isInstanceOf(OutboundRefused.class);
        } else {
            assertThatCode(() -> hosts.check(URI.create(url))).doesNotThrowAnyException();
        }
    }

    @Test
    void callsPrivateHostsWhenAllowed() {
        OutboundHosts hosts = new OutboundHosts(true, 1024, OutboundHostsTest::resolve);

        assertThatCode(() -> hosts.check(URI.create("http://127.0.0.1:8089/stub"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> hosts.check(URI.create("file:///etc/passwd"))).isInstanceOf(OutboundRefused.class);
    }

    @Test
    void readsBodiesUpToTheCap() throws Exception {
        OutboundHosts hosts = new OutboundHosts(false, 4, OutboundHostsTest::resolve);

        assertThat(hosts.read(new ByteArrayInputStream(new byte[4]))).hasSize(4);
        assertThatThrownBy(() -> hosts.read(new ByteArrayInputStream(new byte[5]))).isInstanceOf(OutboundRefused.class);
    }

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "shop.example" -> List.of(InetAddress.getByName("93.184.216.34"));
            case "metadata.internal" -> List.of(InetAddress.getByName("169.254.169.254"));
            case "mixed.example" -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5"));
            case "unknown.example" -> throw new UnknownHostException(host);
            default -> List.of(InetAddress.getByName(host));
        };
    }
}
