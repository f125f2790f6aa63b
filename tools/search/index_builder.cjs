#!/usr/bin/env node
/* Builds the site's search index from a JSON list of documents:

   node tools/search/index_builder.cjs documents.json folder [state.json]

   (documents.json "-": the documents are read from the standard input)

   documents: [{title, url, date, datetime, year, category, tags, actors, lead, body, lang}],
   oldest first: a document's number is its place in that order, so that "newest first" is
   "highest number first" and needs no dates in the index, and a new article, numbered
   last, leaves every other article's number and file as it was.

   With a state file (kept from the last run, in the build's cache: the digest of each
   file it wrote, each document's key, the fields' average lengths, the first term of each
   words file, and beside it the words of each document: WordCache) the folder holds the
   last run's files; only the documents whose text changed are read again, only the files
   whose content changed are written (and packed), the files no longer wanted removed.
   When few documents changed and no other document's weights move, only the words files
   of the changed terms are read back and cut again (changedWords), the others kept.
   It prints {"changed": [...], "removed": [...], "digest": "...", "incremental": bool}
   (digest: of every file's content; incremental: whether words files were kept).

   Written, each a script that hands its data to window.SiteSearch (browsers refuse fetch
   and XHR from file://, but run scripts), as Pagefind splits its index:
   - manifest.js    what the page loads first: the number of documents, the first term of
                    each words file, the years (ranges of numbers), the category names
   - words-N.js     terms in sorted order, each with its postings: for every document that
                    holds it, the gap from the previous document's number and the term's
                    weight in it (BM25F: field weights and length normalisation applied
                    here, one base-36 digit); actors and tags as terms too
                    ("\u0001a:" and "\u0001t:" + the folded name), for the filters
   - facets.js      each document's category, as base-36 digits (categoryWidth each), for
                    the category filter and the count beside each category
   - names.js       every actor's and tag's name, for the filters' suggestions
   - spelling-K.js  the words of titles, actors and tags that begin with the two letters K
                    (their code units in hexadecimal), for the words a typo stands for
   - docs/N.js      what a result shows and its passage comes from: title, url, date,
                    category, actors, tags, lead and the plain text of the body
   The words, facets, spelling and docs files hold their data as gzip in base64 (packed64):
   at 100,000 articles a spelling file of a common first two letters was 200 KB of JSON.
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
const STATE_VERSION = 6; // 5: facets.js packed; 6: spelling files packed
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

/* The digest of what a document's words come from: a document with the same key has the
   same rows in a WordCache. */
function documentKey(document) {
  return digestOf(JSON.stringify([document.title, document.actors, document.tags, document.lead, document.body, document.lang]));
}

/* Every document's words, into the WordCache `into` (keys: each document's): those that
   `into` already holds are left, those the last run's cache knows copied from there, the
   others read. Terms are numbered as they are met, and each word seen is remembered with
   its term's number, so that a word costs one lookup; a document's counts are kept in one
   typed array. */
function readWords(documents, keys, cache, into) {
  const termIds = new Map(into.terms.map((term, id) => [term, id]));
  const wordIds = [new Map(), new Map()]; // stemmed, and as written (Belarusian)
  let size = 1 << 16;
  while (size <= into.terms.length) size *= 2;
  let seen = new Int32Array(size);
  let counts = new Int32Array(size * F);
  const idOf = (term) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = into.terms.length;
      termIds.set(term, id);
      into.terms.push(term);
      if (id >= seen.length) {
        seen = grown(seen, seen.length * 2);
        counts = grown(counts, seen.length * F);
      }
    }
    return id;
  };
  const remap = new Int32Array(cache.terms.length).fill(-1); // the cache's term numbers -> ours
  keys.forEach((key, number) => {
    if (into.docs[key]) return;
    if (cache.docs[key]) {
      into.copy(key, cache, (old) => (remap[old] < 0 ? (remap[old] = idOf(cache.terms[old])) : remap[old]));
      return;
    }
    const document = documents[number];
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
    into.add(key, touched, counts, fieldLengths);
  });
  return into;
}

/* Each actor's and tag's documents (filter terms: membership only), packed. */
function filterPostings(documents) {
  const filters = new Map();
  documents.forEach((document, number) => {
    for (const field of ["actors", "tags"]) {
      for (const name of new Set(document[field] || [])) {
        const term = FILTER[field] + text.words(name).join(" ");
        if (!filters.has(term)) filters.set(term, []);
        const list = filters.get(term);
        if (list[list.length - 1] !== number) list.push(number);
      }
    }
  });
  return new Map([...filters].map(([term, list]) => [term, packed(list, 1)]));
}

/* term -> [document, weight, document, weight...] (BM25F weights, 1..LEVELS); and into
   kept.named, for each term, the number of documents that hold it in a name field. The
   lists are views of one typed array, sized by a first pass over the rows (a hundred
   thousand articles make tens of millions of postings). */
function weighted(kept, keys, average) {
  const rows = kept.rows;
  const starts = new Int32Array(kept.terms.length + 1);
  for (const key of keys) {
    const [offset, count] = kept.docs[key];
    for (let row = 0, at = offset; row < count; row++, at += ROW_BYTES) starts[rows.readUInt32LE(at) + 1] += 2;
  }
  for (let id = 0; id < kept.terms.length; id++) starts[id + 1] += starts[id];
  const flat = new Int32Array(starts[kept.terms.length]);
  const filled = starts.slice(0, kept.terms.length);
  kept.named = new Int32Array(kept.terms.length);
  keys.forEach((key, number) => {
    eachWeight(kept, key, average, (id, weight) => {
      flat[filled[id]++] = number;
      flat[filled[id]++] = weight;
    });
    countNames(kept, key, 1);
  });
  return kept.terms.map((term, id) => flat.subarray(starts[id], starts[id + 1]));
}

/* found(term number, weight) for each term of a document (by its key in kept). */
function eachWeight(kept, key, average, found) {
  const [offset, count, ...fieldLengths] = kept.docs[key];
  const norms = FIELD_NAMES.map((field, f) => {
    const { weight: w, b } = FIELDS[field];
    return w / (1 - b + (b * fieldLengths[f]) / average[f]);
  });
  const rows = kept.rows;
  for (let row = 0, at = offset; row < count; row++, at += ROW_BYTES) {
    let frequency = 0;
    for (let f = 0; f < F; f++) frequency += norms[f] * rows.readUInt16LE(at + 4 + 2 * f);
    found(rows.readUInt32LE(at), Math.max(1, Math.round((LEVELS * frequency) / (K1 + frequency))));
  }
}

/* Add `by` to kept.named of each term that the document (its key) holds in a name field. */
function countNames(kept, key, by) {
  const [offset, count] = kept.docs[key];
  const rows = kept.rows;
  for (let row = 0, at = offset; row < count; row++, at += ROW_BYTES) {
    if (NAME_FIELD_NUMBERS.some((f) => rows.readUInt16LE(at + 4 + 2 * f))) kept.named[rows.readUInt32LE(at)] += by;
  }
}

const ROW_BYTES = 4 + 2 * F; // a term's number, then its count in each field

/* The words of each document of the last run, by the digest of its text: for each, where
   its rows begin in `rows` (a term's number and its counts), how many, its field lengths.
   named: for each term, how many of the run's documents hold it in a name field. A run
   that changes a few documents adds theirs and drops the others' from `docs`, leaving
   their rows as garbage (counted in rows) until a whole run writes a cache anew. */
class WordCache {
  constructor(terms = [], docs = {}, rows = Buffer.alloc(0), named = new Int32Array(0), garbage = 0) {
    this.terms = terms;
    this.docs = docs;
    this.rows = rows;
    this.size = rows.length;
    this.named = named;
    this.garbage = garbage;
  }

  drop(key) {
    this.garbage += this.docs[key][1];
    delete this.docs[key];
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
      const { terms, docs, garbage } = JSON.parse(fs.readFileSync(`${file}.json`, "utf8"));
      const named = new Int32Array(new Uint8Array(fs.readFileSync(`${file}.named`)).buffer);
      return new WordCache(terms, docs, fs.readFileSync(`${file}.rows`), named, garbage);
    } catch (error) {
      return new WordCache();
    }
  }

  write(file) {
    const named = this.named.subarray(0, this.terms.length);
    fs.writeFileSync(`${file}.rows.tmp`, this.rows.subarray(0, this.size));
    fs.writeFileSync(`${file}.named.tmp`, new Uint8Array(named.buffer, named.byteOffset, named.byteLength));
    fs.writeFileSync(`${file}.json.tmp`, JSON.stringify({ terms: this.terms, docs: this.docs, garbage: this.garbage }));
    for (const part of ["rows", "named", "json"]) fs.renameSync(`${file}.${part}.tmp`, `${file}.${part}`);
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
   index lacks is looked up there for the names a letter or two away. terms: sorted. */
function spellingFiles(terms) {
  const byKey = new Map();
  for (const term of terms) {
    if (term.length < 3) continue;
    const key = spellingKey(term);
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(term);
  }
  return [...byKey].map(([key, list]) =>
    dataFile(`spelling-${key}.js`, JSON.stringify(list), (json) => call("spelling", JSON.stringify(key), JSON.stringify(packed64(json)))));
}

/* The larger files' data, as gzip in base64: a third of the bytes of the JSON, on disk and
   in an offline copy; the page unpacks it with the browser's DecompressionStream. Level 4:
   zlib's default (6) took twice the time for 2% fewer bytes (10,000 Cyrillic articles:
   3.4 s against 1.9 s, of a 13 s run). */
const GZIP_LEVEL = 4;
function packed64(json) {
  return zlib.gzipSync(json, { level: GZIP_LEVEL }).toString("base64");
}

/* A script that hands its data (arguments already as JSON) to the page. */
function call(name, ...json) {
  return `window.SiteSearch.${name}(${json.join(",")});\n`;
}

/* The words files as a chunker cuts a sorted run of [term, packed postings]: a file ends
   after a term whose hash is a multiple of CUT once it holds MIN_BYTES (or at MAX_BYTES).
   A file of the last run can be kept whole where a file would begin anyway. */
class Chunker {
  constructor() {
    this.files = []; // {entries} of a new file, or {kept: n} (the last run's words-n.js)
    this.entries = [];
    this.bytes = 0;
  }

  get empty() {
    return this.entries.length === 0;
  }

  add(term, list) {
    this.entries.push([term, list]);
    this.bytes += term.length + list.length + 8;
    if ((this.bytes >= MIN_BYTES && fnv(term) % CUT === 0) || this.bytes >= MAX_BYTES) this.flush();
  }

  keep(number) {
    this.files.push({ kept: number });
  }

  flush() {
    if (!this.empty) this.files.push({ entries: this.entries });
    this.entries = [];
    this.bytes = 0;
  }
}

/* An index file: its name, the digest of its data, and (once it is written) its content. */
function dataFile(name, json, wrap) {
  return { name, hash: digestOf(json), content: () => wrap(json) };
}

function wordsFile(number, entries) {
  const json = JSON.stringify(entries);
  return dataFile(`words-${number}.js`, json, (data) => call("words", number, JSON.stringify(packed64(data))));
}

/* The words files of every term: each document's postings weighed anew. */
function allWords(documents, keys, cache, filters) {
  const kept = readWords(documents, keys, cache, new WordCache());
  const average = averages(kept, keys);
  const lists = weighted(kept, keys, average);
  const postings = new Map(filters);
  kept.terms.forEach((term, id) => { if (lists[id].length) postings.set(term, packed(lists[id], 2)); });
  const chunker = new Chunker();
  for (const term of [...postings.keys()].sort(byCodeUnits)) chunker.add(term, postings.get(term));
  chunker.flush();
  return { kept, average, entries: chunker.files.map((file) => file.entries), incremental: false };
}

function byCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/* The words files when few documents changed in place (or were added or removed at the
   end) and the fields' average lengths stayed: then no other document's weights move, and
   only the terms of the changed documents (before and after) and the filters that changed
   differ from the last run. The files that hold them are read back and cut again, until a
   cut falls where the last run's did; the files after it are the last run's. Gives the
   same files as allWords; null where it does not apply (allWords then). */
function changedWords(documents, keys, cache, previous, filters, folder) {
  const before = previous.keys;
  if (!before || !previous.words || !previous.words.length || cache.garbage * 2 > cache.size / ROW_BYTES) return null;
  const changed = [];
  for (let n = 0; n < Math.max(keys.length, before.length); n++) if (keys[n] !== before[n]) changed.push(n);
  if (changed.length > Math.max(64, keys.length / 20)) return null;
  if (changed.some((n) => n < before.length && !cache.docs[before[n]])) return null;
  const kept = readWords(documents, keys, cache, cache); // the new documents' words added
  const average = averages(kept, keys);
  if (average.join() !== previous.averages.join()) return null;
  kept.named = grown(kept.named, kept.terms.length);
  const additions = new Map(); // term number -> [document, weight...] of the changed documents
  const words = new Set(); // the terms whose postings change
  for (const n of changed) {
    if (n < before.length) {
      eachRow(kept, before[n], (id) => words.add(id));
      countNames(kept, before[n], -1);
    }
    if (n < keys.length) {
      eachWeight(kept, keys[n], average, (id, weight) => {
        words.add(id);
        if (!additions.has(id)) additions.set(id, []);
        additions.get(id).push(n, weight);
      });
      countNames(kept, keys[n], 1);
    }
  }
  const isChanged = new Set(changed);
  const replaced = new Map(); // term -> (its packed postings in the last run) -> its packed postings now
  for (const id of words) {
    replaced.set(kept.terms[id], (old) => merged(old, isChanged, additions.get(id) || []));
  }
  const filtered = previous.filters;
  for (const term of new Set([...filters.keys(), ...Object.keys(filtered)])) {
    if (filters.get(term) !== filtered[term]) replaced.set(term, () => filters.get(term) || "");
  }
  const entries = rechunked(previous, [...replaced.keys()].sort(byCodeUnits), replaced, folder);
  if (!entries) return null;
  const current = new Set(keys);
  for (const n of changed) {
    if (n < before.length && !current.has(before[n]) && kept.docs[before[n]]) kept.drop(before[n]);
  }
  return { kept, average, entries, incremental: true };
}

/* found(term number) for each row of a document (by its key in kept). */
function eachRow(kept, key, found) {
  const [offset, count] = kept.docs[key];
  for (let row = 0, at = offset; row < count; row++, at += ROW_BYTES) found(kept.rows.readUInt32LE(at));
}

/* A term's packed postings: the last run's (old), without the changed documents', with
   the additions (document, weight, ... in document order). */
function merged(old, isChanged, additions) {
  const list = [];
  let n = 0;
  let a = 0;
  for (const part of old ? old.split(",") : []) {
    n += parseInt(part.slice(0, -1), 36);
    if (isChanged.has(n)) continue;
    while (a < additions.length && additions[a] < n) list.push(additions[a++], additions[a++]);
    list.push(n, parseInt(part.slice(-1), 36));
  }
  while (a < additions.length) list.push(additions[a++], additions[a++]);
  return packed(list, 2);
}

/* The words files: the last run's where none of `terms` (sorted) falls and a cut falls
   before them; the others read back, their entries for `terms` replaced (a term that
   comes to no postings dropped), and cut again. Each file's entries, or {kept: n}. */
function rechunked(previous, terms, replaced, folder) {
  const firsts = previous.words;
  const chunker = new Chunker();
  let t = 0;
  for (let n = 0; n < firsts.length; n++) {
    const end = t;
    while (t < terms.length && (n + 1 === firsts.length || terms[t] < firsts[n + 1])) t++;
    if (t === end && chunker.empty && fs.existsSync(path.join(folder, `words-${n}.js`))) {
      chunker.keep(n);
      continue;
    }
    const old = readWordsFile(folder, n);
    if (!old) return null;
    let i = 0;
    const put = (term, list) => { if (list) chunker.add(term, list); };
    for (let r = end; r < t; r++) {
      const term = terms[r];
      while (i < old.length && old[i][0] < term) put(...old[i++]);
      const same = i < old.length && old[i][0] === term;
      put(term, replaced.get(term)(same ? old[i++][1] : undefined));
    }
    while (i < old.length) put(...old[i++]);
  }
  chunker.flush();
  return chunker.files.map((file) => file.entries || file.kept);
}

/* The entries of the last run's words-n.js, read back from the folder (null if absent). */
function readWordsFile(folder, n) {
  try {
    const content = fs.readFileSync(path.join(folder, `words-${n}.js`), "utf8");
    const packedData = JSON.parse(content.slice(content.indexOf('"'), content.lastIndexOf('"') + 1));
    return JSON.parse(zlib.gunzipSync(Buffer.from(packedData, "base64")).toString("utf8"));
  } catch (error) {
    return null;
  }
}

/* Every file of the index, and what the next run needs: the words of each document
   (a WordCache) and the state (the documents' keys, the averages, the first term of each
   words file, the filters' postings). */
function indexFiles(documents, cache, previous, folder) {
  const keys = documents.map(documentKey);
  const filters = filterPostings(documents);
  const words = changedWords(documents, keys, cache, previous, filters, folder) || allWords(documents, keys, cache, filters);
  const files = [];
  const firstTerms = [];
  words.entries.forEach((entries, number) => {
    if (Array.isArray(entries)) {
      files.push(wordsFile(number, entries));
      firstTerms.push(entries[0][0]);
    } else {
      files.push(keptWordsFile(previous, folder, entries, number));
      firstTerms.push(previous.words[entries]);
    }
  });
  const { kept } = words;
  const nameTerms = kept.terms.filter((term, id) => kept.named[id] > 0).sort(byCodeUnits);
  const spelling = spellingFiles(nameTerms);
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
    spelling: spelling.map(({ name }) => name.slice(9, -3)).sort(),
    levels: LEVELS,
  };
  files.push(dataFile("manifest.js", JSON.stringify(manifest), (json) => call("manifest", json)));
  const code = new Map(categories.map((name, n) => [name, n.toString(36).padStart(width, "0")]));
  const facets = documents.map((d) => code.get(d.category || "")).join("");
  files.push(dataFile("facets.js", JSON.stringify(facets), (json) => call("facets", JSON.stringify(packed64(json)))));
  const names = (field) => [...new Set(documents.flatMap((d) => d[field] || []))].sort();
  const allNames = { actors: names("actors"), tags: names("tags") };
  files.push(dataFile("names.js", JSON.stringify(allNames), (json) => call("names", json)));
  documents.forEach((d, number) => {
    const shown = {
      title: d.title, url: d.url, date: d.date, datetime: d.datetime, category: d.category,
      actors: d.actors, tags: d.tags, lead: d.lead, body: d.body,
    };
    files.push(dataFile(`docs/${number}.js`, JSON.stringify(shown), (json) => call("doc", number, JSON.stringify(packed64(json)))));
  });
  const state = { keys, averages: words.average, words: firstTerms, filters: Object.fromEntries(filters) };
  return { files, kept, state, incremental: words.incremental };
}

/* The last run's words-n.js as this run's words-number.js: the same data, so the same
   digest; read now if it is renamed, before the files are written. */
function keptWordsFile(previous, folder, n, number) {
  const name = `words-${number}.js`;
  const hash = previous.files[`words-${n}.js`];
  if (n === number) return { name, hash, content: () => fs.readFileSync(path.join(folder, name), "utf8") };
  const content = fs.readFileSync(path.join(folder, `words-${n}.js`), "utf8");
  const renamed = content.replace(`window.SiteSearch.words(${n},`, `window.SiteSearch.words(${number},`);
  return { name, hash, content: () => renamed };
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
  const { files, kept, state, incremental } = indexFiles(documents, cache, previous, folder);
  fs.mkdirSync(path.join(folder, "docs"), { recursive: true });
  const hashes = {};
  const changed = [];
  for (const { name, hash, content } of files) {
    hashes[name] = hash;
    if (previous.files[name] === hash && fs.existsSync(path.join(folder, name))) continue;
    const file = path.join(folder, name);
    const text = content();
    fs.rmSync(file, { force: true }); // replaced, never written in place: the output may link it
    fs.writeFileSync(file, text);
    changed.push(name);
  }
  const removed = Object.keys(previous.files).filter((name) => !(name in hashes));
  for (const name of removed) fs.rmSync(path.join(folder, name), { force: true });
  if (stateFile) {
    kept.write(`${stateFile}.words`);
    fs.writeFileSync(`${stateFile}.tmp`, JSON.stringify({ version: STATE_VERSION, files: hashes, ...state }));
    fs.renameSync(`${stateFile}.tmp`, stateFile);
  }
  const digest = digestOf(JSON.stringify(Object.entries(hashes).sort()));
  return { changed: changed.sort(), removed: removed.sort(), digest, incremental };
}

if (require.main === module) {
  const [source, folder, stateFile] = process.argv.slice(2);
  const input = fs.readFileSync(source === "-" ? 0 : source, "utf8");
  const result = build(JSON.parse(input), folder, stateFile);
  process.stdout.write(JSON.stringify(result));
}

module.exports = { build, FIELDS, K1, LEVELS };
