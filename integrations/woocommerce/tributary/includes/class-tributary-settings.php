<?php
/**
 * Settings > Tributary: the Tributary URL and the browser source's token (public: it can only append events).
 */
class Tributary_Settings
{
    const URL = 'tributary_url';
    const TOKEN = 'tributary_browser_token';
    const GROUP = 'tributary';

    public static function register()
    {
        add_action('admin_init', array(__CLASS__, 'register_settings'));
        add_action('admin_menu', array(__CLASS__, 'add_page'));
    }

    public static function register_settings()
    {
        register_setting(self::GROUP, self::URL, array('type' => 'string', 'sanitize_callback' => array(__CLASS__, 'sanitize_url')));
        register_setting(self::GROUP, self::TOKEN, array('type' => 'string', 'sanitize_callback' => array(__CLASS__, 'sanitize_token')));
    }

    public static function add_page()
    {
        add_options_page('Tributary', 'Tributary', 'manage_options', 'tributary', array(__CLASS__, 'render_page'));
    }

    /** An http(s) URL without its trailing slashes; anything else is refused (empty). */
    public static function sanitize_url($value)
    {
        $value = trim((string) $value);
        if (!preg_match('~^https?://[^\s/?#"<>]+(/[^\s?#"<>]*)?$~i', $value)) {
            return '';
        }
        return rtrim($value, '/');
    }

    /** A browser token is letters, digits, '-' and '_'; anything else is refused (empty). */
    public static function sanitize_token($value)
    {
        $value = trim((string) $value);
        return preg_match('/^[A-Za-z0-9_-]{8,128}$/', $value) ? $value : '';
    }

    public static function url()
    {
        return self::sanitize_url(get_option(self::URL, ''));
    }

    public static function token()
    {
        return self::sanitize_token(get_option(self::TOKEN, ''));
    }

    public static function configured()
    {
        return self::url() !== '' && self::token() !== '';
    }

    public static function render_page()
    {
        if (!current_user_can('manage_options')) {
            return;
        }
        echo '<div class="wrap"><h1>Tributary</h1><form method="post" action="options.php">';
        settings_fields(self::GROUP);
        echo '<table class="form-table">';
        echo '<tr><th><label for="tributary_url">Tributary URL</label></th><td><input type="url" class="regular-text" id="tributary_url" name="'
            . esc_attr(self::URL) . '" value="' . esc_attr(self::url()) . '" placeholder="https://t.shop.example"></td></tr>';
        echo '<tr><th><label for="tributary_browser_token">Browser source token</label></th><td><input type="text" class="regular-text" id="tributary_browser_token" name="'
            . esc_attr(self::TOKEN) . '" value="' . esc_attr(self::token()) . '"></td></tr>';
        echo '</table>';
        submit_button();
        echo '</form></div>';
    }
}
