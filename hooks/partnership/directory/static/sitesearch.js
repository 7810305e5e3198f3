/*
 * Case studies in the site-wide search box, from the directory's own index.
 *
 * Material's search index holds the site's ordinary pages only: with thousands of case studies
 * in it, every page would download them all. When someone starts typing in the search box, this
 * loads the directory's engine (stem.js, search.js and directory/search.json: no titles, no
 * facets), then for each query only the word shards it needs and the five best results' own
 * files, and lists them under the page results with a link to all of them in the directory.
 * Text is set as text nodes and <mark> elements, never as HTML.
 */
(function () {
  "use strict";

  var input = document.querySelector("[data-md-component=search-query]");
  var wrap = document.querySelector(".md-search__scrollwrap");
  var script = document.currentScript;
  if (!input || !wrap || !script || !window.fetch || !window.Promise) return;

  var SHOWN = 5;
  var root = new URL("../", script.src); // this file is assets/sitesearch.js
  var box = document.createElement("section");
  box.className = "ps-site-cases";
  box.setAttribute("aria-label", "Case studies");
  box.hidden = true;
  wrap.insertBefore(box, wrap.firstChild); // case studies first: they are what most people look for
  var loading = null;
  var generation = 0;
  var timer = 0;

  function load(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = new URL(src, root).href;
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }
  function engine() {
    if (!loading) {
      loading = (window.psStem ? Promise.resolve() : load("assets/stem.js"))
        .then(function () { return window.psSearch ? null : load("assets/search.js"); })
        .then(function () { return window.psSearch.Engine.prototype.rank ? null : load("assets/results.js"); })
        .then(function () { return window.psSearch.open(new URL("directory/search.json", root).href); });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function hide() {
    box.hidden = true;
    box.replaceChildren();
  }
  function show(search, query, numbers, docs, found) {
    box.replaceChildren();
    var heading = el("h2", "ps-site-cases__title",
      new Intl.NumberFormat("en-GB").format(numbers.length) + (numbers.length === 1 ? " case study" : " case studies"));
    box.appendChild(heading);
    var list = el("ol", "ps-site-cases__list");
    docs.forEach(function (doc, i) {
      var item = el("li", "ps-site-cases__item");
      if (!doc.u) return; // its file did not arrive: nothing to link to
      var link = el("a", "ps-site-cases__link");
      link.href = search.href(numbers[i], doc);
      link.appendChild(search.marked(doc.t, found.highlight, document));
      item.appendChild(link);
      var excerpt = search.excerpt(doc, found.highlight);
      var text = el("p", "ps-site-cases__text");
      text.appendChild(search.marked(excerpt.text, found.highlight, document));
      item.appendChild(text);
      list.appendChild(item);
    });
    box.appendChild(list);
    var all = el("a", "ps-site-cases__all",
      numbers.length > SHOWN ? "See all of them in the directory" : "Search the directory of good practice");
    all.href = new URL("directory/", root).pathname + "?q=" + encodeURIComponent(query.trim());
    box.appendChild(el("p", "ps-site-cases__more")).appendChild(all);
    box.hidden = false;
  }
  function update() {
    var query = input.value;
    var mine = ++generation;
    if (!query.trim()) { hide(); return; }
    engine().then(function (search) {
      return search.search(query, { typing: !/\s$/.test(query) }).then(function (found) {
        if (mine !== generation) return;
        if (!found) { hide(); return; }
        var numbers = [];
        for (var i = 0; i < found.matched.length; i++) if (found.matched[i]) numbers.push(i);
        if (!numbers.length) { hide(); return; }
        search.rank(numbers, found);
        var top = numbers.slice(0, SHOWN);
        return Promise.all(top.map(function (n) { return search.doc(n); })).then(function (docs) {
          if (mine === generation) show(search, query, numbers, docs, found);
          box.setAttribute("data-query", query);
        });
      });
    }).catch(function (error) {
      hide();
      if (window.console) console.warn("site search:", error);
    });
  }
  input.addEventListener("focus", function () { engine(); }, { once: true });
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 80);
  });
})();
