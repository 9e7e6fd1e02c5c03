package io.tributary.app.profile;

import io.tributary.api.intake.IntakeDirectory;
import io.tributary.api.intake.Suppression;
import io.tributary.app.web.ApiProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The aliases of erased people, by keyed hash only; lifting one lets that alias stitch again. */
@RestController
@RequestMapping("/api/identity/suppressions")
class SuppressionController {

    private final IntakeDirectory intake;

    SuppressionController(IntakeDirectory intake) {
        this.intake = intake;
    }

    @GetMapping
    List<Suppression> list() {
        return intake.suppressions();
    }

    @DeleteMapping("/{aliasHash}")
    ResponseEntity<Void> lift(@PathVariable String aliasHash) {
        if (!intake.liftSuppression(aliasHash)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "aliasHash", "no suppression " + aliasHash);
        }
        return ResponseEntity.noContent().build();
    }
}
