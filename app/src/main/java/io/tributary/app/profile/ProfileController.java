package io.tributary.app.profile;

import io.tributary.api.profile.FindProfile;
import io.tributary.api.profile.FindProfileByAlias;
import io.tributary.api.profile.FindProfileHistory;
import io.tributary.api.profile.IdentityDecisionView;
import io.tributary.api.profile.ProfileHistoryView;
import io.tributary.api.profile.ProfileView;
import io.tributary.api.session.FindProfileSessions;
import io.tributary.api.session.SessionView;
import io.tributary.app.web.ApiProblem;
import io.tributary.api.intake.AliasParser;
import io.tributary.api.intake.IntakeDirectory;
import io.tributary.api.intake.ParsedAlias;
import io.tributary.api.profile.FindProfileAsOf;
import io.tributary.api.profile.ProfileAsOfView;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Profiles: by id (merged-away ids resolve to the survivor) or alias, their audit trail and sessions. */
@RestController
@RequestMapping("/api/profiles")
class ProfileController {

    private final QueryGateway queries;
    private final AliasParser aliasRules;

    ProfileController(QueryGateway queries, IntakeDirectory intake) {
        this.queries = queries;
        this.aliasRules = intake.aliases();
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
