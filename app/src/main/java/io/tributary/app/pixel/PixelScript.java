package io.tributary.app.pixel;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/** The pixel's source ({@code pixel/cvg.js}) with a collect URL baked in. */
@Component
class PixelScript {

    static final String RESOURCE = "pixel/cvg.js";
    private static final String PLACEHOLDER = "{{COLLECT_URL}}";
    private static final String CONSENT_PLACEHOLDER = "{{REQUIRE_CONSENT}}";

    private final String template;

    PixelScript() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the pixel script is missing from the classpath", e);
        }
        if (!template.contains('"' + PLACEHOLDER + '"')) {
            throw new IllegalStateException(RESOURCE + " lacks the \"" + PLACEHOLDER + "\" placeholder");
        }
    }

    /** The script, plain and gzipped, with an entity tag. */
    record Rendered(byte[] plain, byte[] gzipped, String etag) {
    }

    Rendered render(String collectUrl) {
        return render(collectUrl, false);
    }

    /** @param requireConsent the source collects nothing before the visitor grants analytics consent */
    Rendered render(String collectUrl, boolean requireConsent) {
        String literal = new String(JsonStringEncoder.getInstance().quoteAsString(collectUrl))
                .replace("<", "\\u003c");
        byte[] plain = template.replace(PLACEHOLDER, literal).replace(CONSENT_PLACEHOLDER, String.valueOf(requireConsent))
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
