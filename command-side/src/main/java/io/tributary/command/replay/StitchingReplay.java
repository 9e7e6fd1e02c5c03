package io.tributary.command.replay;

import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.intake.ParsedAlias;
import io.tributary.api.rules.IdentityReplay;
import io.tributary.api.rules.ReplayPlacement;
import io.tributary.api.session.SessionRef;
import io.tributary.api.session.TrafficSource;
import io.tributary.command.ingestion.AliasRules;
import io.tributary.command.profile.AliasLimits;
import io.tributary.command.session.SessionDecision;
import io.tributary.command.session.SessionPolicy;
import io.tributary.command.session.SessionTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Identity stitching and sessions as the live intake decides them ({@code IdentityStitching}, the {@code Profile}
 * aggregate), replayed in memory under one rule set: the same alias rules, limits and session policy, with an alias
 * index and people of its own. Not thread-safe: one replay is fed by one thread.
 */
final class StitchingReplay implements IdentityReplay {

    private final AliasRules aliasRules;
    private final AliasLimits limits;
    private final Comparator<String> aliasOrder;
    private final SessionPolicy sessions;
    private final Function<TrackedEvent, TrafficSource> classify;
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, String> personOfRecord = new HashMap<>();
    private long peopleCreated;
    private long sessionsStarted;

    StitchingReplay(AliasRules aliasRules, AliasLimits limits, Comparator<String> aliasOrder, SessionPolicy sessions,
                    Function<TrackedEvent, TrafficSource> classify) {
        this.aliasRules = aliasRules;
        this.limits = limits;
        this.aliasOrder = aliasOrder;
        this.sessions = sessions;
        this.classify = classify;
    }

    @Override
    public ReplayPlacement record(String recordId, TrackedEvent event, boolean browser) {
        Person person = stitch(event.aliases(), Optional.empty(), event.timestamp());
        personOfRecord.put(recordId, person.id);
        TrafficSource source = browser ? classify.apply(event) : null;
        Instant at = event.timestamp();
        SessionDecision decision = sessions.decide(person.timeline, browser, at, source);
        String sessionId = decision.startsSession() ? "session-" + ++sessionsStarted : decision.sessionId();
        person.seen(at);
        if (decision.startsSession()) {
            person.timeline.start(sessionId, at, source == null ? null : source.key());
        } else if (sessionId != null) {
            person.timeline.touch(sessionId, at);
        }
        if (browser) {
            person.timeline.recordBrowserEvent(at);
        }
        return new ReplayPlacement(person.id, sessionId, decision.startsSession());
    }

    @Override
    public void duplicate(TrackedEvent event, String keptRecordId) {
        stitch(event.aliases(), Optional.ofNullable(personOf(keptRecordId)), event.timestamp());
    }

    @Override
    public String personOf(String recordId) {
        String personId = personOfRecord.get(recordId);
        return personId == null ? null : survivor(personId).id;
    }

    @Override
    public boolean stitches(String urn) {
        ParsedAlias alias = aliasRules.parse(urn);
        return alias.isValid() && !alias.blocked();
    }

    @Override
    public Set<String> aliasesOf(String personId) {
        Person person = people.get(personId);
        return person == null ? Set.of() : Set.copyOf(person.aliases);
    }

    @Override
    public Set<String> glueOf(String personId) {
        Person person = people.get(personId);
        return person == null ? Set.of() : Set.copyOf(person.glue);
    }

    private Person stitch(List<String> rawAliases, Optional<String> keptCopyPerson, Instant at) {
        List<String> usable = new ArrayList<>();
        for (String raw : new LinkedHashSet<>(rawAliases == null ? List.<String>of() : rawAliases)) {
            ParsedAlias alias = aliasRules.parse(raw);
            if (alias.isValid() && !alias.blocked()) {
                usable.add(alias.urn());
            }
        }
        usable.sort(aliasOrder);
        Set<Person> owning = new LinkedHashSet<>();
        usable.stream().filter(owners::containsKey).forEach(alias -> owning.add(survivor(owners.get(alias))));
        keptCopyPerson.map(this::survivor).ifPresent(owning::add);
        Person target = owning.isEmpty() ? create(at) : owning.size() == 1 ? owning.iterator().next()
                : merge(owning, usable).orElseGet(() -> survivor(owning.iterator().next().id));
        usable.stream().filter(alias -> !owners.containsKey(alias)).forEach(alias -> link(target, alias));
        return target;
    }

    private Person create(Instant at) {
        Person person = new Person("person-" + ++peopleCreated, peopleCreated, at);
        people.put(person.id, person);
        return person;
    }

    /** The survivor, or empty when a limit refused a merge and the event goes to its strongest alias's owner. */
    private Optional<Person> merge(Set<Person> owning, List<String> aliases) {
        List<Person> candidates = owning.stream()
                .sorted(Comparator.comparing((Person p) -> p.firstSeen).thenComparingLong(p -> p.created)).toList();
        Person survivor = candidates.get(0);
        boolean refused = false;
        for (Person other : candidates.subList(1, candidates.size())) {
            if (limits.violation(survivor.aliases, other.aliases).isPresent()) {
                refused = true;
                continue;
            }
            aliases.stream().filter(alias -> {
                String owner = owners.get(alias);
                return owner != null && (survivor(owner) == survivor || survivor(owner) == other);
            }).forEach(survivor.glue::add);
            survivor.absorb(other);
            other.aliases.forEach(alias -> owners.put(alias, survivor.id));
        }
        return refused ? Optional.empty() : Optional.of(survivor);
    }

    private void link(Person person, String alias) {
        if (limits.violation(person.aliases, List.of(alias)).isEmpty()) {
            person.aliases.add(alias);
            owners.put(alias, person.id);
        }
    }

    private Person survivor(String personId) {
        Person person = people.get(personId);
        while (person.mergedInto != null) {
            person = people.get(person.mergedInto);
        }
        return person;
    }

    /** One replayed person: what the {@code Profile} aggregate keeps for stitching and sessions. */
    private static final class Person {
        final String id;
        final long created;
        final Set<String> aliases = new LinkedHashSet<>();
        final Set<String> glue = new LinkedHashSet<>();
        final SessionTimeline timeline = new SessionTimeline();
        Instant firstSeen;
        String mergedInto;

        Person(String id, long created, Instant firstSeen) {
            this.id = id;
            this.created = created;
            this.firstSeen = firstSeen;
        }

        void seen(Instant at) {
            firstSeen = firstSeen == null || at.isBefore(firstSeen) ? at : firstSeen;
        }

        void absorb(Person other) {
            aliases.addAll(other.aliases);
            glue.addAll(other.glue);
            List<SessionRef> moved = other.timeline.sessions();
            timeline.absorb(moved, moved.stream().map(SessionRef::lastActivityAt).max(Instant::compareTo).orElse(null));
            other.mergedInto = id;
        }
    }
}
