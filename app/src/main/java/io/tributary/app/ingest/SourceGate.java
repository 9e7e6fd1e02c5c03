package io.tributary.app.ingest;

import io.tributary.app.web.ApiProblem;
import io.tributary.api.intake.SourceCredentials;
import io.tributary.api.intake.IntakeDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Authenticates intake by source token: 401 unknown, 403 disabled or the wrong kind of source. */
@Component
public class SourceGate {

    private final IntakeDirectory directory;

    SourceGate(IntakeDirectory directory) {
        this.directory = directory;
    }

    public SourceCredentials server(String token, String field) {
        SourceCredentials source = enabled(token, field);
        if (source.type().isBrowser()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, field, "a browser source token cannot send server events");
        }
        return source;
    }

    public SourceCredentials browser(String token, String field) {
        SourceCredentials source = enabled(token, field);
        if (!source.type().isBrowser()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, field, "this endpoint takes a browser source token");
        }
        return source;
    }

    /** For protocols where either kind of token may send (the Segment API): the source's type says how events count. */
    public SourceCredentials anyType(String token, String field) {
        return enabled(token, field);
    }

    private SourceCredentials enabled(String token, String field) {
        SourceCredentials source = directory.sourceByToken(token)
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, field, "missing or unknown source token"));
        if (!source.enabled()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, field, "the source is disabled");
        }
        return source;
    }
}
