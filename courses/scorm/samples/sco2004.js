/*
 * SCO script of the sample SCORM 2004 package "Praca zdalna bez tajemnic"
 * (Cyfrowa Akademia), shared by both of its SCOs. The page says which part it
 * is (data-part on #sco) and carries its own quiz (data-correct and
 * data-interaction on #quiz); the script is the same for every part.
 *
 * It finds the platform's API_1484_11 object (window.parent upwards, then
 * window.opener upwards), opens a session with Initialize, resumes on the
 * saved page (cmi.location, cmi.suspend_data), reports progress and
 * completion after the last page, scores the quiz against
 * cmi.scaled_passing_score, and ends with Terminate: "Następna część" first
 * asks the platform to continue to the next SCO (adl.nav.request), "Zakończ"
 * just ends the session.
 *
 * Every step is written into the page (#connection, #resume, #status, #error)
 * so that people and browser tests can see it. There are no inline scripts or
 * event handlers: the page runs under a strict Content-Security-Policy.
 */
(function () {
  "use strict";

  var MAX_FRAME_DEPTH = 10;
  var DEFAULT_PASSING_SCORE = 0.8;

  var api = null;
  var startedAt = Date.now();
  var part = "";
  var pages = [];
  var page = 1;
  var seen = 1;
  var answer = "";
  var scaled = null;
  var terminated = false;

  function byId(id) {
    return document.getElementById(id);
  }

  function say(id, text) {
    var node = byId(id);
    if (node) {
      node.textContent = text;
    }
  }

  // Ends a message with a full stop, unless it already ends with punctuation.
  function sentence(text) {
    return /[.!?…]$/.test(text) ? text : text + ".";
  }

  // --- Finding the API ---------------------------------------------------

  function apiOf(win) {
    try {
      var candidate = win.API_1484_11;
      if (candidate && typeof candidate.Initialize === "function") {
        return candidate;
      }
    } catch (error) {
      // A frame of another origin: its properties are not readable, keep climbing.
    }
    return null;
  }

  function searchUp(win) {
    for (var depth = 0; win && depth <= MAX_FRAME_DEPTH; depth += 1) {
      var found = apiOf(win);
      if (found) {
        return found;
      }
      if (!win.parent || win.parent === win) {
        return null;
      }
      win = win.parent;
    }
    return null;
  }

  function findApi() {
    var found = searchUp(window);
    if (!found && window.opener) {
      found = searchUp(window.opener);
    }
    return found;
  }

  // --- Talking to the LMS ------------------------------------------------

  function reportError(what) {
    if (!api) {
      return;
    }
    var code = String(api.GetLastError());
    var text = String(api.GetErrorString(code) || "");
    var details = "kod " + code + (text ? ", " + text : "");
    say("error", sentence("Błąd platformy (" + what + "): " + details));
  }

  function getValue(name) {
    if (!api) {
      return "";
    }
    var value = api.GetValue(name);
    return value === null || value === undefined ? "" : String(value);
  }

  function setValue(name, value) {
    if (!api) {
      return false;
    }
    var ok = String(api.SetValue(name, value)) === "true";
    if (!ok) {
      reportError(name);
    }
    return ok;
  }

  function commit() {
    if (api && String(api.Commit("")) !== "true") {
      reportError("Commit");
    }
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

  function passingScore() {
    var value = parseFloat(getValue("cmi.scaled_passing_score"));
    return isNaN(value) ? DEFAULT_PASSING_SCORE : value;
  }

  function saveState() {
    setValue("cmi.location", String(page));
    setValue(
      "cmi.suspend_data",
      JSON.stringify({ page: page, seen: seen, answer: answer, scaled: scaled })
    );
    setValue("cmi.progress_measure", String(Math.round((seen / pages.length) * 100) / 100));
    if (seen === pages.length) {
      setValue("cmi.completion_status", "completed");
    }
    commit();
  }

  // --- Pages -------------------------------------------------------------

  function validPage(value) {
    var number = parseInt(value, 10);
    return number >= 1 && number <= pages.length ? number : 0;
  }

  function showPage(number, moveFocus) {
    page = number;
    seen = Math.max(seen, number);
    for (var index = 0; index < pages.length; index += 1) {
      pages[index].hidden = index !== number - 1;
    }
    byId("back").disabled = terminated || number === 1;
    byId("next").disabled = terminated || number === pages.length;
    say("page-indicator", "Strona " + number + " z " + pages.length);
    if (moveFocus) {
      var heading = pages[number - 1].querySelector("h2");
      if (heading) {
        heading.focus();
      }
    }
  }

  function goTo(number) {
    if (terminated || !validPage(number)) {
      return;
    }
    showPage(number, true);
    if (!api) {
      say("status", "Strona " + number + " z " + pages.length + " (postęp nie jest zapisywany).");
      return;
    }
    saveState();
    var text = "Część " + part + ": zapisano postęp, strona " + number +
      " z " + pages.length + ".";
    if (seen === pages.length) {
      text += " Ukończono część " + part + ".";
    }
    say("status", text);
  }

  // --- Quiz --------------------------------------------------------------

  function resultText(raw, passed) {
    return "Wynik: " + raw + ". " + (passed ? "Zaliczono." : "Test niezdany – spróbuj ponownie.");
  }

  function checkQuiz(event) {
    event.preventDefault();
    if (terminated) {
      return;
    }
    var quiz = byId("quiz");
    var chosen = quiz.querySelector("input[name=answer]:checked");
    if (!chosen) {
      say("feedback", "Najpierw wybierz odpowiedź.");
      return;
    }
    var correctAnswer = quiz.getAttribute("data-correct");
    var correct = chosen.value === correctAnswer;
    answer = chosen.value;
    scaled = correct ? 1 : 0;
    var passed = scaled >= passingScore();
    say("feedback", correct ? "Dobra odpowiedź." : "To nie jest najlepsza odpowiedź.");
    say("status", resultText(scaled * 100, passed));
    if (!api) {
      return;
    }
    setValue("cmi.score.min", "0");
    setValue("cmi.score.max", "100");
    setValue("cmi.score.raw", String(scaled * 100));
    setValue("cmi.score.scaled", String(scaled));
    setValue("cmi.success_status", passed ? "passed" : "failed");
    setValue("cmi.interactions.0.id", quiz.getAttribute("data-interaction"));
    setValue("cmi.interactions.0.type", "choice");
    setValue("cmi.interactions.0.correct_responses.0.pattern", correctAnswer);
    setValue("cmi.interactions.0.learner_response", answer);
    setValue("cmi.interactions.0.result", correct ? "correct" : "incorrect");
    setValue("cmi.session_time", isoDuration(Date.now() - startedAt));
    saveState();
  }

  // --- Ending ------------------------------------------------------------

  function terminate(navigation) {
    if (terminated) {
      return;
    }
    terminated = true;
    var buttons = document.querySelectorAll("button");
    for (var index = 0; index < buttons.length; index += 1) {
      buttons[index].disabled = true;
    }
    if (!api) {
      say("status", "Zakończono (bez zapisu na platformie).");
      return;
    }
    var done = seen === pages.length && scaled !== null;
    setValue("cmi.exit", done ? "normal" : "suspend");
    setValue("cmi.session_time", isoDuration(Date.now() - startedAt));
    if (navigation) {
      setValue("adl.nav.request", navigation);
    }
    say(
      "status",
      navigation === "continue"
        ? "Przechodzenie do następnej części…"
        : "Zakończono. Możesz zamknąć to okno."
    );
    if (String(api.Terminate("")) !== "true") {
      reportError("Terminate");
    }
  }

  // --- Start -------------------------------------------------------------

  function parseState(text) {
    try {
      var state = JSON.parse(text);
      return state && typeof state === "object" ? state : {};
    } catch (error) {
      return {};
    }
  }

  function restore() {
    var entry = getValue("cmi.entry");
    var state = parseState(getValue("cmi.suspend_data"));
    if (entry === "ab-initio") {
      return 1;
    }
    // "resume", or "" from a platform that does not say: use what was saved.
    var from = validPage(getValue("cmi.location")) || validPage(state.page);
    if (!from) {
      return 1;
    }
    seen = Math.max(from, validPage(state.seen));
    if (typeof state.answer === "string" && state.answer) {
      var input = byId("answer-" + state.answer);
      if (input) {
        input.checked = true;
        answer = state.answer;
      }
    }
    if (typeof state.scaled === "number") {
      scaled = state.scaled;
      say("status", resultText(scaled * 100, scaled >= passingScore()));
    }
    say("resume", "Wznowiono od strony " + from);
    return from;
  }

  function start() {
    var root = byId("sco");
    part = (root && root.getAttribute("data-part")) || "";
    pages = Array.prototype.slice.call(document.querySelectorAll("[data-page]"));
    byId("back").addEventListener("click", function () { goTo(page - 1); });
    byId("next").addEventListener("click", function () { goTo(page + 1); });
    byId("quiz").addEventListener("submit", checkQuiz);
    byId("finish").addEventListener("click", function () { terminate(""); });
    var nextPart = byId("next-part");
    if (nextPart) {
      nextPart.addEventListener("click", function () { terminate("continue"); });
    }

    api = findApi();
    if (!api) {
      say("connection", "Nie znaleziono platformy szkoleniowej (API SCORM).");
      showPage(1, false);
      return;
    }
    if (String(api.Initialize("")) !== "true") {
      reportError("Initialize");
      say("connection", "Nie udało się rozpocząć sesji na platformie szkoleniowej.");
      api = null;
      showPage(1, false);
      return;
    }
    say("connection", "Połączono z platformą szkoleniową.");
    var completion = getValue("cmi.completion_status");
    if (completion === "not attempted" || completion === "unknown" || completion === "") {
      setValue("cmi.completion_status", "incomplete");
    }
    showPage(restore(), false);
    saveState();
    window.addEventListener("pagehide", function () {
      try {
        terminate("");
      } catch (error) {
        // The platform's window may be going away at the same time.
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
