package io.tributary.app.commerce;

import io.tributary.app.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.HttpStatus;

/** A request body exactly as its bytes arrived (signatures are over the bytes), refusing more than a limit (413). */
final class RequestBytes {

    private RequestBytes() {
    }

    static byte[] read(HttpServletRequest request, int maxBytes) {
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
