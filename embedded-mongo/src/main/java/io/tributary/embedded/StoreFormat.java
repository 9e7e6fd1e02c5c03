package io.tributary.embedded;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Opens the H2 file and checks how it stores documents. Tributary's file store keeps documents as BSON and keys in
 * {@link StoredKeyType}; a file written before that (or by a plain mongo-java-server) holds Java-serialised
 * documents that these types cannot read, so it is refused with a message instead of being misread.
 */
final class StoreFormat {

    static final String MAP = "tributary.format";
    static final String DOCUMENTS = "documents";
    static final String BSON_1 = "bson-1";

    private StoreFormat() {
    }

    /**
     * The store, committed only when flushed, in the current format. No background commits (autoCommitDelay 0), and
     * no commits from a writing thread when unsaved pages pile up (autoCommitBufferSize 0: H2 otherwise commits from
     * inside a write, between a document and its index entries, and without a sync).
     */
    static MVStore open(String fileName) {
        MVStore store = new MVStore.Builder().fileName(fileName).autoCommitDisabled().autoCommitBufferSize(0).open();
        try {
            MVMap<String, String> format = store.openMap(MAP);
            String documents = format.get(DOCUMENTS);
            if (documents == null && holdsCollections(store)) {
                throw new IllegalStateException("The data file " + fileName + " was written by an older Tributary "
                        + "(documents in Java serialisation), which this version cannot read. Keep that file, run the "
                        + "older version to export its data (mongodump against its embedded server), or start with "
                        + "an empty data directory.");
            }
            if (documents == null) {
                format.put(DOCUMENTS, BSON_1);
                store.commit();
            } else if (!BSON_1.equals(documents)) {
                throw new IllegalStateException("The data file " + fileName + " stores documents as '" + documents
                        + "', which this version of Tributary does not know.");
            }
            return store;
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
    }

    private static boolean holdsCollections(MVStore store) {
        return store.getMapNames().stream().anyMatch(name -> name.startsWith("databases.") || name.contains("._index_"));
    }
}
