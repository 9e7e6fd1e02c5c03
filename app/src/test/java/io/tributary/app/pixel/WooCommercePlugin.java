package io.tributary.app.pixel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The WooCommerce plugin under {@code integrations/woocommerce}, run by Debian's {@code php-cli}. Without php the
 * tests that need it are skipped with that reason (CI installs it: {@code .ci/run}).
 */
public final class WooCommercePlugin {

    private WooCommercePlugin() {
    }

    /** The plugin's folder in the repository, from a module's directory or the root. */
    public static Path dir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("integrations/woocommerce");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("integrations/woocommerce not found above " + here);
    }

    public static void assumeInstalled(String command) {
        boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(p -> Files.isExecutable(Path.of(p, command)));
        Assumptions.assumeTrue(found, command + " is not installed (apt-get install php-cli phpunit): skipped");
    }

    public record Run(int exitCode, String output) {
    }

    /** Runs a command in the plugin's folder, stdout and stderr together. */
    public static Run run(String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir().toFile()).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
