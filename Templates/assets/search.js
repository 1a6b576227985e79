/* Kennisbank: instant search from the header of every page, and the full results of zoeken/.
   Without this script the header box is a plain form that opens zoeken/?q=…

   The index (written by SearchIndex.swift) is by word: search/words/<ab>.js maps every word form that
   starts with <ab> to its stem (and each stem to its file and count), and search/terms/<key>.js holds the
   stems that start with <key>, each with the word forms that stem to it, its best hits and their true number.
   A query loads only the files of its words, as scripts (a script loads from a folder opened as file:// too,
   where fetch is refused). The browser never stems: it looks the folded form up among the forms the index lists. */
(function () {
  "use strict";

  var form = document.querySelector("form.site-search");
  var input = document.getElementById("site-search-input");
  if (!form || !input) return;
  var root = form.getAttribute("data-root") || "";
  var portable = document.documentElement.hasAttribute("data-portable");
  var PANEL_HITS = 8;

  function pageFile(url) {
    if (!portable) return url;
    return url === "" || url.slice(-1) === "/" ? url + "index.html" : url;
  }

  // Shared with route.js (loaded after this script), whose links to pages start at the root and name index.html in a
  // portable site too.
  window.KENNISBANK_ROOT = root;
  window.KENNISBANK_PAGE_FILE = pageFile;
  window.KENNISBANK_LOAD_SCRIPT = loadScript;

  /* ---------- Words, folded as SearchText.swift folds them ---------- */
  var WORD = "[\\p{L}\\p{N}\\u0300-\\u036f'\\u2019]+";
  var COMPOUND = new RegExp(WORD + "(?:[-\\u2010\\u2011]" + WORD + ")*", "gu");
  var PART = new RegExp(WORD, "gu");

  function fold(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");
  }

  /* The query's words in order, compounds split into their parts (they are joined again where the index knows the join). */
  function queryWords(query) {
    var words = [];
    (query.match(PART) || []).forEach(function (part) {
      var form = fold(part);
      if (form.length > 1) words.push(form);
    });
    return words;
  }

  /* ---------- Loading the index by need ---------- */
  var wordFiles = {}, buckets = {};

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(script);
    });
  }

  /* The file of the word forms that start with a word's first two letters: {forms: {form: stem}, stems: {stem: [key, count]}}. */
  function words(form) {
    var letters = form.slice(0, 2);
    if (!wordFiles[letters]) {
      wordFiles[letters] = loadScript(root + "search/words/" + letters + ".js").then(function () {
        return window.KENNISBANK_SEARCH_WORDS[letters];
      }, function () {
        return { forms: {}, stems: {} };  // no word of the site starts with these letters
      });
    }
    return wordFiles[letters];
  }

  /* The file of stems under a key: {pages: [[title, url, kind]], stems: {stem: {f: forms, h: hits, n: count}}}. */
  function bucket(key) {
    if (!buckets[key]) {
      buckets[key] = loadScript(root + "search/terms/" + key + ".js").then(function () {
        var data = window.KENNISBANK_SEARCH && window.KENNISBANK_SEARCH[key];
        if (!data) throw new Error("search/terms/" + key + ".js holds no key " + key);
        return data;
      });
    }
    return buckets[key];
  }

  /* A stem with its entry and the file that holds it. */
  function stemEntry(stem, key) {
    return bucket(key).then(function (data) {
      return data.stems[stem] ? { stem: stem, entry: data.stems[stem], data: data } : null;
    });
  }

  /* The stem of an exact word form, or null when the site has no such word. */
  function exact(form) {
    return words(form).then(function (file) {
      var stem = file.forms[form];
      return stem ? stemEntry(stem, file.stems[stem][0]) : null;
    });
  }

  /* The stems of the words that start with a prefix being typed: the three most frequent, so that typing ahead
     loads at most three files of stems. */
  function prefixed(prefix) {
    return words(prefix).then(function (file) {
      var stems = {};
      Object.keys(file.forms).forEach(function (form) {
        if (form.slice(0, prefix.length) === prefix) stems[file.forms[form]] = true;
      });
      var best = Object.keys(stems).sort(function (a, b) { return file.stems[b][1] - file.stems[a][1] || (a < b ? -1 : 1); }).slice(0, 3);
      return Promise.all(best.map(function (stem) { return stemEntry(stem, file.stems[stem][0]); }));
    }).then(function (found) { return found.filter(Boolean); });
  }

  /* ---------- A query ---------- */
  /* The query's terms, each the stems it stands for. Two words the index knows joined ("niet weten", "niet-weten")
     are one term; the last word, while still typed, also stands for the words it starts. */
  async function terms(query) {
    var words = queryWords(query);
    var typing = !/[\s\-\u2010\u2011]$/.test(query);
    var result = [];
    for (var i = 0; i < words.length; i++) {
      if (i + 1 < words.length) {
        var joined = await exact(words[i] + words[i + 1]);
        if (joined) { result.push({ word: words[i] + words[i + 1], stems: [joined], exact: true }); i++; continue; }
      }
      var found = await exact(words[i]);
      if (found) { result.push({ word: words[i], stems: [found], exact: true }); continue; }
      var stems = typing && i === words.length - 1 ? await prefixed(words[i]) : [];
      result.push({ word: words[i], stems: stems, exact: false });
    }
    return result;
  }

  /* Ranked results: sections of pages that hold every term (one result per page and section), the true count
     where the index gives it (one word), and the word forms to highlight. */
  async function search(query) {
    var list = await terms(query);
    if (!list.length) return null;
    var forms = {}, merged = null;
    list.forEach(function (term) {
      var units = {};
      term.stems.forEach(function (found) {
        found.entry.f.forEach(function (form) { if (term.exact || form.slice(0, term.word.length) === term.word) forms[form] = true; });
        found.entry.h.forEach(function (hit, rank) {
          var page = found.data.pages[hit[0]];
          var key = page[1] + "\u0000" + hit[2];
          var unit = { title: page[0], url: page[1], kind: page[2], anchor: hit[1], heading: hit[2], excerpt: hit[3], score: hit[4], rank: rank };
          if (!units[key] || units[key].score < unit.score) units[key] = unit;
        });
      });
      if (merged === null) { merged = units; return; }
      var next = {};
      Object.keys(merged).forEach(function (key) {
        if (!units[key]) return;
        var best = units[key].score > merged[key].score ? units[key] : merged[key];
        next[key] = Object.assign({}, best, { score: merged[key].score + units[key].score, rank: merged[key].rank });
      });
      merged = next;
    });
    var results = Object.keys(merged).map(function (key) { return merged[key]; });
    results.sort(function (a, b) { return b.score - a.score || a.rank - b.rank; });
    // One exact word: its true count. Otherwise the sections found, which may be fewer than there are when a
    // word carries only its best sections.
    var one = list.length === 1 && list[0].exact ? list[0].stems[0].entry : null;
    var capped = list.some(function (term) { return term.stems.some(function (found) { return found.entry.n > found.entry.h.length; }); });
    return { results: results, count: one ? one.n : results.length, atLeast: !one && capped, forms: forms };
  }

  /* For tests and tools: the stem the index gives a folded word form (null for a word the site does not have). */
  window.KennisbankSearch = {
    stemOf: function (form) { return exact(form).then(function (found) { return found && found.stem; }); }
  };

  /* ---------- Showing results ---------- */
  /* The text with every whole word (or hyphenated compound) whose folded form is one of `forms` in <mark>. */
  function highlight(element, text, forms) {
    var position = 0;
    function mark(start, end) {
      element.appendChild(document.createTextNode(text.slice(position, start)));
      var m = document.createElement("mark");
      m.textContent = text.slice(start, end);
      element.appendChild(m);
      position = end;
    }
    text.replace(COMPOUND, function (compound, offset) {
      if (forms[fold(compound)]) { mark(offset, offset + compound.length); return compound; }
      compound.replace(PART, function (part, inner) {
        if (forms[fold(part)]) mark(offset + inner, offset + inner + part.length);
        return part;
      });
      return compound;
    });
    element.appendChild(document.createTextNode(text.slice(position)));
  }

  function href(result) {
    return root + pageFile(result.url) + (result.anchor ? "#" + result.anchor : "");
  }

  function countText(found) {
    return found.count + (found.atLeast ? " of meer" : "") + (found.count === 1 && !found.atLeast ? " resultaat" : " resultaten");
  }

  /* A result's parts: kind, page › section, excerpt. */
  function fill(element, result, forms, titleTag, titleHref) {
    var kind = document.createElement("span");
    kind.className = "search-kind";
    kind.textContent = result.kind;
    var title = document.createElement(titleTag);
    title.className = "search-title";
    if (titleHref) title.href = titleHref;
    highlight(title, result.title + (result.heading ? " › " + result.heading : ""), forms);
    var excerpt = document.createElement(titleTag === "a" ? "p" : "span");
    excerpt.className = "search-excerpt";
    highlight(excerpt, result.excerpt, forms);
    element.appendChild(kind);
    element.appendChild(title);
    element.appendChild(excerpt);
  }

  /* ---------- The header box: a combobox with a listbox of results ---------- */
  var panel = document.createElement("div");
  panel.className = "search-panel";
  panel.id = "site-search-panel";
  panel.hidden = true;
  var summary = document.createElement("p");
  summary.className = "search-summary";
  var listbox = document.createElement("ul");
  listbox.id = "site-search-list";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", "Zoekresultaten");
  panel.appendChild(summary);
  panel.appendChild(listbox);
  form.appendChild(panel);
  var live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("role", "status");
  form.appendChild(live);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);
  input.setAttribute("aria-keyshortcuts", "/ Control+K");

  var active = -1, generation = 0, timer = null;

  function options() { return listbox.querySelectorAll("[role=option]"); }

  function setActive(index) {
    var all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    Array.prototype.forEach.call(all, function (option, n) { option.setAttribute("aria-selected", n === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", all[active].id);
    all[active].scrollIntoView({ block: "nearest" });
  }

  function open(isOpen) {
    if (isOpen) panel.style.top = window.getComputedStyle(panel).position === "fixed" ? Math.round(form.getBoundingClientRect().bottom + 6) + "px" : "";
    panel.hidden = !isOpen;
    input.setAttribute("aria-expanded", isOpen ? "true" : "false");
    if (!isOpen) { active = -1; input.removeAttribute("aria-activedescendant"); }
  }

  function option(id, target, build) {
    var li = document.createElement("li");
    li.id = id;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    li.setAttribute("data-href", target);
    build(li);
    listbox.appendChild(li);
  }

  function allResultsURL(query) {
    return root + pageFile("zoeken/") + "?q=" + encodeURIComponent(query);
  }

  function show(query, found) {
    listbox.innerHTML = "";
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (!found || !found.results.length) {
      summary.textContent = "Niets gevonden voor “" + query + "”.";
      live.textContent = summary.textContent;
      open(true);
      return;
    }
    summary.textContent = countText(found) + " voor “" + query + "”";
    live.textContent = summary.textContent + ".";
    found.results.slice(0, PANEL_HITS).forEach(function (result, n) {
      option("site-search-option-" + n, href(result), function (li) { fill(li, result, found.forms, "span", null); });
    });
    option("site-search-option-all", allResultsURL(query), function (li) {
      li.className = "search-all";
      li.textContent = "Alle resultaten op de zoekpagina →";
    });
    open(true);
  }

  function update() {
    var query = input.value;
    var mine = ++generation;
    if (!query.trim()) { open(false); live.textContent = ""; return; }
    search(query).then(function (found) {
      if (mine === generation) show(query, found);
    }, function () {
      if (mine !== generation) return;
      listbox.innerHTML = "";
      summary.textContent = "De zoekindex kon niet worden geladen.";
      open(true);
    });
  }

  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 60); });
  input.addEventListener("focus", function () { if (input.value.trim() && listbox.firstChild) open(true); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (panel.hidden) { update(); return; }
      event.preventDefault();
      setActive(active < 0 ? (event.key === "ArrowDown" ? 0 : -1) : active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && !panel.hidden && active >= 0) {
      event.preventDefault();
      window.location.href = options()[active].getAttribute("data-href");
    } else if (event.key === "Escape") {
      if (!panel.hidden) { open(false); } else { input.value = ""; }
      event.preventDefault();
    }
  });
  listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
  listbox.addEventListener("click", function (event) {
    var li = event.target.closest("[role=option]");
    if (li) window.location.href = li.getAttribute("data-href");
  });
  form.addEventListener("focusout", function (event) {
    if (!event.relatedTarget || !form.contains(event.relatedTarget)) open(false);
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target, editing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if ((event.key === "/" && !editing && !event.ctrlKey && !event.metaKey && !event.altKey) ||
        (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });

  /* ---------- The search page: every result the index carries for the query ---------- */
  var results = document.getElementById("search-results");
  if (!results) return;
  var pageForm = document.getElementById("search-form");
  var pageInput = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var pageGeneration = 0;
  pageInput.value = new URLSearchParams(window.location.search).get("q") || "";

  function run() {
    var query = pageInput.value, mine = ++pageGeneration;
    if (!query.trim()) { results.innerHTML = ""; status.textContent = "Typ een woord of begrip om te zoeken."; return; }
    status.textContent = "Zoeken…";
    search(query).then(function (found) {
      if (mine !== pageGeneration) return;
      results.innerHTML = "";
      if (!found || !found.results.length) { status.textContent = "Niets gevonden voor “" + query + "”."; return; }
      var shown = found.results.length;
      status.textContent = countText(found) + " voor “" + query + "”." +
        (shown < found.count ? " Hier de " + shown + " best passende; een woord meer maakt de zoekvraag preciezer." : "");
      found.results.forEach(function (result) {
        var li = document.createElement("li");
        fill(li, result, found.forms, "a", href(result));
        results.appendChild(li);
      });
    }, function () {
      if (mine === pageGeneration) status.textContent = "De zoekindex kon niet worden geladen.";
    });
  }

  pageForm.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(pageInput.value));
    run();
  });
  pageInput.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 60); });
  run();
})();
