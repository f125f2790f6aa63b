#!/usr/bin/env node
/* Builds the search index files of the site from JSON lists of documents, one part per run
   (a Node process per text group keeps the memory of each run small):

   node tools/search/build_index.cjs meta documents.json output/search GROUPS
   node tools/search/build_index.cjs text group-N.json output/search N

   documents: [{id, title, url, date, datetime, category, tags, actors, lead}], and
   group-N.json: [{id, body}] for the documents of text group N
   Writes, each a script that hands its data to window.SiteSearch (browsers refuse fetch
   and XHR from file://, but load scripts):
   - meta.js      MiniSearch index of title, actors, tags, category and lead: first results
   - docs-N.js    what a result shows (title, url, date, category, lead), DOCS_PER_SHARD each
   - text-N.js    MiniSearch index of the body text, DOCS_PER_GROUP (generator.py) each,
                  loaded after the first results are shown
   Indexes are written compacted (search-options.js: compact, expand). */
"use strict";
const fs = require("fs");
const path = require("path");
const MiniSearch = require("minisearch");
const options = require("../../theme/static/js/search-options.js");

const DOCS_PER_SHARD = 25;

function script(call, data) {
  return `window.SiteSearch.${call}(${JSON.stringify(data)});\n`;
}

// The same words come back thousands of times: normalise each distinct one once.
function remembered(processTerm) {
  const known = new Map();
  return (term) => {
    if (!known.has(term)) known.set(term, processTerm(term));
    return known.get(term);
  };
}

function buildIndex(settings, documents) {
  const index = new MiniSearch({
    fields: settings.fields,
    processTerm: remembered(settings.processTerm),
    searchOptions: settings.searchOptions,
  });
  index.addAll(documents);
  return compactedJSON(index);
}

/* options.compact(index.toJSON()), without first building the index uncompacted: it
   takes half the time of a text group. It reads MiniSearch's private _index (the version
   is pinned in package-lock.json); `check` mode compares it with the public way. */
function compactedJSON(index) {
  const terms = index._index;
  index._index = [];
  let saved;
  try {
    saved = index.toJSON();
  } finally {
    index._index = terms;
  }
  const byNumber = (a, b) => a - b;
  saved.index = [];
  for (const [term, fieldIndex] of terms) {
    const packed = [term];
    for (const fieldId of [...fieldIndex.keys()].sort(byNumber)) {
      const freqs = fieldIndex.get(fieldId);
      let previous = 0;
      const parts = [...freqs.keys()].sort(byNumber).map((id) => {
        const gap = (id - previous).toString(36);
        previous = id;
        const count = freqs.get(id);
        return count > 1 ? gap + "*" + count.toString(36) : gap;
      });
      packed.push(fieldId, parts.join(","));
    }
    saved.index.push(packed);
  }
  return saved;
}

function publicWay(settings, documents) {
  const index = new MiniSearch({
    fields: settings.fields,
    processTerm: settings.processTerm,
    searchOptions: settings.searchOptions,
  });
  index.addAll(documents);
  return options.compact(index.toJSON());
}

function chunks(list, size) {
  const out = [];
  for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
  return out;
}

function main() {
  const [mode, source, target, number] = process.argv.slice(2);
  const documents = JSON.parse(fs.readFileSync(source, "utf8"));
  fs.mkdirSync(target, { recursive: true });
  const write = (name, text) => fs.writeFileSync(path.join(target, name), text);
  if (mode === "meta") {
    const meta = documents.map(({ id, title, actors, tags, category, lead }) => ({
      id, title, actors: actors.join(" \n "), tags: tags.join(" \n "), category, lead,
    }));
    write("meta.js", script("setMeta", {
      count: documents.length,
      docsPerShard: DOCS_PER_SHARD,
      textGroups: Number(number),
      index: buildIndex(options.meta, meta),
    }));
    chunks(documents, DOCS_PER_SHARD).forEach((shard, n) => {
      const rows = shard.map((d) => [d.title, d.url, d.date, d.datetime, d.category, d.lead]);
      write(`docs-${n}.js`, script("addDocs", { shard: n, rows }));
    });
  } else if (mode === "check") {  // node build_index.cjs check documents.json - -
    const texts = documents.map(({ id, body }) => ({ id, body }));
    const same = JSON.stringify(buildIndex(options.text, texts)) ===
      JSON.stringify(publicWay(options.text, texts));
    process.stdout.write(same ? "same\n" : "different\n");
  } else if (mode === "text") {
    const index = buildIndex(options.text, documents.map(({ id, body }) => ({ id, body })));
    write(`text-${number}.js`, script("addText", { group: Number(number), index }));
  } else {
    throw new Error(`unknown mode ${mode}: meta, text or check`);
  }
}

main();
