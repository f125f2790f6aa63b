/* MiniSearch options shared by the index builder (Node, at build time) and the search page
   (the browser): an index must be loaded with the options it was built with. */
(function (root) {
  "use strict";
  // Words too common to help find an article; leaving them out keeps the index small.
  var STOP_WORDS = new Set((
    "a an and are as at be but by for from has have he her his in is it its of on or " +
    "that the their there they this to was were which who will with not also been had " +
    "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по " +
    "только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если " +
    "уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей " +
    "может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз " +
    "тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом " +
    "один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец " +
    "два об другой хоть после над больше тот через эти нас про всего них какая много разве " +
    "три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им " +
    "более всегда конечно всю между"
  ).split(" "));

  // Lower case, accents off ("Lukašenka" finds "Lukashenka"'s Lukasenka spelling too).
  function normalize(term) {
    return term.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function processTerm(term) {
    var word = normalize(term);
    return word.length < 2 || STOP_WORDS.has(word) ? null : word;
  }

  /* MiniSearch's saved index lists, for each term, {field: {document: count}}; as JSON
     that is about 8 bytes a posting. compact() writes each field's postings as one string
     of base-36 gaps between document numbers ("*count" when a word occurs more than once),
     about 3 bytes a posting; expand() turns it back before MiniSearch.loadJS. */
  function compact(saved) {
    saved.index = saved.index.map(function (entry) {
      var packed = [entry[0]];
      Object.keys(entry[1]).forEach(function (field) {
        var postings = entry[1][field];
        var previous = 0;
        var parts = Object.keys(postings).map(Number).sort(function (a, b) { return a - b; })
          .map(function (id) {
            var gap = (id - previous).toString(36);
            previous = id;
            return postings[id] > 1 ? gap + "*" + postings[id].toString(36) : gap;
          });
        packed.push(Number(field), parts.join(","));
      });
      return packed;
    });
    return saved;
  }

  function expand(saved) {
    saved.index = saved.index.map(function (packed) {
      var fields = {};
      for (var i = 1; i < packed.length; i += 2) {
        var postings = {};
        var id = 0;
        packed[i + 1].split(",").forEach(function (part) {
          var star = part.indexOf("*");
          id += parseInt(star < 0 ? part : part.slice(0, star), 36);
          postings[id] = star < 0 ? 1 : parseInt(part.slice(star + 1), 36);
        });
        fields[packed[i]] = postings;
      }
      return [packed[0], fields];
    });
    return saved;
  }

  var options = {
    meta: {
      fields: ["title", "actors", "tags", "category", "lead"],
      processTerm: processTerm,
      searchOptions: {
        boost: { title: 3, actors: 2.5, tags: 2, category: 1, lead: 1 },
        prefix: true,
        fuzzy: 0.2,
        combineWith: "AND"
      }
    },
    text: {
      fields: ["body"],
      processTerm: processTerm,
      searchOptions: { prefix: true, fuzzy: 0.2, combineWith: "AND" }
    },
    compact: compact,
    expand: expand,
    normalize: normalize,
    processTerm: processTerm
  };

  if (typeof module === "object" && module.exports) {
    module.exports = options;
  } else {
    root.SiteSearchOptions = options;
  }
})(this);
