<?php
/**
 * Plugin Name: Tributary for WooCommerce
 * Description: Loads the Tributary pixel and tracks product views, cart adds (AJAX too), checkouts and orders.
 * Version: 1.0.0
 * Requires PHP: 7.4
 * WC requires at least: 6.0
 * License: Apache-2.0
 * Text Domain: tributary
 */

if (!defined('ABSPATH')) {
    exit;
}

require_once __DIR__ . '/includes/class-tributary-settings.php';
require_once __DIR__ . '/includes/class-tributary-events.php';
require_once __DIR__ . '/includes/class-tributary-tracker.php';

Tributary_Settings::register();
Tributary_Tracker::register();
