// newsdiff: the upload form's rows, one per chosen file, with its own outlet, URL and date.
// Without this file the form works as before (its single Outlet field applies to every file).
// With it: choosing files adds a row per file, prefilled in the browser from what the file
// says (an .html page's og:site_name / application-name, canonical URL and
// article:published_time, read with DOMParser, which runs no script; a .txt file's name
// without extension for its outlet). The server takes what the rows say as the editor's
// (newsdiff/compare/file_details.py); an empty value means "find it".
(function () {
  "use strict";

  var HEAD_BYTES = 512 * 1024; // a page's metadata is in its head: read no more than this
  var SITE_NAME = ['meta[property="og:site_name"]', 'meta[name="application-name"]',
    'meta[name="twitter:site:name"]', 'meta[property="twitter:site:name"]'];
  var PUBLISHED = ['meta[property="article:published_time"]',
    'meta[property="og:article:published_time"]', 'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]', 'meta[name="parsely-pub-date"]', 'meta[name="pubdate"]',
    'meta[name="publishdate"]', 'meta[name="date"]', 'meta[name="dc.date"]', "time[datetime]"];
  var ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

  var input = document.querySelector('input[type="file"][name="file"]');
  var box = document.getElementById("file-details");
  if (!input || !box || !window.DOMParser || !window.Blob || !Blob.prototype.text) { return; }
  var rows = box.querySelector("tbody");
  var singles = document.querySelectorAll("[data-single-detail]");

  function stem(name) {
    var dot = name.lastIndexOf(".");
    return dot > 0 ? name.slice(0, dot) : name;
  }

  function isHtml(name) { return /\.html?$/i.test(name); }

  function firstValue(doc, selectors, attribute) {
    for (var i = 0; i < selectors.length; i++) {
      var el = doc.querySelector(selectors[i]);
      var value = el ? (el.getAttribute(attribute || "content") || "").trim() : "";
      if (value) { return value; }
    }
    return "";
  }

  function webAddress(value) { return /^https?:\/\/\S+$/i.test(value) ? value : ""; }

  function isoDate(value) { return value.length <= 40 && ISO_DATE.test(value) ? value : ""; }

  function pageDetails(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var published = "";
    for (var i = 0; i < PUBLISHED.length && !published; i++) {
      var attribute = PUBLISHED[i] === "time[datetime]" ? "datetime" : "content";
      published = isoDate(firstValue(doc, [PUBLISHED[i]], attribute));
    }
    return {
      outlet: firstValue(doc, SITE_NAME).replace(/\s+/g, " ").slice(0, 200),
      url: webAddress(firstValue(doc, ['link[rel~="canonical"]'], "href")) ||
        webAddress(firstValue(doc, ['meta[property="og:url"]'])),
      published: published
    };
  }

  function field(name, label, value, placeholder) {
    var el = document.createElement("input");
    el.type = "text";
    el.name = name;
    el.value = value || "";
    el.placeholder = placeholder;
    el.setAttribute("aria-label", label);
    return el;
  }

  function cell(row, content) {
    var td = document.createElement("td");
    td.appendChild(content);
    row.appendChild(td);
    return content;
  }

  function addRow(file) {
    var row = document.createElement("tr");
    row.className = "file-detail";
    var name = document.createElement("span");
    name.textContent = file.name;
    var td = document.createElement("td");
    td.appendChild(name);
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = "file_name";
    hidden.value = file.name;
    td.appendChild(hidden);
    row.appendChild(td);
    var found = "found when processed";
    var inputs = {
      outlet: cell(row, field("file_outlet", "Outlet of " + file.name, "", found)),
      url: cell(row, field("file_url", "URL of " + file.name, "", "https://")),
      published: cell(row, field("file_published", "Date of " + file.name, "", "2023-01-20"))
    };
    rows.appendChild(row);
    return inputs;
  }

  function prefill(inputs, details) {
    // What the editor typed meanwhile is kept. The file is read here as UTF-8: a value of a
    // page in a legacy encoding that did not decode (U+FFFD) is left for the server to find.
    Object.keys(details).forEach(function (key) {
      var value = details[key];
      if (value && value.indexOf("\uFFFD") < 0 && !inputs[key].value) { inputs[key].value = value; }
    });
  }

  function show() {
    var files = Array.prototype.slice.call(input.files || []);
    rows.textContent = "";
    box.hidden = files.length === 0;
    singles.forEach(function (el) {
      el.hidden = files.length > 0;
      el.querySelectorAll("input").forEach(function (single) { single.disabled = files.length > 0; });
    });
    files.forEach(function (file) {
      var inputs = addRow(file);
      if (!isHtml(file.name)) {
        prefill(inputs, { outlet: stem(file.name) });
        return;
      }
      file.slice(0, HEAD_BYTES).text().then(function (html) {
        prefill(inputs, pageDetails(html));
      }, function () { /* unreadable here: the server finds what it can */ });
    });
  }

  input.addEventListener("change", show);
  if (input.files && input.files.length) { show(); } // files kept by the browser on "back"
})();
