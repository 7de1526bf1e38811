/* Netzwerkstatt's small behaviours. No inline scripts anywhere (CSP), so everything hangs off
   data attributes set in the templates. */
(function () {
  "use strict";

  // Ask before destructive submissions: <form data-confirm="Really?">, or on one of the form's
  // buttons (<button data-confirm="Really?">) when only that button's action needs asking.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter;
    var question = (button && button.getAttribute && button.getAttribute("data-confirm")) ||
      (form.getAttribute && form.getAttribute("data-confirm"));
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // Drafts survive a closed tab: <form data-draft="key"> keeps its text fields in localStorage
  // until the form is submitted. A saved draft is restored only into fields that still hold the
  // value the page was served with, so a newer server value is never overwritten silently.
  function draftKey(form) { return "netzwerkstatt-draft:" + form.getAttribute("data-draft") + ":" + location.pathname; }
  function textFields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return (el.tagName === "TEXTAREA" || (el.tagName === "INPUT" && /^(text|email|url|date|number|tel)$/.test(el.type))) && el.name;
    });
  }
  function setupDraft(form) {
    var key = draftKey(form);
    var initial = {};
    textFields(form).forEach(function (el) { initial[el.name] = el.value; });
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
    if (saved && saved.fields) {
      var restored = 0;
      textFields(form).forEach(function (el) {
        if (Object.prototype.hasOwnProperty.call(saved.fields, el.name) && saved.fields[el.name] !== el.value && saved.base[el.name] === el.value) {
          el.value = saved.fields[el.name];
          restored += 1;
        }
      });
      if (restored) {
        var note = document.createElement("div");
        note.className = "alert alert-info draft-note";
        note.setAttribute("role", "status");
        note.textContent = form.getAttribute("data-draft-restored") || document.documentElement.getAttribute("data-draft-restored") || "Unsaved changes were restored.";
        form.insertBefore(note, form.firstChild);
      }
    }
    var timer = null;
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var fields = {};
        textFields(form).forEach(function (el) { fields[el.name] = el.value; });
        try { localStorage.setItem(key, JSON.stringify({ fields: fields, base: initial, saved: Date.now() })); } catch (e) { /* storage full or disabled */ }
      }, 300);
    });
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) { return; }  // a data-confirm question was answered "no"
      try { localStorage.removeItem(key); } catch (e) { /* ignore */ }
    });
  }

  // Region lists follow the chosen country: only that country's <optgroup> stays visible.
  function setupRegionFilter(form) {
    var country = form.querySelector("select[name=country]");
    var region = form.querySelector("select[name=region]");
    if (!country || !region) { return; }
    var update = function () {
      var name = country.options[country.selectedIndex] ? country.options[country.selectedIndex].text : "";
      Array.prototype.forEach.call(region.querySelectorAll("optgroup"), function (group) {
        var show = !country.value || group.label === name;
        group.hidden = !show;
        group.disabled = !show;
      });
      var selected = region.options[region.selectedIndex];
      if (selected && selected.parentNode.tagName === "OPTGROUP" && selected.parentNode.disabled) { region.value = ""; }
    };
    country.addEventListener("change", update);
    update();
  }

  // Word counters for texts with a limit: <textarea data-word-limit="300">, counted like the
  // server does; the wording comes from the form's data-word-count ("{count} of {limit} words").
  var WORD = /[\p{L}\p{N}_]+(?:[-'\u2019][\p{L}\p{N}_]+)*/gu;
  function setupWordCounter(field) {
    if (field.getAttribute("data-word-counter")) { return; }
    field.setAttribute("data-word-counter", "on");
    var limit = parseInt(field.getAttribute("data-word-limit"), 10);
    var form = field.form;
    var wording = (form && form.getAttribute("data-word-count")) || "{count} / {limit}";
    var counter = document.createElement("div");
    counter.className = "form-text word-count";
    counter.id = field.id + "_words";
    field.insertAdjacentElement("afterend", counter);
    // Screen readers announce the count with the field, as sighted people see it beneath.
    var describedBy = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + counter.id);
    var update = function () {
      var count = (field.value.match(WORD) || []).length;
      counter.textContent = wording.replace("{count}", count).replace("{limit}", limit);
      counter.classList.toggle("text-danger", count > limit);
    };
    field.addEventListener("input", update);
    update();
  }

  // htmx leaves 4xx answers unswapped; elements marked data-swap-errors show them, because the
  // server explains there what went wrong (a concurrent edit: 409).
  document.addEventListener("htmx:beforeSwap", function (event) {
    var source = event.detail.requestConfig && event.detail.requestConfig.elt;
    var status = event.detail.xhr.status;
    if (source && source.closest && source.closest("[data-swap-errors]") && status >= 400 && status < 500) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-draft]"), setupDraft);
    Array.prototype.forEach.call(document.querySelectorAll("form"), setupRegionFilter);
    Array.prototype.forEach.call(document.querySelectorAll("textarea[data-word-limit]"), setupWordCounter);
  });
  document.addEventListener("htmx:afterSwap", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form"), setupRegionFilter);
  });
})();
