package io.tributary.app.dashboard;

import io.tributary.api.source.FindSources;
import io.tributary.api.source.SourceType;
import io.tributary.api.source.SourceView;
import io.tributary.app.source.SourceController;
import io.tributary.app.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Event sources: the list with each source's install instructions, counts and actions, and the forms that create a
 * browser, server, Shopify or WooCommerce source through the admin API ({@link SourceController}).
 */
@Controller
class SourcePages {

    private final SourceController api;
    private final QueryGateway queries;

    SourcePages(SourceController api, QueryGateway queries) {
        this.api = api;
        this.queries = queries;
    }

    /** @param awaitedBackfill a backfill just started here, which the read model may not show yet */
    public record SourceRow(SourceView source, SourceInstall install, String awaitedBackfill) {

        public boolean backfillAvailable() {
            return source.commerce() != null
                    && (source.commerce().adminApiToken() != null || source.commerce().consumerKey() != null);
        }

        public boolean backfillRunning() {
            return source.backfill() != null && "running".equals(source.backfill().status());
        }

        /** Whether the progress should be asked again: while running, or until the awaited backfill shows. */
        public boolean backfillPolling() {
            return backfillRunning() || awaitedBackfill != null
                    && (source.backfill() == null || !awaitedBackfill.equals(source.backfill().backfillId()));
        }

        public String backfillPollUrl() {
            return "/dashboard/sources/" + source.id() + "/backfill"
                    + (awaitedBackfill == null ? "" : "?awaiting=" + awaitedBackfill);
        }
    }

    /** The token and install instructions of a source just created: the only time a page shows them unasked. */
    public record Created(String id, String name, String type, String token, SourceInstall install) {
    }

    @GetMapping("/dashboard/sources")
    String list(HttpServletRequest request, Model model) {
        String host = host(request);
        Object awaited = model.getAttribute("awaitedBackfill");
        Object awaitedSource = model.getAttribute("noticeSource");
        List<SourceView> sources = sources(queries);
        List<SourceRow> rows = sources.stream()
                .map(source -> new SourceRow(source, SourceInstall.of(host, source, sources),
                        source.id().equals(awaitedSource) ? (String) awaited : null)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("active", "sources");
        return "dashboard/sources";
    }

    @PostMapping("/dashboard/sources")
    String create(@RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            Map<String, Object> created = api.create(SourceForms.sourceBody(form)).getBody();
            String id = (String) created.get("id");
            String token = (String) created.get("token");
            SourceType type = SourceType.fromWire((String) created.get("type"));
            SourceReadback.await(queries, id, view -> true);
            redirect.addFlashAttribute("created", new Created(id, (String) created.get("name"), type.wireName(), token,
                    SourceInstall.of(host(request), id, type, token, (String) created.get("webhookPath"),
                            sources(queries))));
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("formError", "The source was not created.");
            redirect.addFlashAttribute("formErrors", SourceForms.messages(problem));
            redirect.addFlashAttribute("formType", form.get("type"));
        }
        return "redirect:/dashboard/sources";
    }

    static List<SourceView> sources(QueryGateway queries) {
        return queries.query(new FindSources(), ResponseTypes.multipleInstancesOf(SourceView.class)).join();
    }

    static String host(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).replacePath(request.getContextPath())
                .replaceQuery(null).build().toUriString();
    }
}
