package io.tributary.app.identity;

import io.tributary.api.ingestion.FieldError;
import io.tributary.app.web.ApiProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The bodies of the identity operations, each checked whole: a 400 names every problem field. */
final class IdentityRequests {

    static final int MAX_REASON = 500;

    private IdentityRequests() {
    }

    record Merge(String otherProfileId, String reason) {
        void check() {
            List<FieldError> errors = new ArrayList<>();
            required(errors, "otherProfileId", otherProfileId);
            checkReason(errors, reason);
            fail(errors);
        }
    }

    record Split(String mergedProfileId, List<String> aliases, String reason) {
        void check() {
            List<FieldError> errors = new ArrayList<>();
            boolean byProfile = mergedProfileId != null && !mergedProfileId.isBlank();
            boolean byAliases = aliases != null && !aliases.isEmpty();
            if (byProfile == byAliases) {
                errors.add(new FieldError(byProfile ? "aliases" : "mergedProfileId",
                        "give either mergedProfileId or aliases"));
            }
            if (aliases != null) {
                for (int i = 0; i < aliases.size(); i++) {
                    if (aliases.get(i) == null || aliases.get(i).isBlank()) {
                        errors.add(new FieldError("aliases[" + i + "]", "must not be blank"));
                    }
                }
            }
            checkReason(errors, reason);
            fail(errors);
        }
    }

    record Quarantine(String alias, String reason, Boolean split) {
        void check() {
            List<FieldError> errors = new ArrayList<>();
            required(errors, "alias", alias);
            checkReason(errors, reason);
            fail(errors);
        }
    }

    /** A request's {@code ?wait=} in milliseconds (0: answer 202 at once), or null for the settings' answer-within. */
    static Duration waitOf(String wait) {
        if (wait == null) {
            return null;
        }
        try {
            long millis = Long.parseLong(wait.trim());
            if (millis >= 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "wait", "must be a whole number of milliseconds, 0 or more");
    }

    private static void required(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static void checkReason(List<FieldError> errors, String reason) {
        required(errors, "reason", reason);
        if (reason != null && reason.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "is longer than " + MAX_REASON + " characters"));
        }
    }

    private static void fail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
        }
    }
}
