// Collapses the header menu behind a "Menu" button on narrow screens.
// Without JavaScript the menu simply stays open.
(function () {
    "use strict";
    var button = document.querySelector(".nav-toggle");
    var menu = document.getElementById("site-menu");
    if (!button || !menu) {
        return;
    }
    var wide = window.matchMedia("(min-width: 60rem)");
    document.documentElement.classList.add("js");

    function setOpen(open) {
        button.setAttribute("aria-expanded", open ? "true" : "false");
        menu.classList.toggle("is-collapsed", !open);
    }

    button.hidden = false;
    setOpen(false);
    button.addEventListener("click", function () {
        setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && !wide.matches && button.getAttribute("aria-expanded") === "true") {
            setOpen(false);
            button.focus();
        }
    });
})();

// Search facets start folded on phones, so the results come first, and open
// on wide screens, where they sit beside the results.
(function () {
    "use strict";
    var facets = document.querySelector(".facets__details");
    if (facets && window.matchMedia("(min-width: 60rem)").matches) {
        facets.open = true;
    }
})();
