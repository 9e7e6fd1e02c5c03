package io.tributary.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.ingestion.PayloadRejected;
import java.nio.charset.StandardCharsets;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The event store's serializer: the Jackson serializer, with the personal fields of domain events
 * ({@link PersonalEventFields}) encrypted with the profile's data key on the way in (and, for the content of a
 * source's tracked events, with the retention key of its source and month around it), and opened on the way out, or
 * read as {@code [erased]} once a key is deleted. Structure, counts and money are never encrypted, so an erased
 * person's events still replay into the same reports. No handler knows about any of this.
 */
public class PersonalDataSerializer implements Serializer {

    private static final byte[] TOKEN = PersonalFieldCipher.TOKEN.getBytes(StandardCharsets.US_ASCII);

    private final Serializer delegate;
    private final PersonalFieldCipher cipher;
    private final PersonalEventFields fields;
    private final boolean encrypting;

    /** Without retention keys: personal fields are sealed with the profile's key alone. */
    public PersonalDataSerializer(Serializer delegate, DataKeys keys, ObjectMapper mapper, PrivacyProperties privacy) {
        this(delegate, keys, null, mapper, privacy);
    }

    public PersonalDataSerializer(Serializer delegate, DataKeys keys, RetentionKeys retentionKeys, ObjectMapper mapper,
                                  PrivacyProperties privacy) {
        this.delegate = delegate;
        this.cipher = new PersonalFieldCipher(keys, retentionKeys == null ? null : retentionKeys.keys(), mapper,
                privacy.personalAliasTypes());
        this.fields = new PersonalEventFields(privacy.personalProperties());
        this.encrypting = privacy.encryption();
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (!encrypting || object == null || !fields.covers(object.getClass().getName())) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<JsonNode> tree = delegate.serialize(object, JsonNode.class);
        if (!(tree.getData() instanceof ObjectNode event)) {
            return delegate.serialize(object, expectedRepresentation);
        }
        String profileId = event.path("profileId").isTextual() ? event.get("profileId").textValue()
                : object instanceof PayloadRejected rejected && rejected.recordId() != null
                ? RejectedPayloadKeys.keyId(rejected.recordId()) : null;
        PersonalFieldCipher.Sealer sealer = cipher.sealerFor(profileId, RetentionScope.of(object));
        if (sealer == null) {
            return delegate.serialize(object, expectedRepresentation);
        }
        fields.seal(object.getClass().getName(), event, sealer);
        T data = delegate.getConverter().convert(event, JsonNode.class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, tree.getType());
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (!mayHoldSealedValues(serializedObject.getData())) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode tree = delegate.getConverter().convert(serializedObject, JsonNode.class).getData();
        cipher.openAll(tree);
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private static boolean mayHoldSealedValues(Object data) {
        if (data instanceof byte[] bytes) {
            return contains(bytes);
        }
        if (data instanceof String text) {
            return text.contains(PersonalFieldCipher.TOKEN);
        }
        return data != null;
    }

    private static boolean contains(byte[] bytes) {
        outer:
        for (int i = 0; i <= bytes.length - TOKEN.length; i++) {
            for (int j = 0; j < TOKEN.length; j++) {
                if (bytes[i + j] != TOKEN[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
