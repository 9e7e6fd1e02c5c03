<?php
/**
 * Puts the pixel on every page and the shop's events on the pages they happen on:
 * a product page → Viewed Product; a cart add → Added To Cart (kept in the WooCommerce session until the next page,
 * or sent with the cart fragments after an AJAX add); the checkout → Started Checkout; the thank-you page →
 * Placed Order.
 */
class Tributary_Tracker
{
    const PENDING = 'tributary_pending_events';
    const FRAGMENT = 'script#tributary-events';

    /** Events of this page, printed in the footer. */
    private static $page_events = array();

    public static function register()
    {
        add_action('wp_head', array(__CLASS__, 'print_snippet'), 1);
        add_action('wp_footer', array(__CLASS__, 'print_events'), 20);
        add_action('woocommerce_add_to_cart', array(__CLASS__, 'on_add_to_cart'), 10, 6);
        add_action('woocommerce_thankyou', array(__CLASS__, 'on_thankyou'), 10, 1);
        add_filter('woocommerce_add_to_cart_fragments', array(__CLASS__, 'cart_fragments'));
    }

    public static function print_snippet()
    {
        if (!Tributary_Settings::configured()) {
            return;
        }
        $src = Tributary_Settings::url() . '/pixels/' . rawurlencode(Tributary_Settings::token()) . '.js';
        echo "<script>window.cvg||(window.cvg=function(){cvg.process?cvg.process.apply(cvg,arguments):cvg.queue.push(arguments)},cvg.queue=[]);</script>\n";
        echo '<script async src="' . esc_url($src) . '"></script>' . "\n";
    }

    public static function on_add_to_cart($cart_item_key, $product_id, $quantity, $variation_id = 0, $variation = array(), $cart_item_data = array())
    {
        $product = wc_get_product($variation_id ? $variation_id : $product_id);
        if (!$product || !WC()->session) {
            return;
        }
        $pending = (array) WC()->session->get(self::PENDING, array());
        $pending[] = Tributary_Events::added_to_cart($product, $quantity, WC()->cart ? WC()->cart->get_cart_hash() : '');
        WC()->session->set(self::PENDING, array_slice($pending, -20));
    }

    public static function on_thankyou($order_id)
    {
        $order = $order_id ? wc_get_order($order_id) : null;
        if ($order) {
            self::$page_events[] = Tributary_Events::placed_order($order);
        }
    }

    /** After an AJAX add, WooCommerce swaps the fragments in: this one runs the cart add's track call. */
    public static function cart_fragments($fragments)
    {
        $fragments[self::FRAGMENT] = self::script(self::take_pending());
        return $fragments;
    }

    public static function print_events()
    {
        if (!Tributary_Settings::configured()) {
            return;
        }
        $events = self::take_pending();
        if (function_exists('is_product') && is_product()) {
            $product = wc_get_product(get_the_ID());
            if ($product) {
                array_unshift($events, Tributary_Events::viewed_product($product));
            }
        }
        if (function_exists('is_checkout') && is_checkout() && !is_wc_endpoint_url('order-received') && WC()->cart) {
            $checkout = Tributary_Events::started_checkout(WC()->cart);
            if ($checkout) {
                $events[] = $checkout;
            }
        }
        echo self::script(array_merge($events, self::$page_events)) . "\n";
        self::$page_events = array();
    }

    /** The calls as one script element; JSON with <, >, & and quotes escaped, so nothing breaks out of it. */
    public static function script($events)
    {
        $calls = '';
        foreach ($events as $event) {
            $calls .= 'cvg(' . wp_json_encode($event, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_SLASHES) . ');';
        }
        return '<script id="tributary-events">' . $calls . '</script>';
    }

    private static function take_pending()
    {
        if (!function_exists('WC') || !WC()->session) {
            return array();
        }
        $pending = (array) WC()->session->get(self::PENDING, array());
        if ($pending) {
            WC()->session->set(self::PENDING, array());
        }
        return $pending;
    }
}
