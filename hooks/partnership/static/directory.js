/*
 * The directory of good practice: filter by facets and search as you type, in the page.
 *
 * Without this script the page still works: the listing is plain HTML and each facet
 * button submits the form to that facet's own page. With it, the same buttons toggle
 * filters in place, the state lives in the URL (?q=&theme=&phase=&type=&school=&year=),
 * and the back button undoes each step. Text from the index is only ever set with
 * textContent, never parsed as HTML.
 */
(function () {
  "use strict";

  var form = document.getElementById("ps-form");
  if (!form || !window.fetch || !window.URLSearchParams || !window.Uint32Array) return;

  var FACETS = ["theme", "phase", "type", "school", "year"];
  var PAGE = 50; // as SEARCH_PAGE_SIZE in directory_pages.py
  var input = document.getElementById("ps-q");
  var status = document.getElementById("ps-status");
  var list = document.getElementById("ps-results");
  var more = document.getElementById("ps-more");
  var clear = document.getElementById("ps-clear");
  var indexUrl = new URL(form.getAttribute("data-index"), window.location.href);

  var data = null; // the index: facets, items, shard names
  var words = 0; // 32-bit words in a bitset
  var valueBits = {}; // facet -> [bitset per value]
  var shardCache = new Map(); // shard name -> Promise of {word: postings}
  var wordCache = new Map(); // word -> bitset
  var titleWords = []; // item -> words of its title, filled in as needed
  var state = { q: "", facets: {} };
  var shown = 0;
  var results = [];
  var typing = false;
  var generation = 0;
  var startedAt = 0;

  FACETS.forEach(function (facet) { state.facets[facet] = new Set(); });

  // --- bitsets -------------------------------------------------------------
  function empty() { return new Uint32Array(words); }
  function full() {
    var bits = empty();
    for (var i = 0; i < data.items.length; i++) bits[i >>> 5] |= 1 << (i & 31);
    return bits;
  }
  function and(a, b) { var out = empty(); for (var i = 0; i < words; i++) out[i] = a[i] & b[i]; return out; }
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
  function decode(postings) {
    var bits = empty();
    if (typeof postings === "string") {
      var raw = atob(postings);
      var bytes = new Uint8Array(words * 4);
      for (var i = 0; i < raw.length && i < bytes.length; i++) bytes[i] = raw.charCodeAt(i);
      var view = new DataView(bytes.buffer);
      for (var j = 0; j < words; j++) bits[j] = view.getUint32(j * 4, true);
    } else {
      var item = 0;
      for (var k = 0; k < postings.length; k++) {
        item += postings[k];
        bits[item >>> 5] |= 1 << (item & 31);
      }
    }
    return bits;
  }

  // --- text ----------------------------------------------------------------
  var stopwords = new Set();
  function tokens(text) {
    var folded = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    return (folded.match(/[a-z0-9]+/g) || []).filter(function (w) {
      return w.length >= data.prefix && !stopwords.has(w);
    });
  }
  function shard(name) {
    if (!shardCache.has(name)) {
      var known = data.shards.indexOf(name) !== -1;
      shardCache.set(name, known
        ? fetch(new URL("text/" + name + ".json", indexUrl)).then(function (r) { return r.json(); })
        : Promise.resolve({}));
    }
    return shardCache.get(name);
  }
  // Items whose text has a word starting with each typed word; null when nothing is typed.
  function textMatches(query) {
    var terms = tokens(query);
    if (!terms.length) return Promise.resolve(null);
    return Promise.all(terms.map(function (term) {
      return shard(term.slice(0, data.prefix)).then(function (table) {
        var key = "t:" + term;
        if (wordCache.has(key)) return wordCache.get(key);
        var bits = empty();
        Object.keys(table).forEach(function (word) {
          if (word.lastIndexOf(term, 0) === 0) {
            if (!wordCache.has(word)) wordCache.set(word, decode(table[word]));
            orInto(bits, wordCache.get(word));
          }
        });
        wordCache.set(key, bits);
        return bits;
      });
    })).then(function (sets) { return sets.reduce(and); });
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
    FACETS.forEach(function (facet) {
      var known = new Set(data.facets[facet].map(function (v) { return v[0]; }));
      state.facets[facet] = new Set(params.getAll(facet).filter(function (v) { return known.has(v); }));
    });
    input.value = state.q;
  }
  function writeUrl(push) {
    var params = new URLSearchParams();
    if (state.q.trim()) params.set("q", state.q.trim());
    FACETS.forEach(function (facet) {
      state.facets[facet].forEach(function (value) { params.append(facet, value); });
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "");
    if (url === window.location.pathname + window.location.search) return;
    window.history[push ? "pushState" : "replaceState"](null, "", url);
  }
  function active() {
    return Boolean(state.q.trim()) || FACETS.some(function (f) { return state.facets[f].size > 0; });
  }

  // --- rendering -----------------------------------------------------------
  function plural(n) { return n.toLocaleString("en-GB") + (n === 1 ? " case study" : " case studies"); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  // An item is [title, themes, phases, types, schools, years, slug?]: the same as the
  // server-rendered list in directory_pages.py.
  function slugOf(item) {
    if (item.length > 7) return item[7];
    var folded = item[0].normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    return (folded.match(/[a-z0-9]+/g) || []).join("-");
  }
  function labels(facet, positions) {
    return positions.map(function (p) { return data.facets[facet][p][1]; });
  }
  function resultItem(number) {
    var item = data.items[number];
    var li = el("li", "ps-result");
    var heading = el("h3", "ps-result__title");
    var link = el("a", "", item[0]);
    link.href = new URL("../case-studies/" + slugOf(item) + "/", indexUrl).pathname;
    heading.appendChild(link);
    li.appendChild(heading);
    var facts = labels("phase", item[2]).concat(labels("type", item[3]), labels("year", item[5]));
    li.appendChild(el("p", "ps-facts", facts.join(" · ")));
    li.appendChild(el("p", "ps-themes", labels("theme", item[1]).join(", ")));
    return li;
  }
  function showMore() {
    var next = results.slice(shown, shown + PAGE);
    var fragment = document.createDocumentFragment();
    next.forEach(function (number) { fragment.appendChild(resultItem(number)); });
    list.appendChild(fragment);
    shown += next.length;
    more.parentNode.hidden = shown >= results.length;
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
  function render(text, runStarted) {
    var sets = {};
    FACETS.forEach(function (facet) { sets[facet] = facetSet(facet); });
    var everything = full();
    FACETS.forEach(function (facet) {
      var others = text ? text : everything;
      FACETS.forEach(function (other) { if (other !== facet && sets[other]) others = and(others, sets[other]); });
      var buttons = form.querySelectorAll('button[data-facet="' + facet + '"]');
      data.facets[facet].forEach(function (value, position) {
        var button = buttons[position];
        if (!button) return;
        button.querySelector(".ps-facet__count").textContent =
          count(and(others, valueBits[facet][position])).toLocaleString("en-GB");
        button.setAttribute("aria-pressed", state.facets[facet].has(value[0]) ? "true" : "false");
      });
    });
    var matched = text ? text : everything;
    FACETS.forEach(function (facet) { if (sets[facet]) matched = and(matched, sets[facet]); });
    results = members(matched);
    var terms = tokens(state.q);
    if (terms.length) {
      // Case studies with every word in the title come first; otherwise newest first.
      var first = [];
      var rest = [];
      results.forEach(function (number) {
        var title = titleWords[number] || (titleWords[number] = tokens(data.items[number][0]));
        var all = terms.every(function (t) { return title.some(function (w) { return w.lastIndexOf(t, 0) === 0; }); });
        (all ? first : rest).push(number);
      });
      results = first.concat(rest);
    }
    list.replaceChildren();
    list.removeAttribute("start");
    shown = 0;
    showMore();
    status.textContent = results.length
      ? plural(results.length)
      : "No case studies match. Try fewer words or remove a filter.";
    clear.parentNode.hidden = !active();
    form.setAttribute("data-rendered-query", state.q);
    form.setAttribute("data-rendered", String(Number(form.getAttribute("data-rendered") || 0) + 1));
    document.dispatchEvent(new CustomEvent("ps:rendered", {
      detail: { ms: performance.now() - runStarted, results: results.length },
    }));
  }
  function update() {
    var mine = ++generation;
    var runStarted = startedAt || performance.now();
    startedAt = 0;
    return textMatches(state.q).then(function (text) {
      if (mine === generation) render(text, runStarted);
    });
  }

  // --- events --------------------------------------------------------------
  function onFacet(event) {
    var button = event.target.closest("button[data-facet]");
    if (!button) return;
    event.preventDefault();
    startedAt = performance.now();
    var chosen = state.facets[button.getAttribute("data-facet")];
    var value = button.getAttribute("data-value");
    if (chosen.has(value)) chosen.delete(value); else chosen.add(value);
    typing = false;
    writeUrl(true);
    update();
  }
  function onInput() {
    startedAt = performance.now();
    state.q = input.value;
    writeUrl(!typing);
    typing = true;
    update();
  }
  function onClear() {
    state.q = "";
    input.value = "";
    FACETS.forEach(function (f) { state.facets[f].clear(); });
    typing = false;
    writeUrl(true);
    update();
    input.focus();
  }

  function start(index) {
    data = index;
    words = Math.ceil(data.items.length / 32) || 1;
    data.stopwords.forEach(function (w) { stopwords.add(w); });
    FACETS.forEach(function (facet) {
      valueBits[facet] = data.facets[facet].map(empty);
      data.items.forEach(function (item, number) {
        item[1 + FACETS.indexOf(facet)].forEach(function (position) {
          valueBits[facet][position][number >>> 5] |= 1 << (number & 31);
        });
      });
    });
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
    window.addEventListener("popstate", function () { typing = false; readUrl(); update(); });
    readUrl();
    form.setAttribute("data-ready", "true");
    return update();
  }

  fetch(indexUrl)
    .then(function (response) {
      if (!response.ok) throw new Error("index " + response.status);
      return response.json();
    })
    .then(start)
    .catch(function (error) {
      status.textContent = "Search is not available at the moment; the list below still works.";
      if (window.console) console.warn("directory:", error);
    });
})();
