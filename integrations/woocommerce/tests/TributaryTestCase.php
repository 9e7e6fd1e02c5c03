<?php
use PHPUnit\Framework\TestCase;

/** A fresh WordPress (stubbed) with the plugin registered; helpers to run hooks and read the track calls printed. */
abstract class TributaryTestCase extends TestCase
{
    protected function setUp(): void
    {
        Stub::reset();
        Tributary_Settings::register();
        Tributary_Tracker::register();
        do_action('admin_init');
    }

    protected function configure($url = 'https://t.shop.example', $token = 'browser-token-123')
    {
        update_option(Tributary_Settings::URL, $url);
        update_option(Tributary_Settings::TOKEN, $token);
    }

    protected function output($hook, ...$args)
    {
        ob_start();
        do_action($hook, ...$args);
        return ob_get_clean();
    }

    /** The cvg(...) calls in printed HTML, decoded. */
    protected static function calls($html)
    {
        preg_match_all('/cvg\((\{.*?\})\);/s', $html, $matches);
        return array_map(function ($json) { return json_decode($json, true); }, $matches[1]);
    }

    protected static function tea()
    {
        return Stub::$products[101] = new Stub_Product(101, 'TEA-01', 'Green tea', '19.95');
    }
}
