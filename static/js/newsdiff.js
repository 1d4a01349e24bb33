// newsdiff: the story grid in the browser. Everything works without this file (links, <details>,
// anchors); with it: hovering a shared claim highlights its other versions, the keyboard moves
// from cell to cell (j k h l or the arrows, Enter opens, Esc closes, ? lists the keys), the
// statement opens in a side panel without leaving the page, and the outlet navigator scrolls
// the grid to a column and shows which columns are in view.
(function () {
  "use strict";

  var opener = null; // what opened the statement panel: focus returns there when it closes
  var shownKey = location.pathname + location.search;

  // ---- follow a statement -------------------------------------------------------------
  function highlight(el) {
    document.querySelectorAll(".claim.is-linked").forEach(function (c) { c.classList.remove("is-linked"); });
    if (!el) { return; }
    document.querySelectorAll('.claim[data-group="' + el.dataset.group + '"]').forEach(function (c) {
      c.classList.add("is-linked");
    });
  }
  function onHover(event) {
    var el = event.target.closest ? event.target.closest(".claim[data-group]") : null;
    highlight(el);
  }
  document.addEventListener("mouseover", onHover);
  document.addEventListener("focusin", onHover);

  // ---- the grid's cells ---------------------------------------------------------------
  function grid() { return document.querySelector("table.grid"); }
  function scroller() { return document.querySelector(".grid-scroll"); }
  function rowsOf(table) { return Array.prototype.slice.call(table.tBodies[0] ? table.tBodies[0].rows : []); }

  function currentCell(table) {
    var active = document.activeElement;
    var cell = active && active.closest ? active.closest("td, th") : null;
    if (cell && table.contains(cell) && cell.parentElement.parentElement.tagName === "TBODY") { return cell; }
    return table.querySelector("tbody .is-current");
  }

  function focusCell(cell) {
    if (!cell) { return; }
    var table = grid();
    table.querySelectorAll(".is-current").forEach(function (c) { c.classList.remove("is-current"); c.tabIndex = -1; });
    cell.classList.add("is-current");
    cell.tabIndex = 0;
    cell.focus({ preventScroll: true });
    cell.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function move(rowStep, columnStep, toEdge) {
    var table = grid();
    if (!table) { return; }
    var rows = rowsOf(table);
    if (!rows.length) { return; }
    var cell = currentCell(table);
    if (!cell) { focusCell(rows[0].cells[Math.min(1, rows[0].cells.length - 1)]); return; }
    var row = cell.parentElement;
    var r = rows.indexOf(row) + rowStep;
    var c = cell.cellIndex + columnStep;
    if (toEdge) { c = toEdge < 0 ? 0 : row.cells.length - 1; }
    r = Math.max(0, Math.min(rows.length - 1, r));
    c = Math.max(0, Math.min(rows[r].cells.length - 1, c));
    focusCell(rows[r].cells[c]);
  }

  function toggleOwn(cell) {
    var own = cell.querySelector("details.own");
    if (own) { own.open = !own.open; }
  }

  function activate(cell) {
    var row = cell.parentElement;
    var open = row.querySelector(".row-open");
    if (!open || (cell.tagName === "TD" && !cell.querySelector(".claim-link"))) { toggleOwn(cell); return; }
    var claim = cell.querySelector(".claim[id]");
    openStatement(open, claim ? claim.id.replace("claim-", "") : "", cell);
  }

  // ---- the statement panel ------------------------------------------------------------
  function statementUrl(group, ref) {
    var table = grid();
    var base = table.dataset.groupUrl; // ".../groups/0/"
    var url = base.slice(0, base.length - 2) + group + "/";
    var query = [];
    if (ref) { query.push("ref=" + encodeURIComponent(ref)); }
    if (table.dataset.lead) { query.push("lead=" + encodeURIComponent(table.dataset.lead)); }
    return url + (query.length ? "?" + query.join("&") : "");
  }

  function claimUrl(claim) {
    var table = grid();
    var base = table.dataset.claimUrl; // ".../claims/0/"
    var url = base.slice(0, base.length - 2) + claim + "/";
    return url + (table.dataset.lead ? "?lead=" + encodeURIComponent(table.dataset.lead) : "");
  }

  function pageUrl(link) {
    var url = new URL(link.href, location.href);
    url.hash = "";
    return url.toString();
  }

  function remember(url) {
    history.pushState({ newsdiff: true }, "", url);
    shownKey = location.pathname + location.search;
  }

  function openStatement(link, ref, from) {
    if (!window.htmx || !grid()) { return false; }
    var group = link.dataset.group || (link.closest(".claim") || {}).dataset.group;
    // a statement of one outlet opens its own panel: the most alike of other outlets
    var url = link.dataset.claim ? claimUrl(link.dataset.claim) : statementUrl(group, ref);
    opener = from || link;
    var target = pageUrl(link);
    window.htmx.ajax("GET", url, { target: "#statement", swap: "outerHTML" }).then(function () {
      remember(target);
      var panel = document.getElementById("statement");
      var cell = opener && opener.closest ? opener.closest("td, th") : null;
      if (cell) { cell.scrollIntoView({ block: "nearest", inline: "nearest" }); }
      if (panel) { panel.focus({ preventScroll: true }); }
    });
    return true;
  }

  function closeStatement() {
    var panel = document.getElementById("statement");
    if (!panel || panel.hidden || !panel.closest("#alignment")) { return false; }
    var close = panel.querySelector(".statement-close");
    var group = close ? close.dataset.group : null;
    var empty = document.createElement("section");
    empty.id = "statement";
    empty.className = "statement";
    empty.hidden = true;
    panel.replaceWith(empty);
    var url = new URL(location.href);
    url.searchParams.delete("group");
    url.searchParams.delete("claim");
    url.hash = "";
    remember(url.toString());
    var back = opener && document.contains(opener) ? opener : null;
    if (!back && group) {
      var row = document.getElementById("group-" + group);
      back = row ? row.cells[0] : null;
    }
    if (back) {
      var cell = back.closest ? back.closest("td, th") : null;
      if (cell && grid() && grid().contains(cell)) { focusCell(cell); } else { back.focus(); }
    }
    opener = null;
    return true;
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
    var target = event.target;
    var link = target.closest("#alignment .claim-link, #alignment .row-open, #alignment .own-link");
    if (link) {
      var claim = link.closest(".claim");
      var cell = link.closest("td, th");
      if (cell) { focusCell(cell); }
      if (openStatement(link, claim ? claim.id.replace("claim-", "") : "", cell)) { event.preventDefault(); }
      return;
    }
    if (target.closest("#alignment .statement-close")) {
      if (closeStatement()) { event.preventDefault(); }
      return;
    }
    var nav = target.closest(".column-nav a");
    if (nav) {
      event.preventDefault();
      showColumn(nav.getAttribute("href").slice(1));
      return;
    }
    var opens = target.closest("[data-opens]");
    if (opens) {
      var dialog = document.getElementById(opens.dataset.opens);
      if (dialog && !dialog.open) { dialog.showModal(); }
      return;
    }
    var cellClicked = target.closest("table.grid tbody td, table.grid tbody th");
    if (cellClicked && !target.closest("a, summary, button")) { focusCell(cellClicked); }
  });

  // ---- keys -----------------------------------------------------------------------------
  var KEYS = {
    j: [1, 0], ArrowDown: [1, 0], k: [-1, 0], ArrowUp: [-1, 0],
    l: [0, 1], ArrowRight: [0, 1], h: [0, -1], ArrowLeft: [0, -1],
  };

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) { return; }
    var active = document.activeElement;
    if (typing(active)) { return; }
    var help = document.getElementById("keys-help");
    if (event.key === "?") {
      if (!help) { return; }
      event.preventDefault();
      if (help.open) { help.close(); } else { help.showModal(); }
      return;
    }
    if (help && help.open) { return; } // the dialog handles its own Esc
    if (event.key === "Escape") {
      if (closeStatement()) { event.preventDefault(); }
      return;
    }
    var table = grid();
    if (!table) { return; }
    var inGrid = active && scroller() && scroller().contains(active);
    var inPanel = active && active.closest && active.closest("#statement");
    if (inPanel) { return; }
    var step = KEYS[event.key];
    var arrow = event.key.indexOf("Arrow") === 0;
    if (step && (!arrow || inGrid)) {
      event.preventDefault();
      move(step[0], step[1]);
      return;
    }
    if ((event.key === "Home" || event.key === "End") && inGrid) {
      event.preventDefault();
      move(0, 0, event.key === "Home" ? -1 : 1);
      return;
    }
    var onCell = active && active.matches && active.matches("table.grid tbody td, table.grid tbody th");
    if (event.key === "Enter" && onCell) {
      event.preventDefault();
      activate(active);
    } else if (event.key === "o" && onCell) {
      event.preventDefault();
      toggleOwn(active);
    }
  });

  // ---- the outlet navigator -----------------------------------------------------------
  function showColumn(id) {
    var head = document.getElementById(id);
    var box = scroller();
    if (!head || !box) { return; }
    var sticky = grid().querySelector("thead .corner");
    var left = head.offsetLeft - (sticky ? sticky.offsetWidth : 0);
    box.scrollTo({ left: Math.max(0, left), behavior: "smooth" });
    var rows = rowsOf(grid());
    var current = currentCell(grid());
    var row = current ? current.parentElement : rows[0];
    if (row && row.cells[head.cellIndex]) {
      row.cells[head.cellIndex].classList.add("is-current");
      focusCell(row.cells[head.cellIndex]);
    }
  }

  function markColumnsInView() {
    var box = scroller();
    var table = grid();
    if (!box || !table) { return; }
    var sticky = table.querySelector("thead .corner");
    var from = box.scrollLeft + (sticky ? sticky.offsetWidth : 0);
    var to = box.scrollLeft + box.clientWidth;
    document.querySelectorAll(".column-nav a").forEach(function (link) {
      var head = document.getElementById(link.getAttribute("href").slice(1));
      if (!head) { return; }
      var middle = head.offsetLeft + head.offsetWidth / 2;
      link.classList.toggle("is-in-view", middle > from && middle < to);
    });
  }

  function setUp() {
    var box = scroller();
    var table = grid();
    var keys = document.querySelector(".keys-button");
    if (keys) { keys.hidden = false; }
    if (!box || !table) { return; }
    // (no inline style is set here: htmx keeps pages in its history as HTML, and the CSP
    // would refuse a style attribute when one is restored; the CSS sets the scroll padding)
    var pending = false;
    box.addEventListener("scroll", function () {
      if (pending) { return; }
      pending = true;
      requestAnimationFrame(function () { pending = false; markColumnsInView(); });
    });
    markColumnsInView();
    var panel = document.getElementById("statement");
    if (panel && !panel.hidden && panel.closest("#alignment") && location.hash === "#statement") { panel.focus(); }
  }

  document.addEventListener("DOMContentLoaded", setUp);
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target && event.target.id === "alignment") { setUp(); }
  });
  document.addEventListener("htmx:pushedIntoHistory", function () { shownKey = location.pathname + location.search; });
  window.addEventListener("resize", markColumnsInView);
  // Back and forward: htmx restores the views it pushed; a view this file pushed (a statement
  // opened or closed) is shown again by loading its address.
  window.addEventListener("popstate", function (event) {
    if (event.state && event.state.htmx) { shownKey = location.pathname + location.search; return; }
    if (location.pathname + location.search !== shownKey) { location.reload(); }
  });
})();
