package io.tributary.app.identity.dryrun;

import io.tributary.api.channel.ChannelRuleCheck;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.report.AttributionModel;
import io.tributary.app.web.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dry-runs of candidate channel and identity rules over the recorded history, and their apply. */
@RestController
@RequestMapping("/api/identity/dry-runs")
class DryRunController {

    private final DryRuns dryRuns;

    DryRunController(DryRuns dryRuns) {
        this.dryRuns = dryRuns;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> start(@RequestBody DryRunRequest request) {
        AttributionModel model = checked(request);
        DryRun run = dryRuns.start(request, model);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", run.id));
    }

    @GetMapping("/{id}")
    DryRunView get(@PathVariable String id) {
        return found(id).view();
    }

    /** 202 while the apply runs in the background; 409 before the dry-run is done, or after an apply. */
    @PostMapping("/{id}/apply")
    ResponseEntity<DryRunView> apply(@PathVariable String id) {
        DryRun run = found(id);
        if (!dryRuns.apply(run)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "id", "dry-run " + id + " is " + run.view().status()
                    + "; only a done dry-run that was not applied yet can be applied");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(run.view());
    }

    private DryRun found(String id) {
        return dryRuns.find(id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "id", "no dry-run " + id));
    }

    private static AttributionModel checked(DryRunRequest request) {
        if (request == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "body", "is required");
        }
        List<FieldError> problems = new ArrayList<>();
        if (request.channelRules() != null || !IdentityCandidate.given(request)) {
            problems.addAll(ChannelRuleCheck.problems("channelRules", request.channelRules()));
        }
        problems.addAll(IdentityCandidate.problems(request));
        AttributionModel model = null;
        try {
            model = request.model() == null ? AttributionModel.LAST_TOUCH : AttributionModel.fromWire(request.model());
        } catch (IllegalArgumentException unknown) {
            problems.add(new FieldError("model", "is not one of " + List.of(AttributionModel.values()).stream()
                    .map(AttributionModel::wireName).toList()));
        }
        if (request.from() != null && request.to() != null && request.to().isBefore(request.from())) {
            problems.add(new FieldError("to", "is before from"));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, problems);
        }
        return model;
    }
}
