// PlaceMatcher: gazetteer lookup by longest match over tokens, then a role
// from the words around the match. See extract_places.h for the data files.
//
// Matching, per sentence:
//   1. Tokenize (extract_tokens.h: case-folded words, punctuation apart).
//   2. At each word token, try names of 1..max_len tokens (max_len is known
//      per first token) with one hash lookup each; the last token may carry a
//      listed inflection ("Russlands", "Iran's", "russische"). The longest
//      match wins; a hyphenated word that matches nothing is retried on its
//      first part ("Moskau-Besuch").
//   3. Candidates are filtered by case (a capitalised name needs a capital
//      letter in the text; a short word in capitals is an acronym) and by
//      context: a name that is also an ordinary word (place_ambiguous.tsv)
//      and a town under kContextFreePopulation need an event preposition
//      before them, a place noun after them or a qualifier ("Woodburn,
//      Oregon"). Stopwords match too, and block the words they cover.
//   4. "City, Region" pairs pick the city inside the region ("Athens,
//      Georgia"); otherwise the first candidate wins: countries and
//      continents, then places whose main name it is, then capitals and
//      populous cities, then regions.
//   5. A match between capitalised words and without a place context is
//      taken for part of a person's or organisation's name and dropped.
//   6. Roles: demonym -> origin; coordinated places share the first one's
//      role; a qualifier shares the role of what it qualifies; else the
//      nearest preposition to the left decides (event; speaker when a
//      speech cue governs it in the same clause; other).
#include "extract_places.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "extract_tokens.h"
#include "status_macros.h"

namespace claimdiff {

namespace {

enum CueKind : uint32_t {
  kEventPreposition = 1u << 0,
  kSpeakerPreposition = 1u << 1,
  kSpeech = 1u << 2,
  kClauseBreak = 1u << 3,
  kOtherPreposition = 1u << 4,
  kPlaceNoun = 1u << 5,
  kLink = 1u << 6,
  kDeterminer = 1u << 7,
  kCoordination = 1u << 8,
  kArticlePreposition = 1u << 9,
};

struct CueName {
  const char* name;
  CueKind kind;
};
constexpr CueName kCueNames[] = {
    {"event_preposition", kEventPreposition}, {"speaker_preposition", kSpeakerPreposition},
    {"speech", kSpeech},                      {"clause_break", kClauseBreak},
    {"other_preposition", kOtherPreposition}, {"place_noun", kPlaceNoun},
    {"link", kLink},                          {"determiner", kDeterminer},
    {"coordination", kCoordination},          {"article_preposition", kArticlePreposition},
};

// Towns smaller than this are matched only in a place context ("in
// Woodburn", "Qeshm island", "Woodburn, Oregon"): most such names are also
// surnames or words somewhere.
constexpr double kContextFreePopulation = 100000;

// Shorter names written all in capitals are taken for acronyms.
constexpr size_t kMinShoutedName = 5;

// How far (in tokens) the role rules look.
constexpr size_t kPrepositionWindow = 6;
constexpr size_t kSpeechWindow = 10;

double Priority(absl::string_view kind, double population) {
  if (kind == "continent") return 1e12;
  if (kind == "country") return 1e11;
  if (kind == "region") return 1.5e5 + population * 1e-3;  // Below a city of the same name ("Aden").
  if (kind == "capital") return 1e6 + 5 * population;
  return population;
}

bool KnownKind(absl::string_view kind) {
  return kind == "continent" || kind == "country" || kind == "region" || kind == "city" || kind == "capital";
}

// The folded words of `tokens` joined by ' ' into `*key`.
void JoinFolded(const std::vector<Token>& tokens, std::string* key) {
  key->clear();
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (k > 0) key->push_back(' ');
    key->append(tokens[k].folded);
  }
}


// Suffixes of `kind` from a place_inflections table, folded, longest first.
std::vector<std::string> Suffixes(const LexiconTable& table, absl::string_view kind) {
  std::vector<std::string> out;
  for (const LexiconRow& row : table.rows) {
    if (row.Field(0) == kind && !row.Field(1).empty()) out.push_back(FoldCase(row.Field(1)));
  }
  std::sort(out.begin(), out.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

// Byte length of the first part of a hyphenated word ("Moskau" in
// "Moskau-Besuch"), or 0.
size_t FirstPartLength(absl::string_view word) {
  for (size_t i = 1; i < word.size(); ++i) {
    if (word[i] == '-') return i;
    if (word[i] == '\xE2' && (word.substr(i, 3) == "\xE2\x80\x90" || word.substr(i, 3) == "\xE2\x80\x91")) {
      return i;
    }
  }
  return 0;
}

}  // namespace

struct PlaceMatcher::Match {
  size_t first = 0;  // Token range [first, last].
  size_t last = 0;
  Span span;
  Candidates candidates;  // Best first, already filtered.
  int chosen = 0;                     // Index into candidates.
  bool context = false;  // A place preposition before it or a place noun after it.
  bool held = false;     // Only candidates that need a context: dropped unless qualified.
  int qualifies = -1;    // Index of the match this one qualifies ("Woodburn, Oregon").
  bool inflected = false;  // Genitive or possessive ("Russlands", "Iran's").
  std::string role;
};

PlaceMatcher::PlaceMatcher(std::shared_ptr<const CompiledGazetteer> gazetteer)
    : gazetteer_(std::move(gazetteer)) {
  all_.shared = &gazetteer_->names_;
  lower_.shared = &gazetteer_->lower_;
}
PlaceMatcher::~PlaceMatcher() = default;

size_t PlaceMatcher::size() const { return gazetteer_->size(); }

const PlaceMatcher::Entry& PlaceMatcher::EntryOf(const Candidate& c) const {
  return gazetteer_->places_[static_cast<size_t>(c.place)];
}

void PlaceMatcher::NameTable::AddFirstWord(absl::string_view word, size_t name_tokens) {
  FirstWord& first = first_words[word];
  first.longest = std::max(first.longest, name_tokens);
}

void PlaceMatcher::NameTable::Finish(const NameTable* below) {
  if (below != nullptr) {
    // A one-word key here hides the one below, also as FirstWord::alone.
    for (const auto& [key, candidates] : names) {
      if (key.find(' ') == std::string::npos && below->LookupFirst(PrintedWord{key, WordPrint(key)})) {
        AddFirstWord(key, 1);
      }
    }
  }
  first_words_filter = KeyFilter(first_words.size());
  for (auto& [word, first] : first_words) {
    const PrintedWord printed{word, WordPrint(word)};
    first_words_filter.Add(word);
    auto it = names.find(printed);
    if (it != names.end()) {
      first.alone = it->second.empty() ? nullptr : &it->second;
    } else if (below != nullptr) {
      const std::vector<Candidate>* alone = below->Lookup(printed);
      first.alone = alone == nullptr || alone->empty() ? nullptr : alone;
    }
    if (below != nullptr) {
      if (const FirstWord* under = below->LookupFirst(printed)) {
        first.longest = std::max(first.longest, under->longest);
      }
    }
  }
  names_filter = KeyFilter(names.size());
  for (const auto& [key, candidates] : names) names_filter.Add(key);
}

void PlaceMatcher::NameIndex::Finish(const std::vector<std::string>& name_endings,
                                     const std::vector<std::string>& demonym_endings,
                                     const absl::flat_hash_set<std::string>& demonym_keys) {
  own.Finish(shared);
  // Only the endings a key may take go in (CandidatesAt() strips demonym
  // endings only to find a demonym key, and those are all in `own`):
  // smaller filters, fewer cache misses. Keys hidden below stay in: a
  // filter may say yes too often.
  auto endings_of = [&](const std::string& key) {
    return name_endings.size() + (demonym_keys.contains(key) ? demonym_endings.size() : 0);
  };
  size_t inflected = 0, last_words = 0;
  const NameTable* const tables[] = {shared, &own};
  for (const NameTable* table : tables) {
    for (const auto& [key, candidates] : table->names) {
      const size_t endings = table == shared ? name_endings.size() : endings_of(key);
      inflected += endings;
      if (key.find(' ') != std::string::npos) last_words += endings + 1;
    }
  }
  inflected_filter = KeyFilter(inflected);
  last_words_filter = KeyFilter(last_words);
  std::string word_ending;  // A buffer.
  for (const NameTable* table : tables) {
    for (const auto& [key, candidates] : table->names) {
      const bool demonym = table == &own && demonym_keys.contains(key);
      auto add_inflected = [&](absl::string_view word, KeyFilter* filter) {
        auto add = [&](const std::string& ending) {
          word_ending.assign(word.data(), word.size());
          word_ending += ending;
          filter->Add(word_ending);
        };
        for (const std::string& ending : name_endings) add(ending);
        if (!demonym) return;
        for (const std::string& ending : demonym_endings) add(ending);
      };
      add_inflected(key, &inflected_filter);
      const size_t space = key.rfind(' ');
      if (space == std::string::npos) continue;
      const absl::string_view last = absl::string_view(key).substr(space + 1);
      last_words_filter.Add(last);
      add_inflected(last, &last_words_filter);
    }
  }
}

const std::vector<PlaceMatcher::Candidate>* PlaceMatcher::NameIndex::Find(absl::string_view key) const {
  if (key.empty()) return nullptr;
  const PrintedWord printed{key, WordPrint(key)};
  const std::vector<Candidate>* found = own.Lookup(printed);
  if (found == nullptr) found = shared->Lookup(printed);
  return found == nullptr || found->empty() ? nullptr : found;
}

bool PlaceMatcher::ReadName(absl::string_view* surface, absl::string_view* language, Candidate* candidate,
                            std::vector<Token>* tokens, std::string* key) {
  // "de:Russland": a name of one language only.
  *language = absl::string_view();
  if (surface->size() > 3 && (*surface)[2] == ':' && absl::ascii_islower((*surface)[0]) &&
      absl::ascii_islower((*surface)[1])) {
    *language = surface->substr(0, 2);
    surface->remove_prefix(3);
  }
  Tokenize(*surface, Span{0, surface->size()}, tokens);
  if (tokens->empty()) return false;
  candidate->needs_capital = (*tokens)[0].upper;
  candidate->acronym = std::none_of(surface->begin(), surface->end(), absl::ascii_islower);
  JoinFolded(*tokens, key);
  return true;
}

void CompiledGazetteer::AddName(absl::string_view surface, Candidate candidate, std::vector<Token>* tokens,
                                std::string* key) {
  absl::string_view language;
  if (!PlaceMatcher::ReadName(&surface, &language, &candidate, tokens, key)) return;
  // Two-letter names are codes ("US", "UK") that only countries may use.
  if (surface.size() < 3 && places_[static_cast<size_t>(candidate.place)].place.kind != "country") return;
  const PrintedWord printed{*key, WordPrint(*key)};
  auto tagged = tagged_.find(printed);
  if (!language.empty() && tagged == tagged_.end()) {
    // The key's first name of one language: its names so far (all
    // languages') come first.
    std::vector<TaggedCandidate> before;
    if (auto it = names_.names.find(printed); it != names_.names.end()) {
      for (const Candidate& c : it->second) before.push_back(TaggedCandidate{c, ""});
    }
    tagged = tagged_.emplace(*key, std::move(before)).first;
  }
  if (tagged != tagged_.end()) tagged->second.push_back(TaggedCandidate{candidate, std::string(language)});
  if (!language.empty()) return;  // The matchers of its language add it.
  std::vector<Candidate>& list = names_.names[absl::string_view(*key)];
  for (const Candidate& c : list) {
    if (c.place == candidate.place) return;
  }
  list.push_back(candidate);
  names_.AddFirstWord((*tokens)[0].folded, tokens->size());
}

void CompiledGazetteer::Rank(std::vector<Candidate>* list) const {
  if (list->size() < 2) return;
  auto rank = [&](const Candidate& c) {
    if (c.place < 0) return std::make_tuple(3, 0, 0.0);
    const PlaceMatcher::Entry& e = places_[static_cast<size_t>(c.place)];
    bool top = e.place.kind == "country" || e.place.kind == "continent";
    return std::make_tuple(top ? 2 : 1, c.primary ? 1 : 0, e.priority);
  };
  std::stable_sort(list->begin(), list->end(),
                   [&](const Candidate& a, const Candidate& b) { return rank(a) > rank(b); });
}

absl::StatusOr<std::shared_ptr<const CompiledGazetteer>> CompiledGazetteer::Compile(const Lexicon& common) {
  // Built in place: FirstWord::alone points into the tables.
  std::shared_ptr<CompiledGazetteer> g(new CompiledGazetteer());
  size_t rows = 0;
  for (const std::string& name : common.TableNames()) {
    if (absl::StartsWith(name, "places")) rows += common.Table(name).rows.size();
  }
  g->places_.reserve(rows);
  g->by_id_.reserve(rows);
  g->names_.names.reserve(rows * 2);
  g->names_.first_words.reserve(rows * 2);
  std::vector<Token> tokens;  // Buffers of AddName().
  std::string key_buffer;
  // Gazetteer: every common table whose name starts with "places".
  for (const std::string& name : common.TableNames()) {
    if (!absl::StartsWith(name, "places")) continue;
    const LexiconTable& table = common.Table(name);
    for (const LexiconRow& row : table.rows) {
      const std::string& kind = row.Field(1);
      double population = 0;
      if (row.fields.size() < 3 || !KnownKind(kind) || row.Field(2).empty()) {
        return absl::InvalidArgumentError(absl::StrCat(
            table.path, ":", row.line, ": expected id<TAB>kind<TAB>name<TAB>population<TAB>within<TAB>names"
            " with kind continent|country|region|city|capital"));
      }
      if (!row.Field(3).empty() && !absl::SimpleAtod(row.Field(3), &population)) {
        return absl::InvalidArgumentError(
            absl::StrCat(table.path, ":", row.line, ": population '", row.Field(3), "' is not a number"));
      }
      const int index = static_cast<int>(g->places_.size());
      if (!g->by_id_.try_emplace(row.Field(0), index).second) {
        return absl::InvalidArgumentError(
            absl::StrCat(table.path, ":", row.line, ": duplicate place id '", row.Field(0), "'"));
      }
      PlaceMatcher::Entry& e = g->places_.emplace_back();
      e.place.id = row.Field(0);
      e.place.name = row.Field(2);
      e.place.kind = kind == "capital" ? "city" : kind;
      e.place.role = "other";
      const std::string& within = row.Field(4);
      e.place.within.reserve(static_cast<size_t>(std::count(within.begin(), within.end(), ',')) + 1);
      for (absl::string_view w : absl::StrSplit(within, ',', absl::SkipEmpty())) {
        e.place.within.emplace_back(w);
      }
      e.priority = Priority(kind, population);
      e.always = kind == "continent" || kind == "country" || kind == "capital";
      e.population = population;
      Candidate c;
      c.place = index;
      c.primary = true;
      g->AddName(row.Field(2), c, &tokens, &key_buffer);
      c.primary = false;
      for (absl::string_view n : absl::StrSplit(row.Field(5), '|', absl::SkipEmpty())) {
        g->AddName(n, c, &tokens, &key_buffer);
      }
    }
  }
  for (auto& [key, list] : g->names_.names) g->Rank(&list);
  for (const auto& [key, list] : g->names_.names) {
    if (std::none_of(list.begin(), list.end(), [](const Candidate& c) { return !c.needs_capital; })) continue;
    g->lower_.names.emplace(key, list);
    const size_t words = static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
    g->lower_.AddFirstWord(absl::string_view(key).substr(0, key.find(' ')), words);
  }
  g->names_.Finish(nullptr);
  g->lower_.Finish(nullptr);
  return std::shared_ptr<const CompiledGazetteer>(std::move(g));
}

std::vector<PlaceMatcher::Candidate>& PlaceMatcher::OwnList(absl::string_view key) {
  const PrintedWord printed{key, WordPrint(key)};
  auto it = all_.own.names.find(printed);
  if (it != all_.own.names.end()) return it->second;
  // The shared names are ranked already: ranked again with the ones added
  // after them, they come out as they would have from all names in order.
  const std::vector<Candidate>* shared = all_.shared->Lookup(printed);
  return all_.own.names.emplace(key, shared == nullptr ? std::vector<Candidate>() : *shared).first->second;
}

void PlaceMatcher::AddName(absl::string_view surface, Candidate candidate, absl::string_view language,
                           std::vector<Token>* tokens) {
  absl::string_view tag;
  std::string key;
  if (!ReadName(&surface, &tag, &candidate, tokens, &key) || (!tag.empty() && tag != language)) return;
  // Two-letter names are codes ("US", "UK") that only countries may use.
  if (candidate.place >= 0 && !candidate.demonym && surface.size() < 3 &&
      EntryOf(candidate).place.kind != "country") {
    return;
  }
  std::vector<Candidate>& list = OwnList(key);
  for (const Candidate& c : list) {
    if (c.place == candidate.place && c.demonym == candidate.demonym) return;
  }
  list.push_back(candidate);
  if (candidate.demonym) {
    demonym_keys_.insert(key);
    demonym_filter_.Add(key);
  }
  all_.own.AddFirstWord((*tokens)[0].folded, tokens->size());
}

absl::StatusOr<std::unique_ptr<PlaceMatcher>> PlaceMatcher::Create(const Lexicon& language,
                                                                    const Lexicon& common) {
  CLAIMDIFF_ASSIGN_OR_RETURN(std::shared_ptr<const CompiledGazetteer> gazetteer,
                             CompiledGazetteer::Compile(common));
  return Create(language, std::move(gazetteer));
}

absl::StatusOr<std::unique_ptr<PlaceMatcher>> PlaceMatcher::Create(
    const Lexicon& language, std::shared_ptr<const CompiledGazetteer> gazetteer) {
  const CompiledGazetteer& g = *gazetteer;
  std::unique_ptr<PlaceMatcher> m(new PlaceMatcher(std::move(gazetteer)));
  const std::string& lang = language.language();
  // The gazetteer's names of this language only, in order among the
  // others of their key.
  for (const auto& [key, tagged] : g.tagged_) {
    auto of_language = [&](const CompiledGazetteer::TaggedCandidate& t) {
      return !t.language.empty() && t.language == lang;
    };
    if (std::none_of(tagged.begin(), tagged.end(), of_language)) continue;
    auto mine = [&](const CompiledGazetteer::TaggedCandidate& t) {
      return t.language.empty() || of_language(t);
    };
    std::vector<Candidate> list;
    for (const CompiledGazetteer::TaggedCandidate& t : tagged) {
      if (!mine(t)) continue;
      auto same = [&](const Candidate& c) { return c.place == t.candidate.place; };
      if (std::none_of(list.begin(), list.end(), same)) list.push_back(t.candidate);
    }
    m->all_.own.names.emplace(key, std::move(list));
    const size_t words = static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
    m->all_.own.AddFirstWord(absl::string_view(key).substr(0, key.find(' ')), words);
  }
  std::vector<Token> tokens;  // A buffer of AddName().
  // Nationality adjectives.
  const LexiconTable& demonyms = language.Table("place_demonyms");
  for (const LexiconRow& row : demonyms.rows) {
    auto it = g.by_id_.find(row.Field(1));
    if (it == g.by_id_.end()) {
      return absl::InvalidArgumentError(absl::StrCat(demonyms.path, ":", row.line, ": unknown place id '",
                                                     row.Field(1), "'"));
    }
    Candidate c;
    c.place = it->second;
    c.demonym = true;
    m->AddName(row.Field(0), c, lang, &tokens);
  }
  // Stopwords block; ambiguous names need a context.
  for (const std::string& name : language.TableNames()) {
    if (!absl::StartsWith(name, "place_stopwords")) continue;
    for (const LexiconRow& row : language.Table(name).rows) {
      Candidate blocker;
      blocker.place = -1;
      m->AddName(row.Field(0), blocker, lang, &tokens);
    }
  }
  for (const LexiconRow& row : language.Table("place_ambiguous").rows) {
    const std::string key = FoldCase(row.Field(0));
    const PrintedWord printed{key, WordPrint(key)};
    if (m->all_.own.Lookup(printed) == nullptr && m->all_.shared->Lookup(printed) == nullptr) continue;
    for (Candidate& c : m->OwnList(key)) {
      if (c.place >= 0 && !c.demonym) c.ambiguous = !m->EntryOf(c).always;
    }
  }
  m->surface_count_ = m->all_.shared->names.size();
  for (auto& [key, list] : m->all_.own.names) {
    g.Rank(&list);
    if (!m->all_.shared->Lookup(PrintedWord{key, WordPrint(key)})) ++m->surface_count_;
    // The lower-case index: this list instead of the shared one, which it
    // hides when the list is of no use after a word in lower case.
    const bool usable = std::any_of(list.begin(), list.end(),
                                    [](const Candidate& c) { return c.place < 0 || !c.needs_capital; });
    if (usable) {
      m->lower_.own.names.emplace(key, list);
      const size_t words = static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
      m->lower_.own.AddFirstWord(absl::string_view(key).substr(0, key.find(' ')), words);
    } else if (m->lower_.shared->Lookup(PrintedWord{key, WordPrint(key)}) != nullptr) {
      m->lower_.own.names.emplace(key, std::vector<Candidate>());
    }
  }
  const LexiconTable& inflections = language.Table("place_inflections");
  m->name_suffixes_ = Suffixes(inflections, "name");
  m->demonym_suffixes_ = Suffixes(inflections, "demonym");
  for (const auto* suffixes : {&m->name_suffixes_, &m->demonym_suffixes_}) {
    for (const std::string& s : *suffixes) {
      if (!s.empty()) m->suffix_last_byte_[static_cast<unsigned char>(s.back())] = true;
    }
  }
  m->all_.Finish(m->name_suffixes_, m->demonym_suffixes_, m->demonym_keys_);
  m->lower_.Finish(m->name_suffixes_, m->demonym_suffixes_, m->demonym_keys_);
  const LexiconTable& cues = language.Table("place_cues");
  for (const LexiconRow& row : cues.rows) {
    uint32_t bit = 0;
    for (const CueName& cn : kCueNames) {
      if (row.Field(0) == cn.name) bit = cn.kind;
    }
    if (bit == 0 || row.Field(1).empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(cues.path, ":", row.line, ": expected kind<TAB>word with a known kind, got '",
                       row.Field(0), "'"));
    }
    m->cues_[FoldCase(row.Field(1))] |= bit;
  }
  return m;
}

bool PlaceMatcher::NeedsContext(const Candidate& c) const {
  if (c.place < 0 || c.demonym) return false;
  if (c.ambiguous) return true;
  const Entry& e = EntryOf(c);
  return e.place.kind == "city" && !e.always && e.population < kContextFreePopulation;
}

uint32_t PlaceMatcher::CueBits(const Token& token) const {
  if (token.kind != Token::kWord) return 0;
  const uint32_t* bits = cues_.Find(token.folded, token.folded_print);
  return bits == nullptr ? 0 : *bits;
}

void PlaceMatcher::CandidatesAt(const NameIndex& index, const std::vector<Token>& tokens, size_t i,
                                size_t len, const FirstWord* first, std::string* key_buffer,
                                bool* inflected, std::vector<Candidate>* out) const {
  out->clear();
  *inflected = false;
  // One-word keys are looked up without copying; longer ones in `key`:
  // the words before the last, each with the space after it.
  std::string& key = *key_buffer;
  key.clear();
  if (len > 1) {
    for (size_t k = i; k + 1 < i + len; ++k) {
      key.append(tokens[k].folded);
      key.push_back(' ');
    }
  }
  const size_t prefix_size = key.size();
  absl::string_view last = tokens[i + len - 1].folded;
  auto add = [&](const std::vector<Candidate>* found, int want /* 0 any, 1 names, 2 demonyms */) {
    if (found == nullptr) return;
    for (const Candidate& c : *found) {
      if (want == 1 && c.demonym) continue;  // Blockers block inflected forms too ("Kims").
      if (want == 2 && !c.demonym) continue;
      out->push_back(c);
    }
  };
  auto collect = [&](absl::string_view tail, int want) {
    absl::string_view whole = tail;
    if (len > 1) {
      key.resize(prefix_size);
      key.append(tail.data(), tail.size());
      whole = key;
    }
    if (want == 2 && !(demonym_filter_.MayContain(whole) && demonym_keys_.contains(whole))) return;
    add(index.Find(whole), want);
  };
  // The word as written: one word is a name only if it starts one.
  if (len > 1) {
    collect(last, 0);
  } else if (first != nullptr) {
    add(first->alone, 0);
  }
  if (!out->empty()) return;
  *inflected = true;
  // Most words are no name with an ending: the filter tells without
  // stripping each ending.
  if (len == 1 && !MayBeInflectedName(index, tokens[i])) return;
  for (const std::string& s : name_suffixes_) {
    if (last.size() > s.size() + 2 && HasSuffix(last, s)) {
      collect(last.substr(0, last.size() - s.size()), 1);
      if (!out->empty()) return;
    }
  }
  for (const std::string& s : demonym_suffixes_) {
    if (last.size() > s.size() + 2 && HasSuffix(last, s)) {
      collect(last.substr(0, last.size() - s.size()), 2);
      if (!out->empty()) return;
    }
  }
}

bool PlaceMatcher::SpeechGoverns(const std::vector<Token>& tokens, const std::vector<bool>& in_place,
                                 size_t prep, size_t last) const {
  // A plain word closing the clause right after the place is the verb the
  // place belongs to ("nach Angaben des Kremls noch im April in Russland
  // treffen."); a cue word there is a speech verb's particle ("teilte der
  // Kreml am Donnerstag in Moskau mit.").
  if (last + 2 < tokens.size() && tokens[last + 1].kind == Token::kWord && CueBits(tokens[last + 1]) == 0 &&
      tokens[last + 2].kind == Token::kPunct) {
    return false;
  }
  for (size_t step = 0, k = prep; step < kSpeechWindow && k > 0; ++step) {
    --k;
    if (tokens[k].kind == Token::kPunct || in_place[k]) break;
    uint32_t bits = CueBits(tokens[k]);
    if (bits & kSpeech) return true;
    if (bits & kClauseBreak) break;
  }
  for (size_t step = 0, k = last + 1; step < kSpeechWindow && k < tokens.size(); ++step, ++k) {
    if (tokens[k].kind == Token::kPunct || in_place[k]) break;
    uint32_t bits = CueBits(tokens[k]);
    if (bits & kSpeech) return true;
    if (bits & kClauseBreak) break;
  }
  return false;
}

std::string PlaceMatcher::RoleOf(const std::vector<Token>& tokens, const std::vector<bool>& in_place,
                                 size_t first, size_t last) const {
  size_t k = first;
  for (size_t step = 0; step < kPrepositionWindow && k > 0; ++step) {
    --k;
    const Token& t = tokens[k];
    if (t.kind == Token::kPunct || in_place[k]) break;
    uint32_t bits = CueBits(t);
    if (bits & (kEventPreposition | kSpeakerPreposition)) {
      if ((bits & kSpeakerPreposition) && SpeechGoverns(tokens, in_place, k, last)) return "speaker";
      return (bits & kEventPreposition) ? "event" : "other";
    }
    if (bits & kLink) {
      if (k > 0 && (CueBits(tokens[k - 1]) & kPlaceNoun)) continue;
      break;
    }
    if (bits & (kOtherPreposition | kClauseBreak | kSpeech)) break;
  }
  return "other";
}

std::vector<Place> PlaceMatcher::Find(absl::string_view text, Span sentence) const {
  return Find(text, Tokenize(text, sentence));
}

std::vector<Place> PlaceMatcher::Find(absl::string_view text, const std::vector<Token>& tokens) const {
  auto is_comma = [&](size_t k) {
    return k < tokens.size() && tokens[k].kind == Token::kPunct && text.substr(tokens[k].start, 1) == ",";
  };
  // A place context: an event preposition without a fused article ("in
  // Essen", not "im Norden") or a place noun after the name ("Qeshm island").
  auto has_context = [&](size_t first, size_t last) {
    if (first > 0) {
      uint32_t bits = CueBits(tokens[first - 1]);
      if ((bits & kEventPreposition) && !(bits & kArticlePreposition)) return true;
    }
    return last + 1 < tokens.size() && (CueBits(tokens[last + 1]) & kPlaceNoun);
  };
  // Keeps the candidates usable for tokens [first, last]: case first, then
  // context (those needing one are kept apart and used only when nothing
  // else is left).
  auto filter = [&](const std::vector<Candidate>& cands, Match* m) {
    Candidates held;
    m->context = has_context(m->first, m->last);
    absl::string_view surface = text.substr(m->span.start, m->span.size());
    bool shouting = std::none_of(surface.begin(), surface.end(), absl::ascii_islower);
    for (const Candidate& c : cands) {
      if (c.place < 0) {  // Blocker.
        m->candidates = {c};
        return;
      }
      if (c.needs_capital && !tokens[m->first].upper) continue;
      // A short word in capitals is an acronym ("IRNA", "SUV"), not a name
      // written in capitals, unless the gazetteer writes it so ("USA").
      if (!c.acronym && shouting && m->span.size() < kMinShoutedName) continue;
      if (!m->context && NeedsContext(c)) {
        held.push_back(c);
        continue;
      }
      m->candidates.push_back(c);
    }
    m->held = m->candidates.empty() && !held.empty();
    if (m->held) m->candidates = std::move(held);
  };

  std::vector<Match> matches;
  std::vector<Candidate> cands;
  std::string key;  // A buffer of CandidatesAt().
  for (size_t i = 0; i < tokens.size();) {
    if (tokens[i].kind != Token::kWord) {
      ++i;
      continue;
    }
    // Names up to the longest one starting with this word; one word always
    // (it may carry an inflection: "Moskaus").
    // After a word in lower case only names that need no capital (and
    // blockers) can match: look them up in the small index.
    const NameIndex& index = tokens[i].upper ? all_ : lower_;
    const FirstWord* first = index.First(tokens[i]);
    if (first == nullptr && !MayBeInflectedName(index, tokens[i]) && !tokens[i].hyphenated) {
      ++i;  // Most words: no name starts here (see CandidatesAt and below).
      continue;
    }
    const size_t max_len = std::min(first != nullptr ? first->longest : size_t{1}, tokens.size() - i);
    std::optional<Match> found;
    size_t blocked = 0;  // Tokens covered by a stopword.
    for (size_t len = max_len; len >= 1 && !found; --len) {
      // Most tokens end no name of several words: the filter tells before
      // the key is built.
      if (len > 1 && !index.last_words_filter.MayContainPrint(tokens[i + len - 1].folded_print)) continue;
      bool inflected = false;
      CandidatesAt(index, tokens, i, len, first, &key, &inflected, &cands);
      if (cands.empty()) continue;
      if (cands[0].place < 0) {  // Stopwords come first; they block the words.
        blocked = len;
        break;
      }
      Match m;
      m.inflected = inflected;
      m.first = i;
      m.last = i + len - 1;
      m.span = Span{tokens[i].start, tokens[m.last].end};
      filter(cands, &m);
      if (!m.candidates.empty()) found = std::move(m);
    }
    if (blocked > 0) {
      i += blocked;
      continue;
    }
    if (!found) {
      // "Moskau-Besuch": try the first part of a hyphenated word.
      absl::string_view word = text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
      size_t part = tokens[i].hyphenated ? FirstPartLength(word) : 0;
      if (part > 0) {
        std::vector<Token> sub = Tokenize(text, Span{tokens[i].start, tokens[i].start + part});
        cands.clear();
        bool inflected = false;
        if (sub.size() == 1) {
          const NameIndex& sub_index = sub[0].upper ? all_ : lower_;
          CandidatesAt(sub_index, sub, 0, 1, sub_index.First(sub[0]), &key, &inflected, &cands);
        }
        Match m;
        m.first = m.last = i;
        m.span = Span{tokens[i].start, tokens[i].start + part};
        filter(cands, &m);
        if (!m.candidates.empty() && !m.held && !m.candidates[0].demonym) found = std::move(m);
      }
      if (!found) {
        ++i;
        continue;
      }
    }
    i = found->last + 1;
    if (found->candidates[0].place >= 0) matches.push_back(*std::move(found));
  }
  if (matches.empty()) return {};  // Most sentences.

  // Qualifiers: "Woodburn, Oregon", "Athens, Georgia" pick the place inside.
  for (size_t a = 0; a + 1 < matches.size(); ++a) {
    Match& m = matches[a];
    Match& q = matches[a + 1];
    if (q.first != m.last + 2 || !is_comma(m.last + 1)) continue;
    bool done = false;
    for (size_t qi = 0; qi < q.candidates.size() && !done; ++qi) {
      const Entry& qe = EntryOf(q.candidates[qi]);
      if (q.candidates[qi].demonym || (qe.place.kind != "region" && qe.place.kind != "country")) continue;
      for (size_t mi = 0; mi < m.candidates.size() && !done; ++mi) {
        const Candidate& mc = m.candidates[mi];
        if (mc.demonym || mc.place == q.candidates[qi].place) continue;
        if (!Within(EntryOf(mc).place.id, qe.place.id)) continue;
        m.chosen = static_cast<int>(mi);
        q.chosen = static_cast<int>(qi);
        q.qualifies = static_cast<int>(a);
        m.held = q.held = false;
        m.context = q.context = true;
        done = true;
      }
    }
  }

  std::vector<bool> keep(matches.size(), true);
  std::vector<bool> in_place(tokens.size(), false);
  std::vector<Place> out;
  out.reserve(matches.size());
  for (size_t a = 0; a < matches.size(); ++a) {
    if (matches[a].held) keep[a] = false;
  }
  // A name between capitalised words without a place context is most likely
  // part of a person's or organisation's name ("Vincent Gigante", "Sarah
  // Palin", "Sam's Club"); the sentence's first word is capitalised anyway.
  // A genitive or possessive sits between nouns ("Präsident Russlands",
  // "Iran's Foreign Ministry").
  for (size_t a = 0; a < matches.size(); ++a) {
    const Match& m = matches[a];
    const Candidate& c = m.candidates[static_cast<size_t>(m.chosen)];
    if (!keep[a] || m.qualifies >= 0 || c.demonym || m.inflected) continue;
    if (m.context && !NeedsContext(c)) continue;
    if (a + 1 < matches.size() && matches[a + 1].qualifies == static_cast<int>(a)) continue;
    if (EntryOf(c).place.kind == "continent") continue;
    auto capitalised_word = [&](size_t k) {
      return tokens[k].kind == Token::kWord && tokens[k].upper && !(CueBits(tokens[k]) & kPlaceNoun);
    };
    bool prev_place = a > 0 && keep[a - 1] && matches[a - 1].last + 1 == m.first;
    bool next_place = a + 1 < matches.size() && matches[a + 1].first == m.last + 1;
    // The word before is capitalised as the sentence's first word when only
    // punctuation (an opening quote) precedes it.
    auto sentence_initial = [&](size_t k) {
      for (size_t j = 0; j < k; ++j) {
        if (tokens[j].kind != Token::kPunct) return false;
      }
      return true;
    };
    if ((m.first > 0 && !prev_place && capitalised_word(m.first - 1) && !sentence_initial(m.first - 1)) ||
        (m.last + 1 < tokens.size() && !next_place && capitalised_word(m.last + 1))) {
      keep[a] = false;
    }
  }
  for (size_t a = 0; a < matches.size(); ++a) {
    // Nationality adjectives are transparent ("in der russischen Hafenstadt Wladiwostok").
    if (!keep[a] || matches[a].candidates[static_cast<size_t>(matches[a].chosen)].demonym) continue;
    for (size_t k = matches[a].first; k <= matches[a].last; ++k) in_place[k] = true;
  }

  const Match* previous = nullptr;  // Last kept place (not a demonym), for coordination.
  for (size_t a = 0; a < matches.size(); ++a) {
    if (!keep[a]) continue;
    Match& m = matches[a];
    const Candidate& c = m.candidates[static_cast<size_t>(m.chosen)];
    if (c.demonym) {
      m.role = "origin";
    } else if (m.qualifies >= 0) {
      m.role = matches[static_cast<size_t>(m.qualifies)].role;
    } else {
      if (previous != nullptr && m.first > previous->last + 1) {
        // "in Moskau und Peking", "in Paris, London or Rome".
        bool joined = true;
        for (size_t k = previous->last + 1; k < m.first && joined; ++k) {
          if (!is_comma(k) && !(CueBits(tokens[k]) & kCoordination)) joined = false;
        }
        if (joined) m.role = previous->role;
      }
      if (m.role.empty()) m.role = RoleOf(tokens, in_place, m.first, m.last);
    }
    Place p = EntryOf(c).place;
    p.span = m.span;
    p.role = m.role;
    out.push_back(std::move(p));
    if (!c.demonym) previous = &m;
  }
  return out;
}

bool PlaceMatcher::Within(absl::string_view inner, absl::string_view outer) const {
  if (inner == outer) return gazetteer_->by_id_.contains(inner);
  const Place* p = Lookup(inner);
  if (p == nullptr) return false;
  return std::find(p->within.begin(), p->within.end(), outer) != p->within.end();
}

const Place* PlaceMatcher::Lookup(absl::string_view id) const {
  const auto& by_id = gazetteer_->by_id_;
  auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : &gazetteer_->places_[static_cast<size_t>(it->second)].place;
}

}  // namespace claimdiff
