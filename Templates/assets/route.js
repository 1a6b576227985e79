/* Kennisbank: walking a learning route. The links of a route's page carry the route and the step in their query
   (?leerroute=<slug>&stap=2); on the page they lead to, this script loads leerroutes/routes.js (as a script, so it
   loads from a folder opened as file:// too, where fetch is refused) and shows where the reader is, "Stap 2 van 3 —
   <route>", the step's task ("Opdracht: …") and the previous and next step. A page in several routes shows the route
   its link named; a learner who comes from a learning platform's link has the same query. Without the
   query, or without JavaScript, nothing is shown: the route's page is the way through. */
(function () {
  "use strict";

  var params = new URLSearchParams(window.location.search);
  var slug = params.get("leerroute");
  var number = parseInt(params.get("stap"), 10);
  var load = window.KENNISBANK_LOAD_SCRIPT;
  var main = document.getElementById("inhoud");
  if (!slug || !(number >= 1) || !load || !main) return;
  // search.js sets these three together, before this script runs.
  var root = window.KENNISBANK_ROOT;
  var pageFile = window.KENNISBANK_PAGE_FILE;

  function link(href, text, rel) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (rel) a.rel = rel;
    return a;
  }

  function stepURL(step, n) {
    return root + pageFile(step.path) + "?leerroute=" + encodeURIComponent(slug) + "&stap=" + n + (step.anchor ? "#" + step.anchor : "");
  }

  function show(route) {
    var count = route.steps.length;
    var routePage = root + pageFile(route.path);
    var bar = document.createElement("nav");
    bar.className = "route-bar";
    bar.setAttribute("aria-label", "Leerroute");
    var where = document.createElement("p");
    where.className = "route-bar-where";
    where.appendChild(document.createTextNode("Stap " + number + " van " + count + " — "));
    where.appendChild(link(routePage + "#stap-" + number, route.title));
    var links = document.createElement("p");
    links.className = "route-bar-links";
    if (number > 1) links.appendChild(link(stepURL(route.steps[number - 2], number - 1), "← Vorige: " + route.steps[number - 2].title, "prev"));
    if (number < count) {
      links.appendChild(link(stepURL(route.steps[number], number + 1), "Volgende: " + route.steps[number].title + " →", "next"));
    } else {
      links.appendChild(link(routePage, "Terug naar de route"));
    }
    bar.appendChild(where);
    var step = route.steps[number - 1];
    if (step.task || step.duration) {
      var task = document.createElement("p");
      task.className = "route-bar-task";
      var label = document.createElement("strong");
      label.textContent = "Opdracht: ";
      task.appendChild(label);
      task.appendChild(document.createTextNode(step.task || ""));
      if (step.duration) {
        var duration = document.createElement("span");
        duration.className = "duration";
        duration.textContent = "(" + step.duration + ")";
        task.appendChild(document.createTextNode(step.task ? " " : ""));
        task.appendChild(duration);
      }
      bar.appendChild(task);
    }
    bar.appendChild(links);
    main.appendChild(bar);
  }

  load(root + "leerroutes/routes.js").then(function () {
    var route = (window.KENNISBANK_ROUTES || {})[slug];
    if (route && number <= route.steps.length) show(route);
  }, function () {});
})();
