package io.tributary.embedded;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** An index of the embedded store whose entries can be walked in key order. */
interface OrderedIndex<P> {

    List<IndexKey> getKeys();

    /**
     * The entries in key order, built from {@code all} documents first if this index keeps them only on demand.
     */
    OrderedEntries<P> entries(Supplier<Stream<DocumentWithPosition<P>>> all);

    /** The positions of exactly these key values, if the index finds them without its ordered entries; else null. */
    default Iterable<P> exactly(Document keyValues) {
        return null;
    }
}
