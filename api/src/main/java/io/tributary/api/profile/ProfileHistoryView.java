package io.tributary.api.profile;

import java.util.List;

public record ProfileHistoryView(String profileId, List<IdentityDecisionView> decisions) {
}
