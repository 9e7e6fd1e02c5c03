<?php
require_once __DIR__ . '/TributaryTestCase.php';

final class TrackerTest extends TributaryTestCase
{
    public function testPrintsThePixelSnippetWithTheConfiguredUrlAndToken()
    {
        $this->configure('https://t.shop.example/', 'browser-token-123');

        $head = $this->output('wp_head');

        $this->assertStringContainsString('cvg.queue=[]', $head);
        $this->assertStringContainsString('<script async src="https://t.shop.example/pixels/browser-token-123.js"></script>', $head);
    }

    public function testPrintsNothingUntilConfigured()
    {
        Stub::$page = array('product' => true, 'checkout' => false, 'order_received' => false, 'id' => 101);
        self::tea();

        $this->assertSame('', $this->output('wp_head') . $this->output('wp_footer'));
    }

    public function testTracksAViewedProductOnAProductPage()
    {
        $this->configure();
        self::tea();
        Stub::$page['product'] = true;
        Stub::$page['id'] = 101;

        $calls = self::calls($this->output('wp_footer'));

        $this->assertSame(array(array('method' => 'track', 'eventName' => 'Viewed Product', 'properties' => array(
            'product_id' => '101', 'sku' => 'TEA-01', 'name' => 'Green tea', 'price' => '19.95', 'currency' => 'EUR'))), $calls);
    }

    public function testNamesTheParentProductAndTheVariantOfAVariation()
    {
        $this->configure();
        Stub::$products[102] = new Stub_Product(102, 'TEA-01-250', 'Green tea - 250 g', '39.90', 101);
        WC()->cart->hash = 'cart-hash-1';

        do_action('woocommerce_add_to_cart', 'key-1', 101, 2, 102, array(), array());
        $calls = self::calls($this->output('wp_footer'));

        $this->assertSame('101', $calls[0]['properties']['product_id']);
        $this->assertSame('102', $calls[0]['properties']['variant_id']);
        $this->assertSame(2, $calls[0]['properties']['quantity']);
        $this->assertSame('39.90', $calls[0]['properties']['price']);
    }

    public function testKeepsACartAddUntilTheNextPageAndSendsItOnce()
    {
        $this->configure();
        self::tea();
        WC()->cart->hash = 'cart-hash-1';

        do_action('woocommerce_add_to_cart', 'key-1', 101, 3, 0, array(), array());
        $next = self::calls($this->output('wp_footer'));
        $after = self::calls($this->output('wp_footer'));

        $this->assertSame('Added To Cart', $next[0]['eventName']);
        $this->assertSame(3, $next[0]['properties']['quantity']);
        $this->assertSame(array('urn:cart_token:cart-hash-1'), $next[0]['aliases']);
        $this->assertSame(array(), $after);
    }

    public function testSendsAnAjaxCartAddWithTheCartFragments()
    {
        $this->configure();
        self::tea();

        do_action('woocommerce_add_to_cart', 'key-1', 101, 1, 0, array(), array());
        $fragments = apply_filters('woocommerce_add_to_cart_fragments', array('div.widget_shopping_cart_content' => '<div></div>'));

        $this->assertArrayHasKey('div.widget_shopping_cart_content', $fragments);
        $this->assertStringStartsWith('<script id="tributary-events">', $fragments['script#tributary-events']);
        $this->assertSame('Added To Cart', self::calls($fragments['script#tributary-events'])[0]['eventName']);
        $this->assertSame(array(), self::calls($this->output('wp_footer')), 'sent once, with the fragments');
    }

    public function testStartsACheckoutKeyedByTheCartHash()
    {
        $this->configure();
        Stub::$page['checkout'] = true;
        WC()->cart->hash = 'c0ffee12';
        WC()->cart->total = '44.90';
        WC()->cart->lines = array('k' => array('data' => self::tea(), 'quantity' => 2));

        $calls = self::calls($this->output('wp_footer'));

        $this->assertSame('Started Checkout', $calls[0]['eventName']);
        $this->assertSame('checkout-c0ffee12', $calls[0]['eventID']);
        $this->assertSame(array('urn:cart_token:c0ffee12'), $calls[0]['aliases']);
        $this->assertSame('44.90', $calls[0]['properties']['total_price']);
        $this->assertSame(2, $calls[0]['properties']['items'][0]['quantity']);
    }

    public function testTracksThePlacedOrderOnTheThankYouPageKeyedByTheOrderId()
    {
        $this->configure();
        Stub::$page['checkout'] = true;
        Stub::$page['order_received'] = true;
        Stub::$orders[4711] = new Stub_Order(4711, 'wc_order_AbC123', 'c0ffee12',
            array(new Stub_Order_Item(self::tea(), 2)), '45.17', '7.21', '5.27');

        do_action('woocommerce_thankyou', 4711);
        $calls = self::calls($this->output('wp_footer'));

        $this->assertCount(1, $calls, 'no Started Checkout on the thank-you page');
        $this->assertSame('Placed Order', $calls[0]['eventName']);
        $this->assertSame('4711', $calls[0]['eventID']);
        $this->assertSame(array('urn:order_key:wc_order_AbC123', 'urn:cart_token:c0ffee12'), $calls[0]['aliases']);
        $this->assertSame(array('id' => '4711', 'total_price' => '45.17', 'total_tax' => '7.21',
            'total_shipping' => '5.27', 'currency' => 'EUR', 'items' => array(array('product_id' => '101',
                'name' => 'Green tea', 'price' => '19.95', 'quantity' => 2))), $calls[0]['properties']);
    }

    public function testNothingInAProductNameBreaksOutOfTheScript()
    {
        $this->configure();
        Stub::$products[101] = new Stub_Product(101, 'X', '</script><script>alert("x")</script> & \'more\'', '1');
        Stub::$page['product'] = true;
        Stub::$page['id'] = 101;

        $footer = $this->output('wp_footer');

        $this->assertSame(1, substr_count($footer, '</script>'));
        $this->assertSame('</script><script>alert("x")</script> & \'more\'', self::calls($footer)[0]['properties']['name']);
    }
}
