/* The search page: MiniSearch over an index written as scripts (search/*.js), so that it
   works on the published site and from an offline copy opened from disk alike.

   First results come from the small metadata index (title, actors, tags, category, lead);
   the full-text index is then loaded group by group and adds articles that match in their
   body only. Nothing here builds HTML from strings: results are made of DOM nodes. */
(function () {
  "use strict";

  var options = window.SiteSearchOptions;
  var root = document.getElementById("search-page");
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var PAGE = 20;  // results shown at first, and added by "Show more"
  var strings = JSON.parse(document.getElementById("search-strings").textContent);
  var base = root.getAttribute("data-index");
  var state = { meta: null, info: null, docs: {}, text: {}, waiting: {}, query: "" };

  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  /* The index files call these when a script tag has run them. */
  window.SiteSearch = {
    setMeta: function (data) {
      state.info = data;
      state.meta = MiniSearch.loadJS(options.expand(data.index), options.meta);
      arrived("meta");
    },
    addDocs: function (data) {
      state.docs[data.shard] = data.rows;
      arrived("docs-" + data.shard);
    },
    addText: function (data) {
      state.text[data.group] = MiniSearch.loadJS(options.expand(data.index), options.text);
      arrived("text-" + data.group);
    }
  };

  function arrived(name) {
    var callbacks = state.waiting[name] || [];
    delete state.waiting[name];
    callbacks.forEach(function (callback) { callback.resolve(); });
  }

  /* Load search/<name>.js once; resolves when its data is in. */
  function load(name) {
    if (name === "meta" ? state.meta : isLoaded(name)) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var first = !state.waiting[name];
      (state.waiting[name] = state.waiting[name] || []).push({ resolve: resolve });
      if (!first) return;
      var tag = document.createElement("script");
      tag.src = base + "/" + name + ".js";
      tag.onerror = function () { reject(new Error(say(strings.failed, { file: tag.src }))); };
      document.head.appendChild(tag);
    });
  }

  function isLoaded(name) {
    var parts = name.split("-");
    var store = parts[0] === "docs" ? state.docs : state.text;
    return Object.prototype.hasOwnProperty.call(store, parts[1]);
  }

  function shardOf(id) { return Math.floor(id / state.info.docsPerShard); }

  function row(id) {
    return state.docs[shardOf(id)][id % state.info.docsPerShard];
  }

  /* Marks the words of text that a matched term begins, accents and case aside. */
  function marked(text, terms) {
    var fragment = document.createDocumentFragment();
    text.split(/([\p{L}\p{N}]+)/u).forEach(function (piece, index) {
      var word = options.normalize(piece);
      var hit = index % 2 === 1 && terms.some(function (term) {
        return word.indexOf(term) === 0 || (word.length >= 3 && term.indexOf(word) === 0);
      });
      if (hit) {
        var mark = document.createElement("mark");
        mark.textContent = piece;
        fragment.appendChild(mark);
      } else if (piece) {
        fragment.appendChild(document.createTextNode(piece));
      }
    });
    return fragment;
  }

  function resultItem(result) {
    var data = row(result.id);  // [title, url, date, datetime, category, lead]
    var item = document.createElement("li");
    item.className = "search-result";
    var article = item.appendChild(document.createElement("article"));
    var heading = article.appendChild(document.createElement("h2"));
    var link = heading.appendChild(document.createElement("a"));
    link.href = data[1];
    link.appendChild(marked(data[0], result.terms));
    var meta = article.appendChild(document.createElement("p"));
    meta.className = "meta";
    var time = meta.appendChild(document.createElement("time"));
    time.setAttribute("datetime", data[3]);
    time.textContent = data[2];
    if (data[4]) meta.appendChild(document.createTextNode(" · " + data[4]));
    if (data[5]) {
      var lead = article.appendChild(document.createElement("p"));
      lead.className = "search-lead";
      lead.appendChild(marked(data[5], result.terms));
    }
    return item;
  }

  function show(query, results, done) {
    state.results = results;
    var visible = results.slice(0, state.limit);
    var shards = Array.from(new Set(visible.map(function (r) { return shardOf(r.id); })));
    return Promise.all(shards.map(function (s) { return load("docs-" + s); })).then(function () {
      if (query !== state.query) return;
      list.replaceChildren.apply(list, visible.map(resultItem));
      more.hidden = visible.length >= results.length;
      var template = results.length === 1 ? strings.found_one
        : results.length ? strings.found : strings.none;
      status.textContent = say(template, { count: results.length, query: query }) +
        (done ? "" : " " + strings.more);
    });
  }

  function run(query) {
    query = query.trim();
    state.query = query;
    state.limit = PAGE;
    state.done = false;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return Promise.resolve();
    }
    var found = state.meta.search(query);
    var seen = new Set(found.map(function (r) { return r.id; }));
    var groups = Array.from({ length: state.info.textGroups }, function (_, g) { return g; });
    return show(query, found, groups.length === 0).then(function next() {
      if (query !== state.query) return;
      if (groups.length === 0) {
        state.done = true;
        return;
      }
      var group = groups.shift();
      return load("text-" + group).then(function () {
        state.text[group].search(query).forEach(function (result) {
          if (!seen.has(result.id)) {
            seen.add(result.id);
            found.push(result);
          }
        });
        return show(query, found, groups.length === 0).then(next);
      });
    });
  }

  function fail(error) {
    status.textContent = error.message;
    if (window.console) console.error(error);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(input.value).catch(fail);
    try {
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value.trim()));
    } catch (ignored) { /* some browsers refuse this from file:// */ }
  });
  more.addEventListener("click", function () {
    state.limit += PAGE;
    show(state.query, state.results, state.done).catch(fail);
  });
  var typing;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { run(input.value).catch(fail); }, 120);
  });

  root.classList.add("search-ready");
  load("meta").then(function () {
    root.setAttribute("data-state", "ready");
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    return run(query);
  }).catch(fail);
})();
