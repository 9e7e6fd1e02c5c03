<?php
/**
 * WooCommerce objects as the pixel's track calls ({"method":"track","eventName",...}). Money is a decimal string.
 * The order's event id is the order id, as in Tributary's WooCommerce webhook, so both copies are one order.
 */
class Tributary_Events
{
    public static function viewed_product($product)
    {
        return self::track('Viewed Product', null, self::product($product, array('currency' => get_woocommerce_currency())));
    }

    public static function added_to_cart($product, $quantity, $cart_hash)
    {
        $properties = self::product($product, array('quantity' => (int) $quantity, 'currency' => get_woocommerce_currency()));
        return self::track('Added To Cart', null, $properties, self::aliases(array('cart_token' => $cart_hash)));
    }

    /** Keyed by the cart hash, so reloading the checkout page does not start a second checkout. */
    public static function started_checkout($cart)
    {
        $hash = (string) $cart->get_cart_hash();
        if ($hash === '') {
            return null;
        }
        $items = array();
        foreach ($cart->get_cart() as $line) {
            $items[] = self::product($line['data'], array('quantity' => (int) $line['quantity']));
        }
        $properties = array(
            'total_price' => self::money($cart->get_total('edit')),
            'currency' => get_woocommerce_currency(),
            'items' => $items,
        );
        return self::track('Started Checkout', 'checkout-' . $hash, $properties, self::aliases(array('cart_token' => $hash)));
    }

    public static function placed_order($order)
    {
        $id = (string) $order->get_id();
        $items = array();
        foreach ($order->get_items() as $item) {
            $items[] = self::without_empty(array(
                'product_id' => (string) $item->get_product_id(),
                'variant_id' => $item->get_variation_id() ? (string) $item->get_variation_id() : null,
                'name' => $item->get_name(),
                'price' => self::money($order->get_item_subtotal($item, false, false)),
                'quantity' => (int) $item->get_quantity(),
            ));
        }
        $properties = array(
            'id' => $id,
            'total_price' => self::money($order->get_total()),
            'total_tax' => self::money($order->get_total_tax()),
            'total_shipping' => self::money($order->get_shipping_total()),
            'currency' => $order->get_currency(),
            'items' => $items,
        );
        $aliases = self::aliases(array('order_key' => $order->get_order_key(), 'cart_token' => $order->get_cart_hash()));
        return self::track('Placed Order', $id, $properties, $aliases);
    }

    private static function product($product, $extra)
    {
        $parent = method_exists($product, 'get_parent_id') ? $product->get_parent_id() : 0;
        return self::without_empty(array_merge(array(
            'product_id' => (string) ($parent ? $parent : $product->get_id()),
            'variant_id' => $parent ? (string) $product->get_id() : null,
            'sku' => $product->get_sku(),
            'name' => $product->get_name(),
            'price' => self::money($product->get_price()),
        ), $extra));
    }

    private static function track($name, $event_id, $properties, $aliases = array())
    {
        $event = array('method' => 'track', 'eventName' => $name, 'properties' => self::without_empty($properties));
        if ($event_id !== null) {
            $event['eventID'] = $event_id;
        }
        if ($aliases) {
            $event['aliases'] = $aliases;
        }
        return $event;
    }

    /** urn:<type>:<value> for every non-empty value. */
    private static function aliases($values)
    {
        $aliases = array();
        foreach ($values as $type => $value) {
            if ($value !== null && $value !== '') {
                $aliases[] = 'urn:' . $type . ':' . $value;
            }
        }
        return $aliases;
    }

    /** A decimal string with WooCommerce's decimals ("19.90"), or null when there is no amount. */
    public static function money($amount)
    {
        if ($amount === null || $amount === '') {
            return null;
        }
        return (string) wc_format_decimal($amount, wc_get_price_decimals());
    }

    private static function without_empty($values)
    {
        return array_filter($values, function ($value) {
            return $value !== null && $value !== '';
        });
    }
}
