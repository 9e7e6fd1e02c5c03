package io.tributary.app.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages over APIs other features provide (the blended report, marketing sources): the page asks the API on
 * behalf of the logged-in session and shows its answer as a table, or an empty state while the API is missing.
 */
@Controller
class ReportPages {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ReportPages(ObjectMapper json) {
        this.json = json;
    }

    /** What the API answered: rows for a table, or why there are none. */
    public record Answer(int status, List<String> columns, List<Map<String, Object>> rows, String problem) {

        public boolean available() {
            return problem == null;
        }
    }

    @GetMapping("/dashboard/blended")
    String blended(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   HttpServletRequest request, Model model) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String query = "from=" + (from == null ? today.minusDays(29) : from) + "&to=" + (to == null ? today : to);
        return page(model, request, "blended", "Blended report", "/api/reports/blended?" + query,
                "Revenue attributed by Tributary next to ad spend, per channel and campaign. It appears once the "
                        + "attribution feature is installed and marketing sources are connected.");
    }

    @GetMapping("/dashboard/marketing")
    String marketing(HttpServletRequest request, Model model) {
        return page(model, request, "marketing", "Marketing sources", "/api/marketing-sources",
                "Ad platforms (Meta, Google Ads, TikTok …) whose spend and metrics Tributary pulls. They appear once "
                        + "the marketing-sources feature is installed.");
    }

    private String page(Model model, HttpServletRequest request, String active, String title, String path, String about) {
        model.addAttribute("active", active);
        model.addAttribute("title", title);
        model.addAttribute("apiPath", path);
        model.addAttribute("about", about);
        model.addAttribute("answer", ask(request, path));
        return "dashboard/report";
    }

    Answer ask(HttpServletRequest request, String path) {
        URI uri = URI.create("http://127.0.0.1:" + request.getLocalPort() + request.getContextPath() + path);
        HttpRequest.Builder call = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(HttpHeaders.ACCEPT, "application/json");
        String cookie = request.getHeader(HttpHeaders.COOKIE);
        if (cookie != null) {
            call.header(HttpHeaders.COOKIE, cookie);
        }
        try {
            HttpResponse<String> response = http.send(call.GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return new Answer(response.statusCode(), List.of(), List.of(), response.statusCode() == 404
                        ? "This build does not provide " + path + " yet (it answered 404)."
                        : path + " answered " + response.statusCode() + ".");
            }
            return table(response.statusCode(), json.readValue(response.body(), Object.class));
        } catch (IOException e) {
            return new Answer(0, List.of(), List.of(), path + " could not be read: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, List.of(), List.of(), path + " was interrupted.");
        }
    }

    /** An array of objects, or the first array of objects inside an object, becomes the table. */
    @SuppressWarnings("unchecked")
    static Answer table(int status, Object body) {
        List<?> list = body instanceof List<?> l ? l : null;
        if (list == null && body instanceof Map<?, ?> map) {
            list = map.values().stream().filter(List.class::isInstance).map(List.class::cast).findFirst().orElse(List.of());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (Object row : list == null ? List.of() : list) {
            if (row instanceof Map<?, ?> map) {
                rows.add((Map<String, Object>) map);
                map.keySet().forEach(key -> columns.add(String.valueOf(key)));
            }
        }
        return new Answer(status, new ArrayList<>(columns), rows, null);
    }
}
