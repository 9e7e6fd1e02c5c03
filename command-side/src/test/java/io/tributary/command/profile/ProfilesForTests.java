package io.tributary.command.profile;

import io.tributary.command.rules.IdentityRulesVersion;
import io.tributary.command.session.SessionPolicy;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;

/** {@link Profiles} over a plain event-sourcing repository, for tests of the intake outside Spring. */
public final class ProfilesForTests {

    private ProfilesForTests() {
    }

    public static Profiles over(EventStore eventStore, AliasLimits limits, SessionPolicy sessionPolicy) {
        return over(eventStore, limits, sessionPolicy, new IdentityRulesVersion());
    }

    public static Profiles over(EventStore eventStore, AliasLimits limits, SessionPolicy sessionPolicy,
                                IdentityRulesVersion rules) {
        EventSourcingRepository<Profile> repository = EventSourcingRepository.builder(Profile.class)
                .eventStore(eventStore)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(Profile.class),
                        new SimpleResourceParameterResolverFactory(List.of(limits, sessionPolicy, rules))))
                .build();
        return new Profiles(repository, eventStore, limits, sessionPolicy, rules);
    }
}
