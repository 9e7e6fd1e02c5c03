package io.tributary.app.dashboard;

import io.tributary.api.identity.IdentityOperationOutcome;
import io.tributary.api.identity.MergeProfilesByHand;
import io.tributary.api.identity.QuarantineAlias;
import io.tributary.api.identity.SplitProfileByHand;
import io.tributary.api.intake.AliasParser;
import io.tributary.api.intake.IntakeDirectory;
import io.tributary.api.intake.ParsedAlias;
import io.tributary.api.profile.FindProfile;
import io.tributary.api.profile.FindProfileByAlias;
import io.tributary.api.profile.ProfileView;
import io.tributary.app.identity.IdentityOperationRunner;
import io.tributary.app.identity.IdentityOperationRunner.Finished;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The profile explorer's and the quality page's identity buttons: merge, split and quarantine, each confirmed in
 * the browser first. They send the same commands as the admin API, recorded with the operator {@code dashboard}; a
 * split or quarantine with split runs as the admin API's does (one per profile; a long one goes on in the background).
 */
@Controller
class IdentityActions {

    static final String OPERATOR = "dashboard";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final IdentityOperationRunner runner;
    private final AliasParser aliases;

    IdentityActions(CommandGateway commands, QueryGateway queries, IdentityOperationRunner runner,
                    IntakeDirectory intake) {
        this.commands = commands;
        this.queries = queries;
        this.runner = runner;
        this.aliases = intake.aliases();
    }

    @PostMapping("/dashboard/profiles/{id}/merge")
    String merge(@PathVariable String id, @RequestParam(required = false) String otherProfileId,
                 @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        List<String> problems = required(otherProfileId, "the other profile id", reason);
        if (problems.isEmpty()) {
            IdentityOperationOutcome outcome = commands.sendAndWait(new MergeProfilesByHand(id, otherProfileId.trim(),
                    reason.trim(), OPERATOR));
            notice(redirect, switch (outcome.outcome()) {
                case "merged" -> "Merged " + otherProfileId.trim() + " into this profile.";
                case "merge_blocked" -> "Not merged: the rule " + outcome.rule() + " refused it (recorded).";
                default -> "Already the same profile.";
            });
        }
        return back(id, problems, redirect);
    }

    @PostMapping("/dashboard/profiles/{id}/split")
    String split(@PathVariable String id, @RequestParam(required = false) String mergedProfileId,
                 @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        List<String> problems = required(mergedProfileId, "the merged profile id", reason);
        if (problems.isEmpty()) {
            ProfileView profile = queries.query(new FindProfile(id), ResponseTypes.instanceOf(ProfileView.class))
                    .join();
            String survivor = profile == null ? id : profile.profileId();
            String other = mergedProfileId.trim();
            notice(redirect, inBackground(survivor, new SplitProfileByHand(survivor, other, null, reason.trim(),
                    OPERATOR), outcome -> outcome.outcome().equals("split")
                    ? "Split " + other + " off; " + outcome.movedRecords() + " later event(s) went with it."
                    : other + " was not merged directly into this profile."));
        }
        return back(id, problems, redirect);
    }

    @PostMapping("/dashboard/identity/quarantine")
    String quarantine(@RequestParam(required = false) String alias, @RequestParam(required = false) String reason,
                      @RequestParam(required = false) String split, @RequestParam(required = false) String back,
                      RedirectAttributes redirect) {
        List<String> problems = required(alias, "the alias", reason);
        ParsedAlias parsed = alias == null ? null : aliases.parse(alias);
        if (parsed != null && !parsed.isValid()) {
            problems.add("Not a valid alias: " + parsed.error());
        }
        if (problems.isEmpty()) {
            QuarantineAlias command = new QuarantineAlias(parsed.urn(), reason.trim(), OPERATOR, split != null);
            Function<IdentityOperationOutcome, String> quarantined = outcome -> "Quarantined " + parsed.urn()
                    + (outcome.others().isEmpty() ? "." : "; split off " + outcome.others().size()
                    + " profile(s) it had glued.");
            if (split == null) {
                notice(redirect, quarantined.apply(commands.sendAndWait(command)));
            } else {
                ProfileView owner = queries.query(new FindProfileByAlias(parsed.urn()),
                        ResponseTypes.instanceOf(ProfileView.class)).join();
                notice(redirect, inBackground(owner == null ? parsed.urn() : owner.profileId(), command, quarantined));
            }
        } else {
            redirect.addFlashAttribute("formErrors", problems);
        }
        return "redirect:" + ("quality".equals(back) ? "/dashboard/quality"
                : "/dashboard/profiles?q=" + URLEncoder.encode(alias == null ? "" : alias, StandardCharsets.UTF_8));
    }

    /** Runs a split or quarantine with split as the admin API does; a long one goes on in the background. */
    private String inBackground(String profileId, Object command, Function<IdentityOperationOutcome, String> done) {
        String kind = command instanceof QuarantineAlias ? IdentityOperationRunner.QUARANTINE
                : IdentityOperationRunner.SPLIT;
        try {
            IdentityOperationRunner.Started started = runner.start(kind, profileId, command, null);
            if (started instanceof Finished finished) {
                return done.apply(finished.outcome());
            }
            return "Still running in the background; refresh in a while (progress: /api/identity/operations/"
                    + ((IdentityOperationRunner.Accepted) started).operation().id() + ").";
        } catch (IdentityOperationRunner.ProfileBusy busy) {
            return "Another operation (" + busy.operation().id() + ") is running on this profile; try again when it"
                    + " is done.";
        }
    }

    private static List<String> required(String value, String name, String reason) {
        List<String> problems = new ArrayList<>();
        if (value == null || value.isBlank()) {
            problems.add("Give " + name + ".");
        }
        if (reason == null || reason.isBlank()) {
            problems.add("Give a reason: it is recorded with the decision.");
        }
        return problems;
    }

    private static void notice(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute("notice", message);
    }

    private static String back(String id, List<String> problems, RedirectAttributes redirect) {
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("formErrors", problems);
        }
        return "redirect:/dashboard/profiles?q=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
