package io.tributary.app.segment;

import io.tributary.app.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * The write key (a Tributary source token) of a request: HTTP Basic with the key as the user name and an empty
 * password, as the Segment and RudderStack SDKs send it ({@code base64(key:)}; some send {@code base64(key)}).
 */
final class WriteKey {

    static final String HEADER = "Authorization";
    static final String BODY_FIELD = "writeKey";
    private static final String BASIC = "basic ";

    private WriteKey() {
    }

    /** Empty when there is no Authorization header; 401 when it is not HTTP Basic. */
    static Optional<String> fromBasic(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            throw unauthorized("must be Basic base64(<write key>:)");
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(value.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            throw unauthorized("must be Basic base64(<write key>:)");
        }
    }

    private static ApiProblem unauthorized(String message) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, HEADER, message);
    }
}
