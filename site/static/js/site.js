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

// Story form: say at once when too many or too large photos are chosen, before
// a slow phone connection spends minutes sending them. The server checks again.
(function () {
    "use strict";
    var inputs = document.querySelectorAll("input[type=file][data-max-files]");
    Array.prototype.forEach.call(inputs, function (input) {
        var status = document.createElement("p");
        status.className = "story-form__file-status";
        status.setAttribute("role", "status");
        input.insertAdjacentElement("afterend", status);
        input.addEventListener("change", function () {
            var maxFiles = parseInt(input.dataset.maxFiles, 10);
            var maxBytes = parseInt(input.dataset.maxBytes, 10);
            var files = Array.prototype.slice.call(input.files || []);
            var message = "";
            if (files.length > maxFiles) {
                message = input.dataset.tooMany;
            } else {
                var large = files.filter(function (file) { return file.size > maxBytes; });
                if (large.length) {
                    message = input.dataset.tooLarge + " " + large.map(function (file) { return file.name; }).join(", ");
                }
            }
            input.setCustomValidity(message);
            status.textContent = message;
        });
    });
})();
