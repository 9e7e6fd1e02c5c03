package io.tributary.app.projection;

import io.tributary.app.web.ApiProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read models: their status and position, and a rebuild by replay. */
@RestController
@RequestMapping("/api/projections")
class ProjectionController {

    private final Projections projections;

    ProjectionController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping
    List<ProjectionStatus> list() {
        return projections.statuses();
    }

    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        if (!projections.names().contains(name)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "name", "no projection " + name + "; known: " + projections.names());
        }
        return ResponseEntity.accepted().body(projections.rebuild(name));
    }
}
