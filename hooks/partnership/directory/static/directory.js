/*
 * The directory of good practice: filter by facets and search as you type, in the page.
 *
 * Without this script the page still works: the listing is plain HTML and each facet
 * button submits the form to that facet's own page. With it, the same buttons toggle
 * filters in place, the state lives in the URL (?q=&theme=&phase=&type=&school=&year=),
 * and the back button undoes each step. The search itself is search.js (ranked, stemmed, with
 * synonyms and corrections); this file is the page. The index holds no titles: each result's
 * title, address and summary come from its own docs/<n>.json, fetched only when it is shown, so
 * opening the directory costs a few bytes per case study. Text is only ever set with textContent
 * or as text nodes, never parsed as HTML, and every result links to the address the build wrote.
 */
(function () {
  "use strict";

  var form = document.getElementById("ps-form");
  if (!form || !window.fetch || !window.URLSearchParams || !window.Uint32Array || !window.psSearch) return;

  var FACETS = ["theme", "phase", "type", "school", "year"];
  var PAGE = 10; // results added at a time (the page itself lists the first SEARCH_PAGE_SIZE)
  var input = document.getElementById("ps-q");
  var status = document.getElementById("ps-status");
  var list = document.getElementById("ps-results");
  var more = document.getElementById("ps-more");
  var clear = document.getElementById("ps-clear");
  var indexUrl = new URL(form.getAttribute("data-index"), window.location.href);

  var engine = null; // search.js
  var data = null; // the index: facet values, which values each case study has, shard names
  var total = 0; // case studies
  var words = 0; // 32-bit words in a bitset
  var valueBits = {}; // facet -> [bitset per value]
  var starts = {}; // facet -> where each case study's values begin in data.members[facet]
  var everything = null; // the bitset of every case study
  var state = { q: "", exact: false, facets: {} };
  var shown = 0;
  var results = []; // case study numbers found, in rank order once `ranked`
  var head = []; // the first PAGE of them in rank order, found without sorting them all
  var ranked = true;
  var found = null; // the last text search
  var typing = false;
  var generation = 0;
  var startedAt = 0;

  FACETS.forEach(function (facet) { state.facets[facet] = new Set(); });

  // --- bitsets -------------------------------------------------------------
  function empty() { return new Uint32Array(words); }
  function full() {
    var bits = empty();
    for (var i = 0; i < total; i++) bits[i >>> 5] |= 1 << (i & 31);
    return bits;
  }
  function and(a, b) { var out = empty(); for (var i = 0; i < words; i++) out[i] = a[i] & b[i]; return out; }
  function countAnd(a, b) {
    var n = 0;
    for (var i = 0; i < words; i++) {
      var v = a[i] & b[i];
      v = v - ((v >>> 1) & 0x55555555);
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return n;
  }
  function orInto(target, b) { for (var i = 0; i < words; i++) target[i] |= b[i]; }
  function count(bits) {
    var n = 0;
    for (var i = 0; i < words; i++) {
      var v = bits[i] - ((bits[i] >>> 1) & 0x55555555);
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return n;
  }
  function members(bits) {
    var out = [];
    for (var i = 0; i < words; i++) {
      var w = bits[i];
      while (w) {
        var low = w & -w;
        out.push(i * 32 + 31 - Math.clz32(low));
        w ^= low;
      }
    }
    return out;
  }
  function fromMatches(matched) {
    var bits = empty();
    for (var i = 0; i < matched.length; i++) if (matched[i]) bits[i >>> 5] |= 1 << (i & 31);
    return bits;
  }

  // --- state and URL -------------------------------------------------------
  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    if (typeof window.__psQuery === "string") {
      // Taken out of the address before Material's search could claim it (see overrides/main.html).
      params.set("q", window.__psQuery);
      delete window.__psQuery;
      window.history.replaceState(null, "", window.location.pathname + "?" + params.toString());
    }
    state.q = params.get("q") || "";
    state.exact = params.get("exact") === "1";
    FACETS.forEach(function (facet) {
      var known = new Set(data.facets[facet].map(function (v) { return v[0]; }));
      state.facets[facet] = new Set(params.getAll(facet).filter(function (v) { return known.has(v); }));
    });
    input.value = state.q;
  }
  function writeUrl(push) {
    var params = new URLSearchParams();
    if (state.q.trim()) params.set("q", state.q.trim());
    if (state.q.trim() && state.exact) params.set("exact", "1");
    FACETS.forEach(function (facet) {
      state.facets[facet].forEach(function (value) { params.append(facet, value); });
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "");
    if (url === window.location.pathname + window.location.search) return;
    window.history[push ? "pushState" : "replaceState"](null, "", url);
  }
  // While someone types, the address follows once they pause (or choose a filter, or leave):
  // changing it costs Chromium a reload of the page's images, on every key pressed.
  var URL_PAUSE = 400; // ms
  var urlTimer = 0;
  var urlPush = false;
  function writeUrlSoon(push) {
    urlPush = urlPush || push;
    window.clearTimeout(urlTimer);
    urlTimer = window.setTimeout(flushUrl, URL_PAUSE);
  }
  function flushUrl() {
    if (!urlTimer) return;
    window.clearTimeout(urlTimer);
    urlTimer = 0;
    writeUrl(urlPush);
    urlPush = false;
  }
  function dropUrl() {
    window.clearTimeout(urlTimer);
    urlTimer = 0;
    urlPush = false;
  }
  function active() {
    return Boolean(state.q.trim()) || FACETS.some(function (f) { return state.facets[f].size > 0; });
  }

  // --- rendering -----------------------------------------------------------
  var NUMBER = new Intl.NumberFormat("en-GB"); // toLocaleString makes a formatter at every call
  var counts = new Map(); // facet button -> its count's element
  var buttonsOf = {}; // facet -> its buttons, in the order of its values
  function plural(n) { return NUMBER.format(n) + (n === 1 ? " case study" : " case studies"); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  // --- which values each case study has (opendata.py, members) -----------------
  // Per facet, one string: each case study's values as one character each ("0" is the first,
  // the backslash and the surrogates skipped), case studies separated by spaces.
  function position(code) {
    if (code >= 0xe000) code -= 0x800;
    if (code > 92) code -= 1;
    return code - 48;
  }
  function decodeMembers(facet) {
    var text = data.members[facet];
    var bits = valueBits[facet] = data.facets[facet].map(empty);
    var begin = starts[facet] = new Uint32Array(total + 1);
    var number = 0;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code === 32) { begin[++number] = i + 1; continue; }
      bits[position(code)][number >>> 5] |= 1 << (number & 31);
    }
    begin[total] = text.length + 1;
  }
  function labels(facet, number) {
    var text = data.members[facet];
    var out = [];
    for (var i = starts[facet][number]; i < starts[facet][number + 1] - 1; i++) {
      out.push(data.facets[facet][position(text.charCodeAt(i))][1]);
    }
    return out;
  }
  function markedLine(className, text, highlight) {
    var line = el("p", className);
    line.appendChild(highlight ? engine.marked(text, highlight, document) : document.createTextNode(text));
    return line;
  }
  // One result, as pages.py writes it, from its own file: the address is the page the build wrote,
  // relative to the site root, never made up here.
  function resultItem(number, doc) {
    var highlight = found && found.highlight;
    var li = el("li", "ps-result");
    var heading = el("h3", "ps-result__title");
    if (doc.u) {
      var link = el("a", "");
      link.href = engine.href(number, doc);
      link.appendChild(highlight ? engine.marked(doc.t, highlight, document) : document.createTextNode(doc.t));
      heading.appendChild(link);
    } else {
      heading.textContent = "This case study could not be loaded. Try again later.";
    }
    li.appendChild(heading);
    var chosen = engine.excerpt(doc, highlight);
    var excerpt = markedLine("ps-summary", chosen.text, highlight);
    if (chosen.passage) {
      excerpt.classList.add("ps-summary--passage");
      excerpt.insertBefore(document.createTextNode("\u2026 "), excerpt.firstChild);
      excerpt.appendChild(document.createTextNode(" \u2026"));
    }
    li.appendChild(excerpt);
    var facts = labels("phase", number).concat(labels("type", number), labels("year", number));
    li.appendChild(markedLine("ps-facts", facts.join(" · "), highlight));
    li.appendChild(markedLine("ps-themes", labels("theme", number).join(", "), highlight));
    return li;
  }
  // The next results' files, then their items (a Promise of the items, in order).
  function nextItems() {
    var next = slice(shown, shown + PAGE);
    return Promise.all(next.map(function (number) { return engine.doc(number); })).then(function (docs) {
      return docs.map(function (doc, i) { return resultItem(next[i], doc); });
    });
  }
  // Results from..to in rank order: the first page was picked without sorting; the rest is sorted
  // only when someone asks for more.
  function slice(from, to) {
    if (to <= head.length) return head.slice(from, to);
    if (!ranked) { engine.rank(results, found); ranked = true; }
    return results.slice(from, to);
  }
  function append(items) {
    var fragment = document.createDocumentFragment();
    items.forEach(function (item) { fragment.appendChild(item); });
    list.appendChild(fragment);
    shown += items.length;
    more.parentNode.hidden = shown >= results.length;
  }
  var adding = null; // "Show more" while its results' files arrive
  function showMore() {
    if (adding) return adding;
    var mine = generation;
    more.setAttribute("aria-busy", "true");
    adding = nextItems().then(function (items) {
      if (mine === generation) append(items);
    }).finally(function () {
      adding = null;
      more.removeAttribute("aria-busy");
    });
    return adding;
  }
  function facetSet(facet) {
    var chosen = state.facets[facet];
    if (!chosen.size) return null;
    var bits = empty();
    data.facets[facet].forEach(function (value, position) {
      if (chosen.has(value[0])) orInto(bits, valueBits[facet][position]);
    });
    return bits;
  }
  // Shows what a search and the filters found: the counts, the first results (once their files
  // are here, so that what is painted is complete) and the status, all at once.
  function render(text, runStarted, keepList, mine) {
    var sets = {};
    FACETS.forEach(function (facet) { sets[facet] = facetSet(facet); });
    var matched = text ? text : everything;
    FACETS.forEach(function (facet) { if (sets[facet]) matched = and(matched, sets[facet]); });
    var numbers = members(matched); // newest first
    var first = found ? engine.best(numbers, found, PAGE) : numbers.slice(0, PAGE);
    if (keepList) {
      // Opened with nothing chosen: the page already lists the newest, exactly as they would be drawn.
      results = numbers;
      head = first;
      ranked = true;
      shown = list.children.length;
      return Promise.resolve(draw(text, sets, runStarted, null));
    }
    return Promise.all(first.map(function (number) { return engine.doc(number); })).then(function (docs) {
      if (mine !== generation) return;
      results = numbers;
      head = first;
      ranked = !found;
      shown = 0;
      draw(text, sets, runStarted, docs.map(function (doc, i) { return resultItem(first[i], doc); }));
    });
  }
  function draw(text, sets, runStarted, items) {
    FACETS.forEach(function (facet) {
      var others = text ? text : everything;
      FACETS.forEach(function (other) { if (other !== facet && sets[other]) others = and(others, sets[other]); });
      var buttons = buttonsOf[facet];
      data.facets[facet].forEach(function (value, position) {
        var button = buttons[position];
        if (!button) return;
        // Written only when changed: each write costs a style recalculation of the whole form.
        var counted = NUMBER.format(countAnd(others, valueBits[facet][position]));
        var label = counts.get(button) || button.querySelector(".ps-facet__count");
        counts.set(button, label);
        if (label.textContent !== counted) label.textContent = counted;
        var pressed = state.facets[facet].has(value[0]) ? "true" : "false";
        if (button.getAttribute("aria-pressed") !== pressed) button.setAttribute("aria-pressed", pressed);
      });
    });
    if (items) {
      list.replaceChildren();
      list.removeAttribute("start");
      append(items);
    } else {
      more.parentNode.hidden = shown >= results.length;
    }
    showStatus();
    clear.parentNode.hidden = !active();
    form.setAttribute("data-rendered-query", state.q);
    form.setAttribute("data-rendered", String(Number(form.getAttribute("data-rendered") || 0) + 1));
    document.dispatchEvent(new CustomEvent("ps:rendered", {
      detail: { ms: performance.now() - runStarted, started: runStarted, results: results.length },
    }));
  }
  // The count, and what the search did with the words: corrected them, or found none with all.
  function showStatus() {
    status.replaceChildren();
    if (!results.length) {
      status.textContent = "No case studies match. Try other or fewer words, or remove a filter.";
    } else {
      status.appendChild(document.createTextNode(plural(results.length)));
    }
    if (!found) return;
    if (found.corrections.length) {
      var corrected = state.q;
      var line = el("span", "ps-status__note");
      line.appendChild(document.createTextNode(" Showing results for "));
      found.corrections.forEach(function (c) {
        corrected = corrected.replace(new RegExp("\\b" + c.from.replace(/[^a-z0-9]/g, "") + "\\b", "i"), c.to);
      });
      line.appendChild(el("em", "", corrected.trim()));
      line.appendChild(document.createTextNode(". "));
      var exact = el("a", "ps-exact", "Search for " + state.q.trim() + " instead");
      var params = new URLSearchParams(window.location.search);
      params.set("q", state.q.trim());
      params.set("exact", "1");
      exact.href = window.location.pathname + "?" + params.toString();
      line.appendChild(exact);
      status.appendChild(line);
    }
    var wanted = found.terms.length;
    if (wanted > 1 && results.length && found.matched[head[0]] < wanted) {
      status.appendChild(el("span", "ps-status__note",
        " No case study has all of these words; those with most of them come first."));
    }
  }
  function update(keepList) {
    var mine = ++generation;
    var runStarted = startedAt || performance.now();
    startedAt = 0;
    var options = { typing: typing && !/\s$/.test(state.q), exact: state.exact };
    return engine.search(state.q, options).then(function (result) {
      if (mine !== generation) return;
      found = result;
      return render(result ? fromMatches(result.matched) : null, runStarted, keepList && !active(), mine);
    });
  }

  // --- events --------------------------------------------------------------
  function onFacet(event) {
    var button = event.target.closest("button[data-facet]");
    if (!button) return;
    event.preventDefault();
    startedAt = event.timeStamp || performance.now(); // when the click happened, on the same clock
    var chosen = state.facets[button.getAttribute("data-facet")];
    var value = button.getAttribute("data-value");
    flushUrl(); // the words typed before, as their own step back
    if (chosen.has(value)) chosen.delete(value); else chosen.add(value);
    typing = false;
    writeUrl(true);
    update();
  }
  function onInput(event) {
    startedAt = event.timeStamp || performance.now(); // when the key was pressed, on the same clock
    state.q = input.value;
    state.exact = false;
    writeUrlSoon(!typing);
    typing = true;
    update();
  }
  function onClear() {
    flushUrl();
    state.q = "";
    state.exact = false;
    input.value = "";
    FACETS.forEach(function (f) { state.facets[f].clear(); });
    typing = false;
    writeUrl(true);
    update();
    input.focus();
  }

  function start(opened) {
    engine = opened;
    data = opened.data;
    total = data.total;
    words = Math.ceil(total / 32) || 1;
    FACETS.forEach(decodeMembers);
    FACETS.forEach(function (facet) {
      buttonsOf[facet] = form.querySelectorAll('button[data-facet="' + facet + '"]');
    });
    everything = full();
    form.querySelectorAll("button[data-facet]").forEach(function (button) {
      button.type = "button";
      button.setAttribute("aria-pressed", "false");
    });
    document.querySelectorAll(".ps-pages, .ps-range").forEach(function (node) { node.hidden = true; });
    form.addEventListener("click", onFacet);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    input.addEventListener("input", onInput);
    clear.addEventListener("click", onClear);
    more.addEventListener("click", showMore);
    window.addEventListener("popstate", function () { dropUrl(); typing = false; readUrl(); update(); });
    window.addEventListener("pagehide", flushUrl);
    input.addEventListener("blur", flushUrl);
    readUrl();
    form.setAttribute("data-ready", "true");
    return update(true);
  }

  window.psSearch.open(indexUrl)
    .then(start)
    .catch(function (error) {
      status.textContent = "Search is not available at the moment; the list below still works.";
      if (window.console) console.warn("directory:", error);
    });
})();
