// Participants: people, organisations and media named in a sentence, with
// titles ("Kreml-Sprecher Dmitri Peskow") and name variants that share a
// key ("Kim Jong-un" = "Kim Jong Un" = a later bare "Kim"). Private to the
// extract stage.
//
// Data (src/lexicon/<lang>/):
//   titles.tsv          surface -> title key (+ affiliation)
//   people.tsv          well-known names -> person key
//   first_names.tsv     given names that start a person name
//   person_cues.tsv     "Herr", "Mr." ...: the next capitalized words are a name
//   name_variants.tsv   transliteration of name parts for keys (Wladimir -> vladimir)
//   organisations.tsv   organisations with key and kind (official, organisation, agency)
//   media.tsv           outlets and generic media nouns ("Medien", "state media")
//   media_origins.tsv   nationality adjectives that qualify a media noun
//   claims.tsv          settings: name_suffix, adjective_ending, title_link

#ifndef CLAIMDIFF_SRC_EXTRACT_PARTICIPANTS_H_
#define CLAIMDIFF_SRC_EXTRACT_PARTICIPANTS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "claimdiff/extract.h"
#include "claimdiff/lexicon.h"
#include "extract_tokens.h"

namespace claimdiff {

// A participant with its token range and the kind of source it would be
// as a speaker ("official", "person", "media", "agency", "organisation").
struct FoundParticipant {
  Participant participant;
  size_t begin = 0;  // Token range of title + name, [begin, end).
  size_t end = 0;
  std::string source_kind;
};

// Names seen earlier in the document: a later bare "Putin" or "Kim"
// resolves to the full name's key.
struct NameMemory {
  WordHashMap<std::string> alias_to_key;  // Folded name part -> key.
  // Person key -> the organisation a title tied the person to.
  absl::flat_hash_map<std::string, std::string> affiliation_of;
};

class ParticipantTagger {
 public:
  static absl::StatusOr<std::unique_ptr<ParticipantTagger>> Create(const Lexicon& lexicon, const Stemmer& stemmer);

  // Participants of one sentence in text order. `tokens` must be stemmed.
  // Updates `memory` with the full names found.
  std::vector<FoundParticipant> Find(absl::string_view text, const std::vector<Token>& tokens,
                                     NameMemory* memory) const;

  // The phrase of a sentence that refers back to two people named before
  // ("die beiden Regierungschefs", "zwischen beiden", "the two leaders"):
  // a pair word (claims.tsv: pair_word) before a title, or standing alone
  // where the language allows (pair_pronoun: the next word is no noun); or
  // a plural title after an article ("der Regierungschefs", "the leaders":
  // pair_article, and a title that is its table form plus pair_plural).
  std::optional<Span> FindPairReference(const std::vector<Token>& tokens) const;

  // The normalized key of a written name ("Dmitri Peskow" -> "dmitry peskov").
  std::string NameKey(const std::vector<Token>& tokens, size_t begin, size_t end) const;

 private:
  struct Title {
    std::string key;
    std::string affiliation;
    std::string folded;  // The table's form.
  };
  struct Org {
    std::string key;
    std::string kind;   // Participant kind: "organisation" or "media".
    std::string source; // Source kind for attribution.
    bool generic = false;  // A media noun that takes an origin ("Medien").
  };
  ParticipantTagger() = default;
  // Length in tokens of a capitalized name starting at i (0 if none).
  size_t NameRun(const std::vector<Token>& tokens, size_t i, size_t max_tokens) const;
  bool IsBlocker(const Token& t) const;
  void NameOutlet(const std::vector<Token>& tokens, FoundParticipant* fp) const;
  std::optional<PhraseTable::Match> MatchTitle(const std::vector<Token>& tokens, size_t i) const;

  PhraseTable titles_;
  std::vector<Title> title_rows_;
  WordMap<int> title_single_;  // Folded or stemmed one-token title -> row.
  PhraseTable people_;
  std::vector<std::string> people_keys_;
  WordSet first_names_;
  PhraseTable person_cues_;
  WordMap<std::string> variants_;
  PhraseTable orgs_;
  std::vector<Org> org_rows_;
  PhraseTable origins_;
  std::vector<std::string> origin_keys_;
  std::vector<std::string> name_suffixes_;
  WordSet title_links_;
  WordSet pair_words_;
  WordSet pair_articles_;
  std::vector<std::string> pair_plurals_;
  bool pair_pronoun_ = false;
  WordSet blockers_;  // Folded words that never belong to a name.
  // The start keys of titles_, people_, person_cues_, orgs_ and origins_.
  KeyFilter phrase_starts_;
  // False when the token starts an entry of none of those tables.
  bool MayStartPhrase(const Token& t) const {
    return phrase_starts_.MayContainPrint(t.folded_print) ||
           (!t.stem.empty() && phrase_starts_.MayContainPrint(t.stem_print));
  }
};

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_EXTRACT_PARTICIPANTS_H_
