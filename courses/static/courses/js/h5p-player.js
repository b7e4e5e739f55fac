/*
 * H5P activities on a lesson page: start h5p-standalone players one after
 * another (they share globals), give each player's frame an accessible
 * title, and post the players' xAPI statements to the server, which scores
 * them and moves the learner's progress. Saved state comes in with the page
 * (contentUserData) and is saved by H5P core to the user-data endpoint; the
 * CSRF header for those saves is added inside the frame by h5p-csrf.js.
 */
(function () {
  "use strict";
  var containers = Array.prototype.slice.call(document.querySelectorAll("[data-h5p-activity]"));
  if (!containers.length) { return; }
  // h5p-standalone clears its global once a player starts: keep the constructor.
  var Player = window.H5PStandalone && window.H5PStandalone.H5P;
  var activities = [];
  var listening = false;
  var EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";

  function setStatus(activity, key) {
    if (!activity.status) { return; }
    activity.status.textContent = key ? activity.status.getAttribute("data-" + key) || "" : "";
  }

  function belongsTo(objectId, iri) {
    return objectId === iri || objectId.indexOf(iri + "?") === 0;
  }

  function send(activity, statement) {
    return fetch(activity.config.xapiUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": activity.element.getAttribute("data-h5p-csrf")
      },
      body: JSON.stringify(statement)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          setStatus(activity, "error-save");
        } else if (data.lesson_completed) {
          setStatus(activity, "completed");
          document.dispatchEvent(new CustomEvent("h5p:lesson-completed"));
        } else if (data.counted) {
          setStatus(activity, "saved");
        }
        return data;
      });
    }).catch(function () { setStatus(activity, "error-save"); });
  }

  function onStatement(event) {
    var statement = event && event.data && event.data.statement;
    if (!statement || !statement.object || typeof statement.object.id !== "string") { return; }
    var activity = activities.filter(function (each) {
      return belongsTo(statement.object.id, each.config.iri);
    })[0];
    if (activity) { send(activity, statement); }
  }

  function options(config) {
    return {
      id: config.id,
      h5pJsonPath: config.h5pJsonPath,
      librariesPath: config.librariesPath,
      frameJs: config.frameJs,
      frameCss: config.frameCss,
      customJs: [config.customJs],
      embedType: "iframe",
      xAPIObjectIRI: config.iri,
      saveFreq: config.saveFreq,
      // H5P core saves state only for a "user"; the server ignores the actor,
      // so no personal data goes into the player.
      user: { name: "learner", mail: "learner@cyfrowa-akademia.invalid" },
      // "false" (not "RESET" or "null") means "nothing saved" without a reset dialog.
      contentUserData: [{ state: config.state || "false" }],
      ajax: { contentUserDataUrl: config.userDataUrl },
      metadata: { title: config.title, license: "U", defaultLanguage: config.language },
      frame: false,
      copyright: false,
      export: false,
      embed: false,
      icon: false,
      fullScreen: false
    };
  }

  function start(index) {
    if (index >= containers.length) { return Promise.resolve(); }
    var element = containers[index];
    var config = JSON.parse(document.getElementById(element.getAttribute("data-h5p-config")).textContent);
    var activity = {
      element: element,
      config: config,
      status: element.parentNode.querySelector("[data-h5p-status]")
    };
    activities.push(activity);
    if (!Player) {
      setStatus(activity, "error-load");
      return start(index + 1);
    }
    return new Player(element, options(config)).then(function () {
      var frame = element.querySelector("iframe");
      if (frame) { frame.title = config.frameTitle; }
      if (!listening && window.H5P && window.H5P.externalDispatcher) {
        window.H5P.externalDispatcher.on("xAPI", onStatement);
        listening = true;
      }
      setStatus(activity, "");
      element.setAttribute("data-h5p-ready", "true");
      if (config.completeOnView) {
        send(activity, {
          verb: { id: EXPERIENCED, display: { "en-US": "experienced" } },
          object: { id: config.iri, objectType: "Activity" }
        });
      }
    }, function () {
      setStatus(activity, "error-load");
    }).then(function () { return start(index + 1); });
  }

  start(0);
})();
