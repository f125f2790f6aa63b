"""tools/search/index_builder.cjs: the index split by term, its postings and weights, the
facets and what each result shows, read back from the files it writes."""

from __future__ import annotations

import bisect
import filecmp
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from packed import call
from search.index_build import BUILDER


def document(title, body="", *, year=2020, category="Security", lang="en", **fields):
    return {
        "title": title,
        "url": f"{title.lower().replace(' ', '-')}.html",
        "date": f"1 May {year}",
        "datetime": f"{year}-05-01T12:00:00+03:00",
        "year": year,
        "category": category,
        "tags": fields.get("tags", []),
        "actors": fields.get("actors", []),
        "lead": fields.get("lead", ""),
        "body": body,
        "lang": lang,
    }


def build(tmp_path: Path, documents: list[dict]) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "documents.json"
    source.write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "search"
    subprocess.run([shutil.which("node"), str(BUILDER), str(source), str(target)], check=True)
    return target


class Index:
    """The files of a built index, read as the search page reads them."""

    def __init__(self, folder: Path):
        self.folder = folder
        _, [self.manifest] = call(folder / "manifest.js")
        self.files = {}
        for path in folder.glob("words-*.js"):
            _, [number, entries] = call(path)
            self.files[number] = {entry[0]: entry for entry in entries}

    def entry(self, term):
        number = bisect.bisect_right(self.manifest["words"], term) - 1
        return self.files[max(number, 0)].get(term)

    def postings(self, term) -> dict[int, int]:
        """document number -> weight (0 for a filter's term)"""
        found, number = {}, 0
        for part in self.entry(term)[1].split(","):
            filter_term = term.startswith("\u0001")
            number += int(part if filter_term else part[:-1], 36)
            found[number] = 0 if filter_term else int(part[-1], 36)
        return found


@pytest.fixture
def small_index(tmp_path):
    documents = [  # oldest first, as the plugin gives them
        document("Перамовы ў Мінску", "Перамовы пра перамовы.", year=2020, lang="be"),
        document(
            "Переговоры в Минске",
            "Переговоры о переговорах: переговорах нет конца.",
            year=2021,
            lang="ru",
            actors=["European Union"],
        ),
        document(
            "Border talks",
            "Sanctions were mentioned once, among other matters of the border and its crossings.",
            year=2021,
            category="Foreign policy",
            actors=["Lithuania"],
        ),
        document(
            "Sanctions on potash",
            "The potash trade and Lithuania.",
            year=2022,
            tags=["Sanctions"],
            actors=["European Union"],
        ),
    ]
    return Index(build(tmp_path, documents))


def test_terms_are_split_into_files_in_sorted_order_and_the_manifest_finds_each(tmp_path):
    words = [f"word{n:04d}" for n in range(3000)]
    documents = [document(f"Title {n}", " ".join(words[n::7])) for n in range(7)]
    index = Index(build(tmp_path, documents))
    assert len(index.files) > 1  # split by size
    firsts = index.manifest["words"]
    assert firsts == sorted(firsts) and len(firsts) == len(index.files)
    every = [term for number in sorted(index.files) for term in index.files[number]]
    assert every == sorted(every)
    for word in words:
        assert index.entry(word) is not None, word


def test_a_word_in_the_title_weighs_more_than_the_same_word_in_a_long_body(small_index):
    weights = small_index.postings("sanction")
    assert set(weights) == {2, 3}
    assert weights[3] > weights[2] >= 1
    assert all(1 <= w <= small_index.manifest["levels"] for w in weights.values())


def test_russian_words_are_stemmed_and_belarusian_ones_kept_as_written(small_index):
    assert set(small_index.postings("переговор")) == {1}
    assert small_index.entry("переговоры") is None  # only the stem is indexed
    assert set(small_index.postings("перамовы")) == {0}  # no Belarusian stemmer: the word


def test_documents_are_numbered_oldest_first_and_years_are_ranges(small_index):
    assert small_index.manifest["documents"] == 4
    assert small_index.manifest["years"] == [[2020, 0, 0], [2021, 1, 2], [2022, 3, 3]]


def test_actors_and_tags_are_filter_terms_and_categories_facets(small_index):
    assert set(small_index.postings("\u0001a:european union")) == {1, 3}
    assert set(small_index.postings("\u0001t:sanctions")) == {3}
    _, [codes] = call(small_index.folder / "facets.js")
    categories = small_index.manifest["categories"]
    assert [categories[int(code, 36)] for code in codes] == [
        "Security",
        "Security",
        "Foreign policy",
        "Security",
    ]
    _, [names] = call(small_index.folder / "names.js")
    assert names == {"actors": ["European Union", "Lithuania"], "tags": ["Sanctions"]}


def test_the_words_of_names_are_listed_by_their_first_two_letters(small_index):
    keys = small_index.manifest["spelling"]
    spelling = {}
    for key in keys:
        _, [listed_key, terms] = call(small_index.folder / f"spelling-{key}.js")
        assert listed_key == key
        spelling.update(dict.fromkeys(terms, key))
    assert spelling["potash"] == "70-6f"  # "po", in a title
    assert spelling["lithuania"] == "6c-69"  # an actor's name
    assert "matter" not in spelling  # in a body only


def test_each_result_shows_its_own_document(small_index):
    _, [number, shown] = call(small_index.folder / "docs" / "1.js")
    assert number == 1
    assert shown["title"] == "Переговоры в Минске"
    assert shown["body"].startswith("Переговоры о переговорах")


def test_stop_words_and_single_letters_are_not_indexed(small_index):
    for word in ("the", "and", "a", "о", "в", "пра"):
        assert small_index.entry(word) is None, word


def test_a_second_run_reads_only_the_changed_document_and_writes_only_changed_files(tmp_path):
    documents = [document(f"Title {n}", f"Body {n} of words {n * 7}.") for n in range(30)]
    state = tmp_path / "state.json"
    folder = tmp_path / "kept"

    def run(docs):
        source = tmp_path / "documents.json"
        source.write_text(json.dumps(docs), encoding="utf-8")
        command = [shutil.which("node"), str(BUILDER), str(source), str(folder), str(state)]
        return json.loads(subprocess.run(command, check=True, capture_output=True).stdout)

    first = run(documents)
    assert "docs/29.js" in first["changed"] and first["removed"] == []
    second = run(documents)
    assert second == {**second, "changed": [], "removed": [], "digest": first["digest"]}
    documents[3] = document("Title 3", "An altogether different body.")
    third = run(documents)
    assert "docs/3.js" in third["changed"] and "docs/4.js" not in third["changed"]
    assert len(third["changed"]) < 10
    fresh = Index(build(tmp_path / "fresh", documents))
    kept = Index(folder)
    assert kept.files == fresh.files and kept.manifest == fresh.manifest
    assert call(folder / "docs" / "3.js") == call(fresh.folder / "docs" / "3.js")


def test_runs_after_edits_write_the_same_files_as_a_whole_build(tmp_path):
    """Edits that leave the other documents' weights as they were (a few documents changed
    in place, added or removed at the end) re-cut only the words files of their terms; the
    folder must then hold exactly what a whole build of the same documents writes."""
    rng = random.Random(7)
    vocabulary = [f"{rng.choice('bcdfgklmnprst')}{rng.choice('aeiou')}{n}x" for n in range(2500)]
    names = [f"Name {n}" for n in range(40)]

    def random_document(n):
        body = " ".join(rng.choices(vocabulary, k=rng.randint(40, 80)))
        return document(
            f"Title {n} {rng.choice(vocabulary)}",
            body,
            year=2000 + n // 20,
            tags=rng.sample(names, 2),
            actors=rng.sample(names, rng.randint(0, 3)),
        )

    def edited(docs):
        docs = [dict(d) for d in docs]
        n = rng.randrange(len(docs))
        kinds = ["body", "new body", "new words", "title", "tags", "actors", "append", "drop last"]
        kind = rng.choice([*kinds, "prepend"])
        length = len(docs[n]["body"].split())  # kept, and with it the averages
        if kind == "new body":
            docs[n]["body"] = " ".join(rng.choices(vocabulary, k=length))
        elif kind == "new words":  # terms the index lacks, all in one range: cuts move
            docs[n]["body"] = " ".join(f"ma{rng.randrange(10**6)}q" for _ in range(length))
        elif kind == "body":
            words = docs[n]["body"].split()
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
            docs[n]["body"] = " ".join(words)
        elif kind == "title":
            docs[n]["title"] = f"Retitled {rng.choice(vocabulary)}"
        elif kind in ("tags", "actors"):
            docs[n][kind] = rng.sample(names, 2)
        elif kind == "append":
            docs.append(random_document(len(docs)))
        elif kind == "drop last":
            docs.pop()
        else:  # every number moves: a whole build
            docs.insert(0, random_document(-1))
        return docs

    documents = [random_document(n) for n in range(300)]
    steps = [documents]
    for _ in range(16):
        steps.append(edited(steps[-1]))
    (tmp_path / "steps.json").write_text(json.dumps(steps), encoding="utf-8")
    # one Node process for every run: the kept folder updated from each step's state, and
    # a whole build of each step into a folder of its own
    script = """
        const { build } = require(process.argv[1]);
        const [work] = process.argv.slice(2);
        const steps = JSON.parse(require("fs").readFileSync(`${work}/steps.json`, "utf8"));
        const reports = steps.map((docs, step) => {
          const report = build(docs, `${work}/kept`, `${work}/state.json`);
          require("fs").cpSync(`${work}/kept`, `${work}/kept-${step}`, { recursive: true });
          build(docs, `${work}/fresh-${step}`);
          return report;
        });
        process.stdout.write(JSON.stringify(reports));
    """
    command = [shutil.which("node"), "-e", script, str(BUILDER), str(tmp_path)]
    reports = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
    folder = tmp_path / "kept"
    assert len(list(folder.glob("words-*.js"))) >= 4
    kinds = [report["incremental"] for report in reports[1:]]
    rewritten = [sum(n.startswith("words-") for n in report["changed"]) for report in reports[1:]]
    for step in range(len(steps)):
        fresh, kept = tmp_path / f"fresh-{step}", tmp_path / f"kept-{step}"
        files = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*.js"))
        assert sorted(p.relative_to(kept).as_posix() for p in kept.rglob("*.js")) == files
        _, mismatched, errors = filecmp.cmpfiles(fresh, kept, files, shallow=False)
        assert (mismatched, errors) == ([], []), f"step {step}"
    assert kinds.count(True) >= 6, kinds
    assert min(rewritten) < len(list(folder.glob("words-*.js"))), rewritten  # some files kept
