package io.tributary.app.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tributary.api.secret.SecretBox;
import io.tributary.api.secret.SecretBoxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encrypts one personal value with its profile's data key, written {@code pd:v1:<profileId>:<base64>} in place of
 * the value (an alias keeps its type: {@code urn:email:pd:v1:…}); and opens every such value of a stored event,
 * or reads it as {@value #ERASED} when the profile's key was deleted.
 * <p>
 * The content of a source's tracked events is sealed a second time, around the first, with the retention key of
 * its source and month: {@code pd:v1:r/<sourceId>/<yyyy-MM>:<base64>}. Deleting either key (erasing the person, or
 * the month passing the source's retention) makes the value read {@value #ERASED}.
 */
final class PersonalFieldCipher {

    static final String TOKEN = "pd:v1:";
    static final String ERASED = "[erased]";
    static final String RETENTION = "r/";
    private static final String ALIAS_PREFIX = "urn:";

    private final DataKeys keys;
    private final DataKeys retentionKeys;
    private final ObjectMapper mapper;
    private final List<String> personalAliasTypes;

    PersonalFieldCipher(DataKeys keys, DataKeys retentionKeys, ObjectMapper mapper, List<String> personalAliasTypes) {
        this.keys = keys;
        this.retentionKeys = retentionKeys;
        this.mapper = mapper;
        this.personalAliasTypes = personalAliasTypes;
    }

    /** Seals values for one profile. */
    Sealer sealerFor(String profileId) {
        return sealerFor(profileId, null);
    }

    /**
     * Seals values with the profile's key, then with the retention key of the scope; either may be null. Null when
     * both are: nothing to seal with.
     */
    Sealer sealerFor(String profileId, RetentionScope scope) {
        List<Layer> layers = new ArrayList<>();
        if (profileId != null) {
            layers.add(new Layer(profileId, keys.keyOf(profileId)));
        }
        if (scope != null && retentionKeys != null) {
            layers.add(new Layer(RETENTION + scope.keyId(), retentionKeys.keyOf(scope.keyId())));
        }
        return layers.isEmpty() ? null : new Sealer(layers);
    }

    /** Opens, in place, every sealed value of the tree. */
    void openAll(JsonNode tree) {
        if (tree instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            object.fields().forEachRemaining(fields::add);
            for (Map.Entry<String, JsonNode> field : fields) {
                Optional<JsonNode> opened = open(field.getValue());
                if (opened.isPresent()) {
                    object.set(field.getKey(), opened.get());
                } else {
                    openAll(field.getValue());
                }
            }
        } else if (tree instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                Optional<JsonNode> opened = open(array.get(i));
                if (opened.isPresent()) {
                    array.set(i, opened.get());
                } else {
                    openAll(array.get(i));
                }
            }
        }
    }

    private Optional<JsonNode> open(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        String text = node.textValue();
        if (text.startsWith(TOKEN)) {
            return Optional.of(openValue(text));
        }
        int token = text.startsWith(ALIAS_PREFIX) ? text.indexOf(':' + TOKEN) : -1;
        if (token < 0) {
            return Optional.empty();
        }
        return Optional.of(TextNode.valueOf(text.substring(0, token + 1) + openValue(text.substring(token + 1)).asText()));
    }

    private JsonNode openValue(String sealed) {
        int separator = sealed.lastIndexOf(':');
        String keyId = sealed.substring(TOKEN.length(), separator);
        Optional<SecretBox> key = keyId.startsWith(RETENTION)
                ? retentionKeys == null ? Optional.empty() : retentionKeys.existingKeyOf(keyId.substring(RETENTION.length()))
                : keys.existingKeyOf(keyId);
        if (key.isEmpty()) {
            return TextNode.valueOf(ERASED);
        }
        JsonNode opened;
        try {
            opened = mapper.readTree(key.get().open(SecretBox.PREFIX + sealed.substring(separator + 1)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an opened personal value is not JSON", e);
        }
        return keyId.startsWith(RETENTION) ? openInner(opened) : opened;
    }

    /** Under a retention seal, the profile's seal; or a value that only looks sealed, as it is. */
    private JsonNode openInner(JsonNode opened) {
        if (!opened.isTextual() || !opened.textValue().startsWith(TOKEN)
                || opened.textValue().startsWith(TOKEN + RETENTION)) {
            return opened;
        }
        try {
            return openValue(opened.textValue());
        } catch (SecretBoxException | StringIndexOutOfBoundsException notSealed) {
            return opened;
        }
    }

    private record Layer(String keyId, SecretBox key) {
    }

    /** Seals values with each of its keys in turn: the profile's, then the retention key of a source's month. */
    final class Sealer {
        private final List<Layer> layers;

        private Sealer(List<Layer> layers) {
            this.layers = layers;
        }

        JsonNode seal(JsonNode value) {
            if (value == null || value.isNull() || value.isMissingNode()) {
                return value;
            }
            JsonNode sealed = value;
            for (Layer layer : layers) {
                String box = layer.key().seal(sealed.toString());
                sealed = TextNode.valueOf(TOKEN + layer.keyId() + ':' + box.substring(SecretBox.PREFIX.length()));
            }
            return sealed;
        }

        /** A personal alias with its value sealed; any other alias as it is. */
        JsonNode sealAlias(JsonNode alias) {
            if (alias == null || !alias.isTextual()) {
                return alias;
            }
            String text = alias.textValue();
            int typeEnd = text.startsWith(ALIAS_PREFIX) ? text.indexOf(':', ALIAS_PREFIX.length()) : -1;
            if (typeEnd < 0 || !personalAliasTypes.contains(text.substring(ALIAS_PREFIX.length(), typeEnd))) {
                return alias;
            }
            return TextNode.valueOf(text.substring(0, typeEnd + 1)
                    + seal(TextNode.valueOf(text.substring(typeEnd + 1))).textValue());
        }
    }
}
