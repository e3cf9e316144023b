// Material for MkDocs 9.8.1's inline script of partials/javascripts/content.html, as a file of its own so that
// the Content-Security-Policy needs no inline script (overrides/partials/javascripts/content.html).
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
