/*
 * The directory's search engine, shared by /directory/ and the site-wide search box.
 *
 * It reads what the build wrote (partnership/opendata.py, partnership/textindex.py):
 * index.json or search.json (shard names, synonyms; index.json adds the facets), text/<xx>.json
 * (stems with their written forms and ranked postings), docs/<n>.json (a result's title, address,
 * summary and passages, fetched only for the results shown) and, only when a
 * word matches nothing, words.json (every word, to suggest the nearest). Words are stemmed with
 * psStem (stem.js), the same Snowball English algorithm as the build. Ranking is BM25F: the build
 * stores each stem's saturated, field-weighted term weight per case study; here it is multiplied
 * by the stem's inverse document frequency and summed over the query's words. Case studies with
 * every word come first, then those with most. Nothing here touches the page. Ranking and marking the words found are in results.js.
 */
(function (root) {
  "use strict";

  var PREFIX_DISCOUNT = 0.7; // a word still being typed, matched by its beginning
  var COMBINING = /[\u0300-\u036f]/g;

  var ASCII = /^[\x00-\x7f]*$/;
  function fold(text) {
    return ASCII.test(text) ? text.toLowerCase() : text.normalize("NFKD").replace(COMBINING, "").toLowerCase();
  }

  function Engine(indexUrl, data) {
    this.url = indexUrl;
    this.root = new URL("../", indexUrl).pathname; // the site root: the index is in directory/
    this.data = data;
    this.total = data.total;
    this.prefix = data.prefix;
    this.k1 = data.weights.k1;
    this.stopwords = new Set(data.stopwords);
    this.shardNames = new Set(data.shards);
    this.shards = new Map(); // name -> Promise of {stem: [forms, postings]}
    this.postings = new Map(); // stem -> {docs, weights}
    this.forms = new WeakMap(); // shard -> its stems and their written forms (see formsOf)
    this.docs = new Map(); // number -> Promise of {t, u, s, p}
    this.docsUrl = new URL("docs/", indexUrl).href;
    this.vocabulary = null; // Promise of [word, ...], most frequent first
    this.stems = new Map(); // word -> stem: highlighting stems every word of every result shown
    this.analysed = new Map(); // text -> its words (see analyse)
    this.phrases = new Map(); // "stem stem" -> group number
    this.longest = 1;
    var self = this;
    (data.synonyms || []).forEach(function (group, number) {
      group.forEach(function (phrase) {
        self.phrases.set(phrase.join(" "), number);
        self.longest = Math.max(self.longest, phrase.length);
      });
    });
  }

  Engine.prototype.words = function (text) {
    var self = this;
    return (fold(text).match(/[a-z0-9]+/g) || []).filter(function (w) {
      return w.length >= self.prefix && !self.stopwords.has(w);
    });
  };

  Engine.prototype.stem = function (word) {
    var found = this.stems.get(word);
    if (found === undefined) {
      found = root.psStem(word);
      this.stems.set(word, found);
    }
    return found;
  };

  // The address the build wrote, relative to the site root, from the result's own file.
  Engine.prototype.href = function (number, doc) {
    return this.root + doc.u;
  };

  // The shard holding a stem: its first two letters, or three where the build split a big shard.
  Engine.prototype.shardOf = function (stem) {
    var longer = stem.slice(0, this.prefix + 1);
    return longer.length > this.prefix && this.shardNames.has(longer) ? longer : stem.slice(0, this.prefix);
  };

  Engine.prototype.shard = function (name) {
    var self = this;
    if (!this.shards.has(name)) {
      this.shards.set(name, this.shardNames.has(name)
        ? fetch(new URL("text/" + name + ".json", this.url)).then(function (r) { return r.json(); })
        : Promise.resolve({}));
    }
    return this.shards.get(name).then(function (table) { return table; }, function () {
      self.shards.delete(name);
      return {};
    });
  };

  // A result's own file; one that failed to arrive gives an empty result (no address: nothing
  // to link to) and is asked for again next time.
  Engine.prototype.doc = function (number) {
    var docs = this.docs;
    if (!docs.has(number)) {
      docs.set(number, fetch(this.docsUrl + number + ".json")
        .then(function (r) {
          if (!r.ok) throw new Error("doc " + r.status);
          return r.json();
        })
        .catch(function () {
          docs.delete(number);
          return { t: "", u: "", s: "", p: [] };
        }));
    }
    return docs.get(number);
  };

  // Postings of one stem as parallel arrays: case study numbers and their weights (0..1).
  Engine.prototype.decode = function (stem, entry) {
    if (this.postings.has(stem)) return this.postings.get(stem);
    var flat = entry[1];
    var n = flat.length / 2;
    var docs = new Uint32Array(n);
    var weights = new Float64Array(n);
    var current = 0;
    for (var i = 0; i < n; i++) {
      current += flat[2 * i];
      docs[i] = current;
      weights[i] = flat[2 * i + 1] / 255;
    }
    var decoded = { docs: docs, weights: weights, idf: this.idf(n) };
    this.postings.set(stem, decoded);
    return decoded;
  };

  Engine.prototype.idf = function (df) {
    return Math.log(1 + (this.total - df + 0.5) / (df + 0.5));
  };

  Engine.prototype.tables = function (names) {
    var self = this;
    return Promise.all(Array.from(names).map(function (name) {
      return self.shard(name).then(function (table) { return [name, table]; });
    })).then(function (loaded) { return new Map(loaded); });
  };

  // The query as terms: each a list of alternative phrases (lists of stems), from synonyms.
  Engine.prototype.parse = function (text, typing) {
    var written = this.words(text);
    var stems = written.map(this.stem, this);
    var terms = [];
    var i = 0;
    while (i < stems.length) {
      var found = -1;
      var length = Math.min(this.longest, stems.length - i);
      for (; length > 0; length--) {
        var key = stems.slice(i, i + length).join(" ");
        if (this.phrases.has(key)) { found = this.phrases.get(key); break; }
      }
      if (found >= 0) {
        terms.push({ written: written.slice(i, i + length).join(" "), alternatives: this.data.synonyms[found], prefix: null });
        i += length;
      } else {
        var last = i === stems.length - 1 && typing;
        terms.push({ written: written[i], alternatives: [[stems[i]]], prefix: last ? written[i] : null });
        i += 1;
      }
    }
    return terms;
  };

  /*
   * Per case study, the best score of one term, and the stems that matched (for highlighting).
   * A term's alternatives (a word, or the names of one thing from the synonyms) count as one
   * word: their inverse document frequency is that of all the case studies any of them finds.
   * A phrase of several words needs them all, weighted by their mean.
   */
  Engine.prototype.termScores = function (term) {
    var self = this;
    var names = new Set();
    term.alternatives.forEach(function (phrase) {
      phrase.forEach(function (stem) { names.add(self.shardOf(stem)); });
    });
    if (term.prefix) names.add(this.shardOf(term.prefix));
    return this.tables(names).then(function (tables) {
      // Per case study, the best weight of the term's alternatives (0: none), then its score;
      // `docs` lists the case studies found, so nothing needs to look at every case study.
      var best = new Float64Array(self.total);
      var docs = [];
      var matched = new Set();
      function keep(doc, value) {
        if (best[doc] === 0) docs.push(doc);
        if (value > best[doc]) best[doc] = value;
      }
      function lookup(stem) { return (tables.get(self.shardOf(stem)) || {})[stem]; }
      term.alternatives.forEach(function (phrase) {
        var entries = phrase.map(lookup);
        if (entries.some(function (e) { return !e; })) return;
        phrase.forEach(function (stem) { matched.add(stem); });
        if (phrase.length === 1) {
          var one = self.decode(phrase[0], entries[0]);
          for (var k = 0; k < one.docs.length; k++) keep(one.docs[k], one.weights[k]);
          return;
        }
        var sums = null;
        phrase.forEach(function (stem, n) {
          var p = self.decode(stem, entries[n]);
          var next = new Map();
          for (var k = 0; k < p.docs.length; k++) {
            if (sums === null || sums.has(p.docs[k])) next.set(p.docs[k], (sums ? sums.get(p.docs[k]) : 0) + p.weights[k]);
          }
          sums = next;
        });
        sums.forEach(function (sum, doc) { keep(doc, sum / phrase.length); });
      });
      var factor = self.idf(docs.length) * (self.k1 + 1);
      for (var d = 0; d < docs.length; d++) best[docs[d]] *= factor;
      if (term.prefix && term.prefix.length >= 3) {
        // The word still being typed: every other word it begins, each at its own rarity, a little lower.
        var table = tables.get(self.shardOf(term.prefix)) || {};
        self.formsOf(table).forEach(function (stem) {
          if (matched.has(stem[0])) return;
          if (!stem[1].some(function (form) { return form.lastIndexOf(term.prefix, 0) === 0; })) return;
          var p = self.decode(stem[0], table[stem[0]]);
          var f = p.idf * (self.k1 + 1) * PREFIX_DISCOUNT;
          for (var k = 0; k < p.docs.length; k++) keep(p.docs[k], p.weights[k] * f);
          matched.add(stem[0]);
        });
      }
      return { best: best, docs: docs, stems: matched, tables: tables };
    });
  };

  // A shard's stems, each with its written forms, split once per shard and kept.
  Engine.prototype.formsOf = function (table) {
    var found = this.forms.get(table);
    if (!found) {
      found = Object.keys(table).map(function (stem) {
        var entry = table[stem];
        return [stem, entry[0] ? entry[0].split(" ") : [stem]];
      });
      this.forms.set(table, found);
    }
    return found;
  };

  // For a word that matches nothing: the indexed stem it makes by dropping an ending that names a
  // person ("reader" -> "read", "trainee" -> "train"): the same word in another form, not a misspelling.
  var PERSON = ["er", "or", "ee", "ist"];
  Engine.prototype.shorter = function (stem, tables) {
    var table = tables.get(this.shardOf(stem)) || {};
    for (var i = 0; i < PERSON.length; i++) {
      var ending = PERSON[i];
      var base = stem.slice(0, -ending.length);
      if (base.length >= 3 && stem.slice(-ending.length) === ending && table[base]) return base;
    }
    return null;
  };

  Engine.prototype.knownWords = function () {
    if (!this.vocabulary) {
      this.vocabulary = fetch(new URL("words.json", this.url))
        .then(function (r) { return r.json(); })
        .catch(function () { return []; });
    }
    return this.vocabulary;
  };

  // The nearest known word within a small number of edits (swaps count as one), most frequent first.
  Engine.prototype.nearest = function (word) {
    var limit = word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0;
    if (!limit) return Promise.resolve(null);
    return this.knownWords().then(function (vocabulary) {
      var best = null;
      var bestDistance = limit + 1;
      for (var i = 0; i < vocabulary.length; i++) {
        var candidate = vocabulary[i];
        if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
        var d = distance(word, candidate, bestDistance);
        if (d < bestDistance) { best = candidate; bestDistance = d; if (d === 1) break; }
      }
      return best;
    });
  };

  // Optimal string alignment distance, giving up once it exceeds `limit`.
  function distance(a, b, limit) {
    var previous2 = null;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      var low = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        var v = Math.min(previous[k] + 1, row[k - 1] + 1, previous[k - 1] + cost);
        if (previous2 && i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) v = Math.min(v, previous2[k - 2] + 1);
        row.push(v);
        if (v < low) low = v;
      }
      if (low >= limit) return limit;
      previous2 = previous;
      previous = row;
    }
    return previous[b.length];
  }

  /*
   * Search: resolves to {terms, matched (Uint8Array: terms matched per case study), score
   * (Float64Array), corrections [{from, to}], highlight {stems: Set, prefixes: [...]}} or null
   * when there are no words. `exact` turns off the correction of words that match nothing.
   */
  Engine.prototype.search = function (text, options) {
    var self = this;
    options = options || {};
    var terms = this.parse(text, Boolean(options.typing));
    if (!terms.length) return Promise.resolve(null);
    var corrections = [];
    return Promise.all(terms.map(function (term) {
      return self.termScores(term).then(function (result) {
        if (result.docs.length || options.exact || term.alternatives.length > 1) return result;
        var shorter = self.shorter(term.alternatives[0][0], result.tables);
        if (shorter) {
          term.alternatives = [[shorter]];
          return self.termScores(term);
        }
        return self.nearest(term.written).then(function (word) {
          if (!word) return result;
          corrections.push({ from: term.written, to: word });
          term.alternatives = [[self.stem(word)]];
          term.prefix = null;
          return self.termScores(term);
        });
      });
    })).then(function (perTerm) {
      var matched = new Uint8Array(self.total);
      var score = new Float64Array(self.total);
      var highlight = { stems: new Set(), phrases: [], prefixes: [] };
      perTerm.forEach(function (result, n) {
        for (var i = 0; i < result.docs.length; i++) {
          var doc = result.docs[i];
          matched[doc] += 1;
          score[doc] += result.best[doc];
        }
        result.stems.forEach(function (stem) { highlight.stems.add(stem); });
        terms[n].alternatives.forEach(function (phrase) {
          if (phrase.length > 1) {
            highlight.phrases.push(phrase);
            phrase.forEach(function (stem) { highlight.stems.delete(stem); });
          }
        });
        if (terms[n].prefix && result.docs.length) highlight.prefixes.push(terms[n].prefix);
      });
      return { terms: terms, matched: matched, score: score, corrections: corrections, highlight: highlight };
    });
  };

  root.psSearch = {
    Engine: Engine,
    fold: fold,
    distance: distance,
    open: function (indexUrl) {
      var url = new URL(indexUrl, root.location.href);
      return fetch(url).then(function (response) {
        if (!response.ok) throw new Error("index " + response.status);
        return response.json();
      }).then(function (data) { return new Engine(url, data); });
    },
  };
})(self);
