package io.tributary.app.ingest;

import io.tributary.app.web.ApiProblem;
import io.tributary.api.intake.SourceCredentials;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A browser source answers CORS for its allowed origins ({@code *} allows any). */
public final class Cors {

    private Cors() {
    }

    public static void allow(SourceCredentials source, HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return;
        }
        List<String> allowed = source.allowedOrigins() == null ? List.of("*") : source.allowedOrigins();
        if (allowed.contains("*")) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        } else if (allowed.stream().anyMatch(origin::equalsIgnoreCase)) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        } else {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Origin", "origin " + origin + " is not allowed for this source");
        }
    }
}
