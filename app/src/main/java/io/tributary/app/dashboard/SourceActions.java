package io.tributary.app.dashboard;

import io.tributary.api.backfill.StartBackfill;
import io.tributary.api.source.SourceView;
import io.tributary.app.source.SourceController;
import io.tributary.app.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One source's buttons: rename, disable, enable, rotate the token or the signing secret, and run a backfill. */
@Controller
class SourceActions {

    private static final String BACK = "redirect:/dashboard/sources";

    private final SourceController api;
    private final CommandGateway commands;
    private final QueryGateway queries;

    SourceActions(SourceController api, CommandGateway commands, QueryGateway queries) {
        this.api = api;
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/dashboard/sources/{id}/rename")
    String rename(@PathVariable String id, @RequestParam(required = false) String name, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            api.rename(id, name == null ? Map.of() : Map.of("name", name));
            SourceReadback.await(queries, id, view -> view.name().equals(name.trim()));
            return "Renamed to " + name.trim() + ".";
        });
    }

    @PostMapping("/dashboard/sources/{id}/disable")
    String disable(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            api.disable(id);
            SourceReadback.await(queries, id, view -> !"active".equals(view.status()));
            return "Disabled: its traffic is now refused with 403.";
        });
    }

    @PostMapping("/dashboard/sources/{id}/enable")
    String enable(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            api.enable(id);
            SourceReadback.await(queries, id, view -> "active".equals(view.status()));
            return "Enabled: its traffic is accepted again.";
        });
    }

    @PostMapping("/dashboard/sources/{id}/rotate-token")
    String rotateToken(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Object token = api.rotateToken(id).get("token");
            SourceReadback.await(queries, id, view -> token.equals(view.token()));
            return "New token " + token + ". The old token no longer works: update the snippet or the webhook header.";
        });
    }

    @PostMapping("/dashboard/sources/{id}/rotate-secret")
    String rotateSecret(@PathVariable String id, @RequestParam(required = false) String signingSecret,
                        RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Object until = api.rotateSecret(id, signingSecret == null || signingSecret.isBlank() ? Map.of()
                    : Map.of("signingSecret", signingSecret)).get("previousSecretValidUntil");
            Instant previousUntil = (Instant) until;
            SourceReadback.await(queries, id, view -> view.commerce() != null
                    && view.commerce().previousSecretValidUntil() != null
                    && !view.commerce().previousSecretValidUntil().isBefore(previousUntil.minusSeconds(1)));
            return "Signing secret replaced. The previous one is still accepted until "
                    + until.toString().replace('T', ' ').replaceFirst("\\.\\d+Z$|Z$", "") + " UTC.";
        });
    }

    @PostMapping("/dashboard/sources/{id}/backfill")
    String backfill(@PathVariable String id, @RequestParam(required = false) String since, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            String backfillId = UUID.randomUUID().toString();
            Instant now = Instant.now();
            String running = commands.sendAndWait(new StartBackfill(id, backfillId, since(since, now), now));
            if (running == null) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "backfill",
                        "the source has no API credentials to read its orders with");
            }
            redirect.addFlashAttribute("awaitedBackfill", running);
            return running.equals(backfillId) ? "Backfill started: its progress shows below."
                    : "A backfill is already running; it carries on.";
        });
    }

    /** The backfill progress of one source; the fragment asks again every second while the backfill runs. */
    @GetMapping("/dashboard/sources/{id}/backfill")
    String backfillProgress(@PathVariable String id, @RequestParam(required = false) String awaiting,
                            HttpServletRequest request, Model model) {
        SourceView source = SourceReadback.find(queries, id);
        if (source == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "id", "no source " + id);
        }
        model.addAttribute("row", new SourcePages.SourceRow(source, SourceInstall.of(SourcePages.host(request), source),
                awaiting));
        return "dashboard/sources :: backfill";
    }

    static Instant since(String since, Instant now) {
        if (since == null || since.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            Instant from = LocalDate.parse(since.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (from.isAfter(now)) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "since", "must not be in the future");
            }
            return from;
        } catch (DateTimeParseException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "since", "must be a date such as 2024-01-01");
        }
    }

    private interface Action {
        String run();
    }

    private static String act(String id, RedirectAttributes redirect, Action action) {
        try {
            redirect.addFlashAttribute("notice", action.run());
            redirect.addFlashAttribute("noticeSource", id);
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("formError", "Not done.");
            redirect.addFlashAttribute("formErrors", SourceForms.messages(problem));
        }
        return BACK + "#source-" + id;
    }
}
