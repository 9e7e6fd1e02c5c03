package io.tributary.app.segment;

import io.tributary.api.ingestion.FieldError;
import io.tributary.app.ingest.IntakeUnavailable;
import io.tributary.app.web.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the Segment API in Segment's shape, {@code {"success": false, "message": …}}, plus the usual list of
 * every problem field.
 */
@RestControllerAdvice(assignableTypes = SegmentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SegmentErrors {

    private static final Logger log = LoggerFactory.getLogger(SegmentErrors.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Map<String, Object>> problem(ApiProblem problem) {
        return body(problem.status(), problem.errors());
    }

    @ExceptionHandler(IntakeUnavailable.class)
    ResponseEntity<Map<String, Object>> unavailable(IntakeUnavailable e) {
        if (e.refusedAtOnce()) {
            log.debug("Segment intake refused at once: {}", e.getMessage());
        } else {
            log.error("Segment intake unavailable", e);
        }
        return body(HttpStatus.SERVICE_UNAVAILABLE, List.of(new FieldError("body", "not stored: retry later")));
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("message", errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        body.put("errors", errors);
        return ResponseEntity.status(status).body(body);
    }
}
