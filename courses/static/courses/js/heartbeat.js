/*
 * Effective learning time: while the lesson is visible and the learner was
 * active (keys, pointer, scroll, touch, a playing video) within the activity
 * window, send a heartbeat every interval. Leaving or hiding the page sends a
 * last beacon so the server can close the interval. The server decides how
 * much time to credit; the page only says "still here" with a counter.
 */
(function () {
  "use strict";
  var element = document.querySelector("[data-heartbeat]");
  if (!element) { return; }
  var url = element.getAttribute("data-url");
  var visit = element.getAttribute("data-visit");
  var csrf = element.getAttribute("data-csrf");
  var interval = parseInt(element.getAttribute("data-interval"), 10) * 1000;
  var activityWindow = parseInt(element.getAttribute("data-activity-window"), 10) * 1000;
  var beat = 0;
  var lastActivity = Date.now();

  function markActive() { lastActivity = Date.now(); }
  ["keydown", "pointerdown", "pointermove", "scroll", "touchstart", "wheel"].forEach(function (name) {
    window.addEventListener(name, markActive, { passive: true, capture: true });
  });
  document.addEventListener("timeupdate", function (event) {
    if (event.target && !event.target.paused) { markActive(); }
  }, true);

  function isLearning() {
    return document.visibilityState === "visible" && Date.now() - lastActivity < activityWindow;
  }

  function payload() {
    var data = new FormData();
    beat += 1;
    data.append("visit", visit);
    data.append("beat", String(beat));
    data.append("csrfmiddlewaretoken", csrf);
    return data;
  }

  function send() {
    if (!isLearning()) { return; }
    fetch(url, { method: "POST", body: payload(), credentials: "same-origin" }).catch(function () {});
  }

  function sendBeacon() {
    if (Date.now() - lastActivity >= activityWindow) { return; }
    if (navigator.sendBeacon) { navigator.sendBeacon(url, payload()); }
  }

  window.setInterval(send, interval);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { sendBeacon(); } else { markActive(); }
  });
  window.addEventListener("pagehide", sendBeacon);
})();
