package io.tributary.app.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Outbound calls go to public hosts only: http(s) URLs whose host resolves to no loopback, private (RFC 1918,
 * IPv6 unique local, carrier-grade NAT), link-local (cloud metadata at 169.254.169.254), multicast or unspecified
 * address, unless private hosts are allowed. A name that resolves to several addresses must have none of these.
 * Responses are read up to a size cap. The check resolves the name itself, so a DNS answer that changes between the
 * check and the call (rebinding) is not covered; redirects are never followed, so a public host cannot bounce a
 * call inward.
 */
public class OutboundHosts {

    /** Resolves a host name, as {@link InetAddress#getAllByName} does. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateHosts;
    private final long maxResponseBytes;
    private final Resolver resolver;

    public OutboundHosts(OutboundProperties properties) {
        this(properties.allowPrivateHosts(), properties.maxResponseBytes(), host -> List.of(InetAddress.getAllByName(host)));
    }

    public OutboundHosts(boolean allowPrivateHosts, long maxResponseBytes, Resolver resolver) {
        this.allowPrivateHosts = allowPrivateHosts;
        this.maxResponseBytes = maxResponseBytes;
        this.resolver = resolver;
    }

    /** Throws {@link OutboundRefused} naming the reason when the URL may not be called. */
    public void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new OutboundRefused("only http and https URLs are called, not " + uri.getScheme());
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new OutboundRefused("the URL has no host");
        }
        if (allowPrivateHosts) {
            return;
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new OutboundRefused("the host " + host + " does not resolve");
        }
        if (addresses.isEmpty() || addresses.stream().anyMatch(OutboundHosts::isPrivate)) {
            throw new OutboundRefused("the host " + host + " is a private, loopback or link-local address; set "
                    + "tributary.outbound.allow-private-hosts (TRIBUTARY_ALLOW_PRIVATE_HOSTS) to call it");
        }
    }

    /** Reads a response body, failing once it passes the size cap. */
    public byte[] read(InputStream body) throws IOException {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxResponseBytes + 1));
            if (bytes.length > maxResponseBytes) {
                throw new OutboundRefused("the response is larger than " + maxResponseBytes + " bytes");
            }
            return bytes;
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 || first == 100 && second >= 64 && second <= 127;
    }
}
