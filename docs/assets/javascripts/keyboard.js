// What the theme's scripts leave undone for keyboard users. Every page works without this file.

// The navigation menu's button is a checkbox, so that the menu opens without scripts
// (overrides/partials/header.html), and Space opens and closes it. With scripts, it also answers
// the keys a menu button is expected to: Enter opens and closes it too, and Escape closes it and
// puts the focus back on the button.
const narrow = window.matchMedia("(max-width: 76.234375em)"); // where the navigation is a drawer

document.addEventListener("keydown", (event) => {
  const toggle = document.getElementById("__drawer");
  const modified = event.altKey || event.ctrlKey || event.metaKey || event.shiftKey;
  if (!toggle || !narrow.matches || modified || event.repeat || event.isComposing || event.defaultPrevented) {
    return;
  }
  if (event.key === "Enter" && event.target === toggle) {
    event.preventDefault();
    toggle.click();
  } else if (event.key === "Escape" && toggle.checked) {
    event.preventDefault();
    toggle.click();
    toggle.focus();
  }
});

// Below 960px Material fixes the page in place while its search is open. Tabbing out of the search
// moves the focus into the page while it cannot scroll, so the focused link could be out of sight
// once the page is freed (WCAG 2.4.11). When Material frees it, the focused element is brought
// into view.
new MutationObserver(() => {
  const focused = document.activeElement;
  if (!document.body.hasAttribute("data-md-scrolllock") && focused?.closest(".md-container")) {
    focused.scrollIntoView({ block: "nearest" });
  }
}).observe(document.body, { attributeFilter: ["data-md-scrolllock"] });
