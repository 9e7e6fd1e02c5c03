package io.tributary.app.channel;

import io.tributary.api.channel.ChannelClassifier;
import io.tributary.api.channel.ChannelRuleCheck;
import io.tributary.api.channel.ChannelRuleSet;
import io.tributary.api.ingestion.FieldError;
import io.tributary.app.web.ApiProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The custom channel rules in force, and their replacement (recorded as {@code ChannelRulesChanged}). */
@RestController
@RequestMapping("/api/channel-rules")
class ChannelRulesController {

    private final ChannelClassifier channels;
    private final ChannelRuleBookClient ruleBook;

    ChannelRulesController(ChannelClassifier channels, ChannelRuleBookClient ruleBook) {
        this.channels = channels;
        this.ruleBook = ruleBook;
    }

    @GetMapping
    ChannelRuleSet inForce() {
        return channels.inForce();
    }

    /** Replaces the whole set; new sessions use it at once. History changes only through a dry-run's apply. */
    @PutMapping
    ChannelRuleSet replace(@RequestBody ChannelRulesBody body) {
        List<FieldError> problems = ChannelRuleCheck.problems("rules", body == null ? null : body.rules());
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, problems);
        }
        return ruleBook.change(body.rules(), "api");
    }
}
