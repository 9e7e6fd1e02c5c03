/* Tributary pixel (cvg-compatible). Served by /pixels/<token>.js with its collect URL baked in. */
(function (w, d, url, bridge, gated) {
  var cvg = w.cvg, UID = "__cvg_uid", SID = "__cvg_sid", CONSENT = "__cvg_consent", GATE = "__cvg_gate", held = [],
    MAX_BATCH = 20, MAX_BYTES = 6e4, MAX_TRIES = 10,
    pending = [], sending = null, timer = 0, tries = 0, linked = [], domain = "", last, ref, nav = w.navigator;

  function safe(f) {
    return function () {
      try { return f.apply(this, arguments); } catch (e) { /* never into the host page */ }
    };
  }

  function store(key, value) {
    try {
      if (value === undefined) return w.localStorage.getItem(key);
      w.localStorage.setItem(key, value);
    } catch (e) { /* storage blocked */ }
  }

  function cookie(name) {
    try {
      var m = d.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
      return m ? decodeURIComponent(m[1]) : null;
    } catch (e) { return null; /* cookies blocked: localStorage takes over */ }
  }

  function setCookie(name, value, seconds, dom) {
    try {
      d.cookie = name + "=" + encodeURIComponent(value) + "; path=/; max-age=" + seconds +
        (dom ? "; domain=" + dom : "") + "; SameSite=Lax" + (location.protocol == "https:" ? "; Secure" : "");
    } catch (e) { /* cookies blocked */ }
  }

  /* The widest domain that takes a cookie, so that subdomains share ids (example.co.uk, not co.uk). */
  function cookieDomain() {
    var host = location.hostname, parts = host.split("."), i, candidate;
    if (parts.length < 2 || /^[\d.]+$|:/.test(host)) return "";
    for (i = parts.length - 2; i >= 0; i--) {
      candidate = parts.slice(i).join(".");
      setCookie("__cvg_t", "1", 10, candidate);
      if (cookie("__cvg_t")) {
        setCookie("__cvg_t", "", 0, candidate);
        return candidate;
      }
    }
    return "";
  }

  function uuid() {
    var c = w.crypto, b = new Uint8Array(16), s = "", i;
    if (c && c.randomUUID) return c.randomUUID();
    if (c && c.getRandomValues) c.getRandomValues(b);
    else for (i = 0; i < 16; i++) b[i] = Math.random() * 256;
    b[6] = b[6] & 15 | 64;
    b[8] = b[8] & 63 | 128;
    for (i = 0; i < 16; i++) s += (i == 4 || i == 6 || i == 8 || i == 10 ? "-" : "") + (b[i] + 256).toString(16).slice(1);
    return s;
  }

  function valid(id) {
    return /^[\w-]{8,64}$/.test(id || "") && id;
  }

  /* The visitor id (long-lived) and the session id (60 minutes of inactivity), refreshed on every use. */
  function ids(uid, sid) {
    var now = +new Date(), saved = (store(SID) || "").split("|");
    uid = valid(uid) || valid(cookie(UID)) || valid(store(UID)) || uuid();
    sid = valid(sid) || valid(cookie(SID)) || (now - saved[1] < 36e5 && valid(saved[0])) || uuid();
    setCookie(UID, uid, 34560000, domain);
    setCookie(SID, sid, 3600, domain);
    store(UID, uid);
    store(SID, sid + "|" + now);
    return [uid, sid];
  }

  /* This page's URL without the cross-domain ids. */
  function here() {
    var u = new URL(location.href), s = u.searchParams;
    if (!s.has(UID) && !s.has(SID)) return u.href;
    s["delete"](UID);
    s["delete"](SID);
    return u.href;
  }

  function page() {
    return here().split("#")[0];
  }

  function track(o) {
    var id, p = {}, k, own = o.properties, aliases, tz = "", e;
    if (typeof o.eventName != "string" || !o.eventName) return;
    if (!granted()) return held.length < 50 && held.push(o);
    id = ids();
    aliases = ["urn:anonymous_id:" + id[0]];
    try { tz = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (x) { /* old browser */ }
    p.$url = here();
    p.referrer = ref;
    p.timezone = tz;
    p.viewport = w.innerWidth + "x" + w.innerHeight;
    p.$sales_channel_type = "web";
    if (own && typeof own == "object") for (k in own) if (Object.prototype.hasOwnProperty.call(own, k)) p[k] = own[k];
    [].concat(o.aliases || []).forEach(function (a) {
      if (typeof a == "string" && aliases.indexOf(a) < 0) aliases.push(a);
    });
    e = { method: "track", eventName: o.eventName, eventID: o.eventID ? String(o.eventID) : uuid(), properties: p,
      profileProperties: o.profileProperties || {}, aliases: aliases.slice(0, 10) };
    if (o.timestamp) e.timestamp = o.timestamp;
    pending.push(JSON.stringify(e));
    if (pending.length > 500) pending.shift();
    schedule(pending.length >= MAX_BATCH ? 0 : 100);
  }

  /* Consent is history on the profile: a $consent event whenever it changes. Absent means denied.
     On a source that requires consent (gated), nothing is stored or sent before analytics consent is granted:
     events wait in memory; a denial drops them, and a revocation also clears the ids and stops collection. */
  function consent(o) {
    var a = o.analytics == "granted" ? "granted" : "denied", m = o.marketing == "granted" ? "granted" : "denied",
      key, waiting = held;
    if (gated && a != "granted") return revoke();
    if (gated && !granted()) {
      store(GATE, "granted");
      domain = domain || cookieDomain();
    }
    key = ids()[0] + "|" + a + "|" + m;
    if (store(CONSENT) != key) {
      track({ eventName: "$consent", properties: { analytics: a, marketing: m } });
      store(CONSENT, key);
    }
    held = [];
    waiting.forEach(track);
  }

  function granted() {
    return !gated || store(GATE) == "granted";
  }

  function revoke() {
    held = [];
    pending.length = 0;
    domain = domain || cookieDomain();
    [UID, SID].forEach(function (name) {
      setCookie(name, "", 0, domain);
      setCookie(name, "", 0, "");
    });
    try {
      [GATE, UID, SID, CONSENT].forEach(function (key) { w.localStorage.removeItem(key); });
    } catch (e) { /* storage blocked */ }
  }

  function take() {
    var batch = [], size = 0;
    while (pending.length && batch.length < MAX_BATCH && (!batch.length || size + pending[0].length < MAX_BYTES)) {
      size += pending[0].length;
      batch.push(pending.shift());
    }
    return batch;
  }

  function body(batch) {
    return '{"events":[' + batch.join(",") + "]}";
  }

  function schedule(ms) {
    if (!timer && !sending) timer = setTimeout(safe(flush), ms);
  }

  function flush() {
    var text;
    timer = 0;
    if (!w.fetch) return beacon();
    if (sending || !pending.length) return;
    sending = take();
    text = body(sending);
    w.fetch(url, { method: "POST", body: text, keepalive: text.length < MAX_BYTES, credentials: "omit" })
      .then(function (r) { sent(r.status < 500 && r.status != 429 && r.status != 408); }, function () { sent(false); })
      ["catch"](function () { /* swallowed */ });
  }

  /* A failed batch goes back in front and is retried with backoff; its eventIDs stay, so the server dedups. */
  function sent(ok) {
    var batch = sending;
    sending = null;
    if (ok || ++tries >= MAX_TRIES) {
      tries = 0;
      if (pending.length) schedule(0);
      return;
    }
    pending = batch.concat(pending);
    timer = setTimeout(safe(flush), Math.min(3e4, 1e3 * Math.pow(2, tries - 1)) * (0.5 + Math.random() / 2));
  }

  /* On page hide, whatever waits leaves by sendBeacon (no response, so no retry). */
  function beacon() {
    var batch;
    while (nav.sendBeacon && pending.length) {
      batch = take();
      if (!nav.sendBeacon(url, body(batch))) {
        pending = batch.concat(pending);
        return;
      }
    }
  }

  function route() {
    if (page() != last) {
      ref = last;
      last = page();
      track({ eventName: "$page_load" });
    }
  }

  function linkedHost(host) {
    return host != location.hostname && linked.some(function (dom) {
      return host == dom || host.slice(-dom.length - 1) == "." + dom;
    });
  }

  function decorate(href) {
    var u = new URL(href, location.href), id;
    if (!linkedHost(u.hostname)) return href;
    id = ids();
    u.searchParams.set(UID, id[0]);
    u.searchParams.set(SID, id[1]);
    return u.href;
  }

  function onLink(e) {
    var a = e.target && e.target.closest && e.target.closest("a[href]"), href = a && decorate(a.href);
    if (a && href != a.href) a.href = href;
  }

  /* ---- dataLayer bridge ----
   * After cvg({method: "dataLayer", name?}), GA4 and Universal Analytics e-commerce pushes to window.dataLayer (or
   * window[name]), those made before included, become tracked events. Mapping table: docs/auto-tracking.md. */
  var bridged = {},
    GA4 = { view_item: "Viewed Product", add_to_cart: "Added To Cart", begin_checkout: "Started Checkout",
      purchase: "Placed Order" },
    UA = { detail: "Viewed Product", add: "Added To Cart", checkout: "Started Checkout", purchase: "Placed Order" };

  function dataLayer(o) {
    var name = typeof o.name == "string" && o.name ? o.name : "dataLayer", layer = w[name] = w[name] || [], push;
    if (bridged[name] || !layer.push) return;
    bridged[name] = 1;
    [].slice.call(layer).forEach(safe(fromLayer));
    push = layer.push;
    layer.push = function () {
      var result = push.apply(this, arguments);
      [].forEach.call(arguments, safe(fromLayer));
      return result;
    };
  }

  function decimal(v) {
    return v == null || v === "" ? undefined : String(v);
  }

  function item(i) {
    return { product_id: decimal(i.item_id || i.id), name: i.item_name || i.name, variant: i.item_variant || i.variant,
      brand: i.item_brand || i.brand, category: i.item_category || i.category, price: decimal(i.price),
      quantity: i.quantity };
  }

  /* A GTM push {event, ecommerce} or a gtag("event", name, params) call; anything else is not e-commerce. */
  function fromLayer(push) {
    var gtag = push && push[0] == "event", ec = gtag ? push[2] || {} : push && push.ecommerce, name = gtag ? push[1] : push && push.event,
      step, k, ua, items, p = {}, id;
    if (!ec || typeof ec != "object") return;
    for (k in UA) if (ec[k] && typeof ec[k] == "object" && !ua) ua = k;
    if (ua) {
      step = ec[ua].actionField || {};
      if (ua == "checkout" && step.step > 1) return;
      items = ec[ua].products;
      ec = { currency: ec.currencyCode, transaction_id: step.id, value: step.revenue, tax: step.tax,
        shipping: step.shipping, coupon: step.coupon };
      name = UA[ua];
    } else if (GA4[name]) {
      items = ec.items;
      name = GA4[name];
    } else return;
    items = [].concat(items || []).filter(function (i) { return i && typeof i == "object"; }).map(item);
    if (name == "Placed Order") {
      id = decimal(ec.transaction_id);
      if (!id) return;
      p = { id: id, total_price: decimal(ec.value), total_tax: decimal(ec.tax), total_shipping: decimal(ec.shipping),
        coupon: ec.coupon };
    } else if (name == "Started Checkout") p.total_price = decimal(ec.value);
    else {
      if (items[0]) for (k in items[0]) p[k] = items[0][k];
      p.value = decimal(ec.value);
    }
    p.currency = ec.currency;
    p.items = items;
    track({ eventName: name, eventID: id, properties: p });
  }
  /* ---- end of the dataLayer bridge ---- */

  function process(o) {
    if (!o || typeof o != "object") return;
    if (o.method == "track") track(o);
    else if (o.method == "consent") consent(o);
    else if (o.method == "crossDomain") linked = [].concat(o.domains || []).map(String);
    else if (o.method == "dataLayer") dataLayer(o);
  }

  safe(function () {
    var q, given = new URL(location.href).searchParams, uid = given.get(UID), sid = given.get(SID),
      history = w.history, push = history.pushState;
    if (typeof cvg != "function") {
      cvg = w.cvg = function () { cvg.process ? cvg.process.apply(cvg, arguments) : cvg.queue.push(arguments); };
      cvg.queue = [];
    }
    if (cvg.process) return;
    if (granted()) {
      domain = cookieDomain();
      ids(uid, sid);
    }
    /* arriving from a linked domain of the shop continues the session: that referrer is not a traffic source */
    ref = sid && new URL(d.referrer || location.href).hostname != location.hostname ? "" : d.referrer;
    if (uid || sid) safe(function () { history.replaceState(history.state, "", here()); })();
    last = page();
    history.pushState = function () {
      var result = push.apply(this, arguments);
      safe(route)();
      return result;
    };
    w.addEventListener("popstate", safe(route));
    w.addEventListener("pagehide", safe(beacon));
    d.addEventListener("visibilitychange", safe(function () { if (d.visibilityState == "hidden") beacon(); }));
    d.addEventListener("mousedown", safe(onLink), true);
    d.addEventListener("click", safe(onLink), true);
    q = [].slice.call(cvg.queue || []);
    cvg.queue = [];
    cvg.process = safe(process);
    cvg.decorate = function (href) {
      try { return decorate(href); } catch (e) { return href; }
    };
    q.forEach(function (args) { if (args[0] && args[0].method == "consent") cvg.process.apply(cvg, args); });
    track({ eventName: "$page_load" });
    if (bridge === true) dataLayer({});
    q.forEach(function (args) { if (!args[0] || args[0].method != "consent") cvg.process.apply(cvg, args); });
  })();
})(window, document, "{{COLLECT_URL}}", "{{DATA_LAYER}}", "{{REQUIRE_CONSENT}}" == "true");
