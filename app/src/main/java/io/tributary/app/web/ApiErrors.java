package io.tributary.app.web;

import io.tributary.api.ingestion.FieldError;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Client mistakes get a 4xx naming every problem field; only our own failures are 5xx. */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Map<String, Object>> problem(ApiProblem problem) {
        return body(problem.status(), problem.errors());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, List.of(new FieldError("Content-Type", e.getMessage())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, List.of(new FieldError("body", "is not valid JSON of the expected shape")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, List.of(new FieldError(e.getName(), "has an invalid value")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, List.of(new FieldError(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, List.of(new FieldError("method", e.getMessage())));
    }

    @ExceptionHandler(ServiceUnavailable.class)
    ResponseEntity<Map<String, Object>> unavailable(ServiceUnavailable e) {
        if (e.refusedAtOnce()) {
            log.debug("Refused at once: {}", e.getMessage());
            return body(HttpStatus.SERVICE_UNAVAILABLE, List.of(new FieldError("body", "not stored: " + e.getMessage())));
        }
        log.error("Unavailable: {}", e.getMessage(), e);
        return body(HttpStatus.SERVICE_UNAVAILABLE, List.of(new FieldError("body", "not stored: retry later")));
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, List<FieldError> errors) {
        return ResponseEntity.status(status).body(Map.of("errors", errors));
    }
}
