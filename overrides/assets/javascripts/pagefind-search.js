// Pagefind search for large archives: a header button (and the "/" or "s" key) opens a dialog
// with Pagefind's UI. The UI script and the index chunks load only when the dialog first opens.
// Kept small on purpose; see overrides/partials/pagefind.html for why Pagefind is used.
(function () {
  "use strict";
  var script = document.currentScript;
  // The paths are relative to the page that loaded this script; resolve them now, because
  // instant navigation later changes the page without running this script again.
  var uiSrc = new URL(script.getAttribute("data-pagefind-ui"), location.href).href;
  var bundle = new URL(script.getAttribute("data-pagefind-bundle"), location.href).pathname;
  var dialog = null;
  var ui = null;
  // Keys typed after the dialog opens but before Pagefind's UI has loaded (a slow network or a
  // busy machine) are kept here and handed to the UI once it exists, so no keystroke is lost.
  var pending = "";
  var loading = false;

  // The UI script is requested when the dialog opens; if it cannot be fetched (the connection
  // dropped), the dialog says so instead of staying blank and swallowing keys, and opening it
  // again tries again.
  function loadUi() {
    if (ui || loading) return;
    if (window.PagefindUI) { startUi(); return; }
    loading = true;
    status("Loading search\u2026");
    var tag = document.createElement("script");
    tag.src = uiSrc;
    tag.onload = function () { loading = false; startUi(); };
    tag.onerror = function () {
      loading = false;
      tag.remove();
      pending = "";
      status("Search could not be loaded. Check the connection, then close this and search again.");
    };
    document.head.appendChild(tag);
  }

  function status(text) {
    var note = dialog.querySelector(".pagefind-dialog__status");
    note.textContent = text;
    note.hidden = !text;
  }

  function startUi() {
    status("");
    ui = new window.PagefindUI({
      // baseUrl: result links stay right when the site is served under a sub-path.
      element: "#pagefind-search", bundlePath: bundle, baseUrl: bundle.replace(/pagefind\/$/, ""),
      showSubResults: false,
      showImages: false, resetStyles: false, autofocus: true,
    });
    focusInput();
    var input = dialog.querySelector("input");
    if (pending && input) {
      input.value = pending;
      ui.triggerSearch(pending);
    }
    pending = "";
  }

  function makeDialog() {
    dialog = document.createElement("dialog");
    dialog.className = "pagefind-dialog";
    dialog.setAttribute("aria-label", "Search the archive");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "pagefind-dialog__close md-icon";
    close.setAttribute("aria-label", "Close search");
    close.textContent = "\u00d7";
    close.addEventListener("click", function () { dialog.close(); });
    var target = document.createElement("div");
    target.id = "pagefind-search";
    target.tabIndex = -1;  // holds the focus (not the close button) until the UI's input exists
    var note = document.createElement("p");
    note.className = "pagefind-dialog__status";
    note.setAttribute("role", "status");
    dialog.appendChild(close);
    dialog.appendChild(note);
    dialog.appendChild(target);
    // Keys typed in the dialog stay in it: Material's own shortcuts ("n" and "p" go to the next
    // and previous page) must not act on the page underneath while the reader types a query.
    dialog.addEventListener("keydown", function (event) {
      if (!ui && bufferKey(event)) event.preventDefault();
      if (event.key !== "Escape") event.stopPropagation();
    });
    dialog.addEventListener("close", function () { if (!ui) pending = ""; });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();  // a click on the backdrop
    });
    document.body.appendChild(dialog);
  }

  function focusInput() {
    var input = dialog && dialog.querySelector("input");
    if (input) input.focus();
    else if (dialog) dialog.querySelector("#pagefind-search").focus();
  }

  function open() {
    if (!dialog) makeDialog();
    if (!dialog.open) dialog.showModal();
    loadUi();
    focusInput();
  }

  function addButton() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".pagefind-button")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon pagefind-button";
    button.setAttribute("aria-label", "Search");
    button.title = "Search (/)";
    button.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">' +
      '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79' +
      'l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 ' +
      '14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
    button.addEventListener("click", open);
    var anchor = header.querySelector(".md-header__source");
    header.insertBefore(button, anchor);
  }

  function bufferKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    if (event.key === "Backspace") pending = pending.slice(0, -1);
    else if (event.key.length === 1) pending += event.key;
    else return false;
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (dialog && dialog.open) return;
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) ||
      document.activeElement.isContentEditable;
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      open();
    }
  });
  // Instant navigation swaps page content without reloading; make sure the button is there
  // after each swap and that a result link closes the dialog.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(function () { addButton(); if (dialog && dialog.open) dialog.close(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addButton);
  else addButton();
})();
