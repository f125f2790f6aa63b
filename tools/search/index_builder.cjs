#!/usr/bin/env node
/* Builds the site's search index from a JSON list of documents:

   node tools/search/index_builder.cjs documents.json output/search

   documents: [{title, url, date, datetime, year, category, tags, actors, lead, body, lang}],
   newest first: a document's number is its place in that order, so that "newest first"
   is "lowest number first" and needs no dates in the index.

   Written, each a script that hands its data to window.SiteSearch (browsers refuse fetch
   and XHR from file://, but run scripts), as Pagefind splits its index:
   - manifest.js    what the page loads first: the number of documents, the first term of
                    each words file, the years (ranges of numbers), the category names
   - words-N.js     terms in sorted order, each with its postings: for every document that
                    holds it, the gap from the previous document's number and the term's
                    weight in it (BM25F: field weights and length normalisation applied
                    here, one base-36 digit); actors and tags as terms too
                    ("\u0001a:" and "\u0001t:" + the folded name), for the filters
   - facets.js      each document's category, as base-36 digits (categoryWidth each)
   - names.js       every actor's and tag's name, for the filters' suggestions
   - spelling-K.js  the words of titles, actors and tags that begin with the two letters K
                    (their code units in hexadecimal), for the words a typo stands for
   - docs/N.js      what a result shows and its passage comes from: title, url, date,
                    category, actors, tags, lead and the plain text of the body
   The words and docs files hold their data as gzip in base64 (packedData).
   A query loads the manifest, then only the words files that hold its terms, then the
   docs of the results on screen. */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const stemmers = {
  en: require("@orama/stemmers/english").stemmer,
  ru: require("@orama/stemmers/russian").stemmer,
};
const text = require("../../theme/static/js/search-text.js")(stemmers);

// How much a word counts in each field, and how much a field's length tempers it (BM25F).
const FIELDS = {
  title: { weight: 6, b: 0.5 },
  actors: { weight: 5, b: 0.2 },
  tags: { weight: 4, b: 0.2 },
  lead: { weight: 2, b: 0.6 },
  body: { weight: 1, b: 0.75 },
};
const NAME_FIELDS = new Set(["title", "actors", "tags"]);
const K1 = 1.2;
const LEVELS = 35; // weights as base-36 digits 1..z
const WORDS_FILE_BYTES = 24 * 1024; // a words file holds terms until it is about this big
const FILTER = { actors: "\u0001a:", tags: "\u0001t:" };

function fieldWords(document, field) {
  const value = document[field];
  const joined = Array.isArray(value) ? value.join(" \n ") : value || "";
  const unstemmed = document.lang === "be";
  return text.words(joined).map((word) => text.stem(word, unstemmed));
}

/* term -> Map(document number -> {field: count}); field lengths per document. */
function invert(documents) {
  const postings = new Map();
  const lengths = Object.fromEntries(Object.keys(FIELDS).map((f) => [f, new Float64Array(documents.length)]));
  documents.forEach((document, number) => {
    for (const field of Object.keys(FIELDS)) {
      const found = fieldWords(document, field);
      lengths[field][number] = found.length;
      for (const term of found) {
        let byDocument = postings.get(term);
        if (!byDocument) postings.set(term, (byDocument = new Map()));
        let counts = byDocument.get(number);
        if (!counts) byDocument.set(number, (counts = {}));
        counts[field] = (counts[field] || 0) + 1;
      }
    }
    for (const field of ["actors", "tags"]) {
      for (const name of document[field] || []) {
        const term = FILTER[field] + text.words(name).join(" ");
        if (!postings.has(term)) postings.set(term, new Map());
        postings.get(term).set(number, null);
      }
    }
  });
  return { postings, lengths };
}

function averages(lengths, count) {
  const result = {};
  for (const [field, values] of Object.entries(lengths)) {
    let sum = 0;
    for (const value of values) sum += value;
    result[field] = count ? Math.max(sum / count, 1) : 1;
  }
  return result;
}

/* A term's weight in one document: BM25F's saturated term frequency, 1..LEVELS. */
function weight(counts, number, lengths, average) {
  let frequency = 0;
  for (const [field, count] of Object.entries(counts)) {
    const { weight: w, b } = FIELDS[field];
    frequency += (w * count) / (1 - b + (b * lengths[field][number]) / average[field]);
  }
  return Math.max(1, Math.round((LEVELS * frequency) / (K1 + frequency)));
}

function packed(byDocument, lengths, average) {
  const numbers = [...byDocument.keys()].sort((a, b) => a - b);
  let previous = 0;
  const parts = numbers.map((number) => {
    const counts = byDocument.get(number);
    const gap = (number - previous).toString(36);
    previous = number;
    if (counts === null) return gap; // a filter term: membership only
    return gap + weight(counts, number, lengths, average).toString(36);
  });
  return parts.join(",");
}

/* The key of a term's spelling file: its first two letters, as hexadecimal code units. */
function spellingKey(term) {
  return [...term.slice(0, 2)].map((c) => c.charCodeAt(0).toString(16)).join("-");
}

/* The words of names (titles, actors, tags), by their first two letters: a word that the
   index lacks is looked up there for the names a letter or two away. Returns the keys. */
function writeSpelling(target, terms, postings) {
  const byKey = new Map();
  for (const term of terms) {
    if (term.startsWith("\u0001") || term.length < 3) continue;
    const counts = [...postings.get(term).values()];
    if (!counts.some((c) => c && Object.keys(c).some((field) => NAME_FIELDS.has(field)))) continue;
    const key = spellingKey(term);
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(term);
  }
  for (const [key, list] of byKey) {
    fs.writeFileSync(path.join(target, `spelling-${key}.js`), script("spelling", key, list));
  }
  return [...byKey.keys()].sort();
}

function script(call, ...args) {
  return `window.SiteSearch.${call}(${args.map((a) => JSON.stringify(a)).join(",")});\n`;
}

/* The larger files' data, as gzip in base64: a third of the bytes of the JSON, on disk and
   in an offline copy; the page unpacks it with the browser's DecompressionStream. */
function packedData(data) {
  return zlib.gzipSync(JSON.stringify(data), { level: 9 }).toString("base64");
}

function build(documents, target) {
  const { postings, lengths } = invert(documents);
  const average = averages(lengths, documents.length);
  const terms = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  fs.mkdirSync(path.join(target, "docs"), { recursive: true });
  const firstTerms = [];
  let file = [];
  let bytes = 0;
  const flush = () => {
    if (!file.length) return;
    fs.writeFileSync(path.join(target, `words-${firstTerms.length}.js`), script("words", firstTerms.length, packedData(file)));
    firstTerms.push(file[0][0]);
    file = [];
    bytes = 0;
  };
  for (const term of terms) {
    const list = packed(postings.get(term), lengths, average);
    file.push([term, list]);
    bytes += term.length + list.length + 8;
    if (bytes >= WORDS_FILE_BYTES) flush();
  }
  flush();
  const spelling = writeSpelling(target, terms, postings);
  const categories = [...new Set(documents.map((d) => d.category || ""))].sort();
  const width = Math.max(1, Math.ceil(Math.log(Math.max(categories.length, 2)) / Math.log(36)));
  const years = [];
  documents.forEach((document, number) => {
    const last = years[years.length - 1];
    if (last && last[0] === document.year) last[2] = number;
    else years.push([document.year, number, number]);
  });
  fs.writeFileSync(path.join(target, "manifest.js"), script("manifest", {
    documents: documents.length,
    words: firstTerms,
    years,
    categories,
    categoryWidth: width,
    spelling,
    levels: LEVELS,
  }));
  const code = new Map(categories.map((name, n) => [name, n.toString(36).padStart(width, "0")]));
  const facets = documents.map((d) => code.get(d.category || "")).join("");
  fs.writeFileSync(path.join(target, "facets.js"), script("facets", facets));
  const names = (field) => [...new Set(documents.flatMap((d) => d[field] || []))].sort();
  fs.writeFileSync(path.join(target, "names.js"), script("names", { actors: names("actors"), tags: names("tags") }));
  documents.forEach((d, number) => {
    const shown = {
      title: d.title, url: d.url, date: d.date, datetime: d.datetime, category: d.category,
      actors: d.actors, tags: d.tags, lead: d.lead, body: d.body,
    };
    fs.writeFileSync(path.join(target, "docs", `${number}.js`), script("doc", number, packedData(shown)));
  });
}

if (require.main === module) {
  const [source, target] = process.argv.slice(2);
  build(JSON.parse(fs.readFileSync(source, "utf8")), target);
}

module.exports = { build, FIELDS, K1, LEVELS };
