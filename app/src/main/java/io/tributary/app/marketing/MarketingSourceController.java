package io.tributary.app.marketing;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.CreateMarketingSource;
import io.tributary.api.marketing.FindMarketingSource;
import io.tributary.api.marketing.FindMarketingSources;
import io.tributary.api.marketing.FindMetricDayVersions;
import io.tributary.api.marketing.ImportMetricRows;
import io.tributary.api.marketing.LineError;
import io.tributary.api.marketing.MarketingSourceView;
import io.tributary.api.marketing.MetricDayVersionView;
import io.tributary.api.marketing.RenameMarketingSource;
import io.tributary.api.marketing.ReplaceMarketingCredentials;
import io.tributary.api.marketing.StartMarketingSync;
import io.tributary.api.marketing.SyncRequestOutcome;
import io.tributary.api.marketing.SyncTrigger;
import io.tributary.app.config.MongoEndpoint;
import io.tributary.app.ingest.RawBody;
import io.tributary.app.marketing.MarketingSourceRequests.NewSource;
import io.tributary.app.marketing.connector.CredentialMask;
import io.tributary.app.marketing.connector.MarketingConnection;
import io.tributary.app.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Marketing sources: connect, list, rename, sync now, replace credentials, import a CSV file, and a day's history. Public
 * because the dashboard's form creates sources through it.
 */
@RestController
@RequestMapping("/api/marketing-sources")
public class MarketingSourceController {

    /** The longest range one sync request may ask for. */
    static final int MAX_SYNC_DAYS = 1100;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MarketingConnections connections;
    private final MongoEndpoint store;
    private final SyncWindow window;
    private final MarketingProperties properties;

    MarketingSourceController(CommandGateway commands, QueryGateway queries, MarketingConnections connections,
                              MongoEndpoint store, SyncWindow window, MarketingProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.connections = connections;
        this.store = store;
        this.window = window;
        this.properties = properties;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        NewSource source = MarketingSourceRequests.newSource(body, errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
        }
        Map<String, Object> created = create(source);
        return ResponseEntity.created(URI.create("/api/marketing-sources/" + created.get("id"))).body(created);
    }

    /**
     * Creates a source of an account found through "Connect": its credentials come from the platform, not from a
     * request, so they are not checked against what a hand-filled form may hold. Answers the new source's id.
     */
    public String createConnected(AdPlatform platform, String name, String accountId, String currency,
                                  Map<String, String> options, Map<String, String> credentials) {
        List<FieldError> errors = new ArrayList<>();
        String checkedName = MarketingSourceRequests.name(name, errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
        }
        return (String) create(new NewSource(platform, checkedName, accountId, currency, null, options, credentials))
                .get("id");
    }

    private Map<String, Object> create(NewSource source) {
        String id = UUID.randomUUID().toString();
        connections.save(new MarketingConnection(id, source.platform(), source.accountId(), source.currency(),
                source.apiBaseUrl(), source.options(), source.credentials()));
        Map<String, String> masked = CredentialMask.mask(source.credentials());
        boolean importOnly = source.credentials().isEmpty();
        try {
            commands.sendAndWait(new CreateMarketingSource(id, source.platform(), source.name(), source.accountId(),
                    source.currency(), source.apiBaseUrl(), source.options(), masked, importOnly, Instant.now()));
        } catch (RuntimeException e) {
            connections.delete(id);
            throw e;
        }
        store.flush();
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", id);
        created.put("platform", source.platform());
        created.put("name", source.name());
        created.put("accountId", source.accountId());
        created.put("currency", source.currency());
        created.put("apiBaseUrl", source.apiBaseUrl());
        created.put("options", source.options());
        created.put("credentials", masked);
        created.put("importOnly", importOnly);
        created.put("status", "active");
        return created;
    }

    @GetMapping
    List<MarketingSourceView> list() {
        return queries.query(new FindMarketingSources(), ResponseTypes.multipleInstancesOf(MarketingSourceView.class))
                .join();
    }

    @GetMapping("/{id}")
    MarketingSourceView one(@PathVariable String id) {
        MarketingSourceView view = queries.query(new FindMarketingSource(id),
                ResponseTypes.instanceOf(MarketingSourceView.class)).join();
        if (view == null) {
            throw notFound(id);
        }
        return view;
    }

    @PostMapping("/{id}/sync")
    ResponseEntity<Map<String, Object>> sync(@PathVariable String id,
                                             @RequestBody(required = false) Map<String, Object> body) {
        Map<String, Object> request = body == null ? Map.of() : body;
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = date("from", request.get("from"), window.from(), errors);
        LocalDate to = date("to", request.get("to"), window.to(), errors);
        if (errors.isEmpty()) {
            rangeErrors(from, to, MAX_SYNC_DAYS, errors);
            if (to.isAfter(window.to().plusDays(1))) {
                errors.add(new FieldError("to", "must not be later than tomorrow"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
        }
        SyncRequestOutcome outcome = send(id, new StartMarketingSync(id, UUID.randomUUID().toString(), from, to,
                SyncTrigger.MANUAL, Instant.now()));
        store.flush();
        if (outcome.decision() == SyncRequestOutcome.Decision.IMPORT_ONLY) {
            throw new ApiProblem(HttpStatus.CONFLICT, "credentials",
                    "this source has no credentials and only takes CSV imports");
        }
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("syncId", outcome.syncId());
        accepted.put("decision", outcome.decision().name().toLowerCase(Locale.ROOT));
        accepted.put("from", from);
        accepted.put("to", to);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
    }

    @PatchMapping("/{id}")
    public Map<String, Object> rename(@PathVariable String id, @RequestBody Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        String name = MarketingSourceRequests.name(body.get("name"), errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
        }
        send(id, new RenameMarketingSource(id, name, Instant.now()));
        store.flush();
        return Map.of("id", id, "name", name);
    }

    @PutMapping("/{id}/credentials")
    public Map<String, Object> replaceCredentials(@PathVariable String id, @RequestBody Map<String, Object> body) {
        MarketingConnection connection = connections.find(id).orElseThrow(() -> notFound(id));
        List<FieldError> errors = new ArrayList<>();
        if (body.get("credentials") == null) {
            errors.add(new FieldError("credentials", "is required"));
        }
        Map<String, String> credentials = MarketingSourceRequests.credentials(connection.platform(),
                body.get("credentials"), errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
        }
        return Map.of("id", id, "credentials", replaceConnectedCredentials(id, credentials));
    }

    /** The platform and account of a source, for a "Connect" that replaces its credentials; empty when unknown. */
    public Optional<MarketingConnection> connection(String id) {
        return connections.find(id);
    }

    /** Stores new credentials (from a form or from "Connect") and records them masked; answers them masked. */
    public Map<String, String> replaceConnectedCredentials(String id, Map<String, String> credentials) {
        connections.find(id).orElseThrow(() -> notFound(id));
        connections.replaceCredentials(id, credentials);
        Map<String, String> masked = CredentialMask.mask(credentials);
        send(id, new ReplaceMarketingCredentials(id, masked, Instant.now()));
        store.flush();
        return masked;
    }

    @PostMapping(path = "/{id}/import", consumes = {"text/csv", "text/plain", "application/csv"})
    ResponseEntity<Map<String, Object>> importCsv(@PathVariable String id, HttpServletRequest request) {
        MarketingConnection connection = connections.find(id).orElseThrow(() -> notFound(id));
        String text = RawBody.read(request, properties.maxImportBytes());
        MetricCsvReader.Result read = MetricCsvReader.read(text, connection.platform(), connection.accountId(),
                connection.currency());
        String importId = UUID.randomUUID().toString();
        if (!read.headerErrors().isEmpty()) {
            String header = text.lines().findFirst().orElse("");
            send(id, new ImportMetricRows(id, importId, List.of(),
                    List.of(new LineError(1, header, read.headerErrors())), Instant.now()));
            store.flush();
            throw new ApiProblem(HttpStatus.BAD_REQUEST, read.headerErrors());
        }
        if (read.rows().isEmpty() && read.lineErrors().isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "body", "has no rows below the header");
        }
        int changedDays = send(id, new ImportMetricRows(id, importId, read.rows(), read.lineErrors(), Instant.now()));
        store.flush();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("importId", importId);
        result.put("imported", read.rows().size());
        result.put("changedDays", changedDays);
        result.put("rejected", read.lineErrors());
        result.put("ignoredColumns", read.ignoredColumns());
        return ResponseEntity.status(read.rows().isEmpty() ? HttpStatus.BAD_REQUEST : HttpStatus.OK).body(result);
    }

    @GetMapping("/{id}/history")
    List<MetricDayVersionView> history(@PathVariable String id, @RequestParam("date") String date) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate day = date("date", date, null, errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
        }
        return queries.query(new FindMetricDayVersions(id, day),
                ResponseTypes.multipleInstancesOf(MetricDayVersionView.class)).join();
    }

    static LocalDate date(String field, Object value, LocalDate fallback, List<FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date as YYYY-MM-DD"));
            return null;
        }
    }

    static void rangeErrors(LocalDate from, LocalDate to, int maxDays, List<FieldError> errors) {
        if (from.isAfter(to)) {
            errors.add(new FieldError("from", "must not be after to"));
        } else if (from.plusDays(maxDays).isBefore(to.plusDays(1))) {
            errors.add(new FieldError("to", "must be at most " + maxDays + " days after from"));
        }
    }

    @SuppressWarnings("unchecked")
    private <R> R send(String id, Object command) {
        try {
            return (R) commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw notFound(id);
        }
    }

    private static ApiProblem notFound(String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "id", "no marketing source " + id);
    }
}
