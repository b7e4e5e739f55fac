/*
 * SCORM packages on a lesson page. For the part a learner starts, ask the
 * server for the attempt (new, or the one they left), load scorm-again's
 * runtime (SCORM 1.2 `API` or SCORM 2004 `API_1484_11` on this window, where
 * the SCO looks for it), preload where the learner left off, then open the
 * SCO in the frame. Commits go to the attempt's endpoint with the CSRF
 * header, also the last one when the SCO finishes or the page is left (a
 * keep-alive fetch, which, unlike a beacon, carries the header). A SCO that
 * asks for the next or previous part (adl.nav.request, nav.event) gets it.
 */
(function () {
  "use strict";
  var players = Array.prototype.slice.call(document.querySelectorAll("[data-scorm-activity]"));
  if (!players.length) { return; }
  var loaded = {};
  var active = null;

  function loadScript(url) {
    if (!url) { return Promise.resolve(); }
    if (!loaded[url]) {
      loaded[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loaded[url];
  }

  function setStatus(player, key, extra) {
    var text = key ? player.status.getAttribute("data-" + key) || "" : "";
    player.status.textContent = extra ? text + " " + extra : text;
  }

  function showSummary(player, index, summary) {
    var state = player.element.querySelector('[data-scorm-part="' + index + '"] [data-scorm-state]');
    if (!state || !summary) { return; }
    var parts = [];
    if (summary.done) { parts.push(player.status.getAttribute("data-done")); }
    else { parts.push(summary.completion); }
    if (summary.score !== null && summary.score !== undefined) {
      parts.push(player.status.getAttribute("data-score") + " " + summary.score + "%");
    }
    state.textContent = parts.join(", ");
  }

  // scorm-again's transport: a synchronous request for a Commit (the SCO waits
  // for its answer), a keep-alive fetch for the last one.
  function transport(player, index) {
    var headers = { "Content-Type": "application/json", "X-CSRFToken": player.csrf };
    function answered(data) {
      showSummary(player, index, data.summary);
      setStatus(player, data.lesson_completed ? "completed" : "saved");
    }
    return {
      updateSettings: function () {},
      processHttpRequest: function (url, params, immediate) {
        var body = JSON.stringify(params);
        if (immediate) {
          fetch(url, { method: "POST", body: body, headers: headers, keepalive: true,
                       credentials: "same-origin" })
            .then(function (response) { return response.json(); })
            .then(answered)
            .catch(function () { setStatus(player, "error-save"); });
          return { result: "true", errorCode: 0 };
        }
        var request = new XMLHttpRequest();
        request.open("POST", url, false);
        Object.keys(headers).forEach(function (name) { request.setRequestHeader(name, headers[name]); });
        try { request.send(body); } catch (error) {
          setStatus(player, "error-save");
          return { result: "false", errorCode: 101 };
        }
        var data = {};
        try { data = JSON.parse(request.responseText); } catch (error) { data = {}; }
        if (request.status < 200 || request.status > 299) {
          setStatus(player, "error-save", data.message || "");
          return { result: "false", errorCode: 101 };
        }
        answered(data);
        return { result: "true", errorCode: 0 };
      }
    };
  }

  // The learner closes the part or leaves the page: a SCO that has not said
  // how it exits, and is not completed, is suspended, so that it resumes.
  function finish() {
    if (!active) { return; }
    var api = active.api;
    if (!api.isInitialized()) { return; }
    if (active.scorm12) {
      var core = api.cmi.core;
      if (!core.exit && ["completed", "passed", "failed"].indexOf(core.lesson_status) < 0) {
        api.LMSSetValue("cmi.core.exit", "suspend");
      }
      api.LMSFinish("");
    } else {
      if (!api.cmi.exit && api.cmi.completion_status !== "completed") {
        api.SetValue("cmi.exit", "suspend");
      }
      api.Terminate("");
    }
  }

  function unload(player) {
    player.frame.src = "about:blank";
    player.stage.hidden = true;
    active = null;
    delete window.API;
    delete window.API_1484_11;
  }

  function start(player, index) {
    if (active) { finish(); unload(active.player); }
    var url = player.config.launchUrl.replace("{index}", String(index));
    Promise.all([
      loadScript(player.config.runtime),
      fetch(url, { method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": player.csrf } })
        .then(function (response) {
          return response.json().then(function (data) {
            if (!response.ok) { throw new Error(data.message || ""); }
            return data;
          });
        })
    ]).then(function (results) {
      var launch = results[1];
      if (launch.version === "cmi5") { return play(player, launch); }
      var scorm12 = launch.version === "scorm12";
      var Runtime = scorm12 ? window.Scorm12API : window.Scorm2004API;
      var api = new Runtime({
        lmsCommitUrl: launch.commitUrl, autocommit: true, autocommitSeconds: 30,
        dataCommitFormat: "json", logLevel: 5, httpService: transport(player, index)
      });
      api.loadFromJSON(launch.cmi);
      active = { api: api, player: player, index: index, scorm12: scorm12 };
      if (scorm12) { window.API = api; } else { window.API_1484_11 = api; }
      api.on(scorm12 ? "LMSFinish" : "Terminate", function () {
        window.setTimeout(function () { if (active && active.api === api) { unload(player); } }, 0);
      });
      api.on("SequenceNext", function () { move(player, index + 1); });
      api.on("SequencePrevious", function () { move(player, index - 1); });
      api.on("SequenceChoice", function (target) {
        move(player, player.config.units.indexOf(String(target).replace(/^\{target=|\}.*$/g, "")));
      });
      setStatus(player, null);
      player.stage.hidden = false;
      player.frame.src = launch.launchUrl;
      player.frame.focus();
    }).catch(function (error) {
      setStatus(player, "error-load", error && error.message ? error.message : "");
    });
  }

  // A cmi5 AU talks to the server itself; when it ends it opens the return
  // page in its frame, and the lesson page reloads with the learner's state.
  function play(player, launch) {
    active = null;
    setStatus(player, null);
    player.stage.hidden = false;
    player.frame.onload = function () {
      var path = "";
      try { path = player.frame.contentWindow.location.pathname; } catch (error) { path = ""; }
      if (path === launch.returnUrl) { window.location.reload(); }
    };
    player.frame.src = launch.launchUrl;
    player.frame.focus();
  }

  function move(player, index) {
    if (index < 0 || index >= player.config.units.length) { return; }
    window.setTimeout(function () { start(player, index); }, 0);
  }

  players.forEach(function (element) {
    var player = {
      element: element,
      config: JSON.parse(document.getElementById(element.getAttribute("data-scorm-config")).textContent),
      csrf: element.getAttribute("data-scorm-csrf"),
      frame: element.querySelector("[data-scorm-frame]"),
      stage: element.querySelector("[data-scorm-stage]"),
      status: element.parentNode.querySelector("[data-scorm-status]")
    };
    element.addEventListener("click", function (event) {
      var button = event.target.closest("[data-scorm-start]");
      if (button) { start(player, Number(button.getAttribute("data-scorm-start"))); }
      if (event.target.closest("[data-scorm-close]")) { finish(); unload(player); }
    });
  });
  window.addEventListener("pagehide", finish);
})();
