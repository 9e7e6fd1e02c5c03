package io.tributary.embedded;

import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Permissions for what holds the data: the owner only (0700), where the file system has POSIX permissions. */
final class OwnerOnly {

    private OwnerOnly() {
    }

    static FileAttribute<?>[] directory(Path path) {
        boolean posix = path.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }
}
