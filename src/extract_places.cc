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
//      letter in the text) and by context (a name that is also an ordinary
//      word needs a place preposition before it or a qualifier after it).
//      Stopwords match too, and block the words they cover.
//   4. "City, Region" pairs pick the city inside the region ("Athens,
//      Georgia"); otherwise the candidate with the highest priority wins
//      (continent > country > region ≈ capital > populous city).
//   5. Roles: demonym -> origin; coordinated places share the first one's
//      role; else the nearest preposition to the left decides (event,
//      speaker when a speech cue governs it in the same clause, other).
#include "extract_places.h"

#include <algorithm>

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
    {"coordination", kCoordination},
};

// How far (in tokens) the role rules look.
constexpr size_t kPrepositionWindow = 6;
constexpr size_t kSpeechWindow = 10;

double Priority(absl::string_view kind, double population) {
  if (kind == "continent") return 1e12;
  if (kind == "country") return 1e11;
  if (kind == "region") return 2e6;
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
    if (word.substr(i, 3) == "\xE2\x80\x90" || word.substr(i, 3) == "\xE2\x80\x91") return i;
  }
  return 0;
}

}  // namespace

struct PlaceMatcher::Match {
  size_t first = 0;  // Token range [first, last].
  size_t last = 0;
  Span span;
  std::vector<Candidate> candidates;  // Best first, already filtered.
  int chosen = 0;                     // Index into candidates.
  std::string role;
};

PlaceMatcher::PlaceMatcher() = default;
PlaceMatcher::~PlaceMatcher() = default;

void PlaceMatcher::AddName(absl::string_view surface, Candidate candidate) {
  std::vector<Token> tokens = Tokenize(surface, Span{0, surface.size()});
  if (tokens.empty()) return;
  candidate.needs_capital = tokens[0].upper;
  std::string key = JoinFolded(tokens, 0, tokens.size());
  std::vector<Candidate>& list = names_[key];
  for (const Candidate& c : list) {
    if (c.place == candidate.place && c.demonym == candidate.demonym) return;
  }
  list.push_back(candidate);
  size_t& len = max_len_[tokens[0].folded];
  len = std::max(len, tokens.size());
}

absl::StatusOr<std::unique_ptr<PlaceMatcher>> PlaceMatcher::Create(const Lexicon& language,
                                                                    const Lexicon& common) {
  std::unique_ptr<PlaceMatcher> m(new PlaceMatcher());
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
      int index = static_cast<int>(m->places_.size());
      m->by_id_[e.place.id] = index;
      m->places_.push_back(std::move(e));
      Candidate c;
      c.place = index;
      m->AddName(row.Field(2), c);
      for (absl::string_view n : absl::StrSplit(row.Field(5), '|', absl::SkipEmpty())) m->AddName(n, c);
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
    m->AddName(row.Field(0), c);
  }
  // Stopwords block; ambiguous names need a context.
  for (const std::string& name : language.TableNames()) {
    if (!absl::StartsWith(name, "place_stopwords")) continue;
    for (const LexiconRow& row : language.Table(name).rows) {
      Candidate blocker;
      blocker.place = -1;
      m->AddName(row.Field(0), blocker);
    }
  }
  for (const LexiconRow& row : language.Table("place_ambiguous").rows) {
    m->ambiguous_.insert(FoldCase(row.Field(0)));
  }
  for (auto& [key, list] : m->names_) {
    bool ambiguous = m->ambiguous_.contains(key);
    for (Candidate& c : list) {
      if (!ambiguous || c.place < 0 || c.demonym) continue;
      const Entry& e = m->places_[static_cast<size_t>(c.place)];
      c.ambiguous = !e.always;
    }
    // Blockers first, then by priority.
    std::stable_sort(list.begin(), list.end(), [&](const Candidate& a, const Candidate& b) {
      double pa = a.place < 0 ? 1e300 : m->places_[static_cast<size_t>(a.place)].priority;
      double pb = b.place < 0 ? 1e300 : m->places_[static_cast<size_t>(b.place)].priority;
      return pa > pb;
    });
  }
  const LexiconTable& inflections = language.Table("place_inflections");
  m->name_suffixes_ = Suffixes(inflections, "name");
  m->demonym_suffixes_ = Suffixes(inflections, "demonym");
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

uint32_t PlaceMatcher::CueBits(const Token& token) const {
  if (token.kind != Token::kWord) return 0;
  auto it = cues_.find(token.folded);
  return it == cues_.end() ? 0 : it->second;
}

std::vector<PlaceMatcher::Candidate> PlaceMatcher::CandidatesAt(const std::vector<Token>& tokens, size_t i,
                                                                size_t len) const {
  std::vector<Candidate> out;
  std::string prefix = JoinFolded(tokens, i, i + len - 1);
  if (len > 1) prefix.push_back(' ');
  const std::string& last = tokens[i + len - 1].folded;
  auto collect = [&](const std::string& key, int want /* 0 any, 1 names, 2 demonyms */) {
    auto it = names_.find(key);
    if (it == names_.end()) return;
    for (const Candidate& c : it->second) {
      if (want == 1 && (c.demonym || c.place < 0)) continue;
      if (want == 2 && !c.demonym) continue;
      out.push_back(c);
    }
  };
  collect(prefix + last, 0);
  if (!out.empty()) return out;
  for (const std::string& s : name_suffixes_) {
    if (last.size() > s.size() + 2 && absl::EndsWith(last, s)) {
      collect(prefix + last.substr(0, last.size() - s.size()), 1);
      if (!out.empty()) return out;
    }
  }
  for (const std::string& s : demonym_suffixes_) {
    if (last.size() > s.size() + 2 && absl::EndsWith(last, s)) {
      collect(prefix + last.substr(0, last.size() - s.size()), 2);
      if (!out.empty()) return out;
    }
  }
  return out;
}

bool PlaceMatcher::SpeechGoverns(const std::vector<Token>& tokens, const std::vector<bool>& in_place,
                                 size_t prep, size_t last) const {
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
  std::vector<Token> tokens = Tokenize(text, sentence);
  std::vector<Match> matches;
  auto in_place_context = [&](size_t first) {
    return first > 0 && (CueBits(tokens[first - 1]) & (kEventPreposition | kSpeakerPreposition));
  };
  // Keeps the candidates usable at tokens[first]; `gated` tells whether only
  // ambiguous ones were left (they need a qualifier to survive).
  auto usable = [&](std::vector<Candidate> cands, size_t first, bool* gated) {
    std::vector<Candidate> out;
    std::vector<Candidate> held;
    bool context = in_place_context(first);
    for (const Candidate& c : cands) {
      if (c.place < 0) return std::vector<Candidate>{c};  // Blocker.
      if (c.needs_capital && !tokens[first].upper) continue;
      if (c.ambiguous && !context) {
        held.push_back(c);
        continue;
      }
      out.push_back(c);
    }
    *gated = out.empty() && !held.empty();
    return out.empty() ? held : out;
  };
  std::vector<bool> gated_flags;
  for (size_t i = 0; i < tokens.size();) {
    if (tokens[i].kind != Token::kWord) {
      ++i;
      continue;
    }
    auto ml = max_len_.find(tokens[i].folded);
    size_t best_len = 0;
    std::vector<Candidate> best;
    bool best_gated = false;
    if (ml != max_len_.end()) {
      size_t max_len = std::min(ml->second, tokens.size() - i);
      for (size_t len = max_len; len >= 1 && best_len == 0; --len) {
        std::vector<Candidate> cands = CandidatesAt(tokens, i, len);
        if (cands.empty()) continue;
        bool gated = false;
        cands = usable(std::move(cands), i, &gated);
        if (cands.empty()) continue;
        best_len = len;
        best = std::move(cands);
        best_gated = gated;
      }
    }
    Span span;
    if (best_len == 0) {
      // "Moskau-Besuch": try the first part of a hyphenated word.
      absl::string_view word = text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
      size_t part = FirstPartLength(word);
      if (part > 0) {
        std::vector<Token> sub = Tokenize(text, Span{tokens[i].start, tokens[i].start + part});
        if (sub.size() == 1) {
          std::vector<Candidate> cands = CandidatesAt(sub, 0, 1);
          bool gated = false;
          cands = usable(std::move(cands), i, &gated);
          if (!cands.empty() && cands[0].place >= 0 && !gated && !cands[0].demonym) {
            Match m;
            m.first = m.last = i;
            m.span = Span{tokens[i].start, tokens[i].start + part};
            m.candidates = std::move(cands);
            matches.push_back(std::move(m));
            gated_flags.push_back(false);
          }
        }
      }
      ++i;
      continue;
    }
    span = Span{tokens[i].start, tokens[i + best_len - 1].end};
    if (best[0].place >= 0) {
      Match m;
      m.first = i;
      m.last = i + best_len - 1;
      m.span = span;
      m.candidates = std::move(best);
      matches.push_back(std::move(m));
      gated_flags.push_back(best_gated);
    }
    i += best_len;
  }

  // Qualifiers: "Woodburn, Oregon", "Athens, Georgia".
  std::vector<bool> keep(matches.size(), true);
  std::vector<int> qualifies(matches.size(), -1);  // Index of the match this one qualifies.
  for (size_t a = 0; a + 1 < matches.size(); ++a) {
    Match& m = matches[a];
    Match& q = matches[a + 1];
    if (!(q.first == m.last + 2 && tokens[m.last + 1].kind == Token::kPunct &&
          text.substr(tokens[m.last + 1].start, 1) == ",")) {
      continue;
    }
    bool found = false;
    for (size_t qi = 0; qi < q.candidates.size() && !found; ++qi) {
      const Entry& qe = places_[static_cast<size_t>(q.candidates[qi].place)];
      if (q.candidates[qi].demonym || (qe.place.kind != "region" && qe.place.kind != "country")) continue;
      for (size_t mi = 0; mi < m.candidates.size() && !found; ++mi) {
        if (m.candidates[mi].demonym) continue;
        if (Within(places_[static_cast<size_t>(m.candidates[mi].place)].place.id, qe.place.id) &&
            m.candidates[mi].place != q.candidates[qi].place) {
          m.chosen = static_cast<int>(mi);
          q.chosen = static_cast<int>(qi);
          qualifies[a + 1] = static_cast<int>(a);
          gated_flags[a] = false;
          gated_flags[a + 1] = false;
          found = true;
        }
      }
    }
  }
  for (size_t a = 0; a < matches.size(); ++a) {
    if (gated_flags[a]) keep[a] = false;
  }

  std::vector<bool> in_place(tokens.size(), false);
  for (size_t a = 0; a < matches.size(); ++a) {
    if (!keep[a]) continue;
    for (size_t k = matches[a].first; k <= matches[a].last; ++k) in_place[k] = true;
  }
  std::vector<Place> out;
  int previous = -1;  // Last kept match, for coordination.
  for (size_t a = 0; a < matches.size(); ++a) {
    if (!keep[a]) continue;
    Match& m = matches[a];
    const Candidate& c = m.candidates[static_cast<size_t>(m.chosen)];
    if (c.demonym) {
      m.role = "origin";
    } else if (qualifies[a] >= 0) {
      m.role = matches[static_cast<size_t>(qualifies[a])].role;
    } else {
      m.role.clear();
      if (previous >= 0 && !matches[static_cast<size_t>(previous)].role.empty() &&
          matches[static_cast<size_t>(previous)].role != "origin" &&
          !matches[static_cast<size_t>(previous)].candidates[static_cast<size_t>(matches[static_cast<size_t>(previous)].chosen)].demonym) {
        // "in Moskau und Peking", "in Paris, London or Rome".
        const Match& p = matches[static_cast<size_t>(previous)];
        bool joined = m.first > p.last + 1;
        for (size_t k = p.last + 1; k < m.first && joined; ++k) {
          bool comma = tokens[k].kind == Token::kPunct && text.substr(tokens[k].start, 1) == ",";
          if (!comma && !(CueBits(tokens[k]) & kCoordination)) joined = false;
        }
        if (joined) m.role = p.role;
      }
      if (m.role.empty()) m.role = RoleOf(tokens, in_place, m.first, m.last);
    }
    Place p = places_[static_cast<size_t>(c.place)].place;
    p.span = m.span;
    p.role = m.role;
    out.push_back(std::move(p));
    previous = static_cast<int>(a);
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
