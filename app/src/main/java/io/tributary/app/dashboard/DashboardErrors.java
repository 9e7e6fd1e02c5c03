package io.tributary.app.dashboard;

import io.tributary.api.ingestion.FieldError;
import io.tributary.app.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Dashboard errors are pages with a message, never a stack trace: client mistakes say what, failures get an id. */
@ControllerAdvice(basePackageClasses = DashboardErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

    private static final Logger log = LoggerFactory.getLogger(DashboardErrors.class);

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, HttpServletResponse response, Model model) {
        response.setStatus(problem.status().value());
        model.addAttribute("status", problem.status().value());
        model.addAttribute("messages", problem.errors().stream().map(DashboardErrors::message).toList());
        return "dashboard/error";
    }

    @ExceptionHandler(Exception.class)
    String failure(Exception failure, HttpServletResponse response, Model model) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Dashboard failure {}", id, failure);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        model.addAttribute("status", 500);
        model.addAttribute("messages", java.util.List.of(
                "This page could not be loaded. The server log has the details under error id " + id + "."));
        return "dashboard/error";
    }

    private static String message(FieldError error) {
        return error.field() == null ? error.message() : error.field() + ": " + error.message();
    }
}
