package io.tributary.app.privacy;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.source.FindSource;
import io.tributary.api.source.SourceView;
import io.tributary.app.web.ApiProblem;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PUT /api/sources/{id}/privacy} {@code {"requireConsent"}}: consent gating of a browser source's pixel. */
@RestController
class SourcePrivacyController {

    private final SourcePrivacy privacy;
    private final QueryGateway queries;

    SourcePrivacyController(SourcePrivacy privacy, QueryGateway queries) {
        this.privacy = privacy;
        this.queries = queries;
    }

    @GetMapping("/api/sources/{id}/privacy")
    Map<String, Object> settings(@PathVariable String id) {
        known(id);
        return Map.of("sourceId", id, "requireConsent", privacy.requiresConsent(id));
    }

    @PutMapping("/api/sources/{id}/privacy")
    Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
        Object required = body == null ? null : body.get("requireConsent");
        if (!(required instanceof Boolean flag)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, List.of(
                    new FieldError("requireConsent", "true or false is required")));
        }
        known(id);
        privacy.requireConsent(id, flag);
        return settings(id);
    }

    private void known(String id) {
        SourceView source = queries.query(new FindSource(id), ResponseTypes.instanceOf(SourceView.class)).join();
        if (source == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "id", "no source " + id);
        }
    }
}
