/* The search page: one ranking over the whole archive, from an index split by term and
   written as scripts (search/*.js; tools/search/index_builder.cjs), so that it works on
   the published site and from an offline copy opened from disk alike.

   A query loads the manifest's words files that hold its words (for the last word while
   it is typed, the range of words it begins), scores every article from those postings
   (BM25F weights made at build time, times each word's rarity), then loads what the
   results on screen show: title, date, category and a passage around the words found.
   Nothing here builds HTML from strings: results are made of DOM nodes. */
(function () {
  "use strict";

  var words = window.SearchText({ en: window.SiteStemmers.en, ru: window.SiteStemmers.ru });
  var root = document.getElementById("search-page");
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var controls = {
    category: document.getElementById("search-category"),
    year: document.getElementById("search-year"),
    actor: document.getElementById("search-actor"),
    tag: document.getElementById("search-tag"),
    sort: document.getElementById("search-sort")
  };
  var PAGE = 10; // results shown at first, and added by "Show more"
  var MAX_WORDS = 12; // a query's words looked up (a pasted page must not load the index)
  var PREFIX_TERMS = 40; // terms a word being typed may stand for, the most common first
  var TYPO_TERMS = 6; // names a misspelt word may stand for, the nearest first
  var strings = JSON.parse(document.getElementById("search-strings").textContent);
  var base = root.getAttribute("data-index");
  var site = root.getAttribute("data-site"); // the site's root: a result's url is from there
  var index = { manifest: null, files: {}, docs: {}, facets: null, names: null, spelling: {} };
  var waiting = {};
  var current = { query: null, results: [], limit: PAGE, matched: null, scored: null, parsed: [] };

  var plurals = new Intl.PluralRules(document.documentElement.lang || "en");

  /* A string with its {placeholders} filled; a string given in plural forms (theme/strings.yml)
     takes the form of values.count in the page's language. */
  function say(template, values) {
    var text = typeof template === "string" ? template : template[plurals.select(values.count)] || template.other;
    return text.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  /* gzip in base64 (the words and docs files) -> the data it holds. */
  function unpack(packed) {
    var bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(packed)
      : Uint8Array.from(atob(packed), function (c) { return c.charCodeAt(0); });
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  /* The index files call these when a script tag has run them. */
  window.SiteSearch = {
    manifest: function (data) { index.manifest = data; arrived("manifest"); },
    words: function (number, packed) {
      unpack(packed).then(function (entries) {
        var terms = new Map();
        entries.forEach(function (entry) { terms.set(entry[0], entry); });
        index.files[number] = terms;
        arrived("words-" + number);
      }, fail);
    },
    facets: function (packed) {
      unpack(packed).then(function (codes) {
        index.facets = codes;
        arrived("facets");
      }, fail);
    },
    names: function (data) { index.names = data; arrived("names"); },
    spelling: function (key, packed) {
      unpack(packed).then(function (terms) {
        index.spelling[key] = terms;
        arrived("spelling-" + key);
      }, fail);
    },
    doc: function (number, packed) {
      unpack(packed).then(function (data) {
        index.docs[number] = data;
        arrived("docs/" + number);
      }, fail);
    }
  };

  function arrived(name) {
    var callbacks = waiting[name] || [];
    delete waiting[name];
    callbacks.forEach(function (callback) { callback(); });
  }

  function loaded(name) {
    if (name === "manifest" || name === "facets" || name === "names") return index[name] !== null;
    if (name.indexOf("docs/") === 0) return Object.prototype.hasOwnProperty.call(index.docs, name.slice(5));
    if (name.indexOf("spelling-") === 0) return Object.prototype.hasOwnProperty.call(index.spelling, name.slice(9));
    return Object.prototype.hasOwnProperty.call(index.files, name.slice(6));
  }

  /* Load search/<name>.js once; resolves when its data is in. */
  function load(name) {
    if (loaded(name)) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var first = !waiting[name];
      (waiting[name] = waiting[name] || []).push(resolve);
      if (!first) return;
      var tag = document.createElement("script");
      tag.src = base + "/" + name + ".js";
      tag.onerror = function () {
        delete waiting[name];
        reject(new Error(say(strings.failed, { file: tag.src })));
      };
      document.head.appendChild(tag);
    });
  }

  /* The number of the words file whose range holds term. */
  function fileOf(term) {
    var firsts = index.manifest.words;
    var low = 0;
    var high = firsts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (firsts[middle] <= term) low = middle; else high = middle - 1;
    }
    return low;
  }

  function filesOfRange(prefix) {
    var numbers = [];
    for (var n = fileOf(prefix); n <= fileOf(prefix + "\uffff"); n++) numbers.push(n);
    return numbers.slice(0, 3); // a one-letter prefix must not load the index
  }

  function entryOf(term) {
    var file = index.files[fileOf(term)];
    return file ? file.get(term) : undefined;
  }

  /* postings "gap weight,gap weight,..." (base 36; a filter's term: gaps only) as
     {numbers, weights, length}, read a character at a time: a common word has thousands. */
  function decode(entry) {
    if (entry.decoded) return entry.decoded;
    var text = entry[1];
    var filter = entry[0].charAt(0) === "\u0001";
    var length = text ? 1 : 0;
    for (var i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) length++;
    var numbers = new Int32Array(length);
    var weights = new Uint8Array(length);
    var number = 0;
    var value = 0;
    var digit = 0;
    for (var n = 0, at = 0; n < length; at++) {
      var code = at < text.length ? text.charCodeAt(at) : 44;
      if (code !== 44) {
        digit = code <= 57 ? code - 48 : code - 87;
        value = value * 36 + digit;
        continue;
      }
      number += filter ? value : (value - digit) / 36; // a term's last digit is its weight
      numbers[n] = number;
      weights[n++] = filter ? 0 : digit;
      value = 0;
    }
    entry.decoded = { numbers: numbers, weights: weights, length: length };
    return entry.decoded;
  }

  function rarity(entry) {
    var total = index.manifest.documents;
    var count = decode(entry).length;
    return Math.log(1 + (total - count + 0.5) / (count + 0.5));
  }

  /* Levenshtein distance, stopping early past limit. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        best = Math.min(best, row[j]);
      }
      if (best > limit) return limit + 1;
      previous = row;
    }
    return previous[b.length];
  }

  /* What a query's word is: its forms, and whether it is still being typed. */
  function parse(query) {
    var found = [];
    var seen = new Set();
    words.words(query.slice(0, 2000)).forEach(function (word) {
      if (!seen.has(word) && found.length < MAX_WORDS) {
        seen.add(word);
        found.push({ word: word, forms: words.stems(word), prefix: false });
      }
    });
    if (found.length && /[\p{L}\p{N}]$/u.test(query)) found[found.length - 1].prefix = true;
    return found;
  }

  function filesFor(parsed, filters) {
    var names = new Set(["facets"]); // each result's category, for the counts beside them
    if (!index.manifest.words.length) return Array.from(names); // an archive with no words
    parsed.forEach(function (item) {
      item.forms.forEach(function (form) { names.add("words-" + fileOf(form)); });
      if (item.prefix) filesOfRange(item.word).forEach(function (n) { names.add("words-" + n); });
    });
    if (filters.actor) names.add("words-" + fileOf(filterTerm("a", filters.actor)));
    if (filters.tag) names.add("words-" + fileOf(filterTerm("t", filters.tag)));
    return Array.from(names);
  }

  function filterTerm(kind, name) {
    return "\u0001" + kind + ":" + words.words(name).join(" ");
  }

  /* The terms that stand for one word of the query, each with how much it counts. */
  function termsFor(item) {
    var terms = [];
    var exact = new Set();
    item.forms.forEach(function (form) {
      var entry = entryOf(form);
      if (entry && !exact.has(form)) {
        exact.add(form);
        terms.push({ entry: entry, factor: 1 });
      }
    });
    if (item.prefix) {
      var begun = [];
      filesOfRange(item.word).forEach(function (n) {
        (index.files[n] || new Map()).forEach(function (entry, term) {
          if (term !== item.word && term.indexOf(item.word) === 0 && !exact.has(term)) begun.push(entry);
        });
      });
      begun.sort(function (a, b) { return b[1].length - a[1].length; });
      begun.slice(0, PREFIX_TERMS).forEach(function (entry) {
        exact.add(entry[0]);
        terms.push({ entry: entry, factor: 0.7 });
      });
    }
    (item.typos || []).forEach(function (term) {
      var entry = entryOf(term);
      if (entry && !exact.has(term)) terms.push({ entry: entry, factor: 0.5 });
    });
    return terms;
  }

  function spellingKey(term) {
    return Array.from(term.slice(0, 2), function (c) { return c.charCodeAt(0).toString(16); }).join("-");
  }

  /* The spelling files of the words long enough to be misspelt (four letters or more). */
  function spellingFiles(parsed) {
    var keys = new Set();
    parsed.forEach(function (item) {
      if (item.word.length < 4) return;
      item.forms.forEach(function (form) { keys.add(spellingKey(form)); });
    });
    var known = new Set(index.manifest.spelling);
    return Array.from(keys).filter(function (key) { return known.has(key); })
      .map(function (key) { return "spelling-" + key; });
  }

  /* For each word: the words of names one letter away from it, or two for a long word
     (a misspelt name is found, and counts less); then the words files that hold them. */
  function findTypos(parsed) {
    var names = new Set();
    parsed.forEach(function (item) {
      if (item.word.length < 4) return;
      var limit = item.word.length >= 8 ? 2 : 1;
      var near = new Map(); // term -> its distance
      item.forms.forEach(function (form) {
        (index.spelling[spellingKey(form)] || []).forEach(function (term) {
          var away = term === form ? limit + 1 : distance(form, term, limit);
          if (away <= limit && !(near.get(term) <= away)) near.set(term, away);
        });
      });
      item.typos = Array.from(near.keys()).sort(function (a, b) {
        return near.get(a) - near.get(b);
      }).slice(0, TYPO_TERMS);
      item.typos.forEach(function (term) { names.add("words-" + fileOf(term)); });
    });
    return Array.from(names);
  }

  function allowed(filters) {
    var sets = [];
    if (filters.actor) sets.push(membersOf(entryOf(filterTerm("a", filters.actor))));
    if (filters.tag) sets.push(membersOf(entryOf(filterTerm("t", filters.tag))));
    var range = null;
    if (filters.year) {
      index.manifest.years.forEach(function (year) {
        if (String(year[0]) === filters.year) range = year;
      });
      if (!range) return function () { return false; };
    }
    var code = filters.category ? index.manifest.categories.indexOf(filters.category) : -1;
    var width = index.manifest.categoryWidth || 1;
    return function (number) {
      if (range && (number < range[1] || number > range[2])) return false;
      if (filters.category) {
        if (code < 0) return false;
        var digits = index.facets.substr(number * width, width);
        if (parseInt(digits, 36) !== code) return false;
      }
      return sets.every(function (set) { return set.has(number); });
    };
  }

  function membersOf(entry) {
    return new Set(entry ? decode(entry).numbers : []);
  }

  /* Every article that holds a word of the query: number -> {number, score, words}. */
  function scoreAll(parsed) {
    var scores = new Map();
    var matched = new Set();
    parsed.forEach(function (item) {
      var best = new Map();
      termsFor(item).forEach(function (term) {
        matched.add(term.entry[0]);
        var weight = rarity(term.entry) * term.factor / index.manifest.levels;
        var postings = decode(term.entry);
        for (var n = 0; n < postings.length; n++) {
          var score = weight * postings.weights[n];
          if (score > (best.get(postings.numbers[n]) || 0)) best.set(postings.numbers[n], score);
        }
      });
      best.forEach(function (score, number) {
        var total = scores.get(number) || { number: number, score: 0, words: 0 };
        total.score += score;
        total.words += 1;
        scores.set(number, total);
      });
    });
    return { scores: scores, matched: matched };
  }

  /* With no words but a filter, every article is a candidate, newest first. */
  function everyArticle() {
    var scores = new Map();
    for (var number = 0; number < index.manifest.documents; number++) {
      scores.set(number, { number: number, score: 0, words: 0 });
    }
    return { scores: scores, matched: new Set() };
  }

  /* The scored articles that the filters keep: those with all the query's words if there
     are any such, else those with some. */
  function kept(scores, wanted, keep) {
    var results = [];
    var all = false;
    scores.forEach(function (result) {
      if (!keep(result.number)) return;
      if (result.words === wanted && !all) {
        all = true;
        results = results.filter(function (r) { return r.words === wanted; });
      }
      if (!all || result.words === wanted) results.push(result);
    });
    return results;
  }

  /* Best first (ties: the newest, the higher number, first), or newest first. */
  function ordered(results, byDate) {
    return results.sort(byDate ? function (a, b) { return b.number - a.number; } : function (a, b) {
      return b.words - a.words || b.score - a.score || b.number - a.number;
    });
  }

  function without(filters, name) {
    var others = Object.assign({}, filters);
    others[name] = "";
    return others;
  }

  /* How many results each category and each year would give, the other filters applied
     (as Pagefind counts its filters): shown beside each choice. */
  function countChoices(scored, wanted, filters) {
    var categories = new Map();
    var width = index.manifest.categoryWidth || 1;
    kept(scored.scores, wanted, allowed(without(filters, "category"))).forEach(function (r) {
      var code = parseInt(index.facets.substr(r.number * width, width), 36);
      categories.set(code, (categories.get(code) || 0) + 1);
    });
    var years = new Map();
    var ranges = index.manifest.years;
    kept(scored.scores, wanted, allowed(without(filters, "year"))).forEach(function (r) {
      var year = ranges.find(function (range) { return r.number >= range[1] && r.number <= range[2]; });
      if (year) years.set(String(year[0]), (years.get(String(year[0])) || 0) + 1);
    });
    labelChoices(controls.category, function (option) {
      return categories.get(index.manifest.categories.indexOf(option.value)) || 0;
    });
    labelChoices(controls.year, function (option) { return years.get(option.value) || 0; });
  }

  function labelChoices(select, countOf) {
    Array.from(select.options).forEach(function (option) {
      if (!option.value) return;
      option.textContent = countOf ? say(strings.choice, { name: option.value, count: countOf(option) }) : option.value;
    });
  }

  /* The words of text that a matched term stands for, marked. */
  function marked(text, matched) {
    var fragment = document.createDocumentFragment();
    text.split(/([\p{L}\p{N}]+)/u).forEach(function (piece, index) {
      if (index % 2 === 1 && isMatched(piece, matched)) {
        var mark = document.createElement("mark");
        mark.textContent = piece;
        fragment.appendChild(mark);
      } else if (piece) {
        fragment.appendChild(document.createTextNode(piece));
      }
    });
    return fragment;
  }

  var headsOf = new WeakMap(); // matched terms -> the first two letters of each

  /* Whether a word of a text is one the query matched: as written, or by its stem. A stem
     begins as its word does, so a word whose first two letters begin no matched term is
     not stemmed at all (most words of a passage's body). */
  function isMatched(piece, matched) {
    var heads = headsOf.get(matched);
    if (!heads) {
      heads = new Set(Array.from(matched, function (term) { return term.slice(0, 2); }));
      headsOf.set(matched, heads);
    }
    var word = words.fold(piece);
    if (!heads.has(word.slice(0, 2))) return false;
    return matched.has(word) || matched.has(words.stem(word));
  }

  /* About 30 words of the body around its first matched word, else the lead. */
  function passage(doc, matched) {
    var pieces = (doc.body || "").split(/([\p{L}\p{N}]+)/u);
    for (var i = 1; i < pieces.length; i += 2) {
      if (isMatched(pieces[i], matched)) {
        var start = Math.max(0, i - 20);
        var end = Math.min(pieces.length, i + 40);
        return (start > 0 ? "… " : "") + pieces.slice(start, end).join("").trim() +
          (end < pieces.length ? " …" : "");
      }
    }
    return doc.lead || "";
  }

  function resultItem(result) {
    var doc = index.docs[result.number];
    var item = document.createElement("li");
    item.className = "search-result";
    var article = item.appendChild(document.createElement("article"));
    var heading = article.appendChild(document.createElement("h2"));
    var link = heading.appendChild(document.createElement("a"));
    link.href = site + "/" + doc.url;
    link.appendChild(marked(doc.title, current.matched));
    var meta = article.appendChild(document.createElement("p"));
    meta.className = "meta";
    var time = meta.appendChild(document.createElement("time"));
    time.setAttribute("datetime", doc.datetime);
    time.textContent = doc.date;
    if (doc.category) meta.appendChild(document.createTextNode(" · " + doc.category));
    var text = passage(doc, current.matched);
    if (text) {
      var excerpt = article.appendChild(document.createElement("p"));
      excerpt.className = "search-passage";
      excerpt.appendChild(marked(text, current.matched));
    }
    return item;
  }

  function show(key) {
    var visible = current.results.slice(0, current.limit);
    return Promise.all(visible.map(function (r) { return load("docs/" + r.number); })).then(function () {
      if (key !== current.query) return;
      list.replaceChildren.apply(list, visible.map(resultItem));
      more.hidden = visible.length >= current.results.length;
      var count = current.results.length;
      var template = current.parsed.length
        ? (count ? strings.found : strings.none)
        : (count ? strings.listed : strings.listed_none);
      status.textContent = say(template, { count: count, query: current.words });
      root.setAttribute("data-state", "done");
    });
  }

  function filters() {
    return {
      category: controls.category.value,
      year: controls.year.value,
      actor: controls.actor.value.trim(),
      tag: controls.tag.value.trim()
    };
  }

  function filtered(chosen) {
    return Boolean(chosen.category || chosen.year || chosen.actor || chosen.tag);
  }

  function run() {
    var query = input.value.trim().slice(0, 10000);
    var chosen = filters();
    var key = JSON.stringify([query, chosen, controls.sort.value]);
    current.query = key;
    current.limit = PAGE;
    root.setAttribute("data-state", "searching");
    var parsed = parse(query);
    current.parsed = parsed;
    if (!parsed.length && !(filtered(chosen) && index.manifest.documents)) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = query ? say(strings.none, { query: query }) : "";
      current.scored = null;
      labelChoices(controls.category, null);
      labelChoices(controls.year, null);
      root.setAttribute("data-state", "done");
      return Promise.resolve();
    }
    // the words the typos stand for are looked up as soon as the spelling files are in,
    // while the query's own words files are still loading
    var typos = Promise.all(spellingFiles(parsed).map(load)).then(function () {
      return Promise.all(findTypos(parsed).map(load));
    });
    return Promise.all(filesFor(parsed, chosen).map(load).concat([typos])).then(function () {
      if (key !== current.query) return;
      var scored = parsed.length ? scoreAll(parsed) : everyArticle();
      var results = kept(scored.scores, parsed.length, allowed(chosen));
      current.scored = scored;
      current.results = ordered(results, controls.sort.value === "date" || !parsed.length);
      current.matched = scored.matched;
      current.words = query;
      countChoices(scored, parsed.length, chosen);
      return show(key);
    });
  }

  function fail(error) {
    status.textContent = error.message;
    root.setAttribute("data-state", "failed");
  }

  function remember() {
    var params = new URLSearchParams();
    params.set("q", input.value.trim());
    Object.keys(controls).forEach(function (name) {
      var value = controls[name].value.trim();
      if (value && !(name === "sort" && value === "relevance")) params.set(name, value);
    });
    try {
      history.replaceState(null, "", "?" + params.toString());
    } catch (ignored) { /* some browsers refuse this from file:// */ }
  }

  function fillChoices() {
    var manifest = index.manifest;
    manifest.categories.forEach(function (name) {
      if (name) controls.category.appendChild(new Option(name, name));
    });
    manifest.years.forEach(function (year) {
      controls.year.appendChild(new Option(String(year[0]), String(year[0])));
    });
  }

  var FILTERS = { actors: { control: "actor", code: "a" }, tags: { control: "tag", code: "t" } };
  var SUGGESTED = 50; // names suggested for what is typed in an actor or tag box

  /* What the actor and tag boxes suggest: with nothing typed, every name; else the names
     that begin with what is typed, each with how many results it would give (the other
     filters applied), the most first. A name's articles are its filter term's postings,
     and the terms of the names that begin alike sit side by side in the words files, so
     what is typed loads at most three of them. */
  function suggest(kind) {
    var filter = FILTERS[kind];
    var asked = (filter.asked = (filter.asked || 0) + 1); // an earlier answer comes too late
    var typed = typedName(controls[filter.control].value);
    var prefix = "\u0001" + filter.code + ":" + typed;
    var files = typed && index.manifest.words.length ? filesOfRange(prefix) : [];
    return Promise.all(["names"].concat(files.map(function (n) { return "words-" + n; })).map(load)).then(function () {
      if (asked !== filter.asked) return;
      var datalist = document.getElementById("search-" + kind + "-names");
      if (!typed) {
        datalist.replaceChildren.apply(datalist, index.names[kind].map(function (name) { return new Option(name); }));
        return;
      }
      var shown = displayNames(kind);
      var among = candidates(filter.control);
      var found = [];
      files.forEach(function (n) {
        index.files[n].forEach(function (entry, term) {
          if (term.indexOf(prefix) !== 0 || !shown.has(term)) return;
          var numbers = decode(entry).numbers;
          var count = 0;
          for (var i = 0; i < numbers.length; i++) if (!among || among.has(numbers[i])) count++;
          found.push({ name: shown.get(term), count: count });
        });
      });
      found.sort(function (a, b) { return b.count - a.count || (a.name < b.name ? -1 : 1); });
      datalist.replaceChildren.apply(datalist, found.slice(0, SUGGESTED).map(function (name) {
        var option = new Option("", name.name);
        option.label = say(strings.articles, { count: name.count });
        return option;
      }));
    }).catch(fail);
  }

  /* What is typed in a name box as its filter term is made, but for the word still being
     typed, kept whatever it is (a single letter, or "be" on its way to "Belaruskali"). */
  function typedName(value) {
    var folded = words.fold(value);
    var last = /[\p{L}\p{N}]+$/u.exec(folded);
    var before = words.words(last ? folded.slice(0, last.index) : folded);
    return before.concat(last ? [last[0]] : []).join(" ");
  }

  /* filter term -> the name as written, for one kind of filter (built once). */
  function displayNames(kind) {
    var key = "shown-" + kind;
    if (!index[key]) {
      index[key] = new Map(index.names[kind].map(function (name) {
        return ["\u0001" + FILTERS[kind].code + ":" + words.words(name).join(" "), name];
      }));
    }
    return index[key];
  }

  /* The numbers of the last query's results without the filter of this box (null: no
     query nor filter, every article counts). */
  function candidates(control) {
    if (!current.scored) return null;
    var others = allowed(without(filters(), control));
    return new Set(kept(current.scored.scores, current.parsed.length, others).map(function (r) {
      return r.number;
    }));
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    remember();
    run().catch(fail);
  });
  more.addEventListener("click", function () {
    current.limit += PAGE;
    show(current.query).catch(fail);
  });
  var typing;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { run().catch(fail); }, 120);
  });
  Object.keys(controls).forEach(function (name) {
    controls[name].addEventListener("change", function () { remember(); run().catch(fail); });
  });
  Object.keys(FILTERS).forEach(function (kind) {
    var box = controls[FILTERS[kind].control];
    var pause;
    box.addEventListener("focus", function () { suggest(kind); });
    box.addEventListener("input", function () {
      clearTimeout(pause);
      pause = setTimeout(function () { suggest(kind); }, 120);
    });
  });

  root.classList.add("search-ready");
  load("manifest").then(function () {
    fillChoices();
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    Object.keys(controls).forEach(function (name) {
      if (params.get(name)) controls[name].value = params.get(name);
    });
    root.setAttribute("data-state", "ready");
    return run();
  }).catch(fail);
})();
