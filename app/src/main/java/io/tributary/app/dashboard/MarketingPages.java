package io.tributary.app.dashboard;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.FindMarketingSources;
import io.tributary.api.marketing.MarketingSourceView;
import io.tributary.api.marketing.StartMarketingSync;
import io.tributary.api.marketing.SyncRequestOutcome;
import io.tributary.api.marketing.SyncTrigger;
import io.tributary.app.config.MongoEndpoint;
import io.tributary.app.marketing.MarketingSourceController;
import io.tributary.app.marketing.SyncWindow;
import io.tributary.app.marketing.oauth.MarketingOAuth;
import io.tributary.app.web.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Marketing sources: the forms that connect a Meta, Google Ads or TikTok account (through the admin API, or
 * "Connect" when an OAuth app is configured: {@link MarketingOAuthPages}), and per source its status, last sync, last
 * error and rows, "sync now" (the trailing window), rename and new credentials.
 */
@Controller
class MarketingPages {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final SyncWindow window;
    private final MongoEndpoint store;
    private final MarketingSourceController api;
    private final MarketingOAuth oauth;

    MarketingPages(QueryGateway queries, CommandGateway commands, SyncWindow window, MongoEndpoint store,
                   MarketingSourceController api, MarketingOAuth oauth) {
        this.api = api;
        this.oauth = oauth;
        this.queries = queries;
        this.commands = commands;
        this.window = window;
        this.store = store;
    }

    /** What a "sync now" click did, in a sentence. */
    public record Feedback(boolean started, String message) {
    }

    @GetMapping("/dashboard/marketing")
    String page(Model model) {
        List<MarketingSourceView> sources = queries.query(new FindMarketingSources(),
                ResponseTypes.multipleInstancesOf(MarketingSourceView.class)).join();
        model.addAttribute("active", "marketing");
        model.addAttribute("sources", sources);
        model.addAttribute("windowDays", window.days());
        model.addAttribute("oauthPlatforms", oauth.configuredPlatforms().stream().map(AdPlatform::wireName).toList());
        model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        return "dashboard/marketing";
    }

    @PostMapping("/dashboard/marketing")
    String create(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            Map<String, Object> created = api.create(MarketingForms.body(form)).getBody();
            redirect.addFlashAttribute("created", created);
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("formError", "The marketing source was not created.");
            redirect.addFlashAttribute("formErrors", SourceForms.messages(problem));
        }
        return "redirect:/dashboard/marketing";
    }

    @PostMapping("/dashboard/marketing/{id}/rename")
    String rename(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, "renamed", () -> {
            api.rename(id, Map.of("name", form.getOrDefault("name", "")));
            return "Marketing source renamed to " + form.get("name").trim() + ".";
        });
    }

    @PostMapping("/dashboard/marketing/{id}/credentials")
    String replaceCredentials(@PathVariable String id, @RequestParam Map<String, String> form,
                              RedirectAttributes redirect) {
        return act(redirect, "given new credentials", () -> {
            Map<String, Object> body = MarketingForms.body(form);
            api.replaceCredentials(id, Map.of("credentials", body.getOrDefault("credentials", Map.of())));
            return "Credentials replaced; they are stored sealed and the source may sync again.";
        });
    }

    private String act(RedirectAttributes redirect, String what, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("formError", "The marketing source was not " + what + ".");
            redirect.addFlashAttribute("formErrors", SourceForms.messages(problem));
        }
        return "redirect:/dashboard/marketing";
    }

    @PostMapping("/dashboard/marketing/{id}/sync")
    String sync(@PathVariable String id, Model model) {
        LocalDate from = window.from();
        LocalDate to = window.to();
        Feedback feedback;
        try {
            SyncRequestOutcome outcome = commands.sendAndWait(new StartMarketingSync(id, UUID.randomUUID().toString(),
                    from, to, SyncTrigger.MANUAL, Instant.now()));
            store.flush();
            feedback = feedback(outcome, from, to);
        } catch (AggregateNotFoundException e) {
            feedback = new Feedback(false, "There is no marketing source " + id + " (any more): reload the page.");
        }
        model.addAttribute("feedback", feedback);
        return "dashboard/marketing :: feedback";
    }

    static Feedback feedback(SyncRequestOutcome outcome, LocalDate from, LocalDate to) {
        String sync = outcome.syncId() == null ? "" : " (sync " + outcome.syncId().substring(0, 8) + ")";
        return switch (outcome.decision()) {
            case STARTED -> new Feedback(true, "Sync started for " + from + " to " + to + sync
                    + ". Reload the page to follow it.");
            case ALREADY_RUNNING -> new Feedback(true, "A sync is already running" + sync + "; it carries on.");
            case SKIPPED_IN_ERROR -> new Feedback(false, "Not started: the source is in error. Replace its credentials.");
            case IMPORT_ONLY -> new Feedback(false, "This source has no credentials: it only takes CSV imports.");
        };
    }
}
