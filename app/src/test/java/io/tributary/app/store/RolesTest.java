package io.tributary.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void startsTheAppWhenNoRoleIsGiven() {
        assertThat(new Roles(new String[0], Map.of()).isStore()).isFalse();
        assertThat(new Roles(new String[] {"--tributary.role=node"}, Map.of()).isStore()).isFalse();
    }

    @Test
    void readsTheStoreRoleAndPortFromArguments() {
        Roles roles = new Roles(new String[] {"--tributary.role=store", "--tributary.store.port=27018"},
                Map.of("TRIBUTARY_DATA_DIR", "/tmp/shop"));
        assertThat(roles.isStore()).isTrue();
        assertThat(roles.storeSettings())
                .isEqualTo(new StoreRole.StoreSettings("/tmp/shop", "127.0.0.1", 27018, Duration.ofMillis(200)));
    }

    @Test
    void readsTheStoreRoleFromTheEnvironmentButArgumentsWin() {
        Roles roles = new Roles(new String[] {"--tributary.data-dir=/data/a"},
                Map.of("TRIBUTARY_ROLE", "store", "TRIBUTARY_DATA_DIR", "/data/b", "TRIBUTARY_STORE_PORT", "0"));
        assertThat(roles.isStore()).isTrue();
        assertThat(roles.storeSettings().dataDir()).isEqualTo("/data/a");
        assertThat(roles.storeSettings().port()).isZero();
    }
}
