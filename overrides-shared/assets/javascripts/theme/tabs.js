// The theme's inline script of partials/javascripts/content.html (the same in Material for MkDocs 9.8.1
// and Zensical 0.0.73), as a file of its own so that the Content-Security-Policy needs no inline script.
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}
