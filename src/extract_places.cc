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

std::string JoinFolded(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::string key;
  for (size_t k = begin; k < end; ++k) {
    if (k > begin) key.push_back(' ');
    key += tokens[k].folded;
  }
  return key;
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

PlaceMatcher::PlaceMatcher() = default;
PlaceMatcher::~PlaceMatcher() = default;

void PlaceMatcher::AddName(absl::string_view surface, Candidate candidate, absl::string_view language) {
  // "de:Russland": a name of one language only.
  if (surface.size() > 3 && surface[2] == ':' && absl::ascii_islower(surface[0]) &&
      absl::ascii_islower(surface[1])) {
    if (surface.substr(0, 2) != language) return;
    surface.remove_prefix(3);
  }
  std::vector<Token> tokens = Tokenize(surface, Span{0, surface.size()});
  if (tokens.empty()) return;
  // Two-letter names are codes ("US", "UK") that only countries may use.
  if (candidate.place >= 0 && !candidate.demonym && surface.size() < 3 &&
      places_[static_cast<size_t>(candidate.place)].place.kind != "country") {
    return;
  }
  candidate.needs_capital = tokens[0].upper;
  candidate.acronym = std::none_of(surface.begin(), surface.end(), absl::ascii_islower);
  std::string key = JoinFolded(tokens, 0, tokens.size());
  std::vector<Candidate>& list = all_.names[key];
  for (const Candidate& c : list) {
    if (c.place == candidate.place && c.demonym == candidate.demonym) return;
  }
  list.push_back(candidate);
  if (candidate.demonym) {
    demonym_keys_.insert(key);
    demonym_filter_.Add(key);
  }
  all_.AddFirstWord(tokens[0].folded, tokens.size());
}

void PlaceMatcher::NameIndex::AddFirstWord(absl::string_view word, size_t name_tokens) {
  FirstWord& first = first_words[word];
  first.longest = std::max(first.longest, name_tokens);
}

void PlaceMatcher::NameIndex::Finish(const std::vector<std::string>& name_endings,
                                     const std::vector<std::string>& demonym_endings,
                                     const absl::flat_hash_set<std::string>& demonym_keys) {
  first_words_filter = KeyFilter(first_words.size());
  for (auto& [word, first] : first_words) {
    auto it = names.find(word);
    first.alone = it == names.end() ? nullptr : &it->second;
    first_words_filter.Add(word);
  }
  names_filter = KeyFilter(names.size());
  // Only the endings a key may take go in (CandidatesAt() strips demonym
  // endings only to find a demonym key): smaller filters, fewer cache misses.
  auto endings_of = [&](const std::string& key) {
    return name_endings.size() + (demonym_keys.contains(key) ? demonym_endings.size() : 0);
  };
  size_t inflected = 0, last_words = 0;
  for (const auto& [key, candidates] : names) {
    inflected += endings_of(key);
    if (key.find(' ') != std::string::npos) last_words += endings_of(key) + 1;
  }
  inflected_filter = KeyFilter(inflected);
  last_words_filter = KeyFilter(last_words);
  for (const auto& [key, candidates] : names) {
    names_filter.Add(key);
    const bool demonym = demonym_keys.contains(key);
    auto add_inflected = [&](absl::string_view word, KeyFilter* filter) {
      for (const std::string& ending : name_endings) filter->Add(absl::StrCat(word, ending));
      if (!demonym) return;
      for (const std::string& ending : demonym_endings) filter->Add(absl::StrCat(word, ending));
    };
    add_inflected(key, &inflected_filter);
    const size_t space = key.rfind(' ');
    if (space == std::string::npos) continue;
    const absl::string_view last = absl::string_view(key).substr(space + 1);
    last_words_filter.Add(last);
    add_inflected(last, &last_words_filter);
  }
}

const std::vector<PlaceMatcher::Candidate>* PlaceMatcher::NameIndex::Find(absl::string_view key) const {
  const PrintedWord printed{key, WordPrint(key)};
  if (key.empty() || !names_filter.MayContainPrint(printed.print)) return nullptr;
  auto it = names.find(printed);
  return it == names.end() ? nullptr : &it->second;
}

const PlaceMatcher::NameIndex::FirstWord* PlaceMatcher::NameIndex::First(const Token& token) const {
  if (token.folded.empty() || !first_words_filter.MayContainPrint(token.folded_print)) return nullptr;
  auto it = first_words.find(PrintedWord{token.folded, token.folded_print});
  return it == first_words.end() ? nullptr : &it->second;
}

absl::StatusOr<std::unique_ptr<PlaceMatcher>> PlaceMatcher::Create(const Lexicon& language,
                                                                    const Lexicon& common) {
  std::unique_ptr<PlaceMatcher> m(new PlaceMatcher());
  const std::string& lang = language.language();
  size_t rows = 0;
  for (const std::string& name : common.TableNames()) {
    if (absl::StartsWith(name, "places")) rows += common.Table(name).rows.size();
  }
  m->places_.reserve(rows);
  m->by_id_.reserve(rows);
  m->all_.names.reserve(rows * 2);
  m->all_.first_words.reserve(rows * 2);
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
      if (m->by_id_.contains(row.Field(0))) {
        return absl::InvalidArgumentError(
            absl::StrCat(table.path, ":", row.line, ": duplicate place id '", row.Field(0), "'"));
      }
      Entry e;
      e.place.id = row.Field(0);
      e.place.name = row.Field(2);
      e.place.kind = kind == "capital" ? "city" : kind;
      e.place.role = "other";
      for (absl::string_view w : absl::StrSplit(row.Field(4), ',', absl::SkipEmpty())) {
        e.place.within.emplace_back(w);
      }
      e.priority = Priority(kind, population);
      e.always = kind == "continent" || kind == "country" || kind == "capital";
      e.population = population;
      int index = static_cast<int>(m->places_.size());
      m->by_id_[e.place.id] = index;
      m->places_.push_back(std::move(e));
      Candidate c;
      c.place = index;
      c.primary = true;
      m->AddName(row.Field(2), c, lang);
      c.primary = false;
      for (absl::string_view n : absl::StrSplit(row.Field(5), '|', absl::SkipEmpty())) m->AddName(n, c, lang);
    }
  }
  // Nationality adjectives.
  const LexiconTable& demonyms = language.Table("place_demonyms");
  for (const LexiconRow& row : demonyms.rows) {
    auto it = m->by_id_.find(row.Field(1));
    if (it == m->by_id_.end()) {
      return absl::InvalidArgumentError(absl::StrCat(demonyms.path, ":", row.line, ": unknown place id '",
                                                     row.Field(1), "'"));
    }
    Candidate c;
    c.place = it->second;
    c.demonym = true;
    m->AddName(row.Field(0), c, lang);
  }
  // Stopwords block; ambiguous names need a context.
  for (const std::string& name : language.TableNames()) {
    if (!absl::StartsWith(name, "place_stopwords")) continue;
    for (const LexiconRow& row : language.Table(name).rows) {
      Candidate blocker;
      blocker.place = -1;
      m->AddName(row.Field(0), blocker, lang);
    }
  }
  absl::flat_hash_set<std::string> ambiguous;  // Folded names that are ordinary words.
  for (const LexiconRow& row : language.Table("place_ambiguous").rows) {
    ambiguous.insert(FoldCase(row.Field(0)));
  }
  for (auto& [key, list] : m->all_.names) {
    bool is_ambiguous = !ambiguous.empty() && ambiguous.contains(key);
    for (Candidate& c : list) {
      if (!is_ambiguous || c.place < 0 || c.demonym) continue;
      const Entry& e = m->places_[static_cast<size_t>(c.place)];
      c.ambiguous = !e.always;
    }
    // Blockers first, then countries and continents, then places whose main
    // name this is ("Philadelphia" the city, not Amman's ancient name), then
    // by priority.
    auto rank = [&](const Candidate& c) {
      if (c.place < 0) return std::make_tuple(3, 0, 0.0);
      const Entry& e = m->places_[static_cast<size_t>(c.place)];
      bool top = e.place.kind == "country" || e.place.kind == "continent";
      return std::make_tuple(top ? 2 : 1, c.primary ? 1 : 0, e.priority);
    };
    if (list.size() > 1) {
      std::stable_sort(list.begin(), list.end(),
                       [&](const Candidate& a, const Candidate& b) { return rank(a) > rank(b); });
    }
  }
  for (const auto& [key, list] : m->all_.names) {
    bool usable = std::any_of(list.begin(), list.end(),
                              [](const Candidate& c) { return c.place < 0 || !c.needs_capital; });
    if (!usable) continue;
    m->lower_.names.emplace(key, list);
    size_t words = static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
    m->lower_.AddFirstWord(absl::string_view(key).substr(0, key.find(' ')), words);
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
  const Entry& e = places_[static_cast<size_t>(c.place)];
  return e.place.kind == "city" && !e.always && e.population < kContextFreePopulation;
}

uint32_t PlaceMatcher::CueBits(const Token& token) const {
  if (token.kind != Token::kWord) return 0;
  const uint32_t* bits = cues_.Find(token.folded, token.folded_print);
  return bits == nullptr ? 0 : *bits;
}

void PlaceMatcher::CandidatesAt(const NameIndex& index, const std::vector<Token>& tokens, size_t i,
                                size_t len, const NameIndex::FirstWord* first, std::string* key_buffer,
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
    const NameIndex::FirstWord* first = index.First(tokens[i]);
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
      const Entry& qe = places_[static_cast<size_t>(q.candidates[qi].place)];
      if (q.candidates[qi].demonym || (qe.place.kind != "region" && qe.place.kind != "country")) continue;
      for (size_t mi = 0; mi < m.candidates.size() && !done; ++mi) {
        const Candidate& mc = m.candidates[mi];
        if (mc.demonym || mc.place == q.candidates[qi].place) continue;
        if (!Within(places_[static_cast<size_t>(mc.place)].place.id, qe.place.id)) continue;
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
    if (places_[static_cast<size_t>(c.place)].place.kind == "continent") continue;
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
    Place p = places_[static_cast<size_t>(c.place)].place;
    p.span = m.span;
    p.role = m.role;
    out.push_back(std::move(p));
    if (!c.demonym) previous = &m;
  }
  return out;
}

bool PlaceMatcher::Within(absl::string_view inner, absl::string_view outer) const {
  if (inner == outer) return by_id_.contains(inner);
  const Place* p = Lookup(inner);
  if (p == nullptr) return false;
  return std::find(p->within.begin(), p->within.end(), outer) != p->within.end();
}

const Place* PlaceMatcher::Lookup(absl::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &places_[static_cast<size_t>(it->second)].place;
}

}  // namespace claimdiff
