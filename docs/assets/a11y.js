// Accessible names for Material's annotation markers (issue 8). Material draws each marker as a
// link whose only content is a number painted by CSS (::after { content: attr(...) }), so the
// link has no accessible name (axe-core rule link-name) and a screen reader announces just
// "link". Material creates the markers after the page loads and again after every instant
// navigation, so new ones are named as they appear. A file, not inline script: see SECURITY.md.
(function () {
  "use strict"
  function name(root) {
    var markers = root.querySelectorAll(".md-annotation__index:not([aria-label])")
    for (var i = 0; i < markers.length; i++) {
      var number = markers[i].querySelector("[data-md-annotation-id]")
      markers[i].setAttribute("aria-label", "Annotation" + (number ? " " + number.dataset.mdAnnotationId : ""))
    }
  }
  name(document)
  new MutationObserver(function () { name(document) })
    .observe(document.body, { childList: true, subtree: true })
})()
