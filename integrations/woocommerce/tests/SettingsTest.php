<?php
require_once __DIR__ . '/TributaryTestCase.php';

final class SettingsTest extends TributaryTestCase
{
    public function testAddsASettingsPageForAdministrators()
    {
        do_action('admin_menu');

        $this->assertSame('manage_options', Stub::$pages['tributary']['capability']);
        $this->assertArrayHasKey(Tributary_Settings::URL, Stub::$settings);
        $this->assertArrayHasKey(Tributary_Settings::TOKEN, Stub::$settings);
    }

    /** @dataProvider urls */
    public function testKeepsOnlyHttpUrlsWithoutTrailingSlashes($given, $kept)
    {
        update_option(Tributary_Settings::URL, $given);

        $this->assertSame($kept, Tributary_Settings::url());
    }

    public function urls()
    {
        return array(
            'https' => array('https://t.shop.example', 'https://t.shop.example'),
            'trailing slash' => array(' https://t.shop.example/ ', 'https://t.shop.example'),
            'with a path' => array('http://shop.example/tributary/', 'http://shop.example/tributary'),
            'javascript' => array('javascript:alert(1)', ''),
            'a query' => array('https://t.shop.example/?x=1', ''),
            'quotes' => array('https://t.shop.example/"><script>', ''),
            'empty' => array('', ''),
        );
    }

    /** @dataProvider tokens */
    public function testKeepsOnlyWellFormedTokens($given, $kept)
    {
        update_option(Tributary_Settings::TOKEN, $given);

        $this->assertSame($kept, Tributary_Settings::token());
    }

    public function tokens()
    {
        return array(
            'hex' => array('3f9c0a1b2c3d4e5f', '3f9c0a1b2c3d4e5f'),
            'dashes and underscores' => array('web_token-12', 'web_token-12'),
            'too short' => array('abc', ''),
            'markup' => array('abc"><script>x</script>', ''),
        );
    }

    public function testRendersTheFormWithTheSavedValues()
    {
        $this->configure('https://t.shop.example', 'browser-token-123');

        ob_start();
        Tributary_Settings::render_page();
        $html = ob_get_clean();

        $this->assertStringContainsString('name="tributary_url" value="https://t.shop.example"', $html);
        $this->assertStringContainsString('name="tributary_browser_token" value="browser-token-123"', $html);
        $this->assertStringContainsString('action="options.php"', $html);
    }

    public function testRendersNothingForOtherUsers()
    {
        Stub::$can_manage = false;

        ob_start();
        Tributary_Settings::render_page();

        $this->assertSame('', ob_get_clean());
    }
}
