/*
 * Assignable unit (AU) of the sample cmi5 course "Cyberhigiena w urzędzie"
 * (Cyfrowa Akademia): the AU side of the cmi5 launch protocol.
 *
 * 1. The launch parameters come from the query string: endpoint, fetch,
 *    registration, actor (JSON) and activityId.
 * 2. An HTTP POST to the fetch URL returns the session's auth-token (or an
 *    error-code and error-text, which are shown).
 * 3. The LMS.LaunchData state document gives the contextTemplate (with the
 *    session id), launchMode, masteryScore, moveOn and returnURL.
 * 4. Statements go to endpoint + "statements": "initialized" first, then
 *    "completed" and "passed" or "failed" when the quiz is checked (Normal
 *    launch mode only), "terminated" last; then the AU goes to returnURL.
 *
 * Every step is written into the page (#connection, #status, #error and the
 * #log list) so that people and browser tests can see it. There are no inline
 * scripts or event handlers: the page runs under a strict
 * Content-Security-Policy. Without launch parameters the lesson still works
 * for reading, it only says that nothing is being saved.
 */
(function () {
  "use strict";

  var XAPI_VERSION = "1.0.3";
  var VERBS = "http://adlnet.gov/expapi/verbs/";
  var CATEGORY_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var CATEGORY_MOVE_ON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  var EXTENSION_MASTERY_SCORE = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
  var DEFAULT_MASTERY_SCORE = 0.8;
  var LAUNCH_PARAMETERS = ["endpoint", "fetch", "registration", "actor", "activityId"];
  var MOVE_ON = {
    Passed: "zdanie testu",
    Completed: "ukończenie lekcji",
    CompletedAndPassed: "ukończenie lekcji i zdanie testu",
    CompletedOrPassed: "ukończenie lekcji lub zdanie testu",
    NotApplicable: "brak wymagań"
  };

  // "offline" (no launch parameters), "starting", "ready", "failed", "terminated"
  var phase = "offline";
  var launch = null;
  var token = "";
  var launchData = {};
  var launchMode = "Normal";
  var masteryFromLms = null;
  var initializedAt = 0;
  var lastTimestamp = 0;
  var queue = Promise.resolve();
  var judged = false;
  var pages = [];
  var page = 1;

  function byId(id) {
    return document.getElementById(id);
  }

  function say(id, text) {
    var node = byId(id);
    if (node) {
      node.textContent = text;
    }
  }

  function log(text) {
    var item = document.createElement("li");
    item.textContent = text;
    byId("log").appendChild(item);
    say("status", text);
  }

  function showError(text) {
    say("error", text);
    log(text);
  }

  // Ends a message with a full stop, unless it already ends with punctuation.
  function sentence(text) {
    return /[.!?…]$/.test(text) ? text : text + ".";
  }

  // --- Small utilities ---------------------------------------------------

  function uuid() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
    var hex = "";
    for (var index = 0; index < bytes.length; index += 1) {
      hex += (bytes[index] + 0x100).toString(16).slice(1);
      if (index === 3 || index === 5 || index === 7 || index === 9) {
        hex += "-";
      }
    }
    return hex;
  }

  // Strictly increasing timestamps: cmi5 orders statements by timestamp.
  function timestamp() {
    lastTimestamp = Math.max(Date.now(), lastTimestamp + 1);
    return new Date(lastTimestamp).toISOString();
  }

  // ISO 8601 duration with at most two decimals of seconds, e.g. PT1M30S.
  function isoDuration(milliseconds) {
    var centiseconds = Math.max(0, Math.round(milliseconds / 10));
    var hours = Math.floor(centiseconds / 360000);
    var minutes = Math.floor(centiseconds / 6000) % 60;
    var seconds = (centiseconds % 6000) / 100;
    var text = "PT";
    if (hours) {
      text += hours + "H";
    }
    if (minutes) {
      text += minutes + "M";
    }
    if (seconds || text === "PT") {
      text += seconds + "S";
    }
    return text;
  }

  function isWebAddress(value) {
    try {
      var protocol = new URL(value, window.location.href).protocol;
      return protocol === "https:" || protocol === "http:";
    } catch (error) {
      return false;
    }
  }

  // --- Launch ------------------------------------------------------------

  function readLaunch() {
    var query = new URLSearchParams(window.location.search);
    var missing = LAUNCH_PARAMETERS.filter(function (name) { return !query.get(name); });
    if (missing.length === LAUNCH_PARAMETERS.length) {
      return null;
    }
    if (missing.length) {
      throw new Error("Brak parametrów uruchomienia cmi5: " + missing.join(", ") + ".");
    }
    var actor;
    try {
      actor = JSON.parse(query.get("actor"));
    } catch (error) {
      throw new Error("Parametr uruchomienia „actor” nie jest poprawnym JSON-em.");
    }
    var endpoint = query.get("endpoint");
    if (!isWebAddress(endpoint) || !isWebAddress(query.get("fetch"))) {
      throw new Error("Parametry „endpoint” i „fetch” muszą być adresami http(s).");
    }
    return {
      endpoint: endpoint.charAt(endpoint.length - 1) === "/" ? endpoint : endpoint + "/",
      fetch: query.get("fetch"),
      registration: query.get("registration"),
      actor: actor,
      activityId: query.get("activityId")
    };
  }

  function fetchToken() {
    return fetch(launch.fetch, { method: "POST", cache: "no-store" }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        var value = data && data["auth-token"];
        if (typeof value === "string" && value) {
          return value;
        }
        var code = data && data["error-code"];
        var text = data && data["error-text"];
        throw new Error(sentence(
          "Platforma nie wydała tokenu dostępu" +
            (code ? " (kod błędu " + code + ")" : " (HTTP " + response.status + ")") +
            (text ? ": " + text : "")
        ));
      });
    });
  }

  function xapi(method, path, body, keepalive) {
    var headers = {
      "Authorization": "Basic " + token,
      "X-Experience-API-Version": XAPI_VERSION
    };
    var options = { method: method, headers: headers, cache: "no-store", keepalive: !!keepalive };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(launch.endpoint + path, options).then(function (response) {
      if (!response.ok) {
        throw new Error(
          "Platforma odrzuciła zapytanie " + method + " " + path.split("?")[0] +
            " (HTTP " + response.status + ")."
        );
      }
      return response;
    });
  }

  function fetchLaunchData() {
    var path = "activities/state?stateId=LMS.LaunchData" +
      "&activityId=" + encodeURIComponent(launch.activityId) +
      "&agent=" + encodeURIComponent(JSON.stringify(launch.actor)) +
      "&registration=" + encodeURIComponent(launch.registration);
    return xapi("GET", path).then(function (response) {
      return response.json();
    }).then(function (data) {
      if (!data || typeof data !== "object") {
        throw new Error("Dokument LMS.LaunchData nie jest obiektem JSON.");
      }
      return data;
    });
  }

  // --- Statements --------------------------------------------------------

  function addCategory(list, id) {
    for (var index = 0; index < list.length; index += 1) {
      if (list[index] && list[index].id === id) {
        return;
      }
    }
    list.push({ id: id, objectType: "Activity" });
  }

  // The contextTemplate is the base of every context and is never overwritten
  // (it carries the session id); the AU adds the registration and categories.
  function contextFor(verb) {
    var context = JSON.parse(JSON.stringify(launchData.contextTemplate || {}));
    context.registration = launch.registration;
    var activities = context.contextActivities = context.contextActivities || {};
    var category = activities.category = activities.category || [];
    addCategory(category, CATEGORY_CMI5);
    if (verb === "completed" || verb === "passed" || verb === "failed") {
      addCategory(category, CATEGORY_MOVE_ON);
    }
    if ((verb === "passed" || verb === "failed") && masteryFromLms !== null) {
      context.extensions = context.extensions || {};
      context.extensions[EXTENSION_MASTERY_SCORE] = masteryFromLms;
    }
    return context;
  }

  function statement(verb, result) {
    var data = {
      id: uuid(),
      actor: launch.actor,
      verb: { id: VERBS + verb, display: { "en-US": verb } },
      object: { id: launch.activityId, objectType: "Activity" },
      context: contextFor(verb),
      timestamp: timestamp()
    };
    if (result) {
      data.result = result;
    }
    return data;
  }

  function verbOf(data) {
    return data.verb.id.slice(VERBS.length);
  }

  // Statements are sent one request after another, in the order they were made.
  // A failed request is reported by its caller and does not block the next ones.
  function send(statements, describe) {
    var sent = queue.then(function () {
      return xapi("POST", "statements", statements.length === 1 ? statements[0] : statements);
    }).then(function () {
      statements.forEach(function (data) {
        log("Wysłano: " + verbOf(data) + (describe ? describe(data) : ""));
      });
    });
    queue = sent.catch(function () {});
    return sent;
  }

  // --- Pages -------------------------------------------------------------

  function showPage(number, moveFocus) {
    page = number;
    for (var index = 0; index < pages.length; index += 1) {
      pages[index].hidden = index !== number - 1;
    }
    byId("back").disabled = number === 1;
    byId("next").disabled = number === pages.length;
    say("page-indicator", "Strona " + number + " z " + pages.length);
    if (moveFocus) {
      var heading = pages[number - 1].querySelector("h2");
      if (heading) {
        heading.focus();
      }
    }
  }

  function goTo(number) {
    if (number >= 1 && number <= pages.length) {
      showPage(number, true);
    }
  }

  // --- Quiz --------------------------------------------------------------

  function lockQuiz() {
    var controls = byId("quiz").querySelectorAll("input, button");
    for (var index = 0; index < controls.length; index += 1) {
      controls[index].disabled = true;
    }
  }

  function checkQuiz(event) {
    event.preventDefault();
    if (judged || phase === "starting" || phase === "terminated") {
      return;
    }
    var quiz = byId("quiz");
    var chosen = quiz.querySelector("input[name=answer]:checked");
    if (!chosen) {
      say("feedback", "Najpierw wybierz odpowiedź.");
      return;
    }
    var correct = chosen.value === quiz.getAttribute("data-correct");
    var scaled = correct ? 1 : 0;
    var mastery = masteryFromLms !== null ? masteryFromLms : DEFAULT_MASTERY_SCORE;
    var passed = scaled >= mastery;
    var recorded = phase === "ready" && launchMode === "Normal";
    say("feedback", correct ? "Dobra odpowiedź." : "To nie jest najlepsza odpowiedź.");
    say(
      "status",
      "Wynik: " + scaled * 100 + ". " + (passed ? "Zaliczono." : recorded
        ? "Test niezdany – aby spróbować ponownie, uruchom lekcję jeszcze raz."
        : "Test niezdany – spróbuj ponownie.")
    );
    if (phase !== "ready") {
      return;
    }
    if (!recorded) {
      log("Tryb „" + launchMode + "”: wynik nie jest zapisywany na platformie.");
      return;
    }
    // One judgement per session: cmi5 allows only one of passed/failed in it.
    judged = true;
    lockQuiz();
    var duration = isoDuration(Date.now() - initializedAt);
    var statements = [
      statement("completed", { completion: true, duration: duration }),
      statement(passed ? "passed" : "failed", {
        score: { scaled: scaled, raw: scaled * 100, min: 0, max: 100 },
        success: passed,
        duration: duration
      })
    ];
    send(statements, function (data) {
      return data.result.score ? " (wynik " + data.result.score.raw + "%)" : "";
    }).catch(function (error) {
      showError(error.message);
    });
  }

  // --- Ending ------------------------------------------------------------

  function disableButtons() {
    var buttons = document.querySelectorAll("button");
    for (var index = 0; index < buttons.length; index += 1) {
      buttons[index].disabled = true;
    }
  }

  function finish() {
    if (phase === "starting" || phase === "terminated") {
      return;
    }
    var wasReady = phase === "ready";
    phase = "terminated";
    disableButtons();
    if (!wasReady) {
      say("status", "Zakończono (bez zapisu na platformie).");
      return;
    }
    var terminated = statement("terminated", { duration: isoDuration(Date.now() - initializedAt) });
    send([terminated]).then(function () {
      say("connection", "Sesja zakończona.");
      say("status", "Zakończono. Możesz zamknąć to okno.");
      var returnUrl = launchData.returnURL;
      if (typeof returnUrl === "string" && returnUrl && isWebAddress(returnUrl)) {
        window.location.assign(returnUrl);
      }
    }).catch(function (error) {
      showError(error.message);
    });
  }

  // The learner closed the window without "Zakończ": still end the session.
  function leave() {
    if (phase !== "ready") {
      return;
    }
    phase = "terminated";
    var terminated = statement("terminated", { duration: isoDuration(Date.now() - initializedAt) });
    xapi("POST", "statements", terminated, true).catch(function () {});
  }

  // --- Start -------------------------------------------------------------

  function connected(data) {
    launchData = data;
    launchMode = typeof data.launchMode === "string" && data.launchMode
      ? data.launchMode
      : "Normal";
    if (typeof data.masteryScore === "number" && data.masteryScore >= 0 && data.masteryScore <= 1) {
      masteryFromLms = data.masteryScore;
    }
    var mastery = masteryFromLms !== null ? masteryFromLms : DEFAULT_MASTERY_SCORE;
    log(
      "Pobrano dane uruchomienia (LMS.LaunchData): tryb " + launchMode +
        ", warunek zaliczenia: " + (MOVE_ON[data.moveOn] || data.moveOn || "nie podano") +
        ", próg zaliczenia: " + Math.round(mastery * 100) + "%."
    );
    initializedAt = Date.now();
    return send([statement("initialized")]);
  }

  function start() {
    pages = Array.prototype.slice.call(document.querySelectorAll("[data-page]"));
    byId("back").addEventListener("click", function () { goTo(page - 1); });
    byId("next").addEventListener("click", function () { goTo(page + 1); });
    byId("quiz").addEventListener("submit", checkQuiz);
    byId("finish").addEventListener("click", finish);
    showPage(1, false);

    try {
      launch = readLaunch();
    } catch (error) {
      phase = "failed";
      say("connection", "Nie można połączyć się z platformą szkoleniową.");
      showError(error.message);
      return;
    }
    if (!launch) {
      say(
        "connection",
        "Nie znaleziono platformy szkoleniowej (brak parametrów uruchomienia cmi5)."
      );
      return;
    }

    phase = "starting";
    byId("check").disabled = true;
    byId("finish").disabled = true;
    fetchToken().then(function (value) {
      token = value;
      log("Pobrano token dostępu.");
      return fetchLaunchData();
    }).then(connected).then(function () {
      phase = "ready";
      say("connection", "Połączono z platformą szkoleniową.");
    }, function (error) {
      phase = "failed";
      say("connection", "Nie można połączyć się z platformą szkoleniową.");
      showError(error.message);
    }).then(function () {
      byId("check").disabled = false;
      byId("finish").disabled = false;
    });
    window.addEventListener("pagehide", leave);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
