package io.tributary.app.pixel;

import io.tributary.app.privacy.SourcePrivacy;
import io.tributary.app.web.ApiProblem;
import io.tributary.api.intake.SourceCredentials;
import io.tributary.api.intake.IntakeDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Serves the pixel of a browser source: {@code GET /pixels/<token>.js}, with the source's collect URL baked in; and
 * {@code GET /pixels/<token>/shopify.js}, the code to paste into Shopify's Customer Events as a custom pixel, posting
 * to the same collect URL. Unknown, disabled and server tokens are 404, so the page's stub simply keeps queueing.
 */
@RestController
class PixelController {

    static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

    private final IntakeDirectory directory;
    private final PixelScript pixel = new PixelScript(PixelScript.RESOURCE);
    private final PixelScript shopify = new PixelScript(PixelScript.SHOPIFY_RESOURCE);
    private final PixelProperties properties;
    private final SourcePrivacy privacy;

    PixelController(IntakeDirectory directory, PixelProperties properties, SourcePrivacy privacy) {
        this.privacy = privacy;
        this.directory = directory;
        this.properties = properties;
    }

    @GetMapping("/pixels/{token}.js")
    ResponseEntity<byte[]> pixel(@PathVariable String token, HttpServletRequest request) {
        return serve(pixel, token, request);
    }

    @GetMapping("/pixels/{token}/shopify.js")
    ResponseEntity<byte[]> shopifyCustomPixel(@PathVariable String token, HttpServletRequest request) {
        return serve(shopify, token, request);
    }

    private ResponseEntity<byte[]> serve(PixelScript script, String token, HttpServletRequest request) {
        SourceCredentials source = directory.sourceByToken(token).filter(PixelController::servesPixel)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "token", "no browser source has this token"));
        PixelScript.Rendered rendered = script.render(publicUrl() + "/api/collect/" + token, source.dataLayer(),
                privacy.requiresConsent(source.sourceId()));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(JAVASCRIPT)
                .cacheControl(CacheControl.maxAge(properties.maxAge()).cachePublic())
                .eTag(rendered.etag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header("X-Content-Type-Options", "nosniff");
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(rendered.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(response.build().getHeaders()).build();
        }
        if (acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(rendered.gzipped());
        }
        return response.body(rendered.plain());
    }

    private static boolean servesPixel(SourceCredentials source) {
        return source.type().isBrowser() && source.enabled();
    }

    private String publicUrl() {
        return properties.publicUrl() != null ? properties.publicUrl()
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] nameAndWeight = coding.trim().split("\\s*;\\s*", 2);
            if (nameAndWeight[0].equalsIgnoreCase("gzip")) {
                return nameAndWeight.length == 1 || !nameAndWeight[1].matches("q=0(\\.0*)?");
            }
        }
        return false;
    }
}
