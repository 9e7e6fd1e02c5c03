package io.tributary.app.web;

import io.tributary.api.ingestion.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A client mistake, answered with its status and every problem field. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, List<FieldError> errors) {
        super(status + " " + errors);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ApiProblem(HttpStatus status, String field, String message) {
        this(status, List.of(new FieldError(field, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
