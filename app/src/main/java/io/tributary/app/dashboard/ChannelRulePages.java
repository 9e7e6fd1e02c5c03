package io.tributary.app.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.channel.ChannelClassifier;
import io.tributary.api.channel.ChannelRule;
import io.tributary.api.channel.ChannelRuleCheck;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.report.AttributionModel;
import io.tributary.app.identity.dryrun.DryRunRequest;
import io.tributary.app.identity.dryrun.DryRunView;
import io.tributary.app.identity.dryrun.DryRuns;
import io.tributary.app.web.ApiProblem;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Channel rules: the rules in force, a form that dry-runs candidate rules (JSON), a form that dry-runs candidate
 * identity rules (JSON), and each dry-run's page with its progress (htmx polling), its diff and an apply button.
 */
@Controller
class ChannelRulePages {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY);

    private final ChannelClassifier channels;
    private final DryRuns dryRuns;
    /** The app's JSON settings (durations as ISO-8601), for identity rules. */
    private final ObjectMapper wiring;

    ChannelRulePages(ChannelClassifier channels, DryRuns dryRuns, ObjectMapper wiring) {
        this.channels = channels;
        this.dryRuns = dryRuns;
        this.wiring = wiring.copy().configure(com.fasterxml.jackson.databind.DeserializationFeature
                .FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    @GetMapping("/dashboard/channel-rules")
    String page(Model model) {
        var inForce = channels.inForce();
        return page(model, pretty(inForce.rules()), AttributionModel.LAST_TOUCH.wireName(), List.of());
    }

    @PostMapping("/dashboard/channel-rules/dry-runs")
    String dryRun(@RequestParam String rules, @RequestParam(defaultValue = "last_touch") String attributionModel,
                  Model model) {
        List<FieldError> problems = new java.util.ArrayList<>();
        List<ChannelRule> candidate = parse(rules, problems);
        AttributionModel chosen = AttributionModel.LAST_TOUCH;
        try {
            chosen = AttributionModel.fromWire(attributionModel);
        } catch (IllegalArgumentException unknown) {
            problems.add(new FieldError("model", "is not a known attribution model"));
        }
        if (!problems.isEmpty()) {
            return page(model, rules, attributionModel, problems);
        }
        return "redirect:/dashboard/dry-runs/" + dryRuns.start(candidate, chosen);
    }

    /** Candidate identity rules as a JSON object of the API's fields; every problem named on the page. */
    @PostMapping("/dashboard/identity/dry-runs")
    String identityDryRun(@RequestParam String identityRules,
                          @RequestParam(defaultValue = "last_touch") String attributionModel, Model model) {
        List<FieldError> problems = new java.util.ArrayList<>();
        DryRunRequest request = null;
        try {
            IdentityFields fields = wiring.readValue(identityRules, IdentityFields.class);
            request = new DryRunRequest(null, attributionModel, null, null, fields.aliasLimits(),
                    fields.blockedValues(), fields.aliasPriority(), fields.sessionTimeout());
            problems.addAll(DryRuns.identityProblems(request));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problems.add(new FieldError("identityRules", "is not a JSON object of aliasLimits, blockedValues, "
                    + "aliasPriority and sessionTimeout"));
        }
        try {
            AttributionModel.fromWire(attributionModel);
        } catch (IllegalArgumentException unknown) {
            problems.add(new FieldError("model", "is not a known attribution model"));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("identityRules", identityRules);
            model.addAttribute("identityProblems", problems);
            return page(model, pretty(channels.inForce().rules()), attributionModel, List.of());
        }
        return "redirect:/dashboard/dry-runs/" + dryRuns.start(request);
    }

    /** The identity fields of a dry-run request. */
    record IdentityFields(java.util.Map<String, Integer> aliasLimits, List<String> blockedValues,
                          List<String> aliasPriority, java.time.Duration sessionTimeout) {
    }

    @GetMapping("/dashboard/dry-runs/{id}")
    String dryRunPage(@PathVariable String id, Model model) {
        model.addAttribute("run", found(id));
        model.addAttribute("active", "channel-rules");
        return "dashboard/dry-run";
    }

    @GetMapping("/dashboard/dry-runs/{id}/body")
    String dryRunBody(@PathVariable String id, Model model) {
        model.addAttribute("run", found(id));
        return "dashboard/dry-run :: body";
    }

    @PostMapping("/dashboard/dry-runs/{id}/apply")
    String apply(@PathVariable String id, Model model) {
        if (!dryRuns.apply(id)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "id", "dry-run " + id + " cannot be applied now");
        }
        model.addAttribute("run", found(id));
        return "dashboard/dry-run :: body";
    }

    private String page(Model model, String rules, String attributionModel, List<FieldError> problems) {
        model.addAttribute("inForce", channels.inForce());
        model.addAttribute("rules", rules);
        model.addAttribute("attributionModel", attributionModel);
        model.addAttribute("models", Arrays.stream(AttributionModel.values()).map(AttributionModel::wireName).toList());
        model.addAttribute("problems", problems);
        model.addAttribute("dryRuns", dryRuns.recent());
        if (!model.containsAttribute("identityRules")) {
            model.addAttribute("identityRules", prettyIdentity());
            model.addAttribute("identityProblems", List.of());
        }
        model.addAttribute("active", "channel-rules");
        return "dashboard/channel-rules";
    }

    private DryRunView found(String id) {
        return dryRuns.view(id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "id", "no dry-run " + id));
    }

    /** A JSON list of rules, or {@code {"rules": [...]}}; every problem named. */
    private static List<ChannelRule> parse(String text, List<FieldError> problems) {
        try {
            JsonNode tree = JSON.readTree(text);
            JsonNode list = tree != null && tree.isObject() ? tree.get("rules") : tree;
            List<ChannelRule> rules = list == null ? null
                    : Arrays.asList(JSON.treeToValue(list, ChannelRule[].class));
            problems.addAll(ChannelRuleCheck.problems("rules", rules));
            return rules;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problems.add(new FieldError("rules", "is not a JSON list of rules (see docs/channels.md)"));
            return List.of();
        }
    }

    private String prettyIdentity() {
        try {
            return wiring.writerWithDefaultPrettyPrinter().writeValueAsString(dryRuns.identityRulesInForce());
        } catch (JsonProcessingException bug) {
            throw new IllegalStateException(bug);
        }
    }

    private static String pretty(List<ChannelRule> rules) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rules);
        } catch (JsonProcessingException bug) {
            throw new IllegalStateException(bug);
        }
    }
}
