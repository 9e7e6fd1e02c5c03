package io.tributary.embedded;

/**
 * Netty checks, on every read and write of a buffer, that the buffer has not been released. The server's BSON codec
 * writes a document field by field (a length, the bytes, a terminator for each string), so under the file store's
 * writes that check alone took about 7 % of all CPU (JFR, a fill to 1M events). The server and the store release a
 * buffer only after the call that used it, so the check finds nothing; it is switched off here, before Netty's buffers
 * are first loaded, unless the JVM was told otherwise ({@code -Dio.netty.buffer.checkAccessible=true}). Bounds checks
 * stay on.
 */
final class NettyBufferChecks {

    static final String CHECK_ACCESSIBLE = "io.netty.buffer.checkAccessible";

    private NettyBufferChecks() {
    }

    static void skipReleaseChecksUnlessSet() {
        if (System.getProperty(CHECK_ACCESSIBLE) == null) {
            System.setProperty(CHECK_ACCESSIBLE, "false");
        }
    }
}
