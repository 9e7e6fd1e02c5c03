package io.tributary.app.pixel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The WooCommerce plugin's PHPUnit suite (against stubs of WordPress and WooCommerce), as part of the Maven build. */
class WooCommercePluginPhpUnitTest {

    @Test
    void passesItsPhpUnitSuite() {
        WooCommercePlugin.assumeInstalled("php");
        WooCommercePlugin.assumeInstalled("phpunit");

        WooCommercePlugin.Run run = WooCommercePlugin.run("phpunit", "-c", "phpunit.xml");

        System.out.println(run.output());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern("OK \\(\\d+ tests");
    }
}
