package io.tributary.app.deadletter;

import io.tributary.app.web.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The events read models set aside: list, retry one, evict one (admin token). */
@RestController
@RequestMapping("/api/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetterView> list() {
        return deadLetters.list();
    }

    /** 200 with {@code handled: true} when it went through, {@code false} and the entry when it failed again. */
    @PostMapping("/{id}/retry")
    Map<String, Object> retry(@PathVariable String id) {
        boolean handled = deadLetters.retry(id).orElseThrow(() -> notFound(id));
        return handled ? Map.of("id", id, "handled", true)
                : Map.of("id", id, "handled", false, "deadLetter", deadLetters.find(id).orElseThrow(() -> notFound(id)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> evict(@PathVariable String id) {
        if (!deadLetters.evict(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static ApiProblem notFound(String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "id", "no dead letter " + id);
    }
}
