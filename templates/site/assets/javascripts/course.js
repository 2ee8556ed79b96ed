/* Self-check quizzes and the lens switch. Runs again after every instant-navigation page change. */
(function () {
  "use strict";

  function norm(text) { return String(text).trim().toLowerCase().replace(/\s+/g, " "); }

  function isCorrect(form, type, answer) {
    if (type === "single_choice" || type === "multiple_choice") {
      var picked = Array.prototype.map.call(form.querySelectorAll("input:checked"), function (i) { return Number(i.value); });
      return picked.length === answer.length && answer.every(function (a) { return picked.indexOf(a) >= 0; });
    }
    if (type === "true_false") {
      var choice = form.querySelector("input:checked");
      return choice !== null && (choice.value === "true") === answer;
    }
    if (type === "short_answer") {
      var given = norm(form.querySelector("input[type=text]").value);
      return answer.some(function (a) { return norm(a) === given; });
    }
    if (type === "numeric") {
      var value = parseFloat(form.querySelector("input[type=text]").value.replace(",", "."));
      return !isNaN(value) && Math.abs(value - answer.value) <= answer.tolerance + 1e-9;
    }
    if (type === "matching") {
      return Array.prototype.every.call(form.querySelectorAll("select"), function (s, i) { return s.value === answer[i]; });
    }
    return false;
  }

  function check(form) {
    var type = form.dataset.type;
    var answer = JSON.parse(form.dataset.answer);
    var ok = isCorrect(form, type, answer);
    var result = form.querySelector(".quiz-result");
    result.hidden = false;
    result.textContent = ok ? "Correct!" : "Not quite. Read the explanation and try again.";
    result.className = "quiz-result " + (ok ? "is-correct" : "is-wrong");
    form.querySelectorAll(".quiz-feedback").forEach(function (f) {
      var input = form.querySelector("input[value='" + f.dataset.option + "']");
      f.hidden = !(input && input.checked);
    });
    form.querySelector(".quiz-explanation").hidden = false;
  }

  function setupQuizzes() {
    document.querySelectorAll("form.quiz-question").forEach(function (form) {
      if (form.dataset.bound) { return; }
      form.dataset.bound = "1";
      var button = form.querySelector(".quiz-check");
      // Enter in an answer field checks the answer (method="dialog" already keeps the page from reloading).
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (button) { check(form); }
      });
      if (button) { button.addEventListener("click", function () { check(form); }); }
    });
  }

  var LENS_KEY = "curriculum.lens";

  function showLens(lens) {
    document.querySelectorAll(".layers .lens").forEach(function (el) { el.hidden = el.dataset.lens !== lens; });
    document.querySelectorAll(".lens-switch input[name=lens]").forEach(function (input) { input.checked = input.value === lens; });
  }

  function setupLenses() {
    var inputs = document.querySelectorAll(".lens-switch input[name=lens]");
    if (!inputs.length) { return; }
    var stored = null;
    try { stored = localStorage.getItem(LENS_KEY); } catch (e) { /* storage may be blocked on file:// */ }
    var known = Array.prototype.map.call(inputs, function (i) { return i.value; });
    showLens(known.indexOf(stored) >= 0 ? stored : known[0]);
    inputs.forEach(function (input) {
      input.addEventListener("change", function () {
        showLens(input.value);
        try { localStorage.setItem(LENS_KEY, input.value); } catch (e) { /* ignore */ }
      });
    });
  }

  function setup() { setupQuizzes(); setupLenses(); }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setup);  // Material: fires on first load and after each instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
