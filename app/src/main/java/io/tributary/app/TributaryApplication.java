package io.tributary.app;

import io.tributary.app.store.Roles;
import io.tributary.app.store.StoreRole;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "io.tributary")
@ConfigurationPropertiesScan
public class TributaryApplication {

    public static void main(String[] args) throws InterruptedException {
        Roles roles = new Roles(args, System.getenv());
        if (roles.isStore()) {
            StoreRole.run(roles.storeSettings());
            return;
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(TributaryApplication.class, args);
    }
}
