/* Kennisbank: small enhancements. Every page works without this script. */
(function () {
  "use strict";

  /* ---------- Previews of concepts and citations (hover, focus, touch) ---------- */
  var previews = {};
  var data = document.getElementById("kb-previews");
  if (data) {
    try { previews = JSON.parse(data.textContent); } catch (e) { previews = {}; }
  }
  var tip = null, owner = null, hideTimer = null;

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
    var rect = link.getBoundingClientRect();
    tip.style.left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - 340)) + "px";
    tip.style.top = (window.scrollY + rect.bottom + 6) + "px";
    tip.hidden = false;
  }

  function hide() {
    if (tip) tip.hidden = true;
    if (owner) owner.removeAttribute("aria-describedby");
    owner = null;
  }
  function scheduleHide() { clearTimeout(hideTimer); hideTimer = setTimeout(hide, 200); }

  var links = document.querySelectorAll("a.concept, a.citation");
  Array.prototype.forEach.call(links, function (link) {
    link.addEventListener("mouseenter", function () { show(link); });
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

  /* The search (header box and zoeken/) is assets/search.js. */
})();
