// Progressive enhancement for document and page views (the pages work without it):
// a copy button for citations, and keys to move between hits and pages.
(function () {
  "use strict";
  document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.value !== undefined ? source.value : source.textContent;
      navigator.clipboard.writeText(text.trim()).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy citation"; }, 2000);
      });
    });
  });
  // The keys need this script: their hint is hidden until it runs.
  document.querySelectorAll("p.keys[hidden]").forEach(function (hint) { hint.hidden = false; });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA")) { return; }
    var link = document.querySelector('a[data-key="' + event.key + '"]');
    if (link) { window.location.href = link.href; }
  });
})();
