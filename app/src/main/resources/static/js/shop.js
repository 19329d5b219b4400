// Household app: new notices arrive as server-sent events. Each one is announced in the header's
// live region, and the parts of the page that show notices or confirmations refresh themselves
// (htmx elements listening for "corner:notice"), so nothing needs a reload. On the home page the
// stream also says when the month's total changes, and that section refreshes itself
// ("corner:spending").
(function () {
  var header = document.querySelector("[data-notice-stream]");
  if (!header || !window.EventSource) {
    return;
  }
  var source = new EventSource(header.getAttribute("data-notice-stream"));
  source.addEventListener("notice", function (event) {
    var notice = JSON.parse(event.data);
    var live = document.getElementById("live-notice");
    if (live) {
      // The notice's title in the page's language when its kind is known, else as stored.
      var kind = "data-kind-" + String(notice.kind || "").toLowerCase().replace(/_/g, "-");
      live.textContent = (live.getAttribute("data-prefix") || "") + " " + (live.getAttribute(kind) || notice.title);
    }
    document.body.dispatchEvent(new CustomEvent("corner:notice", { detail: notice }));
  });
  // The month's total changed (a press placed an order, one was cancelled): the parts that show
  // spending refresh quietly, without an announcement, since a notice comes with any that needs one.
  source.addEventListener("spending", function () {
    document.body.dispatchEvent(new CustomEvent("corner:spending"));
  });
  window.addEventListener("pagehide", function () { source.close(); });
})();
