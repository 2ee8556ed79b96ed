/* Self-check quizzes, the lens switch, the layered view's boxes and accessibility fixes to the theme.
   Runs again after every instant-navigation page change. */
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
      if (input.dataset.bound) { return; }
      input.dataset.bound = "1";
      input.addEventListener("change", function () {
        showLens(input.value);
        try { localStorage.setItem(LENS_KEY, input.value); } catch (e) { /* ignore */ }
      });
    });
  }

  // Each layer box of the layered view opens (and closes) its full text; without script all of it shows.
  function setupLayerFlow() {
    document.querySelectorAll(".layer-flow").forEach(function (flow) {
      if (flow.dataset.bound) { return; }
      flow.dataset.bound = "1";
      flow.classList.add("is-interactive");
      flow.querySelectorAll(".layer-toggle").forEach(function (button) {
        button.setAttribute("aria-expanded", "false");
        button.addEventListener("click", function () {
          var open = button.getAttribute("aria-expanded") !== "true";
          button.setAttribute("aria-expanded", String(open));
          button.closest(".layer").classList.toggle("is-open", open);
        });
      });
    });
  }

  // The theme's search dialog has no name, and its code blocks scroll without taking keyboard focus.
  function setupAccessibility() {
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.hasAttribute("aria-label")) {
      var input = search.querySelector(".md-search__input");
      search.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
    }
    // A section with its own index page names its sub-navigation by a label that holds only an icon.
    document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (nav) {
      var label = document.getElementById(nav.getAttribute("aria-labelledby"));
      var title = nav.querySelector(":scope > .md-nav__title");
      if (label && !label.textContent.trim() && title && title.textContent.trim()) {
        nav.setAttribute("aria-label", title.textContent.trim());
        nav.removeAttribute("aria-labelledby");
      }
    });
    focusScrollable();
  }

  // A code block or table wider than the page scrolls; the keyboard can reach it only if it takes focus.
  // Only those that scroll at the current width do, so the others add no stops to the tab order.
  function focusScrollable() {
    document.querySelectorAll(".md-typeset pre > code, .md-typeset__scrollwrap").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.dataset.scrollFocus = "1";
      } else if (!scrolls && box.dataset.scrollFocus) {
        box.removeAttribute("tabindex");
        delete box.dataset.scrollFocus;
      }
    });
  }

  // Widths change when the window does and when a content tab shows other blocks.
  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(focusScrollable, 150);
  });
  document.addEventListener("change", function (event) {
    if (event.target.closest && event.target.closest(".tabbed-set")) { focusScrollable(); }
  });

  function setup() { setupAccessibility(); setupQuizzes(); setupLenses(); setupLayerFlow(); }

  // Now (the script sits at the end of the page, so the page is parsed), and again after each instant
  // navigation. Why both: opened from file://, Material's document$ never fires for the first page.
  setup();
  if (typeof document$ !== "undefined") { document$.subscribe(setup); }
})();
