package io.tributary.app.privacy;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/privacy/retention/run}: runs the retention sweep now (it also runs daily), 202 with what it
 * shredded; {@code GET /api/privacy/retention}: this node's last sweep and where its rebuild of the read models is.
 */
@RestController
class RetentionController {

    private final RetentionSweep sweep;

    RetentionController(RetentionSweep sweep) {
        this.sweep = sweep;
    }

    @PostMapping("/api/privacy/retention/run")
    ResponseEntity<RetentionRun> run() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(sweep.run());
    }

    @GetMapping("/api/privacy/retention")
    Object last() {
        RetentionRun last = sweep.last();
        return last == null ? Map.of("status", "never_run") : last;
    }
}
