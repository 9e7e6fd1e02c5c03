/* Tributary for Shopify: paste into Settings > Customer events > Add custom pixel. Served by
 * /pixels/<browser source token>/shopify.js with its collect URL baked in. It runs in Shopify's pixel sandbox:
 * analytics.subscribe for the standard events, browser.cookie / browser.localStorage, and init. */
(function (url, analytics, browser, init) {
  var MAX_BATCH = 20, MAX_BYTES = 6e4, MAX_TRIES = 10, KEPT = "__cvg_shopify_pending",
    pending = [], sending = null, timer = 0, tries = 0, visitor = null,
    customer = init && init.data && init.data.customer || {};

  function safe(f) {
    return function () {
      try { return f.apply(this, arguments); } catch (e) { /* never into the shop */ }
    };
  }

  function later(promise, then) {
    try { Promise.resolve(promise).then(safe(then), function () { /* storage refused */ }); } catch (e) { /* absent */ }
  }

  /* Money as Shopify gives it (a number or a string), kept as a decimal string. */
  function money(m) {
    return m && m.amount != null && m.amount !== "" ? String(m.amount) : undefined;
  }

  function text(v) {
    return v == null || v === "" ? undefined : String(v);
  }

  /* Shopify's numeric id, from "123" or "gid://shopify/Order/123". */
  function numeric(id) {
    var m = /(\d+)$/.exec(text(id) || "");
    return m ? m[1] : text(id);
  }

  function variant(v, p) {
    var product = v && v.product || {};
    p.product_id = text(numeric(product.id));
    p.variant_id = text(numeric(v && v.id));
    p.sku = text(v && v.sku);
    p.name = text(product.title);
    p.variant = text(v && v.title);
    p.vendor = text(product.vendor);
    p.product_type = text(product.type);
    p.price = money(v && v.price);
    p.currency = text(v && v.price && v.price.currencyCode);
    return p;
  }

  function items(lines) {
    return [].concat(lines || []).map(function (line) {
      var item = variant(line.variant, {});
      item.name = item.name || text(line.title);
      item.quantity = line.quantity;
      delete item.currency;
      return item;
    });
  }

  /* Every event: the page from the event's context, the Shopify client id (and the pixel's, and the logged-in
   * customer's id, when known) as aliases; empty aliases and properties are left out. */
  function track(event, name, eventID, props, aliases, profile) {
    var ctx = event.context && event.context.document || {}, e, k, p = { $sales_channel_type: "web" };
    p.$url = text(ctx.location && ctx.location.href);
    p.referrer = ctx.referrer == null ? undefined : String(ctx.referrer);
    for (k in props) if (props[k] !== undefined) p[k] = props[k];
    aliases = ["urn:anonymous_id:" + event.clientId, "urn:anonymous_id:" + (visitor || ""),
      "urn:customer_id:" + (text(numeric(customer.id)) || "")].concat(aliases)
      .filter(function (a, i, all) { return !/:(undefined|null)?$/.test(a) && all.indexOf(a) == i; });
    e = { method: "track", eventName: name, eventID: text(eventID) || text(event.id), properties: p,
      profileProperties: profile || {}, aliases: aliases.slice(0, 10) };
    pending.push(JSON.stringify(e));
    if (pending.length > 500) pending.shift();
    keep();
    schedule(pending.length >= MAX_BATCH ? 0 : 100);
  }

  function checkoutProps(c) {
    return { checkout_token: text(c.token), total_price: money(c.totalPrice), subtotal_price: money(c.subtotalPrice),
      total_tax: money(c.totalTax), total_shipping: money(c.shippingLine && c.shippingLine.price),
      currency: text(c.currencyCode || c.totalPrice && c.totalPrice.currencyCode), items: items(c.lineItems) };
  }

  function contact(c) {
    var email = text(c.email), phone = text(c.phone || c.shippingAddress && c.shippingAddress.phone);
    return { aliases: ["urn:email:" + (email || ""), "urn:phone:" + (phone || "")],
      profile: email || phone ? { $email: email, $phone_number: phone } : {} };
  }

  var EVENTS = {
    page_viewed: function (event) {
      track(event, "$page_load", event.id, {}, []);
    },
    product_viewed: function (event) {
      track(event, "Viewed Product", event.id, variant(event.data.productVariant, {}), []);
    },
    product_added_to_cart: function (event) {
      var line = event.data.cartLine || {}, p = variant(line.merchandise, {});
      p.quantity = line.quantity;
      p.value = money(line.cost && line.cost.totalAmount);
      track(event, "Added To Cart", event.id, p, []);
    },
    checkout_started: function (event) {
      var c = event.data.checkout || {}, who = contact(c);
      track(event, "Started Checkout", c.token, checkoutProps(c), ["urn:checkout_token:" + text(c.token)]
        .concat(who.aliases), who.profile);
    },
    checkout_contact_info_submitted: function (event) {
      var c = event.data.checkout || {}, who = contact(c);
      track(event, "$identify", event.id, {}, ["urn:checkout_token:" + text(c.token)].concat(who.aliases),
        who.profile);
    },
    /* The order id is the event_id of Shopify's orders/create webhook too: the two copies are one order. */
    checkout_completed: function (event) {
      var c = event.data.checkout || {}, order = c.order || {}, id = numeric(order.id), who = contact(c),
        p = checkoutProps(c), customer = order.customer || {};
      if (!id) return;
      p.id = id;
      if (customer.isFirstOrder != null) p.$is_new_customer = !!customer.isFirstOrder;
      track(event, "Placed Order", id, p, ["urn:checkout_token:" + text(c.token), "urn:shopify_order:" + id,
        "urn:customer_id:" + (text(numeric(customer.id)) || "")].concat(who.aliases), who.profile);
    }
  };

  /* Waiting events survive the page (Shopify loads a new sandbox on every page) in the sandbox's localStorage. */
  function keep() {
    later(browser.localStorage.setItem(KEPT, JSON.stringify((sending || []).concat(pending).slice(-100))));
  }

  function take() {
    var batch = [], size = 0;
    while (pending.length && batch.length < MAX_BATCH && (!batch.length || size + pending[0].length < MAX_BYTES)) {
      size += pending[0].length;
      batch.push(pending.shift());
    }
    return batch;
  }

  function schedule(ms) {
    if (!timer && !sending) timer = setTimeout(safe(flush), ms);
  }

  function flush() {
    var text;
    timer = 0;
    if (sending || !pending.length) return;
    sending = take();
    text = '{"events":[' + sending.join(",") + "]}";
    fetch(url, { method: "POST", body: text, keepalive: text.length < MAX_BYTES, credentials: "omit" })
      .then(function (r) { sent(r.status < 500 && r.status != 429 && r.status != 408); }, function () { sent(false); })
      ["catch"](function () { /* swallowed */ });
  }

  /* A failed batch goes back in front and is retried with backoff; its eventIDs stay, so the server dedups. */
  function sent(ok) {
    var batch = sending;
    sending = null;
    if (ok || ++tries >= MAX_TRIES) {
      tries = 0;
      keep();
      if (pending.length) schedule(0);
      return;
    }
    pending = batch.concat(pending);
    timer = setTimeout(safe(flush), Math.min(3e4, 1e3 * Math.pow(2, tries - 1)) * (0.5 + Math.random() / 2));
  }

  safe(function () {
    /* the visitor id of Tributary's own pixel, when the theme has it too: both ids name one person */
    later(browser.cookie.get("__cvg_uid"), function (uid) { visitor = /^[\w-]{8,64}$/.test(uid || "") ? uid : null; });
    later(browser.localStorage.getItem(KEPT), function (kept) {
      var old = JSON.parse(kept || "[]");
      if (old.length) {
        pending = old.concat(pending);
        schedule(0);
      }
    });
    Object.keys(EVENTS).forEach(function (name) { analytics.subscribe(name, safe(EVENTS[name])); });
  })();
})("{{COLLECT_URL}}", analytics, browser, typeof init == "object" ? init : null);
