// newsdiff: follow a statement. Hovering or focusing a shared claim highlights its other
// versions; everything else works without this file.
(function () {
  "use strict";
  function highlight(el) {
    document.querySelectorAll(".claim.is-linked").forEach(function (c) { c.classList.remove("is-linked"); });
    if (!el) { return; }
    document.querySelectorAll('.claim[data-group="' + el.dataset.group + '"]').forEach(function (c) {
      c.classList.add("is-linked");
    });
  }
  function onEvent(event) {
    var el = event.target.closest ? event.target.closest(".claim[data-group]") : null;
    highlight(el);
  }
  document.addEventListener("mouseover", onEvent);
  document.addEventListener("focusin", onEvent);
})();
