/* Kennisbank: small enhancements. Every page works without this script. */
(function () {
  "use strict";

  /* ---------- Previews of concepts and citations (hover, focus, touch) ---------- */
  var previews = {};
  var data = document.getElementById("kb-previews");
  if (data) {
    try { previews = JSON.parse(data.textContent); } catch (e) { previews = {}; }
  }
  var tip = null, owner = null, hideTimer = null, showTimer = null;

  function previewFor(link) {
    if (link.classList.contains("concept") && previews.concepts) {
      var c = previews.concepts[link.getAttribute("data-concept")];
      if (c) return { title: c.title, body: c.summary || "", html: false };
    }
    if (link.classList.contains("citation") && previews.references) {
      var r = previews.references[link.getAttribute("data-ref")];
      if (r) return { title: "", body: r, html: true };
    }
    return null;
  }

  function show(link) {
    var p = previewFor(link);
    if (!p) return;
    clearTimeout(hideTimer);
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "kb-preview";
      tip.className = "preview";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", scheduleHide);
    }
    tip.innerHTML = "";
    if (p.title) {
      var h = document.createElement("strong");
      h.textContent = p.title;
      tip.appendChild(h);
    }
    var body = document.createElement("span");
    if (p.html) { body.innerHTML = p.body; } else { body.textContent = p.body; }
    tip.appendChild(body);
    var go = document.createElement("a");
    go.href = link.getAttribute("href");
    go.className = "preview-go";
    go.textContent = link.classList.contains("concept") ? "Naar het begrip →" : "Naar de literatuurlijst →";
    tip.appendChild(go);
    owner = link;
    link.setAttribute("aria-describedby", "kb-preview");
    place(tip, link);
  }

  // Below the link when it fits in the window, else above it, else where there is more room; never past
  // the window's left or right edge. A link broken over two lines has its preview below its last line or
  // above its first.
  function place(tip, link) {
    tip.hidden = false;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var boxes = link.getClientRects();
    var first = boxes.length ? boxes[0] : link.getBoundingClientRect();
    var last = boxes.length ? boxes[boxes.length - 1] : first;
    var width = tip.offsetWidth, height = tip.offsetHeight;
    var viewWidth = document.documentElement.clientWidth, viewHeight = window.innerHeight;
    var below = viewHeight - last.bottom - 8, above = first.top - 8;
    var under = height + 6 <= below || below >= above;
    var rect = under ? last : first;
    var left = Math.max(8, Math.min(rect.left, viewWidth - width - 8));
    var top = under ? last.bottom + 6 : first.top - height - 6;
    tip.style.left = (window.scrollX + left) + "px";
    tip.style.top = (window.scrollY + Math.max(8 - window.scrollY, top)) + "px";
  }

  function hide() {
    clearTimeout(showTimer);
    if (tip) tip.hidden = true;
    if (owner) owner.removeAttribute("aria-describedby");
    owner = null;
  }
  function scheduleHide() { clearTimeout(showTimer); clearTimeout(hideTimer); hideTimer = setTimeout(hide, 200); }
  // A pointer passing over a link on its way elsewhere opens nothing: the preview waits a moment.
  function scheduleShow(link) { clearTimeout(showTimer); showTimer = setTimeout(function () { show(link); }, 350); }

  var links = document.querySelectorAll("a.concept, a.citation");
  Array.prototype.forEach.call(links, function (link) {
    link.addEventListener("mouseenter", function () { scheduleShow(link); });
    link.addEventListener("mouseleave", scheduleHide);
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("blur", scheduleHide);
    link.addEventListener("click", function (event) {
      // On touch, the first tap shows the preview; a second tap follows the link.
      if (link.dataset.touched !== "1" && window.matchMedia("(hover: none)").matches && previewFor(link)) {
        event.preventDefault();
        Array.prototype.forEach.call(links, function (other) { other.dataset.touched = ""; });
        link.dataset.touched = "1";
        show(link);
      }
    });
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });

  /* ---------- Header on a phone: the menu and the search field ---------- */
  var menu = document.querySelector(".site-menu");
  var outline = document.querySelector(".outline");
  var searchForm = document.querySelector(".site-search");
  var searchInput = document.getElementById("site-search-input");
  var wide = window.matchMedia("(min-width: 64rem)");
  // On a wide screen the menu and the article's outline are always open (the stylesheet shows them even
  // without the script, in browsers that style a disclosure's content); on a phone they start closed.
  function fitDisclosures() {
    if (menu) menu.open = wide.matches;
    if (outline) outline.open = wide.matches;
  }
  fitDisclosures();
  if (wide.addEventListener) wide.addEventListener("change", fitDisclosures);
  if (searchForm && searchInput) {
    // On a phone the field is folded into its button: the first press opens it (without the script the
    // button goes to the search page).
    searchForm.addEventListener("submit", function (event) {
      if (!wide.matches && !searchForm.classList.contains("open")) {
        event.preventDefault();
        searchForm.classList.add("open");
        if (menu) menu.open = false;
        searchInput.focus();
      }
    });
    searchInput.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && searchForm.classList.contains("open") && !searchInput.value) {
        searchForm.classList.remove("open");
        searchForm.querySelector("button").focus();
      }
    });
    searchForm.addEventListener("focusout", function (event) {
      if (!searchForm.contains(event.relatedTarget)) searchForm.classList.remove("open");
    });
  }
  if (menu) {
    document.addEventListener("click", function (event) {
      if (menu.open && !wide.matches && !menu.contains(event.target)) menu.open = false;
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open && !wide.matches) { menu.open = false; menu.querySelector("summary").focus(); }
    });
  }

  /* ---------- The article's outline: where the reader is ---------- */
  var tocLinks = document.querySelectorAll(".toc a[href^='#']");
  if (outline) {
    // On a phone, a chosen section closes the outline so the text shows.
    outline.addEventListener("click", function (event) {
      if (!wide.matches && event.target.closest && event.target.closest("a")) outline.open = false;
    });
  }
  if (tocLinks.length) {
    var sections = [];
    Array.prototype.forEach.call(tocLinks, function (link) {
      var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (target) sections.push({ link: link, target: target });
    });
    var markCurrent = function () {
      // The current section is the last whose heading has passed the upper quarter of the window.
      var line = window.innerHeight * 0.25, current = null;
      sections.forEach(function (s) { if (s.target.getBoundingClientRect().top <= line) current = s; });
      if (!current && sections.length) current = sections[0];
      sections.forEach(function (s) {
        if (s === current) s.link.setAttribute("aria-current", "location"); else s.link.removeAttribute("aria-current");
      });
    };
    var pending = false;
    window.addEventListener("scroll", function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; markCurrent(); });
    }, { passive: true });
    window.addEventListener("hashchange", markCurrent);
    markCurrent();
  }

  /* ---------- Copy a link to a heading or paragraph ---------- */
  document.addEventListener("click", function (event) {
    var anchor = event.target.closest ? event.target.closest("a.anchor") : null;
    if (!anchor || !navigator.clipboard) return;
    var url = anchor.href;
    navigator.clipboard.writeText(url).then(function () {
      anchor.classList.add("copied");
      anchor.setAttribute("data-label", "Link gekopieerd");
      setTimeout(function () { anchor.classList.remove("copied"); }, 1500);
    }, function () {});
  });

  /* ---------- A concept's embed code, and printing the card deck ---------- */
  var copyEmbed = document.querySelector("button.copy-embed");
  var embedCode = document.querySelector(".embed-code code");
  if (copyEmbed && embedCode && navigator.clipboard) {
    copyEmbed.hidden = false;
    copyEmbed.addEventListener("click", function () {
      navigator.clipboard.writeText(embedCode.textContent).then(function () {
        copyEmbed.textContent = "Gekopieerd";
        setTimeout(function () { copyEmbed.textContent = "Kopieer de code"; }, 1500);
      }, function () {});
    });
  }
  var printCards = document.querySelector("button.print-cards");
  if (printCards) {
    printCards.hidden = false;
    printCards.addEventListener("click", function () { window.print(); });
  }

  /* The search (header box and zoeken/) is assets/search.js. */
})();
