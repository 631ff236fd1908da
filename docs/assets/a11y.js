// Accessible names for Material's annotation markers (issue 8). Material draws each marker as a
// link whose only content is a number painted by CSS (::after { content: attr(...) }), so the
// link has no accessible name (axe-core rule link-name) and a screen reader announces just
// "link". Material creates the markers after the page loads and again after every instant
// navigation, so new ones are named as they appear. A file, not inline script: see SECURITY.md.
//
// Also, tooltips that show title text as text: with content.tooltips Material builds the tooltip
// of every `.md-content [title]` by assigning the title to innerHTML, so a title that an annotation
// or a seed supplied (an untrusted Markdown link title such as "<img src=x onerror=…>") would
// become live markup when a reader hovers it (the CSP blocks its script, not the markup). Each
// title is HTML-escaped once, before the first hover (Material reads it only then), and marked
// so that a title Material restores after hiding its tooltip is not escaped twice.
(function () {
  "use strict"
  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }
  function name(root) {
    var markers = root.querySelectorAll(".md-annotation__index:not([aria-label])")
    for (var i = 0; i < markers.length; i++) {
      var number = markers[i].querySelector("[data-md-annotation-id]")
      markers[i].setAttribute("aria-label", "Annotation" + (number ? " " + number.dataset.mdAnnotationId : ""))
    }
  }
  function escapeTitles(root) {
    var titled = root.querySelectorAll(".md-content [title]:not([data-title-escaped])")
    for (var i = 0; i < titled.length; i++) {
      titled[i].setAttribute("data-title-escaped", "")
      titled[i].title = titled[i].title.replace(/[&<>"']/g, function (c) { return ESCAPES[c] })
    }
  }
  function update() { name(document); escapeTitles(document) }
  update()
  new MutationObserver(update).observe(document.body, { childList: true, subtree: true })
})()
