package io.tributary.app.ingest;

import io.tributary.app.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/**
 * Reads a request body, refusing more than a limit (413) before it is held in memory: as text, or exactly as its
 * bytes arrived (store webhooks sign the bytes).
 */
public final class RawBody {

    private RawBody() {
    }

    public static String read(HttpServletRequest request, int maxBytes) {
        return new String(bytes(request, maxBytes), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(HttpServletRequest request, int maxBytes) {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiProblem tooLarge(int maxBytes) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "body", "must be at most " + maxBytes / 1024 + " KB");
    }
}
