package io.tributary.api.profile;

import java.time.Instant;
import java.util.List;

/**
 * Erase a person: the profile and every profile merged into it ({@code profileIds}, the survivor first). Their
 * aliases are forgotten by the ownership lookup and suppressed; each profile gets a {@link ProfileErased}.
 */
public record EraseProfiles(List<String> profileIds, String reason, Instant requestedAt) {
}
