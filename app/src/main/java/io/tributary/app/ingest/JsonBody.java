package io.tributary.app.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Parses request text into a JSON object, with exact decimals. */
@Component
public class JsonBody {

    private final ObjectMapper mapper;

    JsonBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Empty when the text is not a JSON object. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> object(String text) {
        try {
            Object parsed = mapper.readValue(text, Object.class);
            return parsed instanceof Map ? Optional.of((Map<String, Object>) parsed) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
