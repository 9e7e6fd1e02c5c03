package io.tributary.app.profile;

import io.tributary.api.eventlog.EventLogItem;
import io.tributary.api.eventlog.EventLogPage;
import io.tributary.api.eventlog.FindEvents;
import io.tributary.api.intake.AliasParser;
import io.tributary.api.intake.IntakeDirectory;
import io.tributary.api.intake.ParsedAlias;
import io.tributary.api.profile.FindProfile;
import io.tributary.api.profile.FindProfileByAlias;
import io.tributary.api.profile.FindProfileHistory;
import io.tributary.api.profile.IdentityDecisionView;
import io.tributary.api.profile.ProfileHistoryView;
import io.tributary.api.profile.ProfileView;
import io.tributary.api.session.FindProfileSessions;
import io.tributary.api.session.SessionView;
import io.tributary.app.web.ApiProblem;
import java.util.ArrayList;
import io.tributary.api.intake.AliasParser;
import io.tributary.api.intake.IntakeDirectory;
import io.tributary.api.intake.ParsedAlias;
import io.tributary.api.profile.FindProfileAsOf;
import io.tributary.api.profile.ProfileAsOfView;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Profiles: by id (merged-away ids resolve to the survivor) or alias, their audit trail and sessions. */
@RestController
@RequestMapping("/api/profiles")
class ProfileController {

    private final QueryGateway queries;
    private final AliasParser aliasRules;
    private final ProfileErasure erasure;

    ProfileController(QueryGateway queries, IntakeDirectory intake, ProfileErasure erasure) {
        this.queries = queries;
        this.aliasRules = intake.aliases();
        this.erasure = erasure;
    }

    /** Erases the person (the profile's survivor and every profile merged into it); 202, cleanup continues. */
    @PostMapping("/{id}/erase")
    ResponseEntity<ErasureStatus> erase(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
        Object reason = body == null ? null : body.get("reason");
        if (!(reason instanceof String text) || text.isBlank() || text.length() > 1000) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "reason", "a reason is required (text, at most 1000 characters)");
        }
        ErasureStatus status = erasure.erase(current(id), text.strip());
        return ResponseEntity.accepted().body(status);
    }

    @GetMapping("/{id}/erasure")
    ErasureStatus erasure(@PathVariable String id) {
        return found(erasure.status(id), "id", "no erasure of profile " + id);
    }

    /** Everything stored about the person, for an access request. */
    @GetMapping("/{id}/export")
    ProfileExport export(@PathVariable String id) {
        ProfileView profile = current(id);
        List<String> profileIds = new ArrayList<>(List.of(profile.profileId()));
        profile.mergedProfileIds().stream().filter(p -> !profileIds.contains(p)).forEach(profileIds::add);
        List<EventLogItem> events = new ArrayList<>();
        for (String profileId : profileIds) {
            queries.query(new FindEvents(null, null, profileId, null, null, null, null, null),
                    ResponseTypes.instanceOf(EventLogPage.class)).join().items().stream()
                    .filter(item -> events.stream().noneMatch(e -> e.recordId().equals(item.recordId())))
                    .forEach(events::add);
        }
        return new ProfileExport(Instant.now(), profile, profile.aliases(), profile.properties(),
                sessions(profile.profileId()), events, history(profile.profileId(), null));
    }

    @GetMapping
    ProfileView byAlias(@RequestParam String alias) {
        ParsedAlias parsed = aliasRules.parse(alias);
        if (!parsed.isValid()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "alias", parsed.error());
        }
        return found(queries.query(new FindProfileByAlias(parsed.urn()), ResponseTypes.instanceOf(ProfileView.class)).join(),
                "alias", "no profile owns " + parsed.urn());
    }

    /** The profile now, or with {@code asOf} as the identity decisions stood then ({@link ProfileAsOfView}). */
    @GetMapping("/{id}")
    Object byId(@PathVariable String id, @RequestParam(required = false) String asOf) {
        if (asOf != null) {
            return found(queries.query(new FindProfileAsOf(id, instant(asOf)),
                    ResponseTypes.instanceOf(ProfileAsOfView.class)).join(), "id", "no profile " + id + " at " + asOf);
        }
        return current(id);
    }

    private ProfileView current(String id) {
        return found(queries.query(new FindProfile(id), ResponseTypes.instanceOf(ProfileView.class)).join(),
                "id", "no profile " + id);
    }

    @GetMapping("/{id}/history")
    List<IdentityDecisionView> history(@PathVariable String id, @RequestParam(required = false) String asOf) {
        if (asOf != null) {
            ProfileAsOfView then = queries.query(new FindProfileAsOf(id, instant(asOf)),
                    ResponseTypes.instanceOf(ProfileAsOfView.class)).join();
            return found(then, "id", "no profile " + id + " at " + asOf).decisions();
        }
        ProfileHistoryView history = queries.query(new FindProfileHistory(id),
                ResponseTypes.instanceOf(ProfileHistoryView.class)).join();
        return found(history, "id", "no profile " + id).decisions();
    }

    @GetMapping("/{id}/sessions")
    List<SessionView> sessions(@PathVariable String id) {
        current(id);
        return queries.query(new FindProfileSessions(id), ResponseTypes.multipleInstancesOf(SessionView.class)).join();
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "asOf", "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    private static <T> T found(T value, String field, String message) {
        if (value == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, field, message);
        }
        return value;
    }
}
