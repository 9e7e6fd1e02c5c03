package io.tributary.app.segment;

import io.tributary.app.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Reads a request body as UTF-8 text, decoded by its {@code Content-Encoding}: gzip (or x-gzip), deflate (zlib, or
 * raw deflate as some clients send it) or identity; any other encoding is refused (415). The limit applies to the
 * decoded size (413), and decoding stops one byte past it, so a small compression bomb costs nothing.
 */
final class SegmentBody {

    private enum Encoding { IDENTITY, GZIP, DEFLATE }

    private SegmentBody() {
    }

    static String read(HttpServletRequest request, int maxBytes) {
        Encoding encoding = encodingOf(request.getHeader(HttpHeaders.CONTENT_ENCODING));
        if (encoding == Encoding.IDENTITY && request.getContentLengthLong() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream raw = request.getInputStream(); InputStream in = decoded(raw, encoding)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (ZipException | EOFException corrupt) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "body", "is not valid " + encoding.name().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Encoding encodingOf(String header) {
        String name = header == null ? "" : header.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "", "identity" -> Encoding.IDENTITY;
            case "gzip", "x-gzip" -> Encoding.GZIP;
            case "deflate" -> Encoding.DEFLATE;
            default -> throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding",
                    "must be gzip, deflate or identity (or absent)");
        };
    }

    private static InputStream decoded(InputStream raw, Encoding encoding) throws IOException {
        return switch (encoding) {
            case IDENTITY -> raw;
            case GZIP -> new GZIPInputStream(raw);
            case DEFLATE -> inflated(raw);
        };
    }

    /** HTTP's deflate is zlib-wrapped (RFC 9110); a body without the zlib header is read as raw deflate. */
    private static InputStream inflated(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 2);
        byte[] header = in.readNBytes(2);
        in.unread(header);
        boolean zlib = header.length == 2 && (header[0] & 0x0F) == 8
                && (((header[0] & 0xFF) << 8) | (header[1] & 0xFF)) % 31 == 0;
        return new InflaterInputStream(in, new Inflater(!zlib));
    }

    private static ApiProblem tooLarge(int maxBytes) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "body", "must be at most " + maxBytes / 1024
                + " KB once decoded");
    }
}
