package io.tributary.embedded;

import org.h2.mvstore.FileStore;

/**
 * How full the file store's file is, as H2 counts it: {@code fileBytes} on disk; {@code fillRate}, the percentage of
 * the file's blocks that chunks occupy (the rest is free space waiting for reuse); {@code chunksFillRate}, the
 * percentage of those chunks' bytes still live (the rest are pages a later commit replaced). {@link #liveBytes()} is
 * what the file would need if every chunk were full.
 */
public record FileStats(long fileBytes, int fillRate, int chunksFillRate, int chunks) {

    static FileStats of(FileStore<?> file) {
        return new FileStats(file.size(), file.getFillRate(), file.getChunksFillRate(), chunkCount(file));
    }

    private static int chunkCount(FileStore<?> file) {
        return Integer.parseInt(info(file, "info.CHUNK_COUNT", "0"));
    }

    private static String info(FileStore<?> file, String key, String otherwise) {
        String[] found = {otherwise};
        file.populateInfo((name, value) -> {
            if (name.equals(key)) {
                found[0] = value;
            }
        });
        return found[0];
    }

    /** The live bytes of the file's chunks, estimated from the two fill rates. */
    public long liveBytes() {
        return fileBytes * fillRate / 100 * chunksFillRate / 100;
    }

    public static FileStats none() {
        return new FileStats(0, 100, 100, 0);
    }
}
