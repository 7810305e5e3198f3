/*
 * The directory's search engine, continued (search.js first): ranking the case studies found and
 * marking the words that matched in their titles, summaries and passages, as DOM text nodes and
 * <mark> elements, never as HTML. Shared by /directory/ and the site-wide search box.
 */
(function (root) {
  "use strict";

  var Engine = root.psSearch.Engine;
  var fold = root.psSearch.fold;
  var WORD = /[A-Za-z0-9\u00c0-\u024f]+/g; // a written word, before folding

  // Ranks case study numbers: most of the query's terms, then score, then newest (lower number).
  Engine.prototype.rank = function (numbers, found) {
    var matched = found.matched;
    var score = found.score;
    return numbers.sort(function (a, b) {
      return (matched[b] - matched[a]) || (score[b] - score[a]) || (a - b);
    });
  };

  // The first `k` of `numbers` in rank order (as rank would put them), without sorting them all.
  Engine.prototype.best = function (numbers, found, k) {
    var matched = found.matched;
    var score = found.score;
    function before(a, b) {
      return matched[a] !== matched[b] ? matched[a] > matched[b] : score[a] !== score[b] ? score[a] > score[b] : a < b;
    }
    var top = [];
    for (var i = 0; i < numbers.length; i++) {
      var n = numbers[i];
      if (top.length === k && !before(n, top[k - 1])) continue;
      var at = top.length === k ? k - 1 : top.length;
      while (at > 0 && before(n, top[at - 1])) { top[at] = top[at - 1]; at--; }
      top[at] = n;
    }
    return top;
  };

  // A text's written words, each with where it is and its stem (null for a word never indexed);
  // kept, as the same summaries and passages are looked at again with every key pressed.
  Engine.prototype.analyse = function (text) {
    var found = this.analysed.get(text);
    if (found) return found;
    found = [];
    var pattern = new RegExp(WORD.source, "g");
    var match;
    while ((match = pattern.exec(text))) {
      var folded = fold(match[0]);
      var indexed = /^[a-z0-9]+$/.test(folded) && folded.length >= this.prefix && !this.stopwords.has(folded);
      found.push({ at: match.index, word: match[0], folded: folded, stem: indexed ? this.stem(folded) : null });
    }
    if (this.analysed.size > 5000) this.analysed.clear();
    this.analysed.set(text, found);
    return found;
  };

  // Which of a text's words to mark: single words anywhere, a phrase's words only where all are there.
  Engine.prototype.hitsIn = function (text, highlight) {
    var words = this.analyse(text);
    var stems = highlight.stems;
    if (highlight.phrases.length) {
      var present = new Set(words.map(function (w) { return w.stem; }));
      stems = new Set(stems);
      highlight.phrases.forEach(function (phrase) {
        if (phrase.every(function (stem) { return present.has(stem); })) phrase.forEach(function (stem) { stems.add(stem); });
      });
    }
    return words.filter(function (w) {
      return w.stem !== null && (stems.has(w.stem) || highlight.prefixes.some(function (p) {
        return w.folded.lastIndexOf(p, 0) === 0;
      }));
    });
  };

  Engine.prototype.hits = function (text, highlight) {
    return this.hitsIn(text, highlight).length;
  };

  // Text as DOM nodes with the matched words in <mark>: never HTML.
  Engine.prototype.marked = function (text, highlight, document) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    this.hitsIn(text, highlight).forEach(function (hit) {
      if (hit.at > last) fragment.appendChild(document.createTextNode(text.slice(last, hit.at)));
      var mark = document.createElement("mark");
      mark.textContent = hit.word;
      fragment.appendChild(mark);
      last = hit.at + hit.word.length;
    });
    if (last < text.length) fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  };

  // The summary when it has a matched word, else the passage of the body with most of them.
  Engine.prototype.excerpt = function (doc, highlight) {
    if (!highlight || this.hits(doc.s, highlight)) return { text: doc.s, passage: false };
    var best = null;
    var bestHits = 0;
    for (var i = 0; i < doc.p.length; i++) {
      var hits = this.hits(doc.p[i], highlight);
      if (hits > bestHits) { best = doc.p[i]; bestHits = hits; }
    }
    return best ? { text: best, passage: true } : { text: doc.s, passage: false };
  };
})(self);
