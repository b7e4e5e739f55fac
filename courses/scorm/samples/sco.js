/*
 * SCO of the sample SCORM 1.2 package "Bezpieczne hasła" (Cyfrowa Akademia).
 *
 * It finds the platform's SCORM 1.2 API object the way the SCORM 1.2 Run-Time
 * Environment describes (window.parent upwards, then window.opener upwards),
 * opens a session with LMSInitialize, resumes on the saved page, saves the page
 * and a small JSON state on every page change, scores a one-question quiz
 * against the mastery score and closes the session with LMSFinish.
 *
 * Every step is written into the page (#connection, #resume, #status, #error)
 * so that people and browser tests can see it. There are no inline scripts or
 * event handlers: the page runs under a strict Content-Security-Policy.
 * Without a platform the lesson still works for reading, it only says that
 * nothing is being saved.
 */
(function () {
  "use strict";

  var MAX_FRAME_DEPTH = 10;
  var DEFAULT_MASTERY_SCORE = 80;

  var api = null;
  var startedAt = Date.now();
  var pages = [];
  var page = 1;
  var answer = "";
  var score = null;
  var finished = false;

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
      var candidate = win.API;
      if (candidate && typeof candidate.LMSInitialize === "function") {
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
    var code = String(api.LMSGetLastError());
    var text = String(api.LMSGetErrorString(code) || "");
    var details = "kod " + code + (text ? ", " + text : "");
    say("error", sentence("Błąd platformy (" + what + "): " + details));
  }

  function getValue(name) {
    if (!api) {
      return "";
    }
    var value = api.LMSGetValue(name);
    return value === null || value === undefined ? "" : String(value);
  }

  function setValue(name, value) {
    if (!api) {
      return false;
    }
    var ok = String(api.LMSSetValue(name, value)) === "true";
    if (!ok) {
      reportError(name);
    }
    return ok;
  }

  function commit() {
    if (api && String(api.LMSCommit("")) !== "true") {
      reportError("LMSCommit");
    }
  }

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) {
      text = "0" + text;
    }
    return text;
  }

  // CMITimespan: HHHH:MM:SS.SS
  function sessionTime() {
    var centiseconds = Math.round((Date.now() - startedAt) / 10);
    var hours = Math.min(Math.floor(centiseconds / 360000), 9999);
    var minutes = Math.floor(centiseconds / 6000) % 60;
    var seconds = Math.floor(centiseconds / 100) % 60;
    var hundredths = centiseconds % 100;
    return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(seconds, 2) + "." + pad(hundredths, 2);
  }

  function masteryScore() {
    var value = parseFloat(getValue("cmi.student_data.mastery_score"));
    return isNaN(value) ? DEFAULT_MASTERY_SCORE : value;
  }

  function saveState() {
    setValue("cmi.core.lesson_location", String(page));
    setValue("cmi.suspend_data", JSON.stringify({ page: page, answer: answer, score: score }));
    commit();
  }

  // --- Pages -------------------------------------------------------------

  function validPage(value) {
    var number = parseInt(value, 10);
    return number >= 1 && number <= pages.length ? number : 0;
  }

  function showPage(number, moveFocus) {
    page = number;
    for (var index = 0; index < pages.length; index += 1) {
      pages[index].hidden = index !== number - 1;
    }
    byId("back").disabled = finished || number === 1;
    byId("next").disabled = finished || number === pages.length;
    say("page-indicator", "Strona " + number + " z " + pages.length);
    if (moveFocus) {
      var heading = pages[number - 1].querySelector("h2");
      if (heading) {
        heading.focus();
      }
    }
  }

  function goTo(number) {
    if (finished || !validPage(number)) {
      return;
    }
    showPage(number, true);
    if (api) {
      saveState();
      say("status", "Zapisano postęp: strona " + number + " z " + pages.length + ".");
    } else {
      say("status", "Strona " + number + " z " + pages.length + " (postęp nie jest zapisywany).");
    }
  }

  // --- Quiz --------------------------------------------------------------

  function resultText(value, passed) {
    return "Wynik: " + value + ". " + (passed ? "Zaliczono." : "Test niezdany – spróbuj ponownie.");
  }

  function checkQuiz(event) {
    event.preventDefault();
    if (finished) {
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
    score = correct ? 100 : 0;
    var passed = score >= masteryScore();
    say("feedback", correct ? "Dobra odpowiedź." : "To nie jest najlepsza odpowiedź.");
    say("status", resultText(score, passed));
    if (!api) {
      return;
    }
    setValue("cmi.core.score.min", "0");
    setValue("cmi.core.score.max", "100");
    setValue("cmi.core.score.raw", String(score));
    setValue("cmi.core.lesson_status", passed ? "passed" : "failed");
    setValue("cmi.interactions.0.id", quiz.getAttribute("data-interaction"));
    setValue("cmi.interactions.0.type", "choice");
    setValue("cmi.interactions.0.correct_responses.0.pattern", correctAnswer);
    setValue("cmi.interactions.0.student_response", answer);
    setValue("cmi.interactions.0.result", correct ? "correct" : "wrong");
    setValue("cmi.core.session_time", sessionTime());
    saveState();
  }

  // --- Finishing ---------------------------------------------------------

  function finish() {
    if (finished) {
      return;
    }
    finished = true;
    var buttons = document.querySelectorAll("button");
    for (var index = 0; index < buttons.length; index += 1) {
      buttons[index].disabled = true;
    }
    if (!api) {
      say("status", "Zakończono (bez zapisu na platformie).");
      return;
    }
    setValue("cmi.core.exit", score === null ? "suspend" : "");
    setValue("cmi.core.session_time", sessionTime());
    if (String(api.LMSFinish("")) === "true") {
      say("status", "Zakończono. Możesz zamknąć to okno.");
    } else {
      reportError("LMSFinish");
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
    var entry = getValue("cmi.core.entry");
    var state = parseState(getValue("cmi.suspend_data"));
    if (entry === "ab-initio") {
      return 1;
    }
    // "resume", or "" from a platform that does not say: use what was saved.
    var from = validPage(getValue("cmi.core.lesson_location")) || validPage(state.page);
    if (!from) {
      return 1;
    }
    if (typeof state.answer === "string" && state.answer) {
      var input = byId("answer-" + state.answer);
      if (input) {
        input.checked = true;
        answer = state.answer;
      }
    }
    if (typeof state.score === "number") {
      score = state.score;
      say("status", resultText(score, score >= masteryScore()));
    }
    say("resume", "Wznowiono od strony " + from);
    return from;
  }

  function start() {
    pages = Array.prototype.slice.call(document.querySelectorAll("[data-page]"));
    byId("back").addEventListener("click", function () { goTo(page - 1); });
    byId("next").addEventListener("click", function () { goTo(page + 1); });
    byId("quiz").addEventListener("submit", checkQuiz);
    byId("finish").addEventListener("click", finish);

    api = findApi();
    if (!api) {
      say("connection", "Nie znaleziono platformy szkoleniowej (API SCORM).");
      showPage(1, false);
      return;
    }
    if (String(api.LMSInitialize("")) !== "true") {
      reportError("LMSInitialize");
      say("connection", "Nie udało się rozpocząć sesji na platformie szkoleniowej.");
      api = null;
      showPage(1, false);
      return;
    }
    say("connection", "Połączono z platformą szkoleniową.");
    var status = getValue("cmi.core.lesson_status");
    if (status === "not attempted" || status === "") {
      setValue("cmi.core.lesson_status", "incomplete");
    }
    showPage(restore(), false);
    saveState();
    window.addEventListener("pagehide", function () {
      try {
        finish();
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
