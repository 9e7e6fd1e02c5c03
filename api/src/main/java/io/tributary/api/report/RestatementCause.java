package io.tributary.api.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a reported day's figures changed after they were first counted. */
public enum RestatementCause {
    /** A session arrived after a conversion it precedes, and moved the conversion's credit. */
    LATE_STITCH,
    /** Two profiles merged, and the survivor's conversions gained the merged profile's sessions. */
    MERGE,
    REFUND,
    CANCEL,
    /** An ad platform sent a newer version of a day it had already reported. */
    AD_RESTATEMENT,
    /** A rebuild of the read models after a rule change, or a session reclassified by newer channel rules. */
    REBUILD,
    /** A merge was undone: the split profile took back its sessions and conversions. */
    SPLIT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown name */
    @JsonCreator
    public static RestatementCause fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
