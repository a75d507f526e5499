// Opens a private page of an encrypted Fieldbook portal in the reader's browser (docs/security.md). The key from the
// reader's personal link (#key=…, kept in localStorage and taken out of the address bar) finds its entry in the
// page's envelope, unwraps the page's content key, and that decrypts the page. WebCrypto only: HKDF-SHA256, AES-GCM.
(function () {
  "use strict";
  var STORE = "fieldbook-key";
  var subtle = window.crypto && window.crypto.subtle;

  function fromBase64URL(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    var binary = atob(base64), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  function toBase64URL(bytes) {
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function hkdf(secret, salt, info, length) {
    return subtle.importKey("raw", secret, "HKDF", false, ["deriveBits"]).then(function (key) {
      return subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new TextEncoder().encode(salt), info: info }, key, length * 8);
    }).then(function (bits) { return new Uint8Array(bits); });
  }
  // AES-256-GCM with the all-zero nonce: every key Fieldbook derives encrypts one plaintext only.
  function decrypt(keyBytes, data) {
    return subtle.importKey("raw", keyBytes, "AES-GCM", false, ["decrypt"]).then(function (key) {
      return subtle.decrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, key, data);
    }).then(function (plain) { return new Uint8Array(plain); });
  }
  function readerKey() {
    var match = /(?:^#|&)key=([A-Za-z0-9_-]{43})(?:&|$)/.exec(window.location.hash);
    if (match) {
      try { window.localStorage.setItem(STORE, match[1]); } catch (error) { /* private mode: the link still works */ }
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
      return match[1];
    }
    try { return window.localStorage.getItem(STORE); } catch (error) { return null; }
  }
  // The envelope's plaintext; rejects with "locked" (no key), "other" (a key this page is not for) or "damaged".
  function unseal(envelope) {
    var key = readerKey();
    if (!key) return Promise.reject(new Error("locked"));
    if (!subtle) return Promise.reject(new Error("damaged"));
    var secret = fromBase64URL(key);
    return hkdf(secret, "fieldbook key id", new Uint8Array(0), 12).then(function (id) {
      var keyID = toBase64URL(id);
      var entry = (envelope.keys || []).filter(function (pair) { return pair[0] === keyID; })[0];
      if (!entry) throw new Error("other");
      return hkdf(secret, "fieldbook wrapping key", fromBase64URL(envelope.cid), 32)
        .then(function (wrapping) { return decrypt(wrapping, fromBase64URL(entry[1])); })
        .then(function (contentKey) { return decrypt(contentKey, fromBase64URL(envelope.ct)); })
        .catch(function () { throw new Error("damaged"); });
    });
  }
  // For fieldbook.js: a sealed API file's JSON text.
  window.fieldbookUnseal = function (envelope) {
    return unseal(envelope).then(function (plain) { return new TextDecoder().decode(plain); });
  };

  var sealed = document.getElementById("fieldbook-sealed");
  if (!sealed) return;
  function show(state) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-sealed-state]"), function (part) {
      part.hidden = part.getAttribute("data-sealed-state") !== state;
    });
    document.documentElement.setAttribute("data-sealed", state);
  }
  var forget = document.querySelector("[data-sealed-forget]");
  if (forget) forget.addEventListener("click", function () {
    try { window.localStorage.removeItem(STORE); } catch (error) { /* nothing kept */ }
    show("locked");
  });
  var envelope;
  try { envelope = JSON.parse(sealed.textContent); } catch (error) { return show("damaged"); }
  // The page is replaced once this one is parsed: while its parser runs, document.open() would do nothing.
  var parsed = document.readyState === "loading"
    ? new Promise(function (resolve) { document.addEventListener("DOMContentLoaded", resolve); }) : Promise.resolve();
  Promise.all([unseal(envelope), parsed]).then(function (done) {
    var html;
    try { html = new TextDecoder("utf-8", { fatal: true }).decode(done[0]); } catch (error) { return show("damaged"); }
    document.open();
    document.write(html);
    document.close();
  }, function (error) {
    show(["locked", "other"].indexOf(error.message) >= 0 ? error.message : "damaged");
  });
})();
