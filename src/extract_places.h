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

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimdiff/extract.h"
#include "claimdiff/lexicon.h"

namespace claimdiff {

struct Token;  // extract_tokens.h

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
  size_t surface_count() const { return names_.size(); }

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
  // Candidates for tokens [i, i + len) where the last token may carry an
  // inflection; empty when none.
  // `*inflected` tells whether an ending was stripped.
  // `uninflected_absent`: the caller knows no name is the bare word (len 1).
  using NameMap = absl::flat_hash_map<std::string, std::vector<Candidate>>;
  std::vector<Candidate> CandidatesAt(const NameMap& names, const std::vector<Token>& tokens, size_t i,
                                      size_t len, bool* inflected, bool uninflected_absent = false) const;
  // `in_place[k]` is true for tokens inside another place match: the role
  // rules do not look past them.
  std::string RoleOf(const std::vector<Token>& tokens, const std::vector<bool>& in_place, size_t first,
                     size_t last) const;
  bool SpeechGoverns(const std::vector<Token>& tokens, const std::vector<bool>& in_place, size_t prep,
                     size_t last) const;
  uint32_t CueBits(const Token& token) const;

  std::vector<Entry> places_;
  absl::flat_hash_map<std::string, int> by_id_;
  // Folded token sequence (tokens joined by ' ') -> candidates, best first.
  absl::flat_hash_map<std::string, std::vector<Candidate>> names_;
  // Folded first token -> longest name (in tokens) starting with it.
  absl::flat_hash_map<std::string, size_t> max_len_;
  // The part of names_ usable after a word in lower case (names that need no
  // capital, and blockers), and its max_len_: most words are in lower case,
  // and this small table spares them look-ups in the big one.
  absl::flat_hash_map<std::string, std::vector<Candidate>> names_lower_;
  absl::flat_hash_map<std::string, size_t> max_len_lower_;
  // Keys of names_ that have a demonym candidate (a small set that spares
  // big-table look-ups of the inflected forms of every word).
  absl::flat_hash_set<std::string> demonym_keys_;
  std::vector<std::string> name_suffixes_;       // Folded, longest first.
  std::vector<std::string> demonym_suffixes_;    // Folded, longest first.
  absl::flat_hash_map<std::string, uint32_t> cues_;  // Folded word -> CueKind bits.
};

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_EXTRACT_PLACES_H_
