/* Kennisbank: instant search from the header of every page, and the full results of zoeken/.
   Without this script the header box is a plain form that opens zoeken/?q=…

   The index (written by SearchIndex.swift) is by word: search/words/<ab>.js maps every word form that
   starts with <ab> to its stem (and each stem to its file and count), and search/terms/<key>.js holds the
   stems that start with <key>, each with the word forms that stem to it, its hits (all of them, or its best for a
   word in very many sections) and their true number. A query loads only the files of its words, as scripts (a
   script loads from a folder opened as file:// too, where fetch is refused). The browser never stems: it looks the
   folded form up among the forms the index lists. A file of words also names the Dutch stop words that start with
   its letters (left out of a query that holds other words), and its forms are the vocabulary a misspelt word is
   matched against ("Bedoelde je …"). A word in more sections than its file carries has every one of them in
   search/more/<stem>.js (by page and section number, SearchMore.swift), and search/sections/<n>.js names the pages
   and sections those numbers stand for; both load only when the reader asks for more results, or when a query
   needs them for its true count. */
(function () {
  "use strict";

  var form = document.querySelector("form.site-search");
  var input = document.getElementById("site-search-input");
  if (!form || !input) return;
  var root = form.getAttribute("data-root") || "";
  var portable = document.documentElement.hasAttribute("data-portable");
  var PANEL_HITS = 8, PAGE_HITS = 20;

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

  /* The script `file` of the index, loaded once (kept in `cache` under `key`), and what `read` takes from it, or
     what `failed` gives when it cannot be loaded. */
  function once(cache, key, file, read, failed) {
    if (!cache[key]) cache[key] = loadScript(root + "search/" + file + ".js").then(read, failed);
    return cache[key];
  }

  /* The file of the word forms that start with a word's first two letters:
     {forms: {form: stem}, stems: {stem: [key, count]}, stop: [stop words]}. */
  function words(form) {
    var letters = form.slice(0, 2);
    return once(wordFiles, letters, "words/" + letters, function () {
      return window.KENNISBANK_SEARCH_WORDS[letters];
    }, function () {
      return { forms: {}, stems: {}, stop: [] };  // no word of the site starts with these letters
    });
  }

  /* The file of stems under a key: {pages: [[title, url, kind, number]], stems: {stem: {f: forms, h: hits, n: count}}},
     a hit [page, anchor, heading, excerpt, score, section]. */
  function bucket(key) {
    return once(buckets, key, "terms/" + key, function () {
      var data = window.KENNISBANK_SEARCH && window.KENNISBANK_SEARCH[key];
      if (!data) throw new Error("search/terms/" + key + ".js holds no key " + key);
      return data;
    });
  }

  /* A stem with its entry and the file that holds it. */
  function stemEntry(stem, key) {
    return bucket(key).then(function (data) {
      return data.stems[stem] ? { stem: stem, entry: data.stems[stem], data: data } : null;
    });
  }

  /* Whether a stem's file carries only its best sections (it is in more than its file carries). */
  function capped(found) { return found.entry.n > found.entry.h.length; }

  /* Sections written as SectionSet.swift writes them (per page, the page's number less the last one's, then a mask of
     its sections; five bits a character, with 32 added to each but a number's last), ascending, each as its page's
     number × 65536 + its section's number. */
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  function sectionNumbers(text) {
    var list = [], index = 0, page = -1;
    function next() { return DIGITS.indexOf(text.charAt(index++)); }
    while (index < text.length) {
      var delta = 0, shift = 0, value;
      do { value = next(); delta += (value & 31) * Math.pow(2, shift); shift += 5; } while (value >= 32);
      page += delta;
      var group = 0;
      do {
        value = next();
        for (var bit = 0; bit < 5; bit++) if (value & (1 << bit)) list.push(page * 65536 + group * 5 + bit);
        group++;
      } while (value >= 32);
    }
    return list;
  }

  /* Every section of a capped stem and those of them its file of stems carries (search/more/<stem>.js), with the
     number of pages a file of sections holds. */
  var moreFiles = {}, sectionFiles = {};
  function allSections(found) {
    return once(moreFiles, found.stem, "more/" + found.stem, function () {
      var more = window.KENNISBANK_SEARCH_MORE[found.stem];
      return { sections: sectionNumbers(more.sections), carried: sectionNumbers(more.carried), per: more.per };
    });
  }

  /* The pages of a file of sections: [title, url, kind, [heading, anchor, …]]. */
  function sectionFile(number) {
    return once(sectionFiles, number, "sections/" + number, function () {
      return window.KENNISBANK_SEARCH_SECTIONS[String(number)];
    });
  }

  /* The result a hit of a file of stems (`data`) shows: its page's title, URL and kind, its section's anchor and
     heading, and its excerpt. */
  function hitResult(data, hit) {
    var page = data.pages[hit[0]];
    return { title: page[0], url: page[1], kind: page[2], anchor: hit[1], heading: hit[2], excerpt: hit[3] };
  }

  /* Sorted lists of numbers, joined or met. */
  function union(lists) {
    var all = [].concat.apply([], lists).sort(function (a, b) { return a - b; });
    return all.filter(function (value, n) { return n === 0 || all[n - 1] !== value; });
  }
  function intersection(a, b) {
    var result = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { result.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return result;
  }
  function difference(a, b) {
    var result = [], j = 0;
    a.forEach(function (value) {
      while (j < b.length && b[j] < value) j++;
      if (j === b.length || b[j] !== value) result.push(value);
    });
    return result;
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
  /* The stems that differ from `stem` only by the d or t of a past tense or participle ("vertrouw", "vertrouwd"),
     among those of a file of words: the stemmer keeps them apart, a reader does not. Only for stems of five letters
     or more, where such a pair is rarely two different words ("plan", "plant"). */
  function related(stem, file) {
    var names = [];
    if (stem.length >= 5) names.push(stem + "d", stem + "t");
    if (stem.length >= 6 && /[dt]$/.test(stem)) names.push(stem.slice(0, -1));
    return Promise.all(names.filter(function (name) { return file.stems[name]; }).map(function (name) {
      return stemEntry(name, file.stems[name][0]);
    })).then(function (found) { return found.filter(Boolean); });
  }

  /* The number of edits (a letter added, dropped, changed, or two swapped) that turn a into b, or more than `most`. */
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var before = null, row = [], last = [];
    for (var j = 0; j <= b.length; j++) row[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var next = [i], least = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        next[j] = d;
        if (d < least) least = d;
      }
      if (least > most) return most + 1;
      before = row; row = next;
    }
    return row[b.length];
  }

  /* The word of the site a misspelt word most likely means: among the forms of its file of words (those that share
     its first two letters), the nearest, at most one edit away (two for a word of eight letters or more); of equals
     the word in most sections. Null for a word under four letters or with nothing near. */
  function nearest(word) {
    if (word.length < 4) return Promise.resolve(null);
    var most = word.length >= 8 ? 2 : 1;
    return words(word).then(function (file) {
      var best = null, bestDistance = most + 1, bestCount = -1;
      Object.keys(file.forms).forEach(function (form) {
        var d = distance(word, form, most), count = file.stems[file.forms[form]][1];
        if (d < bestDistance || (d === bestDistance && (count > bestCount || (count === bestCount && form < best)))) {
          best = form; bestDistance = d; bestCount = count;
        }
      });
      return bestDistance <= most ? best : null;
    });
  }

  /* Whether a folded word is a Dutch stop word (its file of words names it). */
  function isStop(form) {
    return words(form).then(function (file) { return (file.stop || []).indexOf(form) >= 0; });
  }

  /* The query's terms, each the stems it stands for. Two words the index knows joined ("niet weten", "niet-weten")
     are one term; the last word, while still typed, also stands for the words it starts; an exact word also for its
     related stems. Stop words are left out when the query holds another word ({terms, ignored}). */
  async function terms(query) {
    var parts = queryWords(query);
    var typing = !/[\s\-\u2010\u2011]$/.test(query);
    // Which words are stop words is in the files of words alone: a query that holds another word does not load a
    // stop word's file of stems.
    var stops = await Promise.all(parts.map(isStop));
    var leftOut = stops.indexOf(false) >= 0;
    var result = [];
    for (var i = 0; i < parts.length; i++) {
      if (i + 1 < parts.length) {
        var joined = await exact(parts[i] + parts[i + 1]);
        if (joined) { result.push({ word: parts[i] + parts[i + 1], stems: [joined], exact: true, stop: false }); i++; continue; }
      }
      var stop = stops[i];
      if (stop && leftOut) { result.push({ word: parts[i], stems: [], exact: true, stop: true }); continue; }
      var found = await exact(parts[i]);
      if (found) {
        var more = stop ? [] : await related(found.stem, await words(parts[i]));
        result.push({ word: parts[i], stems: [found].concat(more), exact: true, stop: stop, related: more.length > 0 });
        continue;
      }
      var stems = typing && i === parts.length - 1 ? await prefixed(parts[i]) : [];
      result.push({ word: parts[i], stems: stems, exact: false, stop: stop });
    }
    var significant = result.filter(function (term) { return !term.stop; });
    if (!significant.length) return { terms: result, ignored: [] };
    return { terms: significant, ignored: result.filter(function (term) { return term.stop; }).map(function (term) { return term.word; }) };
  }

  /* The folded whole words (and compounds) of a text. */
  function foldedWords(text) {
    var all = {};
    (text.match(COMPOUND) || []).forEach(function (compound) {
      all[fold(compound)] = true;
      (compound.match(PART) || []).forEach(function (part) { all[fold(part)] = true; });
    });
    return all;
  }

  /* How well a result matches a term's exact word: 5 a concept named by it, 4 a concept whose name holds it (or
     one of its other names), 3 a title, 2 a section heading, 1 an excerpt that holds it, 0 only another form of its
     stem. Exact forms and concept names rank above the other forms of a stem ("vertrouwen" before
     "vertrouwelijkheid"). */
  function tier(unit, term, phrase) {
    var word = term.word;
    var title = foldedWords(unit.title);
    if (unit.kind === "begrip" && fold(unit.title) === phrase) return 5;
    if (unit.kind === "begrip" && title[word]) return 4;
    if (unit.kind === "begrip" && unit.named && !term.stems.some(function (found) {
      return found.entry.f.some(function (form) { return title[form]; });
    })) return 4;  // an other name ("betekenisgeving" of Betekenis): the title block holds the stem, the title does not
    if (title[word]) return 3;
    if (unit.heading && foldedWords(unit.heading)[word]) return 2;
    return foldedWords(unit.excerpt)[word] ? 1 : 0;
  }

  /* Ranked results: sections of pages that hold every term (one result per page and section), the true count
     where the index gives it, the word forms to highlight, the stop words left out, and for a query that finds
     nothing, a query the site's own words suggest ("Bedoelde je …"). `counted` asks for the true count of a word
     still being typed too (the search page), which may load the search/more/ files of its stems; the header box,
     which searches at every keystroke, shows such a count as "of meer". */
  async function search(query, counted) {
    var parsed = await terms(query), list = parsed.terms;
    if (!list.length) return null;
    var phrase = list.map(function (term) { return term.word; }).join("");
    var forms = {}, merged = null;
    list.forEach(function (term) {
      var units = {};
      term.stems.forEach(function (found, which) {
        found.entry.f.forEach(function (form) { if (term.exact || form.slice(0, term.word.length) === term.word) forms[form] = true; });
        found.entry.h.forEach(function (hit, rank) {
          var unit = hitResult(found.data, hit), key = unit.url + "\u0000" + unit.heading;
          // A related stem's hits ("vertrouwde" for "vertrouwen") count half.
          unit.score = term.related && which > 0 ? hit[4] / 2 : hit[4];
          unit.rank = rank;
          // A concept's first section scoring a title's weight (SearchPage.Role.title, 30) or more holds the stem in
          // its title block: its title or one of its other names.
          unit.named = unit.kind === "begrip" && !hit[2] && hit[4] >= 30;
          if (!units[key] || units[key].score < unit.score) units[key] = unit;
        });
      });
      Object.keys(units).forEach(function (key) { units[key].tier = tier(units[key], term, phrase); });
      if (merged === null) { merged = units; return; }
      var next = {};
      Object.keys(merged).forEach(function (key) {
        if (!units[key]) return;
        var best = units[key].score > merged[key].score ? units[key] : merged[key];
        next[key] = Object.assign({}, best, { score: merged[key].score + units[key].score, rank: merged[key].rank,
                                              tier: merged[key].tier + units[key].tier });
      });
      merged = next;
    });
    var results = Object.keys(merged).map(function (key) { return merged[key]; });
    results.sort(function (a, b) { return b.tier - a.tier || b.score - a.score || a.rank - b.rank; });
    // One exact word of one stem: its true count. Otherwise the sections found, which is the true number too unless
    // some stem carries only its best sections. Then the sections beyond those carried (the tail, loaded as the reader
    // asks for more) are every section of the query, since every stem's sections are whole (a capped stem's in its own
    // file, another's in its hits): the count is their intersection's size, loaded at once for whole words, and for a
    // word still being typed (which stands for its three most frequent words) only when `counted`.
    var one = list.length === 1 && list[0].exact && list[0].stems.length === 1 ? list[0].stems[0].entry : null;
    var count = one ? one.n : results.length, atLeast = false, tail = null;
    if (list.some(function (term) { return term.stems.some(capped); })) {
      var typed = counted || list.every(function (term) { return term.exact; });
      if (list.every(function (term) { return term.stems.length > 0; })) tail = { terms: list, next: 0 };
      if (tail && !one && typed) count = (await loadTail(tail)).sections.length;
      atLeast = !(tail && typed);
    }
    var found = { results: results, count: count, atLeast: atLeast, tail: tail, forms: forms, ignored: parsed.ignored,
                  suggestion: null };
    // Sections that hold every word but that no word's file of stems carries for all of them fill the panel's first
    // results when the tail is loaded for the count already, or when the files carried none.
    if (tail && (tail.loading || !results.length)) await extend(found, PANEL_HITS);
    if (!found.results.length) found.suggestion = await suggest(query, list);
    return found;
  }

  /* A section's number as the files of sections count it: its page's number in the index's order × 65536 + its
     section's number (a hit names both: SearchIndex.swift). */
  function hitNumber(found, hit) { return found.data.pages[hit[0]][3] * 65536 + hit[5]; }

  /* A stem's sections and those of them its file of stems carries: every one of them from its own file for a capped
     stem, else those its hits name, each of which also goes into `units` as the result it shows, excerpt and all. */
  function stemSections(found, units) {
    if (capped(found)) return allSections(found);
    var numbers = found.entry.h.map(function (hit) {
      var number = hitNumber(found, hit);
      if (!units[number]) units[number] = hitResult(found.data, hit);
      return number;
    }).sort(function (a, b) { return a - b; });
    return Promise.resolve({ sections: numbers, carried: numbers });
  }

  /* A tail's sections: the intersection over its terms of the union of each term's stems' sections (whole for every
     stem: a capped stem's from its own file, another's from its hits); and those of them not already among the
     results, which the tail shows: the results carried are the sections that every term's files of stems carry. */
  function loadTail(tail) {
    if (!tail.loading) {
      tail.units = {};
      tail.loading = Promise.all(tail.terms.map(function (term) {
        return Promise.all(term.stems.map(function (found) { return stemSections(found, tail.units); })).then(function (sets) {
          sets.forEach(function (set) { if (set.per) tail.per = set.per; });
          return { all: union(sets.map(function (set) { return set.sections; })),
                   carried: union(sets.map(function (set) { return set.carried; })) };
        });
      })).then(function (lists) {
        tail.sections = lists.map(function (list) { return list.all; }).reduce(intersection);
        tail.rest = difference(tail.sections, lists.map(function (list) { return list.carried; }).reduce(intersection));
        return tail;
      });
    }
    return tail.loading;
  }

  /* Adds results from the tail until the query has `wanted` (or the tail ends), once each (one whose page and
     heading a result already shows is left out): a section that a stem's file carries in full shows its hit, excerpt
     and all; any other is named by its page and heading from the files of sections, without an excerpt. */
  async function extend(found, wanted) {
    var tail = found.tail;
    if (!tail || found.exhausted || found.results.length >= wanted) return;
    await loadTail(tail);
    if (!found.seen) {
      found.seen = {};
      found.results.forEach(function (result) { found.seen[result.url + "\u0000" + result.heading] = true; });
    }
    while (found.results.length < wanted && tail.next < tail.rest.length) {
      var batch = tail.rest.slice(tail.next, tail.next + wanted - found.results.length), files = {};
      tail.next += batch.length;
      batch.forEach(function (number) {
        if (!tail.units[number]) files[Math.floor(Math.floor(number / 65536) / tail.per)] = true;
      });
      var loaded = {};
      await Promise.all(Object.keys(files).map(function (file) {
        return sectionFile(file).then(function (data) { loaded[file] = data; });
      }));
      batch.forEach(function (number) {
        var result = tail.units[number];
        if (!result) {
          var page = Math.floor(number / 65536), section = number % 65536, file = Math.floor(page / tail.per);
          var entry = loaded[file].pages[page - file * tail.per];
          result = { title: entry[0], url: entry[1], kind: entry[2], anchor: entry[3][2 * section + 1],
                     heading: entry[3][2 * section], excerpt: "" };
        }
        var key = result.url + "\u0000" + result.heading;
        if (found.seen[key]) return;
        found.seen[key] = true;
        found.results.push(result);
      });
    }
    if (tail.next >= tail.rest.length) {
      found.exhausted = true;
      if (found.atLeast) { found.count = found.results.length; found.atLeast = false; }
    }
  }

  /* The query with each word the site does not have replaced by its nearest word of the site, or null. */
  async function suggest(query, list) {
    var replaced = {}, any = false;
    for (var i = 0; i < list.length; i++) {
      if (list[i].stems.length) continue;
      var better = await nearest(list[i].word);
      if (!better) return null;
      replaced[list[i].word] = better;
      any = true;
    }
    if (!any) return null;
    return query.replace(PART, function (part) { var form = fold(part); return replaced[form] || part; }).trim();
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

  /* The stop words a query left out, said after its count: " (zonder “wat”, “is”)". */
  function ignoredText(found) {
    if (!found.ignored || !found.ignored.length) return "";
    return " (zonder " + found.ignored.map(function (word) { return "“" + word + "”"; }).join(", ") + ")";
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
    element.appendChild(kind);
    element.appendChild(title);
    if (!result.excerpt) return;  // a result beyond those the files of stems carry names only its section
    var excerpt = document.createElement(titleTag === "a" ? "p" : "span");
    excerpt.className = "search-excerpt";
    highlight(excerpt, result.excerpt, forms);
    element.appendChild(excerpt);
  }

  /* ---------- The header box: a combobox with a listbox of results ---------- */
  var panel = document.createElement("div");
  panel.className = "search-panel";
  panel.id = "site-search-panel";
  panel.hidden = true;
  // A panel taller than the screen allows scrolls: a Tab stop after the box, so that the keyboard can scroll it
  // as it scrolls a page (the arrow keys in the box also move through the options, each scrolled into view).
  panel.tabIndex = 0;
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
    if (target !== null) li.setAttribute("data-href", target);
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
      if (found && found.suggestion) {
        // The suggestion is an option: choosing it runs that search in the box.
        option("site-search-option-suggestion", null, function (li) {
          li.className = "search-suggestion";
          li.setAttribute("data-query", found.suggestion);
          li.appendChild(document.createTextNode("Bedoelde je "));
          var word = document.createElement("strong");
          word.textContent = found.suggestion;
          li.appendChild(word);
          li.appendChild(document.createTextNode("?"));
        });
        live.textContent += " Bedoelde je " + found.suggestion + "?";
      }
      open(true);
      return;
    }
    summary.textContent = countText(found) + " voor “" + query + "”" + ignoredText(found);
    live.textContent = summary.textContent + ".";
    found.results.slice(0, PANEL_HITS).forEach(function (result, n) {
      option("site-search-option-" + n, href(result), function (li) { fill(li, result, found.forms, "span", null); });
    });
    option("site-search-option-all", allResultsURL(query), function (li) {
      li.className = "search-all";
      li.textContent = Math.max(found.count, found.results.length) > PANEL_HITS ? "Alle " + countText(found) + " op de zoekpagina →" : "Op de zoekpagina →";
    });
    open(true);
  }

  /* Opens an option: a page, or the search an option suggests. */
  function choose(li) {
    var suggested = li.getAttribute("data-query");
    if (suggested !== null) {
      input.value = suggested;
      input.focus();
      update();
      return;
    }
    window.location.href = li.getAttribute("data-href");
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
      choose(options()[active]);
    } else if (event.key === "Escape") {
      if (!panel.hidden) { open(false); } else { input.value = ""; }
      event.preventDefault();
    }
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { open(false); input.focus(); event.preventDefault(); }
  });
  listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
  listbox.addEventListener("click", function (event) {
    var li = event.target.closest("[role=option]");
    if (li) choose(li);
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

  /* ---------- The search page: every result of the query, a page of them at a time ---------- */
  var results = document.getElementById("search-results");
  if (!results) return;
  var pageForm = document.getElementById("search-form");
  var pageInput = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var more = document.createElement("button");
  more.type = "button";
  more.className = "search-more";
  more.hidden = true;
  results.parentNode.insertBefore(more, results.nextSibling);
  var pageGeneration = 0, pageFound = null, pageQuery = "";
  pageInput.value = new URLSearchParams(window.location.search).get("q") || "";

  /* The status line: the count and the stop words left out. */
  function statusText(found, query) {
    return countText(found) + " voor “" + query + "”" + ignoredText(found) + ".";
  }

  /* Shows the next page of results (loading them from the tail when the files of stems carried no more); after the
     first, the first new result takes the focus. */
  async function showMore(focus) {
    var found = pageFound, start = results.children.length;
    if (found.extending) return;  // a click while the last one's results load
    found.extending = true;
    try { await extend(found, start + PAGE_HITS); } finally { found.extending = false; }
    if (found !== pageFound) return;
    var next = found.results.slice(start, start + PAGE_HITS);
    next.forEach(function (result) {
      var li = document.createElement("li");
      fill(li, result, found.forms, "a", href(result));
      results.appendChild(li);
    });
    var shown = results.children.length, tailLeft = found.tail && !found.exhausted;
    var left = tailLeft ? found.count - shown : found.results.length - shown;
    more.hidden = left <= 0 && !tailLeft;
    more.textContent = "Meer resultaten" + (found.atLeast || left <= 0 ? "" : " (nog " + left + ")");
    if (found.exhausted) status.textContent = statusText(found, pageQuery);
    if (focus && next.length) results.children[start].querySelector("a").focus();
  }

  function run() {
    var query = pageInput.value, mine = ++pageGeneration;
    more.hidden = true;
    if (!query.trim()) { results.innerHTML = ""; status.textContent = "Typ een woord of begrip om te zoeken."; return; }
    status.textContent = "Zoeken…";
    search(query, true).then(function (found) {
      if (mine !== pageGeneration) return;
      results.innerHTML = "";
      if (!found || !found.results.length) {
        status.textContent = "Niets gevonden voor “" + query + "”.";
        if (found && found.suggestion) {
          var link = document.createElement("a");
          link.href = "?q=" + encodeURIComponent(found.suggestion);
          link.textContent = found.suggestion;
          status.appendChild(document.createTextNode(" Bedoelde je "));
          status.appendChild(link);
          status.appendChild(document.createTextNode("?"));
        }
        return;
      }
      pageFound = found;
      pageQuery = query;
      status.textContent = statusText(found, query);
      showMore(false);
    }, function () {
      if (mine === pageGeneration) status.textContent = "De zoekindex kon niet worden geladen.";
    });
  }

  more.addEventListener("click", function () { showMore(true); });
  pageForm.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(pageInput.value));
    run();
  });
  pageInput.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 60); });
  run();
})();
