package io.tributary.command.source;

import io.tributary.api.source.CreateSource;
import io.tributary.api.source.DisableSource;
import io.tributary.api.source.EnableSource;
import io.tributary.api.source.RenameSource;
import io.tributary.api.source.RotateSourceToken;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceDisabled;
import io.tributary.api.source.SourceEnabled;
import io.tributary.api.source.SourceRenamed;
import io.tributary.api.source.SourceTokenRotated;
import io.tributary.api.source.SourceType;
import java.time.Instant;
import java.util.List;

/** Messages of the Source aggregate. */
final class SourceFixtures {

    static final String SOURCE_ID = "source-web";
    static final String NAME = "Web shop";
    static final String FIRST_TOKEN = "pk_first";
    static final Instant CREATED_AT = Instant.parse("2025-03-01T08:00:00Z");
    static final Instant LATER = Instant.parse("2025-03-02T08:00:00Z");

    private static final List<String> ORIGINS = List.of("https://shop.example.com");

    private SourceFixtures() {
    }

    static CreateSource createSource() {
        return new CreateSource(SOURCE_ID, NAME, SourceType.BROWSER, FIRST_TOKEN, ORIGINS, CREATED_AT);
    }

    static SourceCreated sourceCreated() {
        return new SourceCreated(SOURCE_ID, NAME, SourceType.BROWSER, FIRST_TOKEN, ORIGINS, CREATED_AT);
    }

    static RenameSource renameSource(String name) {
        return new RenameSource(SOURCE_ID, name);
    }

    static SourceRenamed sourceRenamed(String name) {
        return new SourceRenamed(SOURCE_ID, name);
    }

    static DisableSource disableSource() {
        return new DisableSource(SOURCE_ID, LATER);
    }

    static SourceDisabled sourceDisabled() {
        return new SourceDisabled(SOURCE_ID, LATER);
    }

    static EnableSource enableSource() {
        return new EnableSource(SOURCE_ID, LATER);
    }

    static SourceEnabled sourceEnabled() {
        return new SourceEnabled(SOURCE_ID, LATER);
    }

    static RotateSourceToken rotateToken(String token) {
        return new RotateSourceToken(SOURCE_ID, token, LATER);
    }

    static SourceTokenRotated tokenRotated(String previousToken, String token) {
        return new SourceTokenRotated(SOURCE_ID, previousToken, token, LATER);
    }
}
