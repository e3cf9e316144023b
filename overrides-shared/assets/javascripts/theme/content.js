// The theme's inline script of partials/javascripts/content.html (the same in Material for MkDocs 9.8.1
// and Zensical 0.0.73), as a file of its own so that the Content-Security-Policy needs no inline script.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
