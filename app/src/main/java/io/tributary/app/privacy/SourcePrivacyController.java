package io.tributary.app.privacy;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.source.FindSource;
import io.tributary.api.source.SetSourceRetention;
import io.tributary.api.source.SourceView;
import io.tributary.app.web.ApiProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /api/sources/{id}/privacy} {@code {"requireConsent", "retention"}}: consent gating of a browser
 * source's pixel, and how long the source's tracked events are kept ({@code "P25M"}, a number of months, or null for
 * ever; recorded as {@code SourceRetentionSet}). A PUT changes the settings it names and leaves the others.
 */
@RestController
class SourcePrivacyController {

    private static final String CONSENT = "requireConsent";
    private static final String RETENTION = "retention";

    private final SourcePrivacy privacy;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock = Clock.systemUTC();

    SourcePrivacyController(SourcePrivacy privacy, QueryGateway queries, CommandGateway commands) {
        this.privacy = privacy;
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping("/api/sources/{id}/privacy")
    Map<String, Object> settings(@PathVariable String id) {
        known(id);
        Integer months = privacy.retentionMonths(id);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sourceId", id);
        settings.put(CONSENT, privacy.requiresConsent(id));
        settings.put(RETENTION, months == null ? null : RetentionPeriod.iso(months));
        settings.put("retentionMonths", months);
        return settings;
    }

    @PutMapping("/api/sources/{id}/privacy")
    Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
        Map<String, Object> asked = body == null ? Map.of() : body;
        List<FieldError> problems = new ArrayList<>();
        Object required = asked.get(CONSENT);
        if (asked.containsKey(CONSENT) && !(required instanceof Boolean)) {
            problems.add(new FieldError(CONSENT, "true or false is required"));
        }
        Optional<Integer> months = Optional.empty();
        if (asked.get(RETENTION) != null) {
            months = RetentionPeriod.months(asked.get(RETENTION));
            if (months.isEmpty()) {
                problems.add(new FieldError(RETENTION, RetentionPeriod.EXPECTED));
            }
        }
        if (!asked.containsKey(CONSENT) && !asked.containsKey(RETENTION)) {
            problems.add(new FieldError(CONSENT, "true or false is required (or give \"retention\")"));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, problems);
        }
        known(id);
        if (required instanceof Boolean flag) {
            privacy.requireConsent(id, flag);
        }
        if (asked.containsKey(RETENTION)) {
            commands.sendAndWait(new SetSourceRetention(id, months.orElse(null), clock.instant()));
        }
        return settings(id);
    }

    private void known(String id) {
        SourceView source = queries.query(new FindSource(id), ResponseTypes.instanceOf(SourceView.class)).join();
        if (source == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "id", "no source " + id);
        }
    }
}
