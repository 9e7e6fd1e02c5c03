package io.tributary.app.dashboard;

import io.tributary.api.quality.DataQualityView;
import io.tributary.api.quality.EventQualityView;
import io.tributary.api.quality.HourlyVolume;
import io.tributary.app.quality.DataQualityController;
import io.tributary.app.quality.DataQualityController.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Data Quality: the table per event name, an hourly volume chart per event, warnings, and the sources. */
@Controller
class QualityPages {

    static final Map<String, Duration> RANGES = rangeChoices();

    private final DataQualityController report;

    QualityPages(DataQualityController report) {
        this.report = report;
    }

    /** An event's volume per hour over the whole period, hours without records as 0, for the chart. */
    public record Chart(List<String> labels, List<Long> counts) {
    }

    @GetMapping("/dashboard/quality")
    String page(@RequestParam(required = false) String range, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model) {
        Instant now = Instant.now();
        boolean custom = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
        String chosen = RANGES.containsKey(range) ? range : "7d";
        Period period = custom ? Period.parse(from, to, now)
                : new Period(now.minus(RANGES.get(chosen)), now, now);
        DataQualityView view = report.report(period);
        Map<String, Chart> charts = new HashMap<>();
        view.events().forEach(event -> charts.put(String.valueOf(event.eventName()), chart(event, period)));
        model.addAttribute("view", view);
        model.addAttribute("charts", charts);
        model.addAttribute("range", custom ? "custom" : chosen);
        model.addAttribute("ranges", RANGES.keySet());
        model.addAttribute("active", "quality");
        return "dashboard/quality";
    }

    static Chart chart(EventQualityView event, Period period) {
        Map<Instant, Long> counts = new HashMap<>();
        for (HourlyVolume hour : event.hourly()) {
            counts.put(hour.hour(), hour.count());
        }
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (Instant hour = period.from().truncatedTo(ChronoUnit.HOURS); hour.isBefore(period.to()); hour = hour.plus(Duration.ofHours(1))) {
            labels.add(hour.toString().substring(0, 13).replace('T', ' ') + "h");
            values.add(counts.getOrDefault(hour, 0L));
        }
        return new Chart(labels, values);
    }

    private static Map<String, Duration> rangeChoices() {
        Map<String, Duration> ranges = new LinkedHashMap<>();
        ranges.put("24h", Duration.ofHours(24));
        ranges.put("7d", Duration.ofDays(7));
        ranges.put("30d", Duration.ofDays(30));
        return ranges;
    }
}
