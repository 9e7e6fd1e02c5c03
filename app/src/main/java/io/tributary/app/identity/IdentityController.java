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
import io.tributary.api.profile.ProfileView;
import io.tributary.app.web.ApiProblem;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Identity operations (admin token): merge and split profiles by hand, quarantine alias values. Each is a command
 * whose outcome is recorded as events; a refused merge answers 409 with the rule, and is recorded too.
 */
@RestController
class IdentityController {

    /** Who acted, as recorded on the events: the admin API has a single operator. */
    static final String OPERATOR = "admin";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AliasParser aliases;

    IdentityController(CommandGateway commands, QueryGateway queries, IntakeDirectory intake) {
        this.commands = commands;
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

    @PostMapping("/api/profiles/{id}/split")
    ResponseEntity<IdentityOperationOutcome> split(@PathVariable String id, @RequestBody IdentityRequests.Split body) {
        body.check();
        ProfileView profile = existing(id, "id");
        if (body.mergedProfileId() != null && !profile.mergedProfileIds().contains(body.mergedProfileId())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "mergedProfileId",
                    body.mergedProfileId() + " is not one of the profile's mergedProfileIds");
        }
        List<String> urns = body.aliases() == null ? null : body.aliases().stream().map(this::urn).toList();
        IdentityOperationOutcome outcome = commands.sendAndWait(new SplitProfileByHand(profile.profileId(),
                body.mergedProfileId(), urns, body.reason(), operator()));
        if (outcome.outcome().equals("not_merged")) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, body.mergedProfileId() != null ? "mergedProfileId"
                    : "aliases", "no merge directly into " + profile.profileId() + " brought that");
        }
        return ResponseEntity.ok(outcome);
    }

    @PostMapping("/api/identity/quarantine")
    ResponseEntity<IdentityOperationOutcome> quarantine(@RequestBody IdentityRequests.Quarantine body) {
        body.check();
        IdentityOperationOutcome outcome = commands.sendAndWait(new QuarantineAlias(urn(body.alias()), body.reason(),
                operator(), Boolean.TRUE.equals(body.split())));
        return ResponseEntity.status(HttpStatus.CREATED).body(outcome);
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
