/* Words as the search knows them, shared by the index builder (Node, at build time) and
   the search page (the browser), so that a query's words are made exactly as the index's:
   - words(): the runs of letters and digits of a text, in lower case, with ё as е and
     accents dropped from Latin letters (й, ў and і are letters of their own and stay);
   - stems(): the forms a word is looked up under: its stem in English (Latin words) or
     Russian (Cyrillic words), and the word itself (Belarusian is indexed unstemmed, and a
     stemmer's mistake must not hide the word as written).
   The stemmers are @orama/stemmers' (Snowball's Russian; Porter's English), given here as
   `stemmers` ({en, ru}) by whoever loads this file. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else root.SearchText = factory;
})(typeof self !== "undefined" ? self : this, function (stemmers) {
  "use strict";

  var WORD = /[\p{L}\p{N}]+/gu;
  var LATIN = /^[a-z0-9]+$/;
  var CYRILLIC = /^[\u0400-\u04ff0-9]+$/;
  // Too common to tell articles apart: left out of the index, and of a query (a query of
  // these words only is answered with "no results", never an error).
  var STOP_WORDS = new Set((
    "a an and are as at be but by for from has have he her his in is it its of on or " +
    "that the their there they this to was were which who will with not also been had " +
    "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по " +
    "только ее мне было вот от меня еще нет о из ему теперь когда даже ну ли если уже " +
    "или ни быть был него до вас вам ведь там потом себя ей может они тут где есть надо " +
    "ней для мы их чем была сам без чего тоже себе под будет тогда кто этот того потому " +
    "этого какой здесь этом тем чтобы были при об после над тот через эти нас про всего " +
    "них эту этой перед такой им более между " +
    "і ў не што ён на я з як а гэта усе яна так яго але да ты к у жа вы за бы па толькі " +
    "яе мне было вось ад мяне яшчэ няма аб ці калі ўжо або ні быць быў таму для мы іх " +
    "чым была сам без таксама пад будзе тады хто гэты пры пасля над праз гэтыя нас пра"
  ).split(" "));
  var LATIN_MARKED = /[\u00c0-\u024f]/;
  var MARK_AFTER_LATIN = /([a-z])[\u0300-\u036f]+/g;

  /* Lower case, ё as е, marks dropped from Latin letters only: of a word or a whole text
     at once (quicker than word by word). */
  function fold(text) {
    var result = text.toLowerCase().replace(/ё/g, "е");
    if (LATIN_MARKED.test(result)) {
      result = result.normalize("NFD").replace(MARK_AFTER_LATIN, "$1").normalize("NFC");
    }
    return result;
  }

  /* The words of a text, folded, stop words and single letters left out. */
  function words(text) {
    var found = [];
    var match;
    var folded = fold(text || "");
    WORD.lastIndex = 0;
    while ((match = WORD.exec(folded)) !== null) {
      var word = match[0];
      if (word.length > 1 && word.length <= 40 && !STOP_WORDS.has(word)) found.push(word);
    }
    return found;
  }

  var stemmed = new Map();

  /* The stem a word is indexed under, in the language of its letters; unstem (true) for
     a Belarusian article's words, which no kept library stems. */
  function stem(word, unstemmed) {
    if (unstemmed) return word;
    var known = stemmed.get(word);
    if (known !== undefined) return known;
    var result = word;
    if (LATIN.test(word) && !/^[0-9]+$/.test(word)) result = stemmers.en(word);
    else if (CYRILLIC.test(word)) result = stemmers.ru(word);
    if (stemmed.size < 500000) stemmed.set(word, result);
    return result;
  }

  /* Every form a query's word may be indexed under. */
  function stems(word) {
    var forms = [stem(word)];
    if (forms[0] !== word) forms.push(word);
    return forms;
  }

  return { words: words, fold: fold, stem: stem, stems: stems, STOP_WORDS: STOP_WORDS };
});
