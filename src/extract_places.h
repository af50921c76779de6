// Place matching for the extract stage: finds gazetteer places in a
// sentence, decides their role (event place, speaker's location, origin of a
// nationality adjective, other) and answers containment questions
// (city ⊂ region ⊂ country ⊂ continent).
//
// Data (no words of any language in this code):
//   common/places.tsv          the gazetteer (scripts/build_gazetteer.py, GeoNames CC BY 4.0)
//   <lang>/place_demonyms.tsv  nationality adjectives -> country id ("russisch" -> country:RU)
//   <lang>/place_cues.tsv      prepositions and speech cues that decide the role
//   <lang>/place_inflections.tsv  suffixes that may be stripped ("Russlands" -> "Russland")
//   <lang>/place_stopwords.tsv names that are never places in the language
//   <lang>/place_ambiguous.tsv names that are also ordinary words (generated;
//                              matched only in a place context)
//
// Matching is a longest match over token sequences with one hash lookup per
// candidate length; Find() never scans the gazetteer.

#ifndef CLAIMDIFF_SRC_EXTRACT_PLACES_H_
#define CLAIMDIFF_SRC_EXTRACT_PLACES_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimdiff/extract.h"
#include "claimdiff/lexicon.h"
#include "extract_tokens.h"

namespace claimdiff {

class PlaceMatcher {
 public:
  // Compiles the gazetteer of `common` (table "places") and the place tables
  // of `language` into hash maps. InvalidArgument "path:line: ..." on a
  // malformed row.
  static absl::StatusOr<std::unique_ptr<PlaceMatcher>> Create(const Lexicon& language, const Lexicon& common);

  // Places mentioned in text[sentence], in text order, with spans into
  // `text` and roles ("event", "speaker", "origin", "other"). Thread-safe.
  std::vector<Place> Find(absl::string_view text, Span sentence) const;
  // The same on the sentence's tokens as Tokenize(text, sentence) gives
  // them (extract.cc shares its tokens instead of tokenizing again).
  std::vector<Place> Find(absl::string_view text, const std::vector<Token>& tokens) const;

  // True when place id `inner` lies inside (or equals) `outer`
  // (city ⊂ region ⊂ country ⊂ continent). A country that spans two
  // continents (Russia, Turkey, ...) lies in both; its cities lie in the
  // continent of their longitude.
  bool Within(absl::string_view inner, absl::string_view outer) const;

  // Canonical data for an id (span empty, role "other"), or nullptr.
  const Place* Lookup(absl::string_view id) const;

  // Number of gazetteer entries and indexed surface forms (for tests and
  // diagnostics).
  size_t size() const { return places_.size(); }
  size_t surface_count() const { return all_.names.size(); }

  ~PlaceMatcher();
  PlaceMatcher(const PlaceMatcher&) = delete;
  PlaceMatcher& operator=(const PlaceMatcher&) = delete;

 private:
  struct Candidate {
    int place = -1;             // Index into places_; -1 blocks the words (stopword).
    bool demonym = false;       // A nationality adjective: role "origin".
    bool needs_capital = true;  // The text must start with an upper-case letter.
    bool ambiguous = false;     // Also an ordinary word: needs a place context.
    bool primary = false;       // The surface is the entry's main name, not an alternate one.
    bool acronym = false;       // The surface is written in capitals ("USA", "UAE").
  };
  // Candidates of one match (a few at most: on the stack).
  using Candidates = absl::InlinedVector<Candidate, 4>;
  struct Entry {
    Place place;
    double priority = 0;  // Larger wins on ambiguity.
    bool always = false;  // Continent, country or capital: never held back as an ordinary word.
    double population = 0;
  };
  struct Match;

  PlaceMatcher();
  // Indexes `surface` ("de:Russland" only when `language` is "de").
  void AddName(absl::string_view surface, Candidate candidate, absl::string_view language);
  // True when the candidate needs a place context (preposition before, place
  // noun after, qualifier after): an ordinary word or a small town.
  bool NeedsContext(const Candidate& c) const;
  // Names by folded token sequence (tokens joined by ' ') -> candidates,
  // best first; and the words that start names. The key filters spare most
  // words the look-ups.
  struct NameIndex {
    struct FirstWord {
      size_t longest = 0;                             // Tokens of the longest name it starts.
      const std::vector<Candidate>* alone = nullptr;  // The names that are this word alone, or nullptr.
    };
    WordHashMap<std::vector<Candidate>> names;
    WordHashMap<FirstWord> first_words;
    // Sized to the index (the gazetteer has some 100,000 names, the
    // lower-case index a few thousand) when it is finished.
    KeyFilter names_filter;        // Keys of names.
    KeyFilter first_words_filter;  // Keys of first_words.
    KeyFilter inflected_filter;    // Keys of names with each ending they may take.
    // Last words of the names of several words, as they are and with each
    // ending: a name of several tokens can end only at such a token.
    KeyFilter last_words_filter;
    void AddFirstWord(absl::string_view word, size_t name_tokens);
    // Once every name is in: sets FirstWord::alone (it points into `names`)
    // and fills the filters.
    // A name takes `name_endings`; a key of `demonym_keys` (a nationality
    // adjective) also `demonym_endings`.
    void Finish(const std::vector<std::string>& name_endings, const std::vector<std::string>& demonym_endings,
                const absl::flat_hash_set<std::string>& demonym_keys);
    const std::vector<Candidate>* Find(absl::string_view key) const;
    // The token's word as the first word of names, or nullptr when it starts none.
    const FirstWord* First(const Token& token) const;
  };
  // False when the word of `token` (of no name as it is) can be no name with
  // an ending either: a cheap test before CandidatesAt().
  bool MayBeInflectedName(const NameIndex& index, const Token& token) const {
    return !token.folded.empty() &&
           suffix_last_byte_[static_cast<unsigned char>(token.folded.back())] &&
           index.inflected_filter.MayContainPrint(token.folded_print);
  }
  // Sets `*out` to the candidates for tokens [i, i + len) where the last
  // token may carry an inflection; empty when none. `first` is
  // index.First(tokens[i]); `key` a buffer. `*inflected` tells whether an
  // ending was stripped.
  void CandidatesAt(const NameIndex& index, const std::vector<Token>& tokens, size_t i, size_t len,
                    const NameIndex::FirstWord* first, std::string* key, bool* inflected,
                    std::vector<Candidate>* out) const;
  // `in_place[k]` is true for tokens inside another place match: the role
  // rules do not look past them.
  std::string RoleOf(const std::vector<Token>& tokens, const std::vector<bool>& in_place, size_t first,
                     size_t last) const;
  bool SpeechGoverns(const std::vector<Token>& tokens, const std::vector<bool>& in_place, size_t prep,
                     size_t last) const;
  uint32_t CueBits(const Token& token) const;

  std::vector<Entry> places_;
  absl::flat_hash_map<std::string, int> by_id_;
  NameIndex all_;
  // The names usable after a word in lower case (names that need no
  // capital, and blockers): most words are in lower case, and this small
  // index spares them look-ups in the big one.
  NameIndex lower_;
  // Keys of all_.names that have a demonym candidate (a small set that
  // spares big-table look-ups of the inflected forms of every word).
  absl::flat_hash_set<std::string> demonym_keys_;
  KeyFilter demonym_filter_;  // Keys of demonym_keys_.
  std::vector<std::string> name_suffixes_;       // Folded, longest first.
  std::vector<std::string> demonym_suffixes_;    // Folded, longest first.
  // The last bytes of the suffixes of both kinds: a word that ends in none
  // of them has no ending to strip.
  std::array<bool, 256> suffix_last_byte_{};
  WordMap<uint32_t> cues_;  // Folded word -> CueKind bits.
};

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_EXTRACT_PLACES_H_
