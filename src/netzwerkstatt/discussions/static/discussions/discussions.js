/* The mention picker (discussions/_picker.html): shown only with JavaScript; "Insert" puts the
   chosen person's mention, @[Name](user:ID), into the form's text at the cursor. */
(function () {
  "use strict";
  function setup(picker) {
    var form = picker.closest("form");
    var field = form && form.querySelector("textarea[data-mention-target]");
    var select = picker.querySelector("select");
    var button = picker.querySelector("[data-mention-insert]");
    if (!field || !select || !button) { return; }
    picker.hidden = false;
    button.addEventListener("click", function () {
      var token = select.value;
      if (!token) { return; }
      var start = field.selectionStart || 0;
      var end = field.selectionEnd || start;
      var before = field.value.slice(0, start);
      var gap = before && !/\s$/.test(before) ? " " : "";
      field.value = before + gap + token + " " + field.value.slice(end);
      var caret = (before + gap + token + " ").length;
      field.focus();
      field.setSelectionRange(caret, caret);
      field.dispatchEvent(new Event("input", { bubbles: true }));  // keeps the draft
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-mention-picker]"), setup);
  });
})();
