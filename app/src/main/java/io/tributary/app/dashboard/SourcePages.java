package io.tributary.app.dashboard;

import io.tributary.api.source.CreateSource;
import io.tributary.api.source.FindSources;
import io.tributary.api.source.SourceType;
import io.tributary.api.source.SourceView;
import io.tributary.app.config.AdminToken;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Sources: the list with their tokens, snippets, webhook URL and counts, and a form to create one. */
@Controller
class SourcePages {

    private final CommandGateway commands;
    private final QueryGateway queries;

    SourcePages(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** How to install a source: the pixel snippet for a browser source, the webhook for a server one. */
    public record Install(String snippet, String webhookUrl, String curl) {

        static Install of(String host, SourceType type, String token) {
            if (type == SourceType.BROWSER) {
                return new Install("<script>window.cvg=function(){cvg.process?cvg.process.apply(cvg,arguments):"
                        + "cvg.queue.push(arguments)};cvg.queue=[];</script><script async src=\"" + host + "/pixels/"
                        + token + ".js\"></script>", null, null);
            }
            String url = host + "/api/webhooks";
            return new Install(null, url, "curl -X POST " + url + " -H 'Content-Type: application/json' -H 'X-Webhook-Token: "
                    + token + "' -d '{\"event_name\":\"Placed Order\",\"event_id\":\"order-1001\",\"properties\":"
                    + "{\"id\":\"1001\",\"total_price\":\"49.90\",\"currency\":\"EUR\",\"items\":[{\"product_id\":\"p1\","
                    + "\"price\":\"49.90\",\"quantity\":1}]},\"profile_properties\":{\"$email\":\"ann@example.com\"},"
                    + "\"aliases\":[\"urn:email:ann@example.com\"]}'");
        }
    }

    public record SourceRow(SourceView source, Install install) {
    }

    @GetMapping("/dashboard/sources")
    String list(HttpServletRequest request, Model model) {
        String host = host(request);
        List<SourceRow> rows = sources(queries).stream()
                .map(source -> new SourceRow(source, Install.of(host, source.type(), source.token()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("active", "sources");
        return "dashboard/sources";
    }

    @PostMapping("/dashboard/sources")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String type,
                  HttpServletRequest request, RedirectAttributes redirect) {
        String trimmed = name == null ? "" : name.trim();
        SourceType sourceType = "server".equals(type) ? SourceType.SERVER : "browser".equals(type) ? SourceType.BROWSER : null;
        if (trimmed.isEmpty() || trimmed.length() > 200 || sourceType == null) {
            redirect.addFlashAttribute("formError", "A source needs a name (up to 200 characters) and a type: browser or server.");
            return "redirect:/dashboard/sources";
        }
        String id = UUID.randomUUID().toString();
        String token = AdminToken.Tokens.random();
        commands.sendAndWait(new CreateSource(id, trimmed, sourceType, token, List.of("*"), Instant.now()));
        redirect.addFlashAttribute("created", new Created(id, trimmed, sourceType.wireName(), token,
                Install.of(host(request), sourceType, token)));
        return "redirect:/dashboard/sources";
    }

    public record Created(String id, String name, String type, String token, Install install) {
    }

    static List<SourceView> sources(QueryGateway queries) {
        return queries.query(new FindSources(), ResponseTypes.multipleInstancesOf(SourceView.class)).join();
    }

    static String host(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).replacePath(request.getContextPath())
                .replaceQuery(null).build().toUriString();
    }
}
