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

    function setOpen(open) {
        button.setAttribute("aria-expanded", open ? "true" : "false");
        menu.classList.toggle("is-open", open);
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

// --- Cookie consent ---
// The page is the same for every reader (it may come from the cache), so the
// reader's choice is read here, from the consent cookie: the banner opens until
// the reader has chosen, and allowed embeds and the statistics script load.
// The banner's buttons are a plain form; here it is sent in the background, and
// the page follows the new choice at once. "Settings" opens the switches in
// place, and the footer's "Cookie settings" link becomes a button that reopens them.
(function () {
    "use strict";
    var banner = document.querySelector("[data-consent]");
    var panel = banner && banner.querySelector(".consent__panel");
    var settingsButton = banner && banner.querySelector("[data-consent-settings]");
    var status = document.querySelector("[data-consent-status]");
    var footerLink = document.querySelector("[data-consent-open]");
    var footerButton = null;
    var openedFrom = null;

    function switchInput(name) {
        return banner && banner.querySelector('input[name="' + name + '"]');
    }

    // The cookie as privacy/consent.py writes it: "v1.media-yes.stats-no".
    function savedChoice() {
        var choice = { decided: {}, granted: {} };
        var match = document.cookie.match(/(?:^|;\s*)consent=([^;]*)/);
        var parts = match ? match[1].split(".") : [];
        if (parts[0] !== "v1") {
            return choice;
        }
        parts.slice(1).forEach(function (part) {
            var pieces = part.split("-");
            if ((pieces[0] === "media" || pieces[0] === "stats") && (pieces[1] === "yes" || pieces[1] === "no")) {
                choice.decided[pieces[0]] = true;
                choice.granted[pieces[0]] = pieces[1] === "yes";
            }
        });
        return choice;
    }
    var saved = savedChoice();
    var granted = { media: Boolean(saved.granted.media), stats: Boolean(saved.granted.stats) };
    ["media", "stats"].forEach(function (name) {
        var input = switchInput(name);
        if (input) {
            input.checked = granted[name];
        }
    });

    function setPanelOpen(open) {
        if (!panel || !settingsButton) {
            return;
        }
        panel.hidden = !open;
        settingsButton.setAttribute("aria-expanded", open ? "true" : "false");
    }

    function openBanner(trigger) {
        openedFrom = trigger || null;
        banner.hidden = false;
        setPanelOpen(true);
        if (footerButton) {
            footerButton.setAttribute("aria-expanded", "true");
        }
        banner.querySelector(".consent__title").focus();
    }

    function closeBanner() {
        var hadFocus = banner.contains(document.activeElement);
        banner.hidden = true;
        setPanelOpen(false);
        if (footerButton) {
            footerButton.setAttribute("aria-expanded", "false");
        }
        if (hadFocus) {
            var target = openedFrom || document.getElementById("main");
            target.focus({ preventScroll: !openedFrom });
        }
        openedFrom = null;
    }

    function showEmbeds() {
        var placeholders = document.querySelectorAll("[data-embed]");
        Array.prototype.forEach.call(placeholders, function (placeholder) {
            var template = placeholder.querySelector("template[data-embed-html]");
            if (!template) {
                return;
            }
            var embed = document.createElement("div");
            embed.className = "embed";
            embed.id = placeholder.id;
            embed.tabIndex = -1;
            embed.appendChild(template.content.cloneNode(true));
            var hadFocus = placeholder.contains(document.activeElement);
            placeholder.replaceWith(embed);
            if (hadFocus) {
                embed.focus();
            }
        });
    }

    function loadAnalytics() {
        var source = banner && banner.getAttribute("data-analytics-src");
        if (!source || document.querySelector('script[src="' + source + '"]')) {
            return;
        }
        var script = document.createElement("script");
        script.src = source;
        script.defer = true;
        script.setAttribute("data-domain", window.location.hostname);
        document.body.appendChild(script);
    }

    function follow(result) {
        var now = { media: result.granted.indexOf("media") !== -1, stats: result.granted.indexOf("stats") !== -1 };
        if ((granted.media && !now.media) || (granted.stats && !now.stats)) {
            // Embeds and scripts already running cannot be unloaded: start the page afresh.
            window.location.reload();
            return;
        }
        granted = now;
        ["media", "stats"].forEach(function (name) {
            var input = switchInput(name);
            if (input) {
                input.checked = now[name];
            }
        });
        if (now.media) {
            showEmbeds();
        }
        if (now.stats) {
            loadAnalytics();
        }
        if (banner && result.decided) {
            closeBanner();
        }
        if (status) {
            status.textContent = status.getAttribute("data-saved");
        }
    }

    function send(form, submitter) {
        var data = new FormData(form);
        if (submitter && submitter.name) {
            data.append(submitter.name, submitter.value);
        }
        return fetch(form.action, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: { Accept: "application/json" }
        }).then(function (response) {
            if (!response.ok) {
                throw new Error("consent not saved: " + response.status);
            }
            return response.json();
        });
    }

    var forms = document.querySelectorAll("form[data-consent-form]");
    Array.prototype.forEach.call(forms, function (form) {
        form.addEventListener("submit", function (event) {
            var submitter = event.submitter;
            if (submitter && submitter.hasAttribute("data-consent-settings")) {
                return;
            }
            event.preventDefault();
            send(form, submitter).then(follow).catch(function () {
                // The server answers the plain form too, with a page that explains any problem.
                if (submitter && submitter.name) {
                    var input = document.createElement("input");
                    input.type = "hidden";
                    input.name = submitter.name;
                    input.value = submitter.value;
                    form.appendChild(input);
                }
                HTMLFormElement.prototype.submit.call(form);
            });
        });
    });

    Array.prototype.forEach.call(document.querySelectorAll(".embed__allow[hidden]"), function (form) {
        form.hidden = false;
    });
    if (granted.media) {
        showEmbeds();
    }
    if (!banner) {
        return;
    }
    if (granted.stats) {
        loadAnalytics();
    }
    var offered = banner.hasAttribute("data-analytics-src") ? ["media", "stats"] : ["media"];
    if (offered.some(function (name) { return !saved.decided[name]; })) {
        banner.hidden = false;
    }
    if (settingsButton && panel) {
        settingsButton.setAttribute("aria-controls", panel.id);
        settingsButton.setAttribute("aria-expanded", "false");
        settingsButton.addEventListener("click", function (event) {
            event.preventDefault();
            setPanelOpen(panel.hidden);
        });
    }
    if (footerLink) {
        footerButton = document.createElement("button");
        footerButton.type = "button";
        footerButton.className = "site-footer__button";
        footerButton.textContent = footerLink.textContent;
        footerButton.setAttribute("aria-controls", banner.id);
        footerButton.setAttribute("aria-expanded", banner.hidden ? "false" : "true");
        footerLink.replaceWith(footerButton);
        footerButton.addEventListener("click", function () {
            openBanner(footerButton);
        });
    }
})();

// --- Share: copy link ---
// "Copy link" copies the page's address with the Clipboard API and says so in
// the share box's status line. Where that API is missing or refused (an old
// browser, a page served over plain HTTP), the address appears selected in a
// read-only field, copied the old way if the browser still allows it.
(function () {
    "use strict";
    var boxes = document.querySelectorAll(".share");
    Array.prototype.forEach.call(boxes, function (box) {
        var item = box.querySelector(".share__copy");
        var button = box.querySelector(".share__copy-button");
        var field = box.querySelector(".share__field");
        var input = box.querySelector(".share__input");
        var status = box.querySelector(".share__status");
        if (!item || !button || !field || !input || !status) {
            return;
        }

        function say(message) {
            // Emptied first, so that copying twice is announced twice.
            status.textContent = "";
            window.setTimeout(function () {
                status.textContent = message;
            }, 100);
        }

        function offerField() {
            field.hidden = false;
            input.focus();
            input.select();
            input.setSelectionRange(0, input.value.length);
            var copied = false;
            try {
                copied = document.execCommand("copy");
            } catch (error) {
                copied = false;
            }
            say(copied ? button.dataset.copiedMessage : button.dataset.selectMessage);
        }

        item.hidden = false;
        button.addEventListener("click", function () {
            if (navigator.clipboard && navigator.clipboard.writeText) {
                navigator.clipboard.writeText(button.dataset.shareUrl).then(function () {
                    say(button.dataset.copiedMessage);
                }, offerField);
            } else {
                offerField();
            }
        });
    });
})();

// --- Gallery lightbox ---
// Each gallery thumbnail links to its large photo, which is all a reader without
// JavaScript needs. Here the link opens the photo in a modal <dialog> instead:
// focus moves in and stays there, Esc or the close button shuts it and focus
// goes back to the thumbnail, and the buttons or the arrow keys move through the
// gallery. The words come from the gallery's data attributes, in the page's
// language; each link carries its own "Photo 2 of 5", with the page's digits.
(function () {
    "use strict";
    var galleries = document.querySelectorAll("[data-lightbox]");
    if (!galleries.length || typeof HTMLDialogElement !== "function") {
        return;
    }
    var MODERN_FORMATS = ["avif", "webp"];

    function makeButton(className, label, symbol) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "lightbox__button " + className;
        var icon = document.createElement("span");
        icon.setAttribute("aria-hidden", "true");
        icon.textContent = symbol;
        var text = document.createElement("span");
        text.className = "visually-hidden";
        text.textContent = label;
        button.append(icon, text);
        return button;
    }

    function makeLightbox(gallery, links) {
        var words = gallery.dataset;
        var dialog = document.createElement("dialog");
        dialog.className = "lightbox";
        dialog.setAttribute("aria-label", words.lightboxLabel || "");
        var closeButton = makeButton("lightbox__close", words.lightboxClose || "", "\u00d7");
        var figure = document.createElement("figure");
        figure.className = "lightbox__figure";
        var picture = document.createElement("picture");
        var image = document.createElement("img");
        image.className = "lightbox__image";
        image.decoding = "async";
        picture.append(image);
        var caption = document.createElement("figcaption");
        caption.className = "lightbox__caption";
        figure.append(picture, caption);
        var controls = document.createElement("div");
        controls.className = "lightbox__controls";
        var previousButton = makeButton("lightbox__previous", words.lightboxPrevious || "", "\u2039");
        var nextButton = makeButton("lightbox__next", words.lightboxNext || "", "\u203a");
        // Announced on every move, so a screen reader hears which photo it is.
        var position = document.createElement("p");
        position.className = "lightbox__position";
        position.setAttribute("aria-live", "polite");
        position.setAttribute("aria-atomic", "true");
        controls.append(previousButton, position, nextButton);
        dialog.append(closeButton, figure, controls);
        document.body.append(dialog);

        var single = links.length < 2;
        previousButton.hidden = single;
        nextButton.hidden = single;
        var current = 0;
        var opener = null;

        function show(index) {
            current = (index + links.length) % links.length;
            var link = links[current];
            var thumbnail = link.querySelector("img");
            Array.prototype.forEach.call(picture.querySelectorAll("source"), function (source) {
                source.remove();
            });
            MODERN_FORMATS.forEach(function (format) {
                var srcset = link.getAttribute("data-lightbox-" + format);
                if (srcset) {
                    var source = document.createElement("source");
                    source.type = "image/" + format;
                    source.srcset = srcset;
                    source.sizes = "100vw";
                    picture.insertBefore(source, image);
                }
            });
            image.width = parseInt(link.dataset.lightboxWidth, 10) || 0;
            image.height = parseInt(link.dataset.lightboxHeight, 10) || 0;
            image.alt = thumbnail ? thumbnail.alt : "";
            image.sizes = "100vw";
            image.srcset = link.dataset.lightboxSrcset || "";
            image.src = link.href;
            var figcaption = link.closest("figure");
            figcaption = figcaption && figcaption.querySelector("figcaption");
            caption.textContent = figcaption ? figcaption.textContent : "";
            caption.hidden = !figcaption;
            position.textContent = link.dataset.lightboxPosition || "";
        }

        function focusables() {
            return [closeButton, previousButton, nextButton].filter(function (button) {
                return !button.hidden;
            });
        }

        previousButton.addEventListener("click", function () { show(current - 1); });
        nextButton.addEventListener("click", function () { show(current + 1); });
        closeButton.addEventListener("click", function () { dialog.close(); });
        // A click on the dark area around the photo closes it too.
        dialog.addEventListener("click", function (event) {
            if (event.target === dialog) {
                dialog.close();
            }
        });
        dialog.addEventListener("keydown", function (event) {
            if (event.key === "ArrowLeft" && !single) {
                event.preventDefault();
                show(current - 1);
            } else if (event.key === "ArrowRight" && !single) {
                event.preventDefault();
                show(current + 1);
            } else if (event.key === "Tab") {
                // Keep Tab inside the dialog rather than letting it reach the
                // browser's own toolbar.
                var items = focusables();
                var first = items[0];
                var last = items[items.length - 1];
                if (event.shiftKey && document.activeElement === first) {
                    event.preventDefault();
                    last.focus();
                } else if (!event.shiftKey && document.activeElement === last) {
                    event.preventDefault();
                    first.focus();
                }
            }
        });
        dialog.addEventListener("close", function () {
            if (opener) {
                opener.focus();
            }
        });

        return {
            open: function (index, link) {
                opener = link;
                show(index);
                // A live region only speaks when its text changes while it is
                // shown, so the first position goes in once the dialog is open.
                var text = position.textContent;
                position.textContent = "";
                dialog.showModal();
                closeButton.focus();
                window.setTimeout(function () {
                    if (!position.textContent) {
                        position.textContent = text;
                    }
                }, 100);
            },
        };
    }

    Array.prototype.forEach.call(galleries, function (gallery) {
        var links = Array.prototype.slice.call(gallery.querySelectorAll("a.gallery__link"));
        var lightbox = null;
        links.forEach(function (link, index) {
            link.addEventListener("click", function (event) {
                // Let a reader open the photo in a new tab or window as usual.
                if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
                    return;
                }
                event.preventDefault();
                lightbox = lightbox || makeLightbox(gallery, links);
                lightbox.open(index, link);
            });
        });
    });
})();

// --- View count ---
// The page may come from the cache, so the view is counted here, once the page is
// really shown (not while the browser prerenders it), and the answer brings the
// count of now. Robots that run no script are not counted at all.
(function () {
    "use strict";
    var number = document.querySelector("[data-view-count]");
    if (!number || !window.fetch) {
        return;
    }
    function report() {
        fetch(number.getAttribute("data-view-count"), {
            method: "POST",
            credentials: "same-origin",
            headers: { Accept: "application/json" }
        }).then(function (response) {
            return response.ok ? response.json() : null;
        }).then(function (result) {
            if (!result || !result.views) {
                return;
            }
            number.textContent = result.text;
            number.hidden = false;
            var box = number.closest("[data-view-count-box]");
            if (box) {
                box.hidden = false;
            }
        }).catch(function () {
            // An uncounted view leaves the page as it is.
        });
    }
    if (document.prerendering) {
        document.addEventListener("prerenderingchange", report, { once: true });
    } else {
        report();
    }
})();
