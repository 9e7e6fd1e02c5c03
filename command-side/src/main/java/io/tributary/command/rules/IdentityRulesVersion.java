package io.tributary.command.rules;

import java.util.concurrent.atomic.AtomicLong;

/** The version of the identity rules this node decides under; 0 until the rules are recorded at start. */
public class IdentityRulesVersion {

    private final AtomicLong version = new AtomicLong();

    public long current() {
        return version.get();
    }

    public void inForce(long recorded) {
        version.set(recorded);
    }
}
