package io.tributary.app.config;

/** Where the MongoDB is, and how to make writes durable before an acknowledgement goes out. */
public interface MongoEndpoint extends AutoCloseable {

    String connectionString();

    /** Called after a unit of work committed and before it is acknowledged. */
    void flush();

    /**
     * After an erasure: rewrite the store's files so that replaced pages no longer hold the erased values. The
     * embedded file store compacts; a real MongoDB's WiredTiger files are its operator's (see the README).
     */
    default void compact() {
        flush();
    }

    @Override
    void close();

    static MongoEndpoint external(String uri) {
        return new MongoEndpoint() {
            @Override
            public String connectionString() {
                return uri;
            }

            @Override
            public void flush() {
                // a real MongoDB acknowledges writes once they are durable under its write concern
            }

            @Override
            public void close() {
                // nothing was started
            }
        };
    }
}
