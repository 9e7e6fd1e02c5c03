package io.tributary.app.dashboard;

import io.tributary.app.projection.ProjectionStatus;
import io.tributary.app.projection.Projections;
import io.tributary.app.web.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Projections: each read model's status and position, and a rebuild with a live progress bar (htmx polling). */
@Controller
class ProjectionPages {

    static final Duration SETTLE = Duration.ofSeconds(1);

    private final Projections projections;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();

    ProjectionPages(Projections projections) {
        this.projections = projections;
    }

    /** A rebuild asked for from here: when, whether it was seen running, and when it was first seen live again. */
    public record Rebuild(Instant requestedAt, boolean seenRunning, Instant finishedAt) {

        Rebuild observe(ProjectionStatus status, Instant now) {
            if (finishedAt != null) {
                return this;
            }
            if (!"live".equals(status.status())) {
                return new Rebuild(requestedAt, true, null);
            }
            // a small replay can end between two looks: after a moment, live means done
            boolean done = seenRunning || now.isAfter(requestedAt.plus(SETTLE));
            return done ? new Rebuild(requestedAt, seenRunning, now) : this;
        }
    }

    public record Row(ProjectionStatus status, Rebuild rebuild) {

        public int percent() {
            return (int) Math.floor(status.progress() * 100);
        }

        public boolean running() {
            return "rebuilding".equals(status.status()) || rebuild != null && rebuild.finishedAt() == null;
        }
    }

    @GetMapping("/dashboard/projections")
    String page(Model model) {
        model.addAttribute("rows", rows());
        model.addAttribute("active", "projections");
        return "dashboard/projections";
    }

    @GetMapping("/dashboard/projections/rows")
    String rowsFragment(Model model) {
        model.addAttribute("rows", rows());
        return "dashboard/projections :: rows";
    }

    @PostMapping("/dashboard/projections/{name}/rebuild")
    String rebuild(@PathVariable String name, Model model) {
        if (!projections.names().contains(name)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "name", "no projection " + name);
        }
        rebuilds.put(name, new Rebuild(Instant.now(), false, null));
        projections.rebuild(name);
        model.addAttribute("rows", rows());
        return "dashboard/projections :: rows";
    }

    private List<Row> rows() {
        return projections.statuses().stream().map(status -> new Row(status, observe(status))).toList();
    }

    private Rebuild observe(ProjectionStatus status) {
        return rebuilds.computeIfPresent(status.name(), (name, rebuild) -> rebuild.observe(status, Instant.now()));
    }
}
