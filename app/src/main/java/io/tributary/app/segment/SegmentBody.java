package io.tributary.app.segment;

import io.tributary.app.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Reads a request body as UTF-8 text, plain or {@code Content-Encoding: gzip}. The limit applies to the
 * decompressed size (413), and decompression stops one byte past it, so a small gzip bomb costs nothing.
 */
final class SegmentBody {

    private SegmentBody() {
    }

    static String read(HttpServletRequest request, int maxBytes) {
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        boolean gzip = encoding != null && encoding.trim().toLowerCase(Locale.ROOT).equals("gzip");
        if (!gzip && encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding", "must be gzip or absent");
        }
        if (!gzip && request.getContentLengthLong() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream raw = request.getInputStream(); InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (ZipException | EOFException corrupt) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "body", "is not valid gzip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiProblem tooLarge(int maxBytes) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "body", "must be at most " + maxBytes / 1024
                + " KB once decompressed");
    }
}
