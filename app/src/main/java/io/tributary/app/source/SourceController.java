package io.tributary.app.source;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.source.CommerceStore;
import io.tributary.api.source.CreateCommerceSource;
import io.tributary.api.source.CreateSource;
import io.tributary.api.source.DisableSource;
import io.tributary.api.source.EnableSource;
import io.tributary.api.source.FindSource;
import io.tributary.api.source.FindSources;
import io.tributary.api.source.RenameSource;
import io.tributary.api.source.RotateSigningSecret;
import io.tributary.api.source.RotateSourceToken;
import io.tributary.api.source.SourceType;
import io.tributary.api.source.SourceView;
import io.tributary.app.commerce.CommerceProperties;
import io.tributary.app.config.AdminToken;
import io.tributary.app.web.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Event sources: create, list, rename, disable and enable, rotate the token; for Shopify and WooCommerce sources
 * also rotate the webhook signing secret (the old one stays valid for {@code tributary.commerce.secret-grace-period}).
 * Public because the dashboard's forms call the same operations.
 */
@RestController
@RequestMapping("/api/sources")
public class SourceController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Duration secretGracePeriod;

    SourceController(CommandGateway commands, QueryGateway queries, CommerceProperties commerce) {
        this.commands = commands;
        this.queries = queries;
        this.secretGracePeriod = commerce.secretGracePeriod();
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        String name = name(body, errors);
        SourceType type = type(body.get("type"), errors);
        if (type != null && type.isCommerce()) {
            return createStore(name, type, body, errors);
        }
        List<String> origins = origins(body.get("allowedOrigins"), errors);
        boolean dataLayer = dataLayer(body.get("dataLayer"), type, errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
        }
        String id = UUID.randomUUID().toString();
        String token = AdminToken.Tokens.random();
        commands.sendAndWait(new CreateSource(id, name, type, token, origins, Instant.now(), dataLayer));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", id);
        created.put("name", name);
        created.put("type", type.name().toLowerCase(Locale.ROOT));
        created.put("token", token);
        created.put("allowedOrigins", origins);
        if (dataLayer) {
            created.put("dataLayer", true);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    /** A Shopify or WooCommerce source; its secrets are never answered back, not even here. */
    private ResponseEntity<Map<String, Object>> createStore(String name, SourceType type, Map<String, Object> body,
                                                            List<FieldError> errors) {
        CommerceStore store = StoreSettings.read(type, body, errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
        }
        String id = UUID.randomUUID().toString();
        String token = AdminToken.Tokens.random();
        commands.sendAndWait(new CreateCommerceSource(id, name, type, token, store, Instant.now()));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", id);
        created.put("name", name);
        created.put("type", type.wireName());
        created.put("token", token);
        created.put("storeUrl", store.storeUrl());
        created.put("webhookPath", "/api/" + type.wireName() + "/" + id);
        created.put("backfillAvailable", store.hasApiCredentials());
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping
    List<SourceView> list() {
        return queries.query(new FindSources(), ResponseTypes.multipleInstancesOf(SourceView.class)).join();
    }

    @GetMapping("/{id}")
    public SourceView one(@PathVariable String id) {
        SourceView view = queries.query(new FindSource(id), ResponseTypes.instanceOf(SourceView.class)).join();
        if (view == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "id", "no source " + id);
        }
        return view;
    }

    @PatchMapping("/{id}")
    public Map<String, Object> rename(@PathVariable String id, @RequestBody Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        String name = name(body, errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
        }
        send(id, new RenameSource(id, name));
        return Map.of("id", id, "name", name);
    }

    @PostMapping("/{id}/disable")
    public Map<String, Object> disable(@PathVariable String id) {
        send(id, new DisableSource(id, Instant.now()));
        return Map.of("id", id, "status", "disabled");
    }

    @PostMapping("/{id}/enable")
    public Map<String, Object> enable(@PathVariable String id) {
        send(id, new EnableSource(id, Instant.now()));
        return Map.of("id", id, "status", "active");
    }

    @PostMapping("/{id}/rotate-token")
    public Map<String, Object> rotateToken(@PathVariable String id) {
        String token = AdminToken.Tokens.random();
        send(id, new RotateSourceToken(id, token, Instant.now()));
        return Map.of("id", id, "token", token);
    }

    @PostMapping("/{id}/rotate-secret")
    public Map<String, Object> rotateSecret(@PathVariable String id, @RequestBody Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        String secret = StoreSettings.secret(body, "signingSecret", true, errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
        }
        Instant now = Instant.now();
        try {
            Boolean rotated = commands.sendAndWait(new RotateSigningSecret(id, secret, secretGracePeriod, now));
            if (!Boolean.TRUE.equals(rotated)) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "id", "only Shopify and WooCommerce sources have a signing secret");
            }
        } catch (AggregateNotFoundException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "id", "no source " + id);
        }
        return Map.of("id", id, "previousSecretValidUntil", now.plus(secretGracePeriod));
    }

    private void send(String id, Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "id", "no source " + id);
        }
    }

    private static String name(Map<String, Object> body, List<FieldError> errors) {
        Object name = body.get("name");
        if (!(name instanceof String text) || text.isBlank()) {
            errors.add(new FieldError("name", "is required"));
            return null;
        }
        if (text.length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        return text.trim();
    }

    private static SourceType type(Object type, List<FieldError> errors) {
        for (SourceType known : SourceType.values()) {
            if (known.wireName().equals(type)) {
                return known;
            }
        }
        errors.add(new FieldError("type", "must be browser, server, shopify or woocommerce"));
        return null;
    }

    /** Optional, browser sources only: the pixel maps the page's GA4 dataLayer pushes from the start. */
    private static boolean dataLayer(Object value, SourceType type, List<FieldError> errors) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (!(value instanceof Boolean)) {
            errors.add(new FieldError("dataLayer", "must be true or false"));
        } else if (type != null && !type.isBrowser()) {
            errors.add(new FieldError("dataLayer", "is a setting of browser sources only"));
        }
        return Boolean.TRUE.equals(value);
    }

    private static List<String> origins(Object value, List<FieldError> errors) {
        if (value == null) {
            return List.of("*");
        }
        if (value instanceof List<?> list && list.stream().allMatch(o -> o instanceof String)) {
            return list.stream().map(Object::toString).toList();
        }
        errors.add(new FieldError("allowedOrigins", "must be an array of origins such as https://shop.example"));
        return List.of();
    }
}
