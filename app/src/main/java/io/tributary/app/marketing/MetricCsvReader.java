package io.tributary.app.marketing;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.LineError;
import io.tributary.api.marketing.MetricRow;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a metrics CSV file (see docs/marketing.md for the columns): every good line becomes a row, every bad line
 * a {@link LineError} naming each problem, so one bad line never stops the others.
 */
final class MetricCsvReader {

    static final List<String> REQUIRED = List.of("date", "campaign_id", "spend");
    static final List<String> COLUMNS = List.of("date", "campaign_id", "campaign_name", "adset_id", "adset_name",
            "ad_id", "ad_name", "spend", "impressions", "clicks", "conversions", "conversion_value", "currency");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_CONTENT = 500;

    private MetricCsvReader() {
    }

    /** @param headerErrors problems with the header; when any, there are no rows */
    record Result(List<MetricRow> rows, List<LineError> lineErrors, List<FieldError> headerErrors,
                  List<String> ignoredColumns) {
    }

    static Result read(String text, AdPlatform platform, String accountId, String sourceCurrency) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).get();
        List<MetricRow> rows = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(stripBom(text)), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            List<FieldError> headerErrors = REQUIRED.stream().filter(column -> !header.contains(column))
                    .map(column -> new FieldError(column, "column is missing")).toList();
            List<String> ignored = header.stream().filter(column -> !COLUMNS.contains(column)).toList();
            if (!headerErrors.isEmpty()) {
                return new Result(List.of(), List.of(), headerErrors, ignored);
            }
            Map<List<String>, Long> seen = new HashMap<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (hasNext(records, parser, errors)) {
                CSVRecord record = records.next();
                long line = parser.getCurrentLineNumber();
                List<FieldError> problems = new ArrayList<>();
                MetricRow row = row(record, platform, accountId, sourceCurrency, problems);
                if (problems.isEmpty()) {
                    List<String> key = Arrays.asList(row.date().toString(), row.campaignId(), row.adSetId(),
                            row.adId());
                    Long earlier = seen.putIfAbsent(key, line);
                    if (earlier != null) {
                        problems.add(new FieldError("ad_id", "repeats the date, campaign, ad set and ad of line "
                                + earlier));
                    }
                }
                if (problems.isEmpty()) {
                    rows.add(row);
                } else {
                    errors.add(new LineError(line, content(record), problems));
                }
            }
            return new Result(rows, errors, List.of(), ignored);
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            return new Result(List.of(), List.of(), List.of(new FieldError("body", "is not CSV with a header line")),
                    List.of());
        }
    }

    /** A malformed line (an unclosed quote) ends the file: it is reported, and the lines read before are kept. */
    private static boolean hasNext(Iterator<CSVRecord> records, CSVParser parser, List<LineError> errors) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            errors.add(new LineError(parser.getCurrentLineNumber(), "",
                    List.of(new FieldError("line", "is malformed CSV (an unclosed quote?); the rest of the file was not read"))));
            return false;
        }
    }

    private static MetricRow row(CSVRecord record, AdPlatform platform, String accountId, String sourceCurrency,
                                 List<FieldError> problems) {
        LocalDate date = date(value(record, "date"), problems);
        String campaignId = value(record, "campaign_id");
        if (campaignId == null) {
            problems.add(new FieldError("campaign_id", "is required"));
        }
        String spendText = value(record, "spend");
        if (spendText == null) {
            problems.add(new FieldError("spend", "is required"));
        }
        BigDecimal spend = decimal("spend", spendText, problems);
        long impressions = count("impressions", value(record, "impressions"), problems);
        long clicks = count("clicks", value(record, "clicks"), problems);
        BigDecimal conversions = decimal("conversions", value(record, "conversions"), problems);
        BigDecimal conversionValue = decimal("conversion_value", value(record, "conversion_value"), problems);
        String currency = value(record, "currency");
        if (currency == null && sourceCurrency == null) {
            problems.add(new FieldError("currency", "is required because the source has no currency"));
        } else if (currency != null && !CURRENCY.matcher(currency).matches()) {
            problems.add(new FieldError("currency", "must be an ISO 4217 code such as EUR"));
        }
        return new MetricRow(date, platform, accountId, campaignId, value(record, "campaign_name"),
                value(record, "adset_id"), value(record, "adset_name"), value(record, "ad_id"),
                value(record, "ad_name"), spend, impressions, clicks, conversions, conversionValue,
                currency == null ? sourceCurrency : currency);
    }

    private static String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static LocalDate date(String text, List<FieldError> problems) {
        if (text == null) {
            problems.add(new FieldError("date", "is required"));
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldError("date", "must be a date as YYYY-MM-DD"));
            return null;
        }
    }

    private static BigDecimal decimal(String column, String text, List<FieldError> problems) {
        if (text == null) {
            return BigDecimal.ZERO;
        }
        if (!DECIMAL.matcher(text).matches()) {
            problems.add(new FieldError(column, "must be a decimal number of at least 0, such as 12.34"));
            return BigDecimal.ZERO;
        }
        return new BigDecimal(text);
    }

    private static long count(String column, String text, List<FieldError> problems) {
        if (text == null) {
            return 0;
        }
        if (!COUNT.matcher(text).matches()) {
            problems.add(new FieldError(column, "must be a whole number of at least 0"));
            return 0;
        }
        return Long.parseLong(text);
    }

    private static String content(CSVRecord record) {
        String text = String.join(",", record.values());
        return text.length() > MAX_CONTENT ? text.substring(0, MAX_CONTENT) + "…" : text;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
