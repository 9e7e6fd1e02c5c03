package io.tributary.app.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Formatting for the templates ({@code ${@fmt.time(x)}}): times in UTC, shares as percentages, pretty JSON. */
@Component("fmt")
public class DashboardFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

    private final ObjectMapper json;
    private final ObjectMapper compactJson;

    DashboardFormat(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.compactJson = json;
    }

    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** The value of a datetime-local input, in UTC. */
    public String input(Instant instant) {
        return instant == null ? "" : INPUT.format(instant);
    }

    public String ago(Instant instant) {
        if (instant == null) {
            return "never";
        }
        Duration since = Duration.between(instant, Instant.now());
        if (since.isNegative() || since.toMinutes() < 1) {
            return "just now";
        }
        if (since.toHours() < 1) {
            return since.toMinutes() + " min ago";
        }
        if (since.toDays() < 2) {
            return since.toHours() + " h ago";
        }
        return since.toDays() + " days ago";
    }

    /** Money and fractional counts: two decimals with thousands separators ("1,234.50"). */
    public String amount(BigDecimal value) {
        return value == null ? "—" : new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(value.setScale(2, RoundingMode.HALF_UP));
    }

    public String count(long value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    public String percent(BigDecimal share) {
        return share == null ? "—" : share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Compact JSON, for data attributes. */
    public String compact(Object value) {
        return write(compactJson, value);
    }

    public String json(Object value) {
        return write(json, value);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
