package io.tributary.app.pixel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A test shop on its own port, so the pixel is cross-origin as in real life. Every path answers the same
 * single-page app ({@code shop/index.html}), whose snippet loads the pixel from {@link #pixelSrc}.
 */
public final class ShopServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final String page;
    private volatile String pixelSrc = "";

    /** The page's consent call, left out when the query holds {@code no-consent-banner}. */
    static final String CONSENT_CALL = "cvg({ method: \"consent\", analytics: \"granted\", marketing: \"denied\" });";

    public ShopServer() {
        this("/shop/index.html");
    }

    /** A shop whose every path answers the page at {@code resource} (a test classpath resource). */
    public ShopServer(String resource) {
        try (InputStream in = ShopServer.class.getResourceAsStream(resource)) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    public void pixelSrc(String src) {
        this.pixelSrc = src;
    }

    /** The shop as {@code localhost}; {@link #otherDomain()} is the same shop on a second domain. */
    public String url(String pathAndQuery) {
        return "http://localhost:" + port() + pathAndQuery;
    }

    String otherDomain() {
        return "http://127.0.0.1:" + port();
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals("/favicon.ico")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String html = page.replace("{{PIXEL_SRC}}", pixelSrc).replace("{{OTHER_SHOP}}", otherDomain());
            if (String.valueOf(exchange.getRequestURI().getQuery()).contains("no-consent-banner")) {
                html = html.replace(CONSENT_CALL, "");
            }
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
