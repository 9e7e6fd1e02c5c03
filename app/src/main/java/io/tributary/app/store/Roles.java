package io.tributary.app.store;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the role before Spring starts, from the same places Spring would: {@code --tributary.x=...} arguments, then
 * system properties, then environment variables ({@code TRIBUTARY_ROLE}, {@code TRIBUTARY_STORE_PORT} ...).
 */
public final class Roles {

    private final String[] args;
    private final Map<String, String> environment;

    public Roles(String[] args, Map<String, String> environment) {
        this.args = args.clone();
        this.environment = environment;
    }

    public boolean isStore() {
        return "store".equals(setting("tributary.role").orElse("node"));
    }

    public StoreRole.StoreSettings storeSettings() {
        return new StoreRole.StoreSettings(setting("tributary.data-dir").orElse("./data"),
                setting("tributary.store.host").orElse("127.0.0.1"),
                Integer.parseInt(setting("tributary.store.port").orElse("27017")),
                Duration.ofMillis(Long.parseLong(setting("tributary.store.sync-every-ms").orElse("200"))));
    }

    Optional<String> setting(String name) {
        String prefix = "--" + name + "=";
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return Optional.of(arg.substring(prefix.length()));
            }
        }
        String property = System.getProperty(name);
        if (property != null) {
            return Optional.of(property);
        }
        String variable = environment.get(name.toUpperCase().replace('.', '_').replace('-', '_'));
        return Optional.ofNullable(variable).filter(value -> !value.isBlank());
    }
}
