/*
 * stem.js: the Snowball English ("Porter2") stemmer, for the in-browser search.
 *
 * A faithful JavaScript port of the Snowball English algorithm (english.sbl), following the
 * code Snowball 3.1.1 generates for it (as in the PyPI package snowballstemmer==3.1.1): the
 * same among tables, exceptions, prelude, R1/R2 regions and steps 1a-5, and the same cursor
 * handling. psStem(word) takes one lowercase word (a-z, 0-9, apostrophes) and returns exactly
 * what snowballstemmer.stemmer("english").stemWord(word) returns; tests/test_stem_js.py checks
 * that against the Python package over a large word list.
 *
 * Licence: Snowball (https://snowballstem.org/) is BSD-licensed (3-clause BSD): Copyright (c)
 * 2001, Dr Martin Porter; (c) 2004,2005, Richard Boulton; (c) 2013, Yoshiki Shibukawa;
 * (c) 2006-2025, Olly Betts. This port of its English algorithm is under the same licence.
 *
 * Plain script, no modules: defines globalThis.psStem, and module.exports in Node.
 */
(function (root) {
  "use strict";

  // Among tables: [string, index of the longest entry that is a suffix/prefix of it, result].
  // A result of -1 means "matched, nothing to do"; 0 from findAmong means "no match".
  var A0 = [["arsen", -1, -1], ["commun", -1, -1], ["emerg", -1, -1], ["gener", -1, -1],
    ["inter", -1, -1], ["later", -1, -1], ["organ", -1, -1], ["past", -1, -1],
    ["univers", -1, -1]];
  var A1 = [["'", -1, 1], ["'s'", 0, 1], ["'s", -1, 1]];
  var A2 = [["ied", -1, 2], ["s", -1, 3], ["ies", 1, 2], ["sses", 1, 1], ["ss", 1, -1],
    ["us", 1, -1]];
  var A3 = [["succ", -1, 1], ["proc", -1, 1], ["exc", -1, 1]];
  var A4 = [["even", -1, 2], ["cann", -1, 2], ["inn", -1, 2], ["earr", -1, 2], ["herr", -1, 2],
    ["out", -1, 2], ["y", -1, 1]];
  var A5 = [["", -1, -1], ["ed", 0, 2], ["eed", 1, 1], ["ing", 0, 3], ["edly", 0, 2],
    ["eedly", 4, 1], ["ingly", 0, 2]];
  var A6 = [["", -1, 3], ["bb", 0, 2], ["dd", 0, 2], ["ff", 0, 2], ["gg", 0, 2], ["bl", 0, 1],
    ["mm", 0, 2], ["nn", 0, 2], ["pp", 0, 2], ["rr", 0, 2], ["at", 0, 1], ["tt", 0, 2],
    ["iz", 0, 1]];
  var A7 = [["anci", -1, 3], ["enci", -1, 2], ["ogi", -1, 14], ["li", -1, 16], ["bli", 3, 12],
    ["abli", 4, 4], ["alli", 3, 8], ["fulli", 3, 9], ["lessli", 3, 15], ["ousli", 3, 10],
    ["entli", 3, 5], ["aliti", -1, 8], ["biliti", -1, 12], ["iviti", -1, 11],
    ["tional", -1, 1], ["ational", 14, 7], ["alism", -1, 8], ["ation", -1, 7],
    ["ization", 17, 6], ["izer", -1, 6], ["ator", -1, 7], ["iveness", -1, 11],
    ["fulness", -1, 9], ["ousness", -1, 10], ["ogist", -1, 13]];
  var A8 = [["icate", -1, 4], ["ative", -1, 6], ["alize", -1, 3], ["iciti", -1, 4],
    ["ical", -1, 4], ["tional", -1, 1], ["ational", 5, 2], ["ful", -1, 5], ["ness", -1, 5]];
  var A9 = [["ic", -1, 1], ["ance", -1, 1], ["ence", -1, 1], ["able", -1, 1], ["ible", -1, 1],
    ["ate", -1, 1], ["ive", -1, 1], ["ize", -1, 1], ["iti", -1, 1], ["al", -1, 1],
    ["ism", -1, 1], ["ion", -1, 2], ["er", -1, 1], ["ous", -1, 1], ["ant", -1, 1],
    ["ent", -1, 1], ["ment", 15, 1], ["ement", 16, 1]];
  var A10 = [["e", -1, 1], ["l", -1, 2]];
  var A11 = [["andes", -1, -1], ["atlas", -1, -1], ["bias", -1, -1], ["cosmos", -1, -1],
    ["early", -1, 6], ["gently", -1, 4], ["howe", -1, -1], ["idly", -1, 3], ["news", -1, -1],
    ["only", -1, 7], ["singly", -1, 8], ["skies", -1, 2], ["skis", -1, 1], ["sky", -1, -1],
    ["ugly", -1, 5]];
  var EXC = ["ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl"];
  // Step 2 and step 3 replacements by among result (14, 16 and 3's 5, 6 are handled apart).
  var S2 = [null, "tion", "ence", "ance", "able", "ent", "ize", "ate", "al", "ful", "ous",
    "ive", "ble", "og", null, "less"];
  var S3 = [null, "tion", "ate", "al", "ic"];

  var G_V = "aeiouy", G_V_WXY = "Yaeiouwxy", G_VALID_LI = "cdeghkmnrt", G_AEO = "aeo";

  // Stemmer state, as in Snowball's BaseStemmer. psStem is not reentrant, so one copy does.
  var cur = "", c = 0, l = 0, lb = 0, bra = 0, ket = 0, p1 = 0, p2 = 0, yFound = false;

  function has(g, i) { return g.indexOf(cur.charAt(i)) >= 0; }
  function inG(g) { if (c >= l || !has(g, c)) return false; c++; return true; }
  function inGB(g) { if (c <= lb || !has(g, c - 1)) return false; c--; return true; }
  function outGB(g) { if (c <= lb || has(g, c - 1)) return false; c--; return true; }
  function goIn(g) { while (c < l) { if (!has(g, c)) return true; c++; } return false; }
  function goOut(g) { while (c < l) { if (has(g, c)) return true; c++; } return false; }
  function goOutB(g) { while (c > lb) { if (has(g, c - 1)) return true; c--; } return false; }
  function eqB(s) {
    if (c - lb < s.length || cur.slice(c - s.length, c) !== s) return false;
    c -= s.length;
    return true;
  }
  function charB(ch) { if (c <= lb || cur.charAt(c - 1) !== ch) return false; c--; return true; }

  function sliceFrom(s) {
    var adj = s.length - (ket - bra);
    cur = cur.slice(0, bra) + s + cur.slice(ket);
    l += adj;
    if (c >= ket) c += adj;
    else if (c > bra) c = bra;
    ket = bra + s.length;
  }

  // Binary search of a sorted among table, forwards from the cursor (as Snowball's find_among).
  function findAmong(v) {
    var i = 0, j = v.length, cc = c, ci = 0, cj = 0, first = false, k, w, common, diff, n;
    for (;;) {
      k = i + ((j - i) >> 1); w = v[k][0]; diff = 0; common = ci < cj ? ci : cj;
      for (n = common; n < w.length; n++) {
        if (cc + common === l) { diff = -1; break; }
        diff = cur.charCodeAt(cc + common) - w.charCodeAt(n);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; cj = common; } else { i = k; ci = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first) break;
        first = true;
      }
    }
    for (;;) {
      w = v[i];
      if (ci >= w[0].length) { c = cc + w[0].length; return w[2]; }
      i = w[1];
      if (i < 0) return 0;
    }
  }

  // The same, backwards from the cursor over suffixes (as Snowball's find_among_b).
  function findAmongB(v) {
    var i = 0, j = v.length, cc = c, ci = 0, cj = 0, first = false, k, w, common, diff, n;
    for (;;) {
      k = i + ((j - i) >> 1); w = v[k][0]; diff = 0; common = ci < cj ? ci : cj;
      for (n = w.length - 1 - common; n >= 0; n--) {
        if (cc - common === lb) { diff = -1; break; }
        diff = cur.charCodeAt(cc - 1 - common) - w.charCodeAt(n);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; cj = common; } else { i = k; ci = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first) break;
        first = true;
      }
    }
    for (;;) {
      w = v[i];
      if (ci >= w[0].length) { c = cc - w[0].length; return w[2]; }
      i = w[1];
      if (i < 0) return 0;
    }
  }

  function R1() { return p1 <= c; }
  function R2() { return p2 <= c; }

  // Drop a leading apostrophe; mark y as consonant (Y) at the start and after a vowel.
  function prelude() {
    var v, found;
    yFound = false;
    bra = c;
    if (c < l && cur.charAt(c) === "'") { c++; ket = c; sliceFrom(""); }
    c = 0;
    bra = c;
    if (c < l && cur.charAt(c) === "y") { c++; ket = c; sliceFrom("Y"); yFound = true; }
    c = 0;
    for (;;) {
      found = false;
      for (;;) {
        v = c;
        if (inG(G_V)) {
          bra = c;
          if (c < l && cur.charAt(c) === "y") { c++; ket = c; c = v; found = true; break; }
        }
        c = v;
        if (c >= l) break;
        c++;
      }
      if (!found) break;
      sliceFrom("Y");
      yFound = true;
    }
    c = 0;
  }

  // R1 (after the special prefixes, or after the first non-vowel following a vowel) and R2.
  function markRegions() {
    p1 = l; p2 = l;
    var v = c;
    out: {
      if (findAmong(A0) === 0) {
        c = v;
        if (!goOut(G_V)) break out;
        c++;
        if (!goIn(G_V)) break out;
        c++;
      }
      p1 = c;
      if (!goOut(G_V)) break out;
      c++;
      if (!goIn(G_V)) break out;
      c++;
      p2 = c;
    }
    c = v;
  }

  function shortv() {
    var v = l - c;
    if (outGB(G_V_WXY) && inGB(G_V) && outGB(G_V)) return true;
    c = l - v;
    if (outGB(G_V) && inGB(G_V) && c <= lb) return true;
    c = l - v;
    return eqB("past");
  }

  function step1a() {
    var v = l - c, av;
    ket = c;
    if (findAmongB(A1) === 0) c = l - v;
    else { bra = c; sliceFrom(""); }
    ket = c;
    av = findAmongB(A2);
    if (av === 0) return false;
    bra = c;
    if (av === 1) sliceFrom("ss");
    else if (av === 2) {
      v = l - c;
      if (c - 2 >= lb) { c -= 2; sliceFrom("i"); } else { c = l - v; sliceFrom("ie"); }
    } else if (av === 3) {
      if (c <= lb) return false;
      c--;
      if (!goOutB(G_V)) return false;
      c--;
      sliceFrom("");
    }
    return true;
  }

  function step1b() {
    var av, v1, v2, v;
    ket = c;
    av = findAmongB(A5);
    bra = c;
    v1 = l - c;
    fail: {
      if (av === 1) { // eed, eedly
        v2 = l - c;
        if (R1()) {
          v = l - c;
          if (!(findAmongB(A3) !== 0 && c <= lb)) { c = l - v; sliceFrom("ee"); }
        }
        c = l - v2;
      } else if (av === 2) { // ed, edly, ingly
        break fail;
      } else if (av === 3) { // ing
        av = findAmongB(A4);
        if (av === 0) break fail;
        if (av === 1) {
          v = l - c;
          if (!outGB(G_V) || c > lb) break fail;
          c = l - v; bra = c; sliceFrom("ie");
        } else if (c > lb) break fail;
      }
      return true;
    }
    c = l - v1;
    v = l - c;
    if (!goOutB(G_V)) return false;
    c--;
    c = l - v;
    sliceFrom("");
    ket = c; bra = c;
    v1 = l - c;
    av = findAmongB(A6);
    if (av === 1) { sliceFrom("e"); return false; }
    if (av === 2) {
      v = l - c;
      if (inGB(G_AEO) && c <= lb) return false;
      c = l - v;
    } else {
      if (c !== p1) return false;
      v = l - c;
      if (!shortv()) return false;
      c = l - v;
      sliceFrom("e");
      return false;
    }
    c = l - v1;
    ket = c;
    if (c <= lb) return false;
    c--; bra = c;
    sliceFrom("");
    return true;
  }

  function step1c() {
    ket = c;
    if (!charB("y") && !charB("Y")) return false;
    bra = c;
    if (!outGB(G_V) || c <= lb) return false;
    sliceFrom("i");
    return true;
  }

  function step2() {
    ket = c;
    var av = findAmongB(A7);
    if (av === 0) return false;
    bra = c;
    if (!R1()) return false;
    if (av === 14) { if (!charB("l")) return false; sliceFrom("og"); }
    else if (av === 16) { if (!inGB(G_VALID_LI)) return false; sliceFrom(""); }
    else sliceFrom(S2[av]);
    return true;
  }

  function step3() {
    ket = c;
    var av = findAmongB(A8);
    if (av === 0) return false;
    bra = c;
    if (!R1()) return false;
    if (av <= 4) sliceFrom(S3[av]);
    else if (av === 5) sliceFrom("");
    else { if (!R2()) return false; sliceFrom(""); }
    return true;
  }

  function step4() {
    ket = c;
    var av = findAmongB(A9);
    if (av === 0) return false;
    bra = c;
    if (!R2()) return false;
    if (av !== 1 && !charB("s") && !charB("t")) return false;
    sliceFrom("");
    return true;
  }

  function step5() {
    ket = c;
    var av = findAmongB(A10), v;
    if (av === 0) return false;
    bra = c;
    if (av === 1) {
      if (!R2()) {
        if (!R1()) return false;
        v = l - c;
        if (shortv()) return false;
        c = l - v;
      }
      sliceFrom("");
    } else {
      if (!R2() || !charB("l")) return false;
      sliceFrom("");
    }
    return true;
  }

  function exception1() {
    bra = c;
    var av = findAmong(A11);
    if (av === 0) return false;
    ket = c;
    if (c < l) return false;
    if (av > 0) sliceFrom(EXC[av - 1]);
    return true;
  }

  function postlude() {
    var v, found;
    if (!yFound) return false;
    for (;;) {
      found = false;
      for (;;) {
        v = c;
        bra = c;
        if (c < l && cur.charAt(c) === "Y") { c++; ket = c; c = v; found = true; break; }
        c = v;
        if (c >= l) break;
        c++;
      }
      if (!found) break;
      sliceFrom("y");
    }
    return true;
  }

  function psStem(word) {
    var v;
    cur = String(word); c = 0; l = cur.length; lb = 0; bra = 0; ket = l;
    if (exception1()) return cur;
    c = 0;
    if (l < 3) return cur; // words of one or two characters are left alone
    prelude();
    markRegions();
    lb = c; c = l;
    v = l - c; step1a(); c = l - v;
    v = l - c; step1b(); c = l - v;
    v = l - c; step1c(); c = l - v;
    v = l - c; step2(); c = l - v;
    v = l - c; step3(); c = l - v;
    v = l - c; step4(); c = l - v;
    v = l - c; step5(); c = l - v;
    c = lb;
    postlude();
    return cur;
  }

  root.psStem = psStem;
  if (typeof module !== "undefined" && module.exports) module.exports = psStem;
})(typeof globalThis !== "undefined" ? globalThis : typeof self !== "undefined" ? self : window);
