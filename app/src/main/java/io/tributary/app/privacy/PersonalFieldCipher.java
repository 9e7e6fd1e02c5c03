package io.tributary.app.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tributary.api.secret.SecretBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encrypts one personal value with its profile's data key, written {@code pd:v1:<profileId>:<base64>} in place of
 * the value (an alias keeps its type: {@code urn:email:pd:v1:…}); and opens every such value of a stored event,
 * or reads it as {@value #ERASED} when the profile's key was deleted.
 */
final class PersonalFieldCipher {

    static final String TOKEN = "pd:v1:";
    static final String ERASED = "[erased]";
    private static final String ALIAS_PREFIX = "urn:";

    private final DataKeys keys;
    private final ObjectMapper mapper;
    private final List<String> personalAliasTypes;

    PersonalFieldCipher(DataKeys keys, ObjectMapper mapper, List<String> personalAliasTypes) {
        this.keys = keys;
        this.mapper = mapper;
        this.personalAliasTypes = personalAliasTypes;
    }

    /** Seals values for one profile. */
    Sealer sealerFor(String profileId) {
        return new Sealer(profileId, keys.keyOf(profileId));
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
        String profileId = sealed.substring(TOKEN.length(), separator);
        Optional<SecretBox> key = keys.existingKeyOf(profileId);
        if (key.isEmpty()) {
            return TextNode.valueOf(ERASED);
        }
        try {
            return mapper.readTree(key.get().open(SecretBox.PREFIX + sealed.substring(separator + 1)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an opened personal value is not JSON", e);
        }
    }

    /** Seals the values of one profile with its key. */
    final class Sealer {
        private final String profileId;
        private final SecretBox key;

        private Sealer(String profileId, SecretBox key) {
            this.profileId = profileId;
            this.key = key;
        }

        JsonNode seal(JsonNode value) {
            if (value == null || value.isNull() || value.isMissingNode()) {
                return value;
            }
            String sealed = key.seal(value.toString());
            return TextNode.valueOf(TOKEN + profileId + ':' + sealed.substring(SecretBox.PREFIX.length()));
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
