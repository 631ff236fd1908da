// Material for MkDocs 9.8.2, partials/javascripts/content.html, moved out of an inline <script> so
// that the Content-Security-Policy needs no 'unsafe-inline' (see SECURITY.md). Unchanged.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
