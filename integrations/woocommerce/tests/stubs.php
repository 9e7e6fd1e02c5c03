<?php
/**
 * Stubs of the WordPress and WooCommerce functions the plugin calls, with state the tests set and read back
 * (hooks, options, the current page, the session and cart). Used by the PHPUnit tests and the Chromium fixture.
 */
define('ABSPATH', __DIR__ . '/');

final class Stub
{
    public static $hooks = array();
    public static $options = array();
    public static $settings = array();
    public static $pages = array();
    public static $page = array('product' => false, 'checkout' => false, 'order_received' => false, 'id' => 0);
    public static $products = array();
    public static $orders = array();
    public static $wc;
    public static $can_manage = true;

    public static function reset()
    {
        self::$hooks = self::$options = self::$settings = self::$pages = self::$products = self::$orders = array();
        self::$page = array('product' => false, 'checkout' => false, 'order_received' => false, 'id' => 0);
        self::$wc = new Stub_WooCommerce();
        self::$can_manage = true;
    }
}

function add_action($hook, $callback, $priority = 10, $args = 1)
{
    Stub::$hooks[$hook][] = array($callback, $priority, $args);
}

function add_filter($hook, $callback, $priority = 10, $args = 1)
{
    add_action($hook, $callback, $priority, $args);
}

function do_action($hook, ...$args)
{
    $hooks = isset(Stub::$hooks[$hook]) ? Stub::$hooks[$hook] : array();
    usort($hooks, function ($a, $b) { return $a[1] - $b[1]; });
    foreach ($hooks as $hooked) {
        call_user_func_array($hooked[0], array_slice($args, 0, $hooked[2]));
    }
}

function apply_filters($hook, $value, ...$args)
{
    foreach (isset(Stub::$hooks[$hook]) ? Stub::$hooks[$hook] : array() as $hooked) {
        $value = call_user_func_array($hooked[0], array_slice(array_merge(array($value), $args), 0, $hooked[2]));
    }
    return $value;
}

function get_option($name, $default = false)
{
    return array_key_exists($name, Stub::$options) ? Stub::$options[$name] : $default;
}

function update_option($name, $value)
{
    $sanitize = isset(Stub::$settings[$name]['sanitize_callback']) ? Stub::$settings[$name]['sanitize_callback'] : null;
    Stub::$options[$name] = $sanitize ? call_user_func($sanitize, $value) : $value;
    return true;
}

function register_setting($group, $name, $args = array())
{
    Stub::$settings[$name] = $args + array('group' => $group);
}

function add_options_page($title, $menu, $capability, $slug, $callback)
{
    Stub::$pages[$slug] = array('title' => $title, 'capability' => $capability, 'callback' => $callback);
}

function settings_fields($group)
{
    echo '<input type="hidden" name="option_page" value="' . esc_attr($group) . '">';
}

function submit_button()
{
    echo '<input type="submit" value="Save Changes">';
}

function current_user_can($capability)
{
    return Stub::$can_manage;
}

function esc_attr($text)
{
    return htmlspecialchars((string) $text, ENT_QUOTES, 'UTF-8');
}

function esc_url($url)
{
    return preg_match('#^https?://#i', (string) $url) ? htmlspecialchars((string) $url, ENT_QUOTES, 'UTF-8') : '';
}

function wp_json_encode($data, $options = 0)
{
    return json_encode($data, $options);
}

function is_product()
{
    return Stub::$page['product'];
}

function is_checkout()
{
    return Stub::$page['checkout'];
}

function is_wc_endpoint_url($endpoint)
{
    return $endpoint === 'order-received' && Stub::$page['order_received'];
}

function get_the_ID()
{
    return Stub::$page['id'];
}

function wc_get_product($id)
{
    return isset(Stub::$products[$id]) ? Stub::$products[$id] : false;
}

function wc_get_order($id)
{
    return isset(Stub::$orders[$id]) ? Stub::$orders[$id] : false;
}

function WC()
{
    return Stub::$wc;
}

function get_woocommerce_currency()
{
    return 'EUR';
}

function wc_get_price_decimals()
{
    return 2;
}

function wc_format_decimal($number, $dp = false)
{
    return $dp === false ? (string) $number : number_format((float) $number, $dp, '.', '');
}

final class Stub_WooCommerce
{
    public $session;
    public $cart;

    public function __construct()
    {
        $this->session = new Stub_Session();
        $this->cart = new Stub_Cart();
    }
}

final class Stub_Session
{
    public $data = array();

    public function get($key, $default = null)
    {
        return array_key_exists($key, $this->data) ? $this->data[$key] : $default;
    }

    public function set($key, $value)
    {
        $this->data[$key] = $value;
    }
}

final class Stub_Cart
{
    public $lines = array();
    public $hash = '';
    public $total = '0.00';

    public function get_cart()
    {
        return $this->lines;
    }

    public function get_cart_hash()
    {
        return $this->hash;
    }

    public function get_total($context = 'view')
    {
        return $this->total;
    }
}

final class Stub_Product
{
    private $id;
    private $parent;
    private $sku;
    private $name;
    private $price;

    public function __construct($id, $sku, $name, $price, $parent = 0)
    {
        $this->id = $id;
        $this->sku = $sku;
        $this->name = $name;
        $this->price = $price;
        $this->parent = $parent;
    }

    public function get_id() { return $this->id; }
    public function get_parent_id() { return $this->parent; }
    public function get_sku() { return $this->sku; }
    public function get_name() { return $this->name; }
    public function get_price() { return $this->price; }
}

final class Stub_Order_Item
{
    private $product;
    private $quantity;

    public function __construct($product, $quantity)
    {
        $this->product = $product;
        $this->quantity = $quantity;
    }

    public function get_product_id() { return $this->product->get_parent_id() ?: $this->product->get_id(); }
    public function get_variation_id() { return $this->product->get_parent_id() ? $this->product->get_id() : 0; }
    public function get_name() { return $this->product->get_name(); }
    public function get_quantity() { return $this->quantity; }
    public function unit_price() { return $this->product->get_price(); }
}

final class Stub_Order
{
    public $id;
    public $key;
    public $cart_hash;
    public $items;
    public $total;
    public $tax;
    public $shipping;

    public function __construct($id, $key, $cart_hash, $items, $total, $tax, $shipping)
    {
        $this->id = $id;
        $this->key = $key;
        $this->cart_hash = $cart_hash;
        $this->items = $items;
        $this->total = $total;
        $this->tax = $tax;
        $this->shipping = $shipping;
    }

    public function get_id() { return $this->id; }
    public function get_order_key() { return $this->key; }
    public function get_cart_hash() { return $this->cart_hash; }
    public function get_items() { return $this->items; }
    public function get_total() { return $this->total; }
    public function get_total_tax() { return $this->tax; }
    public function get_shipping_total() { return $this->shipping; }
    public function get_currency() { return 'EUR'; }
    public function get_item_subtotal($item, $inc_tax = false, $round = true) { return $item->unit_price(); }
}

Stub::reset();
