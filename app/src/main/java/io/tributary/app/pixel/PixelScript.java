package io.tributary.app.pixel;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.DigestUtils;

/**
 * A script served per browser source with its collect URL baked in: the pixel ({@code pixel/cvg.js}) or the Shopify
 * custom pixel ({@code pixel/shopify.js}).
 */
class PixelScript {

    static final String RESOURCE = "pixel/cvg.js";
    static final String SHOPIFY_RESOURCE = "pixel/shopify.js";
    private static final String PLACEHOLDER = "{{COLLECT_URL}}";
    private static final String DATA_LAYER = "\"{{DATA_LAYER}}\"";
    private static final String CONSENT_PLACEHOLDER = "{{REQUIRE_CONSENT}}";

    private final String template;

    PixelScript(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is missing from the classpath", e);
        }
        if (!template.contains('"' + PLACEHOLDER + '"')) {
            throw new IllegalStateException(resource + " lacks the \"" + PLACEHOLDER + "\" placeholder");
        }
    }

    /** The script, plain and gzipped, with an entity tag. */
    record Rendered(byte[] plain, byte[] gzipped, String etag) {
    }

    /**
     * @param dataLayer      the source's setting, for a script that has the {@code "{{DATA_LAYER}}"} switch
     * @param requireConsent the source collects nothing before the visitor grants analytics consent, for a script
     *                       that has the {@code {{REQUIRE_CONSENT}}} switch
     */
    Rendered render(String collectUrl, boolean dataLayer, boolean requireConsent) {
        String literal = new String(JsonStringEncoder.getInstance().quoteAsString(collectUrl))
                .replace("<", "\\u003c");
        byte[] plain = template.replace(PLACEHOLDER, literal).replace(DATA_LAYER, Boolean.toString(dataLayer))
                .replace(CONSENT_PLACEHOLDER, Boolean.toString(requireConsent))
                .getBytes(StandardCharsets.UTF_8);
        return new Rendered(plain, gzip(plain), '"' + DigestUtils.md5DigestAsHex(plain) + '"');
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
