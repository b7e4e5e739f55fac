/*
 * Text size (A / A+ / A++) and high-contrast mode, remembered in localStorage.
 * Loaded synchronously in <head> so the remembered mode applies before the
 * first paint; the switch itself is wired once the document is parsed and is
 * shown only when this script runs (without JavaScript, browser zoom remains).
 */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZES = ["normal", "large", "largest"];
  var store = {
    get: function (key) {
      try { return window.localStorage.getItem(key); } catch (e) { return null; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(key, value); } catch (e) { /* private mode */ }
    }
  };

  function applySize(size) {
    if (SIZES.indexOf(size) === -1) { size = "normal"; }
    root.setAttribute("data-text-size", size);
    return size;
  }
  function applyContrast(high) {
    root.setAttribute("data-contrast", high ? "high" : "normal");
  }

  applySize(store.get("ca-text-size"));
  applyContrast(store.get("ca-contrast") === "high");

  function sync(panel) {
    var size = root.getAttribute("data-text-size");
    panel.querySelectorAll("[data-text-size]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-text-size") === size));
    });
    var contrast = panel.querySelector("[data-contrast-toggle]");
    if (contrast) {
      contrast.setAttribute("aria-pressed", String(root.getAttribute("data-contrast") === "high"));
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.querySelector("[data-display-prefs]");
    if (!panel) { return; }
    panel.hidden = false;
    sync(panel);
    panel.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      if (button.hasAttribute("data-text-size")) {
        store.set("ca-text-size", applySize(button.getAttribute("data-text-size")));
      } else if (button.hasAttribute("data-contrast-toggle")) {
        var high = root.getAttribute("data-contrast") !== "high";
        applyContrast(high);
        store.set("ca-contrast", high ? "high" : "normal");
      }
      sync(panel);
    });
  });
})();
