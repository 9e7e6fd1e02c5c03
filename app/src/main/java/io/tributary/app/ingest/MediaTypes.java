package io.tributary.app.ingest;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

public final class MediaTypes {

    private MediaTypes() {
    }

    /** True when the header names one of the types (or a {@code +json} type for JSON); false when absent or garbled. */
    public static boolean isOneOf(String header, MediaType... accepted) {
        if (header == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(header);
            for (MediaType candidate : accepted) {
                if (candidate.includes(type) || (candidate.equals(MediaType.APPLICATION_JSON) && type.getSubtype().endsWith("+json"))) {
                    return true;
                }
            }
            return false;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
