/*
 * Checkpoint question: an H5P content type written by Cyfrowa Akademia.
 * One question, several answers, one of them correct. Checking an answer
 * reports a scored "answered" xAPI statement (1 of 1 or 0 of 1); the chosen
 * answer and whether it was checked are the saved state, so a learner who
 * comes back sees where they left off. Texts come from the content and are
 * inserted as text, never as HTML.
 */
var H5P = window.H5P = window.H5P || {};

H5P.CheckpointQuestion = (function (EventDispatcher) {
  "use strict";

  var DEFAULT_L10N = {
    check: "Check",
    retry: "Try again",
    correct: "Correct.",
    wrong: "Not quite. Try again.",
    chooseFirst: "Choose an answer first.",
    score: "Score: :score of :max."
  };

  function CheckpointQuestion(params, contentId, extras) {
    EventDispatcher.call(this);
    params = params || {};
    this.question = String(params.question || "");
    this.answers = Array.isArray(params.answers) ? params.answers : [];
    this.l10n = {};
    for (var key in DEFAULT_L10N) {
      this.l10n[key] = (params.l10n && params.l10n[key]) || DEFAULT_L10N[key];
    }
    this.contentId = contentId;
    var previous = (extras && extras.previousState) || {};
    this.selected = typeof previous.selected === "number" && this.answers[previous.selected]
      ? previous.selected : null;
    this.checked = Boolean(previous.checked) && this.selected !== null;
  }

  CheckpointQuestion.prototype = Object.create(EventDispatcher.prototype);
  CheckpointQuestion.prototype.constructor = CheckpointQuestion;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  CheckpointQuestion.prototype.attach = function ($container) {
    var self = this;
    var container = $container.get ? $container.get(0) : $container;
    container.classList.add("h5p-checkpoint");
    container.textContent = "";
    var prefix = "h5p-checkpoint-" + String(this.contentId).replace(/[^A-Za-z0-9_-]/g, "");
    var fieldset = element("fieldset");
    fieldset.appendChild(element("legend", null, this.question));
    this.inputs = this.answers.map(function (answer, index) {
      var row = element("div", "h5p-checkpoint-option");
      var input = element("input");
      input.type = "radio";
      input.name = prefix;
      input.id = prefix + "-" + index;
      input.value = String(index);
      input.checked = self.selected === index;
      input.addEventListener("change", function () {
        self.selected = index;
        self.checked = false;
        self.showFeedback("", "");
      });
      var label = element("label", null, String(answer.text || ""));
      label.htmlFor = input.id;
      row.appendChild(input);
      row.appendChild(label);
      fieldset.appendChild(row);
      return input;
    });
    container.appendChild(fieldset);
    var button = element("button", "h5p-checkpoint-check", this.l10n.check);
    button.type = "button";
    button.addEventListener("click", function () { self.check(); });
    container.appendChild(button);
    this.feedback = element("p", "h5p-checkpoint-feedback");
    this.feedback.setAttribute("role", "status");
    container.appendChild(this.feedback);
    if (this.checked) { this.showResult(); }
    this.trigger("resize");
  };

  CheckpointQuestion.prototype.showFeedback = function (text, kind) {
    if (!this.feedback) { return; }
    this.feedback.textContent = text;
    this.feedback.className = "h5p-checkpoint-feedback" + (kind ? " is-" + kind : "");
    this.trigger("resize");
  };

  CheckpointQuestion.prototype.showResult = function () {
    var answer = this.answers[this.selected];
    var correct = Boolean(answer && answer.correct);
    var text = (answer && answer.feedback) || (correct ? this.l10n.correct : this.l10n.wrong);
    var score = this.l10n.score.replace(":score", correct ? "1" : "0").replace(":max", "1");
    this.showFeedback(text + " " + score, correct ? "correct" : "wrong");
  };

  CheckpointQuestion.prototype.check = function () {
    if (this.selected === null) {
      this.showFeedback(this.l10n.chooseFirst, "");
      return;
    }
    this.checked = true;
    this.showResult();
    var score = this.getScore();
    this.triggerXAPIScored(score, 1, "answered", true, score === 1);
  };

  CheckpointQuestion.prototype.getScore = function () {
    var answer = this.answers[this.selected];
    return this.checked && answer && answer.correct ? 1 : 0;
  };

  CheckpointQuestion.prototype.getMaxScore = function () { return 1; };

  CheckpointQuestion.prototype.getAnswerGiven = function () { return this.selected !== null; };

  CheckpointQuestion.prototype.getCurrentState = function () {
    return { selected: this.selected, checked: this.checked };
  };

  CheckpointQuestion.prototype.resetTask = function () {
    this.selected = null;
    this.checked = false;
    (this.inputs || []).forEach(function (input) { input.checked = false; });
    this.showFeedback("", "");
  };

  CheckpointQuestion.prototype.showSolutions = function () {
    var self = this;
    (this.inputs || []).forEach(function (input, index) {
      input.checked = Boolean(self.answers[index].correct);
    });
  };

  return CheckpointQuestion;
})(H5P.EventDispatcher);
