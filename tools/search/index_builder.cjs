#!/usr/bin/env node
/* Builds the site's search index from a JSON list of documents:

   node tools/search/index_builder.cjs documents.json folder [state.json]

   (documents.json "-": the documents are read from the standard input)

   documents: [{title, url, date, datetime, year, category, tags, actors, lead, body, lang}],
   oldest first: a document's number is its place in that order, so that "newest first" is
   "highest number first" and needs no dates in the index, and a new article, numbered
   last, leaves every other article's number and file as it was.

   With a state file (kept from the last run, in the build's cache: the digest of each
   file it wrote, and beside it the words of each document: WordCache) the folder holds the
   last run's files; only the documents whose text changed are read again, only the files
   whose content changed are written (and packed), the files no longer wanted removed. It prints {"changed": [...], "removed": [...],
   "digest": "..."} (digest: of every file's content).

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
   The words and docs files hold their data as gzip in base64 (packed64).
   A query loads the manifest, then only the words files that hold its terms, then the
   docs of the results on screen. */
"use strict";
const crypto = require("crypto");
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
const NAME_FIELD_NUMBERS = Object.keys(FIELDS).flatMap((f, n) => (NAME_FIELDS.has(f) ? [n] : []));
const K1 = 1.2;
const LEVELS = 35; // weights as base-36 digits 1..z
// A words file ends after a term whose hash is a multiple of CUT, once it holds MIN_BYTES
// (about 24 KB on average; MAX_BYTES at most): where files end depends on the terms, not on
// everything before them, so an edit changes the files of its own terms only.
const MIN_BYTES = 12 * 1024;
const MAX_BYTES = 64 * 1024;
const CUT = 32;
const STATE_VERSION = 3;
const FILTER = { actors: "\u0001a:", tags: "\u0001t:" };

const FIELD_NAMES = Object.keys(FIELDS);
const F = FIELD_NAMES.length;

function fieldText(document, field) {
  const value = document[field];
  return Array.isArray(value) ? value.join(" \n ") : value || "";
}

/* FNV-1a: a quick hash of a term, for where words files end. */
function fnv(term) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 16777619);
  return hash >>> 0;
}

function digestOf(text) {
  return crypto.createHash("sha1").update(text).digest("base64");
}

/* Every document's words, into a WordCache in document order: those of a document the
   last run's cache knows (by the digest of its text) copied from there, the others read.
   Terms are numbered as they are met, and each word seen is remembered with its term's
   number, so that a word costs one lookup; a document's counts are kept in one typed
   array. Also each actor's and tag's documents (filter terms: membership only). */
function readWords(documents, cache) {
  const kept = new WordCache();
  const termIds = new Map();
  const wordIds = [new Map(), new Map()]; // stemmed, and as written (Belarusian)
  let seen = new Int32Array(1 << 16);
  let counts = new Int32Array((1 << 16) * F);
  const idOf = (term) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = kept.terms.length;
      termIds.set(term, id);
      kept.terms.push(term);
      if (id >= seen.length) {
        seen = grown(seen, seen.length * 2);
        counts = grown(counts, seen.length * F);
      }
    }
    return id;
  };
  const remap = new Int32Array(cache.terms.length).fill(-1); // the cache's term numbers -> ours
  const filters = new Map();
  const keys = documents.map((document, number) => {
    const key = digestOf(JSON.stringify([document.title, document.actors, document.tags, document.lead, document.body, document.lang]));
    if (cache.docs[key]) {
      kept.copy(key, cache, (old) => (remap[old] < 0 ? (remap[old] = idOf(cache.terms[old])) : remap[old]));
    } else {
      const unstemmed = document.lang === "be";
      const words = wordIds[unstemmed ? 1 : 0];
      const touched = [];
      const fieldLengths = FIELD_NAMES.map((field, f) => {
        const found = text.words(fieldText(document, field));
        for (const word of found) {
          let id = words.get(word);
          if (id === undefined) words.set(word, (id = idOf(text.stem(word, unstemmed))));
          if (seen[id] !== number + 1) {
            seen[id] = number + 1;
            touched.push(id);
            counts.fill(0, id * F, id * F + F);
          }
          counts[id * F + f] += 1;
        }
        return found.length;
      });
      kept.add(key, touched, counts, fieldLengths);
    }
    for (const field of ["actors", "tags"]) {
      for (const name of new Set(document[field] || [])) {
        const term = FILTER[field] + text.words(name).join(" ");
        if (!filters.has(term)) filters.set(term, []);
        const list = filters.get(term);
        if (list[list.length - 1] !== number) list.push(number);
      }
    }
    return key;
  });
  return { kept, keys, filters };
}

/* term -> [document, weight, document, weight...] (BM25F weights, 1..LEVELS), and the
   terms found in a name field. The lists are views of one typed array, sized by a first
   pass over the rows (a hundred thousand articles make tens of millions of postings). */
function weighted(kept, keys) {
  const average = averages(kept, keys);
  const rows = kept.rows;
  const starts = new Int32Array(kept.terms.length + 1);
  for (const key of keys) {
    const [offset, count] = kept.docs[key];
    for (let row = 0, at = offset; row < count; row++, at += ROW_BYTES) starts[rows.readUInt32LE(at) + 1] += 2;
  }
  for (let id = 0; id < kept.terms.length; id++) starts[id + 1] += starts[id];
  const flat = new Int32Array(starts[kept.terms.length]);
  const filled = starts.slice(0, kept.terms.length);
  const named = new Uint8Array(kept.terms.length);
  const isName = FIELD_NAMES.map((field, f) => NAME_FIELD_NUMBERS.includes(f));
  keys.forEach((key, number) => {
    const [offset, count, ...fieldLengths] = kept.docs[key];
    const norms = FIELD_NAMES.map((field, f) => {
      const { weight: w, b } = FIELDS[field];
      return w / (1 - b + (b * fieldLengths[f]) / average[f]);
    });
    for (let row = 0, at = offset; row < count; row++, at += ROW_BYTES) {
      const id = rows.readUInt32LE(at);
      let frequency = 0;
      for (let f = 0; f < F; f++) {
        const n = rows.readUInt16LE(at + 4 + 2 * f);
        if (n) {
          frequency += norms[f] * n;
          if (isName[f]) named[id] = 1;
        }
      }
      flat[filled[id]++] = number;
      flat[filled[id]++] = Math.max(1, Math.round((LEVELS * frequency) / (K1 + frequency)));
    }
  });
  const lists = kept.terms.map((term, id) => flat.subarray(starts[id], starts[id + 1]));
  return { lists, named };
}

const ROW_BYTES = 4 + 2 * F; // a term's number, then its count in each field

/* The words of each document of the last run, by the digest of its text: for each, where
   its rows begin in `rows` (a term's number and its counts), how many, its field lengths. */
class WordCache {
  constructor(terms = [], docs = {}, rows = Buffer.alloc(0)) {
    this.terms = terms;
    this.docs = docs;
    this.rows = rows;
    this.size = rows.length;
  }

  /* A document the other cache knows, its term numbers made ours by renumber. */
  copy(key, other, renumber) {
    if (this.docs[key]) return;
    const [offset, count, ...fieldLengths] = other.docs[key];
    this.reserve(count);
    other.rows.copy(this.rows, this.size, offset, offset + count * ROW_BYTES);
    this.docs[key] = [this.size, count, ...fieldLengths];
    for (let row = 0; row < count; row++, this.size += ROW_BYTES) {
      this.rows.writeUInt32LE(renumber(this.rows.readUInt32LE(this.size)), this.size);
    }
  }

  reserve(rows) {
    const needed = this.size + rows * ROW_BYTES;
    if (needed > this.rows.length) {
      const bigger = Buffer.alloc(Math.max(needed, this.rows.length * 2, 1 << 20));
      this.rows.copy(bigger, 0, 0, this.size);
      this.rows = bigger;
    }
  }

  add(key, ids, counts, fieldLengths) {
    if (this.docs[key]) return;
    this.reserve(ids.length);
    this.docs[key] = [this.size, ids.length, ...fieldLengths];
    for (const id of ids) {
      this.rows.writeUInt32LE(id, this.size);
      for (let f = 0; f < F; f++) this.rows.writeUInt16LE(Math.min(counts[id * F + f], 65535), this.size + 4 + 2 * f);
      this.size += ROW_BYTES;
    }
  }

  static read(file) {
    try {
      const { terms, docs } = JSON.parse(fs.readFileSync(`${file}.json`, "utf8"));
      return new WordCache(terms, docs, fs.readFileSync(`${file}.rows`));
    } catch (error) {
      return new WordCache();
    }
  }

  write(file) {
    fs.writeFileSync(`${file}.rows.tmp`, this.rows.subarray(0, this.size));
    fs.writeFileSync(`${file}.json.tmp`, JSON.stringify({ terms: this.terms, docs: this.docs }));
    fs.renameSync(`${file}.rows.tmp`, `${file}.rows`);
    fs.renameSync(`${file}.json.tmp`, `${file}.json`);
  }
}

function grown(array, size) {
  const bigger = new array.constructor(size);
  bigger.set(array);
  return bigger;
}

/* Each field's average length, to two significant digits: an edit seldom moves them, nor
   every weight with them. */
function averages(kept, keys) {
  const sums = new Array(F).fill(0);
  for (const key of keys) {
    const record = kept.docs[key];
    for (let f = 0; f < F; f++) sums[f] += record[2 + f];
  }
  return sums.map((sum) => Number(Math.max(keys.length ? sum / keys.length : 1, 1).toPrecision(2)));
}

/* Postings as text: the gap from the previous document (base 36), then (not for a filter's
   term) the weight, one base-36 digit. */
function packed(list, stride) {
  const parts = [];
  let previous = 0;
  for (let at = 0; at < list.length; at += stride) {
    const gap = (list[at] - previous).toString(36);
    previous = list[at];
    parts.push(stride === 1 ? gap : gap + list[at + 1].toString(36));
  }
  return parts.join(",");
}

/* The key of a term's spelling file: its first two letters, as hexadecimal code units. */
function spellingKey(term) {
  return [...term.slice(0, 2)].map((c) => c.charCodeAt(0).toString(16)).join("-");
}

/* The words of names (titles, actors, tags), by their first two letters: a word that the
   index lacks is looked up there for the names a letter or two away. Returns the keys. */
function spellingFiles(terms, named) {
  const byKey = new Map();
  for (const term of terms) {
    if (!named.has(term) || term.length < 3) continue;
    const key = spellingKey(term);
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(term);
  }
  return [...byKey].map(([key, list]) => [`spelling-${key}.js`, JSON.stringify(list), (json) => call("spelling", JSON.stringify(key), json)]);
}

/* The larger files' data, as gzip in base64: a third of the bytes of the JSON, on disk and
   in an offline copy; the page unpacks it with the browser's DecompressionStream. */
function packed64(json) {
  return zlib.gzipSync(json).toString("base64");
}

/* A script that hands its data (arguments already as JSON) to the page. */
function call(name, ...json) {
  return `window.SiteSearch.${name}(${json.join(",")});\n`;
}

/* Every file of the index: [name, its data as JSON, (that JSON) => the file's content],
   and the words of each document, for the next run. */
function indexFiles(documents, cache) {
  const { kept, keys, filters } = readWords(documents, cache);
  const { lists, named } = weighted(kept, keys);
  const postings = new Map();
  kept.terms.forEach((term, id) => { if (lists[id].length) postings.set(term, [lists[id], 2]); });
  for (const [term, list] of filters) postings.set(term, [list, 1]);
  const nameTerms = new Set(kept.terms.filter((term, id) => named[id]));
  const terms = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files = [];
  const firstTerms = [];
  let file = [];
  let bytes = 0;
  const flush = () => {
    if (!file.length) return;
    const number = firstTerms.length;
    const entries = file;
    files.push([`words-${number}.js`, JSON.stringify(entries), (json) => call("words", number, JSON.stringify(packed64(json)))]);
    firstTerms.push(file[0][0]);
    file = [];
    bytes = 0;
  };
  for (const term of terms) {
    const list = packed(...postings.get(term));
    file.push([term, list]);
    bytes += term.length + list.length + 8;
    if ((bytes >= MIN_BYTES && fnv(term) % CUT === 0) || bytes >= MAX_BYTES) flush();
  }
  flush();
  const spelling = spellingFiles(terms, nameTerms);
  files.push(...spelling);
  const categories = [...new Set(documents.map((d) => d.category || ""))].sort();
  const width = Math.max(1, Math.ceil(Math.log(Math.max(categories.length, 2)) / Math.log(36)));
  const years = [];
  documents.forEach((document, number) => {
    const last = years[years.length - 1];
    if (last && last[0] === document.year) last[2] = number;
    else years.push([document.year, number, number]);
  });
  const manifest = {
    documents: documents.length,
    words: firstTerms,
    years,
    categories,
    categoryWidth: width,
    spelling: spelling.map(([name]) => name.slice(9, -3)).sort(),
    levels: LEVELS,
  };
  files.push(["manifest.js", JSON.stringify(manifest), (json) => call("manifest", json)]);
  const code = new Map(categories.map((name, n) => [name, n.toString(36).padStart(width, "0")]));
  const facets = documents.map((d) => code.get(d.category || "")).join("");
  files.push(["facets.js", JSON.stringify(facets), (json) => call("facets", json)]);
  const names = (field) => [...new Set(documents.flatMap((d) => d[field] || []))].sort();
  const allNames = { actors: names("actors"), tags: names("tags") };
  files.push(["names.js", JSON.stringify(allNames), (json) => call("names", json)]);
  documents.forEach((d, number) => {
    const shown = {
      title: d.title, url: d.url, date: d.date, datetime: d.datetime, category: d.category,
      actors: d.actors, tags: d.tags, lead: d.lead, body: d.body,
    };
    files.push([`docs/${number}.js`, JSON.stringify(shown), (json) => call("doc", number, JSON.stringify(packed64(json)))]);
  });
  return { files, kept };
}

function readState(file) {
  try {
    const state = JSON.parse(fs.readFileSync(file, "utf8"));
    fs.unlinkSync(file); // a run that fails from here leaves no state: the next writes all
    return state.version === STATE_VERSION ? state : null;
  } catch (error) {
    return null;
  }
}

/* Write the index into folder: every file, or (with the last run's state) those that
   changed; then the new state. */
function build(documents, folder, stateFile) {
  const previous = (stateFile && readState(stateFile)) || { files: {} };
  const cache = stateFile && previous.version ? WordCache.read(`${stateFile}.words`) : new WordCache();
  const { files, kept } = indexFiles(documents, cache);
  fs.mkdirSync(path.join(folder, "docs"), { recursive: true });
  const hashes = {};
  const changed = [];
  for (const [name, json, content] of files) {
    hashes[name] = digestOf(json);
    if (previous.files[name] === hashes[name] && fs.existsSync(path.join(folder, name))) continue;
    const file = path.join(folder, name);
    fs.rmSync(file, { force: true }); // replaced, never written in place: the output may link it
    fs.writeFileSync(file, content(json));
    changed.push(name);
  }
  const removed = Object.keys(previous.files).filter((name) => !(name in hashes));
  for (const name of removed) fs.rmSync(path.join(folder, name), { force: true });
  if (stateFile) {
    kept.write(`${stateFile}.words`);
    fs.writeFileSync(`${stateFile}.tmp`, JSON.stringify({ version: STATE_VERSION, files: hashes }));
    fs.renameSync(`${stateFile}.tmp`, stateFile);
  }
  const digest = digestOf(JSON.stringify(Object.entries(hashes).sort()));
  return { changed: changed.sort(), removed: removed.sort(), digest };
}

if (require.main === module) {
  const [source, folder, stateFile] = process.argv.slice(2);
  const input = fs.readFileSync(source === "-" ? 0 : source, "utf8");
  const result = build(JSON.parse(input), folder, stateFile);
  process.stdout.write(JSON.stringify(result));
}

module.exports = { build, FIELDS, K1, LEVELS };
