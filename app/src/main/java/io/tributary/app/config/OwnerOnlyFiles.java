package io.tributary.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** The data directory (0700) and the files in it that hold keys (0600), where the file system has POSIX permissions. */
final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    static Path directory(Path path) throws IOException {
        return Files.createDirectories(path, permissions(path, "rwx------"));
    }

    /** Writes a new file readable by the owner only; fails if it exists already. */
    static void createFile(Path file, String content) throws IOException {
        directory(file.toAbsolutePath().getParent());
        Files.createFile(file, permissions(file, "rw-------"));
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static FileAttribute<?>[] permissions(Path path, String permissions) {
        boolean posix = path.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
