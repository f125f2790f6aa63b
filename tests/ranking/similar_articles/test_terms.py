"""terms.py: the words of a text, stemmed in its language, and the distinctive ones."""

import Stemmer
from similar_articles import terms as terms_module
from similar_articles.terms import CANDIDATES, TextTerms, distinctive_terms, term_counts


def test_words_are_stemmed_counted_and_shown_as_written():
    terms = term_counts("Sanctions, sanctioned; the SANCTION. Élite élites!", "en")
    assert terms.stems[0] == "sanction"
    assert terms.counts[0] == 3
    assert terms.words[0] in {"sanctions", "sanctioned", "sanction"}
    assert "élite" in terms.stems


def test_russian_forms_share_a_stem_and_belarusian_is_taken_as_written():
    russian = term_counts("Санкции, санкций и санкциями: ёлка и елка.", "ru")
    assert dict(zip(russian.stems, russian.counts, strict=True))[russian.stems[0]] == 3
    assert "елк" in russian.stems  # ё read as е: both spellings are one word
    belarusian = term_counts("Санкцыі і санкцыямі.", "be")
    assert set(belarusian.stems) == {"санкцыі", "санкцыямі"}


def test_a_stem_is_shown_as_its_most_frequent_word_the_first_written_on_ties():
    terms = term_counts("sanctioned sanctions sanctions sanctioned. Banned bans.", "en")
    assert dict(zip(terms.stems, terms.words, strict=True)) == {
        "sanction": "sanctioned",
        "ban": "banned",
    }
    assert terms.stems == ("sanction", "ban") and terms.counts == (4, 2)


def test_the_kept_stems_are_snowballs_however_few_the_cache_may_hold(monkeypatch):
    text = "Санкции, санкций и санкциями вводят; санкционный режим ввели в 2014 году."
    expected = term_counts(text, "ru")
    snowball = Stemmer.Stemmer("russian")
    words = terms_module._WORD.findall(text.casefold())
    assert set(expected.stems) == set(snowball.stemWords(words))
    monkeypatch.setattr(terms_module, "STEMS_HELD", 3)  # emptied at every new text
    monkeypatch.setattr(terms_module, "_STEMS", {})
    for other in ("Режим санкций", text, "Ввели режим", text):
        term_counts(other, "ru")
        assert term_counts(text, "ru") == expected
        assert set(terms_module._STEMS["ru"]) == set(words)  # this text's words alone


def test_numbers_short_words_and_punctuation_are_no_terms():
    terms = term_counts("In 2016 an EU-wide ban: of, to, by 3,000 km2.", "en")
    assert set(terms.stems) == {"wide", "ban"}


def test_only_the_most_frequent_candidates_are_kept():
    words = [f"zz{'q' * n}" for n in range(1, 2 * CANDIDATES)]  # the n-th written n times
    terms = term_counts(" ".join(" ".join([word] * n) for n, word in enumerate(words, 1)), "en")
    assert len(terms) == CANDIDATES
    assert terms.words == tuple(reversed(words))[:CANDIDATES]


def test_a_distinctive_term_is_rare_but_shared():
    common = TextTerms(["govern"], [9], ["government"])
    texts = [
        TextTerms(["govern", "zeppelin", "unique"], [9, 3, 5], ["government", "zeppelins", "u"]),
        TextTerms(["govern", "zeppelin"], [9, 1], ["government", "zeppelin"]),
        *[common] * 38,
    ]
    chosen = distinctive_terms(texts, per_article=8, max_held=1.0)
    # "unique" is in one text only (it can match nothing), "govern" in all of them
    assert list(chosen[0]) == ["zeppelin"]
    assert texts[0].word_of(chosen[0][0]) == "zeppelins"
    assert chosen[2] == ()


def test_the_highest_count_times_rarity_come_first_and_per_article_cuts():
    texts = [
        TextTerms(["a1", "b1", "c1"], [1, 5, 3], ["a", "b", "c"]),
        TextTerms(["a1", "b1", "c1"], [1, 1, 1], ["a", "b", "c"]),
        *[TextTerms(["x"], [1], ["x"])] * 50,
    ]
    chosen = distinctive_terms(texts, per_article=2, max_held=1.0)
    assert list(chosen[0]) == ["b1", "c1"]


def test_a_draft_matches_a_term_one_published_article_holds():
    published = [TextTerms(["zeppelin"], [2], ["zeppelin"]), TextTerms(["other"], [1], ["o"])]
    draft = TextTerms(["zeppelin"], [4], ["zeppelins"])
    chosen = distinctive_terms([*published, draft], per_article=8, max_held=1.0, ranked=2)
    assert list(chosen[2]) == ["zeppelin"]
    # and the draft's words do not change the published articles' rarity
    assert chosen[0] == ()


def test_text_terms_pickle_and_compare():
    import pickle

    terms = term_counts("Zeppelins over Minsk, zeppelins again.", "en")
    assert pickle.loads(pickle.dumps(terms)) == terms
