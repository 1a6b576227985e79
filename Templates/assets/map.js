// Kennisbank: a concept map's behaviour. Without JavaScript the map is the static SVG in the page, fitted to its
// column, every node a link. With it, hovering or focusing a node lights its neighbours and the lines to them, and a
// button opens the same map in a dialog as large as the screen, where it pans (drag, arrow keys), zooms (wheel,
// pinch, + and -) and fits again (0). The dialog is made at the first click: most readers never open it.
(function () {
  "use strict";

  // Lights the neighbours of the node under the pointer or in focus: each line names the nodes it joins by their
  // places among the map's links (data-ends="i j"). The listeners are on `host`, the HTML element around the map:
  // Chromium makes an SVG element with focus listeners a stop of the keyboard.
  function lightNeighbours(svg, host) {
    var nodes = Array.prototype.slice.call(svg.querySelectorAll("a.node"));
    var lines = Array.prototype.slice.call(svg.querySelectorAll(".edges line"));
    var ends = lines.map(function (line) { return (line.getAttribute("data-ends") || "").split(" ").map(Number); });
    function clear() {
      svg.classList.remove("lighting");
      svg.querySelectorAll(".lit").forEach(function (element) { element.classList.remove("lit"); });
    }
    function light(node) {
      clear();
      var index = nodes.indexOf(node);
      if (index < 0) return;
      svg.classList.add("lighting");
      ends.forEach(function (pair, line) {
        if (pair[0] !== index && pair[1] !== index) return;
        lines[line].classList.add("lit");
        nodes[pair[0] === index ? pair[1] : pair[0]].classList.add("lit");
      });
    }
    function from(event) { return event.target.closest ? event.target.closest("a.node") : null; }
    host.addEventListener("pointerover", function (event) { var node = from(event); if (node) light(node); });
    // Leaving a node lights the node in focus again, if there is one, or nothing.
    host.addEventListener("pointerout", function (event) {
      var node = from(event);
      if (!node || node.contains(event.relatedTarget)) return;
      var focused = document.activeElement && document.activeElement.closest ? document.activeElement.closest("a.node") : null;
      if (focused && svg.contains(focused)) light(focused); else clear();
    });
    host.addEventListener("focusin", function (event) { var node = from(event); if (node) light(node); });
    host.addEventListener("focusout", function (event) { if (from(event) && !svg.contains(event.relatedTarget)) clear(); });
  }

  // Pan and zoom of `svg` inside `stage` by changing its viewBox: the drawing stays sharp at every scale, and the
  // initial viewBox, fitted to the stage, is "home". Returns the functions the dialog's buttons and keys call.
  function panZoom(svg, stage) {
    var start = svg.viewBox.baseVal;
    var home = { x: start.x, y: start.y, w: start.width, h: start.height };
    var view = { x: home.x, y: home.y, w: home.w, h: home.h };
    function apply() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (n) { return n.toFixed(2); }).join(" ")); }
    // Screen pixels per viewBox unit now.
    function scale() { var matrix = svg.getScreenCTM(); return matrix ? matrix.a : 1; }
    function toMap(clientX, clientY) {
      var point = svg.createSVGPoint();
      point.x = clientX;
      point.y = clientY;
      return point.matrixTransform(svg.getScreenCTM().inverse());
    }
    function centre() { var box = stage.getBoundingClientRect(); return { x: box.left + box.width / 2, y: box.top + box.height / 2 }; }
    // Zooms by `factor` (above 1 is closer) about a point on screen, between a twelfth of the map and twice its size.
    function zoom(factor, clientX, clientY) {
      var width = Math.min(home.w * 2, Math.max(home.w / 12, view.w / factor));
      var ratio = view.w / width;
      if (ratio === 1) return;
      var point = toMap(clientX, clientY);
      view.x = point.x - (point.x - view.x) / ratio;
      view.y = point.y - (point.y - view.y) / ratio;
      view.w = width;
      view.h = view.h / ratio;
      apply();
    }
    function pan(dx, dy) {
      var s = scale();
      view.x -= dx / s;
      view.y -= dy / s;
      apply();
    }
    function fit() { view = { x: home.x, y: home.y, w: home.w, h: home.h }; apply(); }

    stage.addEventListener("wheel", function (event) {
      event.preventDefault();
      var lines = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? stage.clientHeight : 1;
      zoom(Math.exp(-event.deltaY * lines * 0.002), event.clientX, event.clientY);
    }, { passive: false });

    // Pointers down on the stage: one drags the map, two pinch it. A drag is a drag, not a click on the node it
    // started on, once it has moved a few pixels.
    var pointers = new Map();
    var dragged = false;
    stage.addEventListener("pointerdown", function (event) {
      if (event.pointerType === "mouse" && event.button !== 0) return;
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pointers.size === 1) dragged = false;
    });
    stage.addEventListener("pointermove", function (event) {
      var last = pointers.get(event.pointerId);
      if (!last) return;
      if (pointers.size === 1) {
        var dx = event.clientX - last.x, dy = event.clientY - last.y;
        if (!dragged && Math.hypot(dx, dy) < 4) return;
        if (!dragged) { dragged = true; stage.classList.add("dragging"); stage.setPointerCapture(event.pointerId); }
        pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
        pan(dx, dy);
        return;
      }
      var others = [];
      pointers.forEach(function (point, id) { if (id !== event.pointerId) others.push(point); });
      var other = others[0];
      var before = Math.hypot(last.x - other.x, last.y - other.y);
      var after = Math.hypot(event.clientX - other.x, event.clientY - other.y);
      dragged = true;
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      pan((event.clientX - last.x) / 2, (event.clientY - last.y) / 2);
      if (before > 0) zoom(after / before, (event.clientX + other.x) / 2, (event.clientY + other.y) / 2);
    });
    function release(event) {
      pointers.delete(event.pointerId);
      if (pointers.size === 0) stage.classList.remove("dragging");
    }
    stage.addEventListener("pointerup", release);
    stage.addEventListener("pointercancel", release);
    stage.addEventListener("click", function (event) {
      if (dragged) { event.preventDefault(); event.stopPropagation(); dragged = false; }
    }, true);

    return {
      zoomIn: function () { var c = centre(); zoom(1.4, c.x, c.y); },
      zoomOut: function () { var c = centre(); zoom(1 / 1.4, c.x, c.y); },
      fit: fit,
      pan: pan
    };
  }

  function button(text, label) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "map-enlarge";
    element.textContent = text;
    if (label) element.setAttribute("aria-label", label);
    return element;
  }

  // The dialog of `map`, opened by `opener`: its heading, zoom buttons, a close button and a copy of the map that
  // fills the rest of the screen.
  function makeDialog(map, opener, index) {
    var dialog = document.createElement("dialog");
    dialog.className = "map-dialog";
    var headingID = "kaart-vergroot-" + index;
    dialog.setAttribute("aria-labelledby", headingID);
    var bar = document.createElement("div");
    bar.className = "map-dialog-bar";
    var heading = document.createElement("h2");
    heading.id = headingID;
    heading.textContent = map.getAttribute("aria-label") || "Kaart";
    var tools = document.createElement("div");
    tools.className = "map-zoom";
    var zoomIn = button("+", "Inzoomen"), zoomOut = button("−", "Uitzoomen"), fit = button("Passend");
    fit.setAttribute("aria-label", "Hele kaart tonen");
    var close = button("Sluiten");
    close.classList.add("map-close");
    [zoomOut, zoomIn, fit, close].forEach(function (element) { tools.appendChild(element); });
    bar.appendChild(heading);
    bar.appendChild(tools);
    var stage = document.createElement("div");
    stage.className = "map-stage";
    var copy = map.cloneNode(true);
    copy.classList.remove("lighting");
    copy.querySelectorAll(".lit").forEach(function (element) { element.classList.remove("lit"); });
    stage.appendChild(copy);
    var hint = document.createElement("p");
    hint.className = "map-hint";
    hint.textContent = "Sleep om te verschuiven; zoom met het wieltje, met twee vingers of met + en −.";
    dialog.appendChild(bar);
    dialog.appendChild(stage);
    dialog.appendChild(hint);
    document.body.appendChild(dialog);
    lightNeighbours(copy, stage);
    var view = panZoom(copy, stage);
    zoomIn.addEventListener("click", view.zoomIn);
    zoomOut.addEventListener("click", view.zoomOut);
    fit.addEventListener("click", view.fit);
    close.addEventListener("click", function () { dialog.close(); });
    // Keys anywhere in the dialog: + and - zoom, 0 fits, arrows pan (not while a node link has focus, whose
    // arrows the browser may use).
    dialog.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var step = 40, moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (event.key === "+" || event.key === "=") view.zoomIn();
      else if (event.key === "-" || event.key === "_") view.zoomOut();
      else if (event.key === "0") view.fit();
      else if (moves[event.key]) view.pan(moves[event.key][0], moves[event.key][1]);
      else return;
      event.preventDefault();
    });
    // A click on the backdrop (the dialog itself, outside its content) closes it too.
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () { opener.focus(); });
    return dialog;
  }

  document.querySelectorAll("figure.map-figure").forEach(function (figure, index) {
    var map = figure.querySelector("svg.concept-map");
    if (!map) return;
    lightNeighbours(map, figure);
    if (typeof HTMLDialogElement !== "function") return;
    var opener = button("Vergroot de kaart");
    opener.setAttribute("aria-haspopup", "dialog");
    figure.insertBefore(opener, figure.firstChild);
    var dialog = null;
    opener.addEventListener("click", function () {
      dialog = dialog || makeDialog(map, opener, index);
      dialog.showModal();
      dialog.querySelector(".map-close").focus();
    });
  });
})();
