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
//
// The gazetteer is compiled once (CompiledGazetteer: its places and the
// index of the names every language shares) and shared, immutable, by the
// matchers of all languages; a matcher indexes only what its language adds
// or changes (names of that language only, demonyms, stopwords, ambiguous
// names), in small tables looked up before the shared ones.

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

class CompiledGazetteer;

class PlaceMatcher {
 public:
  // Compiles the gazetteer of `common` (table "places") and the place tables
  // of `language` into hash maps. InvalidArgument "path:line: ..." on a
  // malformed row.
  static absl::StatusOr<std::unique_ptr<PlaceMatcher>> Create(const Lexicon& language, const Lexicon& common);
  // The same on a gazetteer compiled before (CompiledGazetteer::Compile),
  // which the matcher shares: only the place tables of `language` are
  // compiled (cheap).
  static absl::StatusOr<std::unique_ptr<PlaceMatcher>> Create(
      const Lexicon& language, std::shared_ptr<const CompiledGazetteer> gazetteer);

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
  size_t size() const;
  size_t surface_count() const { return surface_count_; }

  ~PlaceMatcher();
  PlaceMatcher(const PlaceMatcher&) = delete;
  PlaceMatcher& operator=(const PlaceMatcher&) = delete;

 private:
  friend class CompiledGazetteer;

  struct Candidate {
    int place = -1;             // Index into the gazetteer's places; -1 blocks the words (stopword).
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

  // Names by folded token sequence (tokens joined by ' ') -> candidates,
  // best first; and the words that start names. The key filters spare most
  // words the look-ups. A table may lie over another one (a language's
  // over the gazetteer's): its keys hide those of the one below, and an
  // empty candidate list hides a key without giving one.
  struct NameTable {
    struct FirstWord {
      size_t longest = 0;                             // Tokens of the longest name it starts.
      const std::vector<Candidate>* alone = nullptr;  // The names that are this word alone, or nullptr.
    };
    WordHashMap<std::vector<Candidate>> names;
    WordHashMap<FirstWord> first_words;
    // Sized to the table when it is finished.
    KeyFilter names_filter;        // Keys of names.
    KeyFilter first_words_filter;  // Keys of first_words.
    void AddFirstWord(absl::string_view word, size_t name_tokens);
    // Once every name is in: sets FirstWord::alone (it points into `names`
    // or below's) and fills the filters. `below` (or nullptr) is the table
    // this one lies over; every one-word key of this table that starts a
    // name below gets a FirstWord here.
    void Finish(const NameTable* below);
    // The candidates of `key` (an empty list when this table hides the
    // key), or nullptr when this table does not know it.
    const std::vector<Candidate>* Lookup(const PrintedWord& key) const {
      if (!names_filter.MayContainPrint(key.print)) return nullptr;
      auto it = names.find(key);
      return it == names.end() ? nullptr : &it->second;
    }
    const FirstWord* LookupFirst(const PrintedWord& word) const {
      if (!first_words_filter.MayContainPrint(word.print)) return nullptr;
      auto it = first_words.find(word);
      return it == first_words.end() ? nullptr : &it->second;
    }
  };
  using FirstWord = NameTable::FirstWord;
  // A language's names: its own table over the gazetteer's.
  struct NameIndex {
    const NameTable* shared = nullptr;  // The gazetteer's (never null once created).
    NameTable own;
    KeyFilter inflected_filter;  // Keys of names with each ending they may take.
    // Last words of the names of several words, as they are and with each
    // ending: a name of several tokens can end only at such a token.
    KeyFilter last_words_filter;
    // Once every name is in: finishes `own` and fills the filters. A name
    // takes `name_endings`; a key of `demonym_keys` (a nationality
    // adjective) also `demonym_endings`.
    void Finish(const std::vector<std::string>& name_endings, const std::vector<std::string>& demonym_endings,
                const absl::flat_hash_set<std::string>& demonym_keys);
    const std::vector<Candidate>* Find(absl::string_view key) const;
    // The token's word as the first word of names, or nullptr when it starts none.
    const FirstWord* First(const Token& token) const {
      if (token.folded.empty()) return nullptr;
      const PrintedWord word{token.folded, token.folded_print};
      const FirstWord* first = own.LookupFirst(word);
      return first != nullptr ? first : shared->LookupFirst(word);
    }
  };

  explicit PlaceMatcher(std::shared_ptr<const CompiledGazetteer> gazetteer);
  // A gazetteer name as both indexes read it: strips a language tag from
  // `*surface` ("de:Russland" becomes "Russland" and sets `*language` to
  // "de", else ""), tokenizes the name into `*tokens` and joins its folded
  // tokens into `*key`, and sets the candidate's needs_capital and acronym.
  // False when the name has no tokens.
  static bool ReadName(absl::string_view* surface, absl::string_view* language, Candidate* candidate,
                       std::vector<Token>* tokens, std::string* key);
  // Adds `surface` to all_.own ("de:Russland" only when `language` is
  // "de"); `tokens` is a buffer.
  void AddName(absl::string_view surface, Candidate candidate, absl::string_view language,
               std::vector<Token>* tokens);
  // The list of all_.own for `key`, made from the gazetteer's when new.
  std::vector<Candidate>& OwnList(absl::string_view key);
  const Entry& EntryOf(const Candidate& c) const;
  // True when the candidate needs a place context (preposition before, place
  // noun after, qualifier after): an ordinary word or a small town.
  bool NeedsContext(const Candidate& c) const;
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
                    const FirstWord* first, std::string* key, bool* inflected,
                    std::vector<Candidate>* out) const;
  // `in_place[k]` is true for tokens inside another place match: the role
  // rules do not look past them.
  std::string RoleOf(const std::vector<Token>& tokens, const std::vector<bool>& in_place, size_t first,
                     size_t last) const;
  bool SpeechGoverns(const std::vector<Token>& tokens, const std::vector<bool>& in_place, size_t prep,
                     size_t last) const;
  uint32_t CueBits(const Token& token) const;

  const std::shared_ptr<const CompiledGazetteer> gazetteer_;
  NameIndex all_;
  // The names usable after a word in lower case (names that need no
  // capital, and blockers): most words are in lower case, and this small
  // index spares them look-ups in the big one.
  NameIndex lower_;
  size_t surface_count_ = 0;  // Keys of all_ (its own and the shared ones).
  // Keys of all_ that have a demonym candidate (a small set that
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

// The language-independent part of place matching: the gazetteer's places
// and the index of the names all languages share, compiled once and then
// only read (thread-safe), shared by the PlaceMatchers of every language.
class CompiledGazetteer {
 public:
  // Compiles every table of `common` whose name starts with "places".
  // InvalidArgument "path:line: ..." on a malformed row.
  static absl::StatusOr<std::shared_ptr<const CompiledGazetteer>> Compile(const Lexicon& common);

  size_t size() const { return places_.size(); }

  CompiledGazetteer(const CompiledGazetteer&) = delete;
  CompiledGazetteer& operator=(const CompiledGazetteer&) = delete;

 private:
  friend class PlaceMatcher;
  using Candidate = PlaceMatcher::Candidate;
  // A name of one language only ("de:Russland") or one that shares a key
  // with such a name.
  struct TaggedCandidate {
    Candidate candidate;
    std::string language;  // "" for every language.
  };

  CompiledGazetteer() = default;
  // Indexes `surface` for every language or, "de:Russland", for one.
  // `tokens` and `key` are buffers.
  void AddName(absl::string_view surface, Candidate candidate, std::vector<Token>* tokens, std::string* key);
  // Sorts `list` best first: blockers, then countries and continents, then
  // places whose main name it is ("Philadelphia" the city, not Amman's
  // ancient name), then by priority; ties keep their order.
  void Rank(std::vector<Candidate>* list) const;

  std::vector<PlaceMatcher::Entry> places_;
  absl::flat_hash_map<std::string, int> by_id_;
  // The names of every language, ranked.
  PlaceMatcher::NameTable names_;
  // Those of names_ usable after a word in lower case (see PlaceMatcher::lower_).
  PlaceMatcher::NameTable lower_;
  // By key, for the keys of the names of one language: every name of the
  // key in gazetteer order (duplicates too), with its language.
  WordHashMap<std::vector<TaggedCandidate>> tagged_;
};

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_EXTRACT_PLACES_H_
