// Kennisbank: the enlarged view of a concept map. Without JavaScript the map is the static SVG in the page,
// which scrolls sideways on a narrow screen; with it, a button opens the same map full-width in a dialog, made at
// the first click (most readers never open it, and a copy of the map is the size of the map).
(function () {
  "use strict";
  if (typeof HTMLDialogElement !== "function") return;

  // The dialog of `map`, opened by `button`: its heading, a close button and a copy of the map.
  function makeDialog(map, button, index) {
    var dialog = document.createElement("dialog");
    dialog.className = "map-dialog";
    var headingID = "kaart-vergroot-" + index;
    dialog.setAttribute("aria-labelledby", headingID);
    var bar = document.createElement("div");
    bar.className = "map-dialog-bar";
    var heading = document.createElement("h2");
    heading.id = headingID;
    heading.textContent = map.getAttribute("aria-label") || "Kaart";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "map-enlarge";
    close.textContent = "Sluiten";
    bar.appendChild(heading);
    bar.appendChild(close);
    var scroll = document.createElement("div");
    scroll.className = "map-scroll";
    scroll.appendChild(map.cloneNode(true));
    dialog.appendChild(bar);
    dialog.appendChild(scroll);
    document.body.appendChild(dialog);
    close.addEventListener("click", function () { dialog.close(); });
    // A click on the backdrop (the dialog itself, outside its content) closes it too.
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () { button.focus(); });
    return dialog;
  }

  document.querySelectorAll("figure.map-figure").forEach(function (figure, index) {
    var map = figure.querySelector("svg.concept-map");
    if (!map) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "map-enlarge";
    button.textContent = "Vergroot de kaart";
    button.setAttribute("aria-haspopup", "dialog");
    figure.insertBefore(button, figure.firstChild);
    var dialog = null;
    button.addEventListener("click", function () {
      dialog = dialog || makeDialog(map, button, index);
      dialog.showModal();
      dialog.querySelector(".map-dialog-bar button").focus();
    });
  });
})();
