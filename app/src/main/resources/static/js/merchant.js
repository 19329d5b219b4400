// Back office: "Add a line" copies the last line of a stock form, emptied, and moves the focus to it.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-add-line]");
  if (!button) {
    return;
  }
  var lines = button.closest("fieldset").querySelectorAll(".line");
  var last = lines[lines.length - 1];
  var copy = last.cloneNode(true);
  copy.querySelectorAll("input").forEach(function (input) { input.value = ""; });
  copy.querySelectorAll(".muted").forEach(function (n) { n.textContent = String(lines.length + 1); });
  last.after(copy);
  copy.querySelector("input").focus();
});
