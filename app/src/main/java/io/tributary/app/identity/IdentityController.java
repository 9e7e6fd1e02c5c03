package io.tributary.app.identity;

import io.tributary.api.identity.FindQuarantinedAliases;
import io.tributary.api.identity.IdentityOperationOutcome;
import io.tributary.api.identity.LiftQuarantine;
import io.tributary.api.identity.MergeProfilesByHand;
import io.tributary.api.identity.QuarantineAlias;
import io.tributary.api.identity.QuarantinedAliasView;
import io.tributary.api.identity.SplitProfileByHand;
import io.tributary.api.intake.AliasParser;
import io.tributary.api.intake.IntakeDirectory;
import io.tributary.api.intake.ParsedAlias;
import io.tributary.api.profile.FindProfile;
import io.tributary.api.profile.FindProfileByAlias;
import io.tributary.api.profile.ProfileView;
import io.tributary.app.identity.IdentityOperationRunner.Accepted;
import io.tributary.app.identity.IdentityOperationRunner.Finished;
import io.tributary.app.identity.IdentityOperationRunner.Started;
import io.tributary.app.web.ApiProblem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Identity operations (admin token): merge and split profiles by hand, quarantine alias values. Each is a command
 * whose outcome is recorded as events; a refused merge answers 409 with the rule, and is recorded too. Splits and
 * quarantines with split run in the background ({@link IdentityOperationRunner}), one per profile at a time.
 */
@RestController
class IdentityController {

    /** Who acted, as recorded on the events: the admin API has a single operator. */
    static final String OPERATOR = "admin";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AliasParser aliases;
    private final IdentityOperationRunner runner;

    IdentityController(CommandGateway commands, QueryGateway queries, IntakeDirectory intake,
                       IdentityOperationRunner runner) {
        this.commands = commands;
        this.runner = runner;
        this.queries = queries;
        this.aliases = intake.aliases();
    }

    @PostMapping("/api/profiles/{id}/merge")
    ResponseEntity<IdentityOperationOutcome> merge(@PathVariable String id, @RequestBody IdentityRequests.Merge body) {
        body.check();
        existing(id, "id");
        existing(body.otherProfileId(), "otherProfileId");
        IdentityOperationOutcome outcome = commands.sendAndWait(
                new MergeProfilesByHand(id, body.otherProfileId(), body.reason(), operator()));
        return ResponseEntity.status(outcome.outcome().equals("merge_blocked") ? HttpStatus.CONFLICT : HttpStatus.OK)
                .body(outcome);
    }

    /** 200 with the outcome when the split finished within the wait, else 202 with the operation to poll. */
    @PostMapping("/api/profiles/{id}/split")
    ResponseEntity<?> split(@PathVariable String id, @RequestBody IdentityRequests.Split body,
                            @RequestParam(required = false) String wait) {
        body.check();
        Duration waiting = IdentityRequests.waitOf(wait);
        ProfileView profile = existing(id, "id");
        if (body.mergedProfileId() != null && !profile.mergedProfileIds().contains(body.mergedProfileId())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "mergedProfileId",
                    body.mergedProfileId() + " is not one of the profile's mergedProfileIds");
        }
        List<String> urns = body.aliases() == null ? null : body.aliases().stream().map(this::urn).toList();
        Started started = runner.start(IdentityOperationRunner.SPLIT, profile.profileId(), new SplitProfileByHand(
                profile.profileId(), body.mergedProfileId(), urns, body.reason(), operator()), waiting);
        if (started instanceof Finished finished) {
            if (finished.outcome().outcome().equals(IdentityOperationRunner.NOT_MERGED)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, body.mergedProfileId() != null
                        ? "mergedProfileId" : "aliases", "no merge directly into " + profile.profileId()
                        + " brought that");
            }
            return ResponseEntity.ok(finished.outcome());
        }
        return accepted(((Accepted) started).operation());
    }

    /**
     * 201 with the outcome; with {@code "split": true}, when the splits did not finish within the wait, 202 with the
     * operation to poll.
     */
    @PostMapping("/api/identity/quarantine")
    ResponseEntity<?> quarantine(@RequestBody IdentityRequests.Quarantine body,
                                 @RequestParam(required = false) String wait) {
        body.check();
        Duration waiting = IdentityRequests.waitOf(wait);
        String alias = urn(body.alias());
        if (!Boolean.TRUE.equals(body.split())) {
            return ResponseEntity.status(HttpStatus.CREATED).body(commands.<IdentityOperationOutcome>sendAndWait(
                    new QuarantineAlias(alias, body.reason(), operator(), false)));
        }
        ProfileView owner = queries.query(new FindProfileByAlias(alias), ResponseTypes.instanceOf(ProfileView.class))
                .join();
        Started started = runner.start(IdentityOperationRunner.QUARANTINE, owner == null ? alias
                : owner.profileId(), new QuarantineAlias(alias, body.reason(), operator(), true), waiting);
        if (started instanceof Finished finished) {
            return ResponseEntity.status(HttpStatus.CREATED).body(finished.outcome());
        }
        return accepted(((Accepted) started).operation());
    }

    /** A split or quarantine with split: its progress, then its outcome. */
    @GetMapping("/api/identity/operations/{operationId}")
    IdentityOperationView operation(@PathVariable String operationId) {
        return runner.view(operationId).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "operationId",
                "no identity operation " + operationId));
    }

    /** 409 with the operation that already works on the profile. */
    @ExceptionHandler(IdentityOperationRunner.ProfileBusy.class)
    ResponseEntity<IdentityOperationView> busy(IdentityOperationRunner.ProfileBusy busy) {
        return ResponseEntity.status(HttpStatus.CONFLICT).location(location(busy.operation()))
                .body(busy.operation());
    }

    private static ResponseEntity<IdentityOperationView> accepted(IdentityOperationView operation) {
        return ResponseEntity.accepted().location(location(operation)).body(operation);
    }

    private static URI location(IdentityOperationView operation) {
        return URI.create("/api/identity/operations/" + operation.id());
    }

    @GetMapping("/api/identity/quarantine")
    List<QuarantinedAliasView> quarantined() {
        return queries.query(new FindQuarantinedAliases(),
                ResponseTypes.multipleInstancesOf(QuarantinedAliasView.class)).join();
    }

    @DeleteMapping("/api/identity/quarantine")
    IdentityOperationOutcome lift(@RequestParam String alias, @RequestParam(required = false) String reason) {
        IdentityOperationOutcome outcome = commands.sendAndWait(new LiftQuarantine(urn(alias), reason, operator()));
        if (outcome.outcome().equals("not_quarantined")) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "alias", urn(alias) + " is not quarantined");
        }
        return outcome;
    }

    private String urn(String raw) {
        ParsedAlias parsed = aliases.parse(raw);
        if (!parsed.isValid()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "alias", parsed.error());
        }
        return parsed.urn();
    }

    private ProfileView existing(String id, String field) {
        ProfileView profile = queries.query(new FindProfile(id), ResponseTypes.instanceOf(ProfileView.class)).join();
        if (profile == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, field, "no profile " + id);
        }
        return profile;
    }

    private static String operator() {
        return OPERATOR;
    }
}
