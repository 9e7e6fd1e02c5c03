package io.tributary.app.dashboard;

import io.tributary.api.eventlog.EventLogItem;
import io.tributary.api.eventlog.EventLogPage;
import io.tributary.api.eventlog.FindEvents;
import io.tributary.api.profile.FindProfile;
import io.tributary.api.profile.FindProfileByAlias;
import io.tributary.api.profile.FindProfileHistory;
import io.tributary.api.profile.IdentityDecisionView;
import io.tributary.api.profile.ProfileHistoryView;
import io.tributary.api.profile.ProfileView;
import io.tributary.api.session.FindProfileSessions;
import io.tributary.api.session.SessionView;
import io.tributary.api.intake.AliasParser;
import io.tributary.api.intake.IntakeDirectory;
import io.tributary.api.intake.ParsedAlias;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The profile explorer: find a profile by email, alias or id, then read its timeline of sessions, tracked events and
 * identity decisions (merges and blocked merges with their evidence).
 */
@Controller
class ProfilePages {

    static final int TIMELINE_EVENTS = 200;

    private final QueryGateway queries;
    private final AliasParser aliasRules;

    ProfilePages(QueryGateway queries, IntakeDirectory intake) {
        this.queries = queries;
        this.aliasRules = intake.aliases();
    }

    /**
     * One line of the timeline.
     *
     * @param kind session, event or decision
     */
    public record Entry(Instant at, String kind, String title, String detail, String link, SessionView session,
                 EventLogItem event, IdentityDecisionView decision) {
    }

    @GetMapping("/dashboard/profiles")
    String page(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("active", "profiles");
        model.addAttribute("q", q == null ? "" : q.trim());
        if (q == null || q.isBlank()) {
            return "dashboard/profiles";
        }
        ProfileView profile = find(q.trim(), model);
        if (profile == null) {
            model.addAttribute("notFound", true);
            return "dashboard/profiles";
        }
        List<SessionView> sessions = queries.query(new FindProfileSessions(profile.profileId()),
                ResponseTypes.multipleInstancesOf(SessionView.class)).join();
        ProfileHistoryView history = queries.query(new FindProfileHistory(profile.profileId()),
                ResponseTypes.instanceOf(ProfileHistoryView.class)).join();
        EventLogPage events = queries.query(new FindEvents(null, null, profile.profileId(), null, null, null,
                TIMELINE_EVENTS, null), ResponseTypes.instanceOf(EventLogPage.class)).join();
        model.addAttribute("profile", profile);
        model.addAttribute("sessionCount", sessions.size());
        model.addAttribute("moreEvents", events.nextCursor() != null);
        model.addAttribute("timeline", timeline(sessions, history == null ? List.of() : history.decisions(), events.items()));
        return "dashboard/profiles";
    }

    private ProfileView find(String q, Model model) {
        String alias = q.regionMatches(true, 0, "urn:", 0, 4) ? q : q.contains("@") ? "urn:email:" + q : null;
        if (alias != null) {
            ParsedAlias parsed = aliasRules.parse(alias);
            if (!parsed.isValid()) {
                model.addAttribute("searchError", parsed.error());
                return null;
            }
            model.addAttribute("searchedAlias", parsed.urn());
            return queries.query(new FindProfileByAlias(parsed.urn()), ResponseTypes.instanceOf(ProfileView.class)).join();
        }
        return queries.query(new FindProfile(q), ResponseTypes.instanceOf(ProfileView.class)).join();
    }

    static List<Entry> timeline(List<SessionView> sessions, List<IdentityDecisionView> decisions, List<EventLogItem> events) {
        List<Entry> entries = new ArrayList<>();
        sessions.forEach(s -> entries.add(new Entry(s.startedAt(), "session", "Session started",
                String.join(" · ", nonNull(s.channelGroup(), s.channel(), s.campaign())), null, s, null, null)));
        decisions.forEach(d -> entries.add(new Entry(d.at(), "decision", title(d), detail(d), null, null, null, d)));
        events.forEach(e -> entries.add(new Entry(DashboardLinks.at(e), "event", e.eventName() == null ? "(no event name)" : e.eventName(),
                e.status(), EventLogPages.entryLink(e.recordId(), e.eventName(), DashboardLinks.at(e)), null, e, null)));
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(entry -> order(entry.kind())));
        return entries;
    }

    private static String title(IdentityDecisionView decision) {
        return switch (decision.decision()) {
            case "profile_created" -> "Profile created";
            case "alias_linked" -> "Alias linked";
            case "alias_blocked" -> "Alias blocked";
            case "profiles_merged" -> "Merged profile " + decision.otherProfileId() + " into this one";
            case "merged_into" -> "Merged into profile " + decision.otherProfileId();
            case "merge_blocked" -> "Merge with " + decision.otherProfileId() + " blocked";
            case "profile_split" -> "Split profile " + decision.otherProfileId() + " off";
            case "split_from" -> "Split off profile " + decision.otherProfileId();
            default -> decision.decision();
        };
    }

    private static String detail(IdentityDecisionView decision) {
        List<String> parts = new ArrayList<>();
        if (decision.aliases() != null && !decision.aliases().isEmpty()) {
            parts.add((decision.decision().contains("merge") ? "shared alias " : "") + String.join(", ", decision.aliases()));
        }
        if (decision.rule() != null) {
            parts.add("rule " + decision.rule());
        }
        if (decision.eventId() != null) {
            parts.add("evidence: event " + decision.eventId());
        }
        return String.join(" · ", parts);
    }

    private static int order(String kind) {
        return switch (kind) {
            case "session" -> 0;
            case "decision" -> 1;
            default -> 2;
        };
    }

    private static List<String> nonNull(String... values) {
        List<String> present = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                present.add(value);
            }
        }
        return present.isEmpty() ? List.of("Direct") : present;
    }
}
