/*
 * SCORM packages on a lesson page. For the part a learner starts, ask the
 * server for the attempt (new, or the one they left), load scorm-again's
 * runtime (SCORM 1.2 `API` or SCORM 2004 `API_1484_11` on this window, where
 * the SCO looks for it), preload where the learner left off, then open the
 * SCO in the frame. Commits go to the attempt's endpoint with the CSRF
 * header, also the last one when the SCO finishes or the page is left (a
 * keep-alive fetch, which, unlike a beacon, carries the header). A SCO that
 * asks for the next or previous part (adl.nav.request, nav.event) gets it.
 *
 * A SCORM 2004 package with several SCOs or sequencing rules is played
 * through scorm-again's sequencer instead: one runtime for the package,
 * given the activity tree the server read from the manifest and the
 * learner's saved sequencing state; the learner's choices and the SCOs'
 * navigation requests go to the sequencer, which decides which SCO is
 * delivered (or that a part is not available yet). The state is saved after
 * each delivery and when the learner leaves (everything suspended).
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

  // What the package's sequencing refused, kept apart from the saving
  // messages (a commit right after must not hide it).
  function notify(player, key) {
    var notice = player.element.querySelector("[data-scorm-notice]");
    if (notice) { notice.textContent = key ? notice.getAttribute("data-" + key) : ""; }
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
  function transport(player) {
    var headers = { "Content-Type": "application/json", "X-CSRFToken": player.csrf };
    function answered(data) {
      showSummary(player, player.current, data.summary);
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
  // The exit a SCO chose, as it set it (the runtime's cmi.exit is write-only).
  function watchExit(api, element) {
    api.on(element, function (name, value) { api.exitChosen = value; });
  }

  function suspendUnlessCompleted(api) {
    if (!api.exitChosen && api.cmi.completion_status !== "completed") {
      api.SetValue("cmi.exit", "suspend");
    }
  }

  function finish() {
    if (!active) { return; }
    var api = active.api;
    if (!api.isInitialized()) { return; }
    if (active.sequenced) {
      suspendUnlessCompleted(api);
      api.SetValue("adl.nav.request", "suspendAll");
      api.Terminate("");
      saveState(active.player);
    } else if (active.scorm12) {
      var core = api.cmi.core;
      if (!api.exitChosen && ["completed", "passed", "failed"].indexOf(core.lesson_status) < 0) {
        api.LMSSetValue("cmi.core.exit", "suspend");
      }
      api.LMSFinish("");
    } else {
      suspendUnlessCompleted(api);
      api.Terminate("");
    }
  }

  function unload(player) {
    player.frame.src = "about:blank";
    player.stage.hidden = true;
    active = null;
    if (!player.sequencer) {
      delete window.API;
      delete window.API_1484_11;
    }
  }

  function answer(response) {
    return response.json().then(function (data) {
      if (!response.ok) { throw new Error(data.message || ""); }
      return data;
    });
  }

  function launch(player, index) {
    var url = player.config.launchUrl.replace("{index}", String(index));
    return fetch(url, { method: "POST", credentials: "same-origin",
                        headers: { "X-CSRFToken": player.csrf } }).then(answer);
  }

  function failed(player) {
    return function (error) {
      setStatus(player, "error-load", error && error.message ? error.message : "");
    };
  }

  function show(player, address) {
    setStatus(player, null);
    player.stage.hidden = false;
    player.frame.src = address;
    player.frame.focus();
  }

  function start(player, index) {
    if (player.config.sequencingUrl) {
      navigate(player, "choice", player.config.units[index]);
      return;
    }
    if (active) { finish(); unload(active.player); }
    player.current = index;
    Promise.all([loadScript(player.config.runtime), launch(player, index)]).then(function (results) {
      var launch = results[1];
      if (launch.version === "cmi5") { return play(player, launch); }
      var scorm12 = launch.version === "scorm12";
      var Runtime = scorm12 ? window.Scorm12API : window.Scorm2004API;
      var api = new Runtime({
        lmsCommitUrl: launch.commitUrl, autocommit: true, autocommitSeconds: 30,
        dataCommitFormat: "json", logLevel: 5, httpService: transport(player)
      });
      api.loadFromJSON(launch.cmi);
      watchExit(api, scorm12 ? "LMSSetValue.cmi.core.exit" : "SetValue.cmi.exit");
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
      show(player, launch.launchUrl);
    }).catch(failed(player));
  }

  // A cmi5 AU talks to the server itself; when it ends it opens the return
  // page in its frame, and the lesson page reloads with the learner's state.
  function play(player, launch) {
    active = null;
    player.frame.onload = function () {
      var path = "";
      try { path = player.frame.contentWindow.location.pathname; } catch (error) { path = ""; }
      if (path === launch.returnUrl) { window.location.reload(); }
    };
    show(player, launch.launchUrl);
  }

  // SCORM 2004 sequencing: one runtime per package activity, made on the
  // learner's first step, with the tree and their saved state.
  function sequencer(player) {
    if (!player.sequencer) {
      player.sequencer = Promise.all([
        loadScript(player.config.runtime),
        fetch(player.config.sequencingUrl, { credentials: "same-origin" }).then(answer)
      ]).then(function (results) {
        var data = results[1];
        var api = new window.Scorm2004API({
          autocommit: true, autocommitSeconds: 30, dataCommitFormat: "json", logLevel: 5,
          httpService: transport(player),
          sequencing: {
            activityTree: data.activityTree, collections: data.collections, logLevel: "error",
            eventListeners: {
              onNavigationValidityUpdate: function (validity) { player.choice = validity.choice || {}; },
              onSequencingSessionEnd: function () {
                window.setTimeout(function () { saveState(player); unload(player); }, 0);
              }
            }
          }
        });
        if (data.state) { api.deserializeSequencingState(data.state); }
        watchExit(api, "SetValue.cmi.exit");
        api.on("ActivityDelivery", function (identifier) {
          window.setTimeout(function () { deliver(player, api, String(identifier)); }, 0);
        });
        window.API_1484_11 = api;
        player.api = api;
        return api;
      });
      player.sequencer.catch(function () { player.sequencer = null; });
    }
    return player.sequencer;
  }

  // The sequencer delivers a SCO: its attempt, then a fresh runtime state
  // (the tree's state stays) with the SCO's saved data, then the SCO.
  function deliver(player, api, identifier) {
    var index = player.config.units.indexOf(identifier);
    if (index < 0) { return; }
    player.current = index;
    launch(player, index).then(function (data) {
      api.reset({ lmsCommitUrl: data.commitUrl }, { preserveListeners: true });
      api.exitChosen = "";
      api.loadFromJSON(data.cmi);
      active = { api: api, player: player, index: index, scorm12: false, sequenced: true };
      notify(player, null);
      saveState(player);
      show(player, data.launchUrl);
    }).catch(failed(player));
  }

  function saveState(player) {
    if (!player.api) { return; }
    var body = player.api.serializeSequencingState();
    fetch(player.config.sequencingUrl, {
      method: "POST", body: body, credentials: "same-origin", keepalive: body.length < 60000,
      headers: { "Content-Type": "application/json", "X-CSRFToken": player.csrf }
    }).catch(function () { setStatus(player, "error-save"); });
  }

  // A learner's step: "choice" of a part, or "start" (continue where the
  // sequencer stands). A running SCO ends with the request, suspended
  // unless it is completed, and the sequencer delivers what follows; a part
  // the package's rules keep closed is refused and said so.
  function navigate(player, request, target) {
    sequencer(player).then(function (api) {
      if (target && player.choice && player.choice[target] === "false") {
        notify(player, "locked");
        return;
      }
      if (api.isInitialized()) {
        suspendUnlessCompleted(api);
        api.SetValue("adl.nav.request", target ? "{target=" + target + "}choice" : "continue");
        api.Terminate("");
        return;
      }
      var current = api.getSequencingState().currentActivity;
      var moved = target ? api.processNavigationRequest("choice", target)
        : api.processNavigationRequest("resumeAll") ||
          (current ? api.processNavigationRequest("choice", current.id)
            : api.processNavigationRequest("start"));
      if (!moved) { notify(player, "locked"); }
    }).catch(failed(player));
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
      if (event.target.closest("[data-scorm-sequence]")) { navigate(player, "start", null); }
      if (event.target.closest("[data-scorm-close]")) { finish(); unload(player); }
    });
  });
  window.addEventListener("pagehide", finish);
})();
