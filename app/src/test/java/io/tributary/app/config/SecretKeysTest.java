package io.tributary.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.secret.SecretBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import io.tributary.app.TributaryApplication;

class SecretKeysTest {

    @TempDir
    Path temp;

    @Test
    void usesTheConfiguredKeyAndWritesNoFile() {
        String key = SecretBox.generateKey();
        Path dataDir = temp.resolve("data");

        SecretBox box = SecretKeys.box(properties("file", dataDir, key), "");

        assertThat(SecretBox.fromKey(key).open(box.seal("secret"))).isEqualTo("secret");
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void refusesToRunOnARealMongoDbWithoutAKey() {
        assertThatThrownBy(() -> SecretKeys.box(properties("file", temp, null), "mongodb://db:27017"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TRIBUTARY_SECRET_KEY is required when MONGODB_URI is set");
    }

    @Test
    void generatesAnOwnerOnlyKeyFileInAnOwnerOnlyDataDirectoryAtFirstStartAndReadsItAfter() throws Exception {
        Path dataDir = temp.resolve("data");

        SecretBox first = SecretKeys.box(properties("file", dataDir, null), "");
        SecretBox second = SecretKeys.box(properties("file", dataDir, " "), "");

        Path keyFile = dataDir.resolve(SecretKeys.KEY_FILE);
        assertThat(second.open(first.seal("secret"))).isEqualTo("secret");
        assertThat(SecretBox.isRawKey(Files.readString(keyFile).trim())).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
    }

    @Test
    void keepsAMemoryStoresKeyInMemory() {
        SecretKeys.box(properties("memory", temp.resolve("data"), null), "");

        assertThat(temp.resolve("data")).doesNotExist();
    }

    @Test
    void refusesToStartOnARealMongoDbWithoutAKeyBeforeReachingIt() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(TributaryApplication.class).run("--server.port=0",
                "--MONGODB_URI=mongodb://127.0.0.1:9/none", "--tributary.secret-key=", "--tributary.admin-token=t"))
                .rootCause().hasMessageContaining("TRIBUTARY_SECRET_KEY is required when MONGODB_URI is set");
    }

    private static TributaryProperties properties(String embedded, Path dataDir, String secretKey) {
        return new TributaryProperties(null, dataDir.toString(), embedded, null, null, null, null, null, secretKey);
    }
}
