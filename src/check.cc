// Classification of draft claims against sources, and the position helpers
// (line index, inline suppressions, changed lines).

#include "claimdiff/check.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "unicode/utf8.h"

namespace claimdiff {

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kSupported: return "supported";
    case Verdict::kContradicted: return "contradicted";
    case Verdict::kOverstated: return "overstated";
    case Verdict::kUnderstated: return "understated";
    case Verdict::kUnsupported: return "unsupported";
  }
  return "supported";
}

std::optional<Verdict> ParseVerdict(absl::string_view name) {
  for (Verdict v : {Verdict::kSupported, Verdict::kContradicted, Verdict::kOverstated, Verdict::kUnderstated,
                    Verdict::kUnsupported}) {
    if (name == VerdictName(v)) return v;
  }
  return std::nullopt;
}

const char* LevelName(Level l) {
  switch (l) {
    case Level::kOff: return "off";
    case Level::kInfo: return "info";
    case Level::kWarning: return "warning";
    case Level::kError: return "error";
  }
  return "off";
}

std::optional<Level> ParseLevel(absl::string_view name) {
  for (Level l : {Level::kOff, Level::kInfo, Level::kWarning, Level::kError}) {
    if (name == LevelName(l)) return l;
  }
  if (name == "none") return Level::kOff;
  if (name == "note" || name == "suggestion") return Level::kInfo;
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Positions

LineIndex::LineIndex(absl::string_view contents) : contents_(contents) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < contents_.size(); ++i) {
    if (contents_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

FilePosition LineIndex::Position(size_t offset) const {
  offset = std::min(offset, contents_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin());  // 1-based.
  size_t start = line_starts_[line - 1];
  // Columns count code points, as editors and SARIF's unicodeCodePoints do.
  int column = 1;
  int32_t i = static_cast<int32_t>(start);
  while (static_cast<size_t>(i) < offset) {
    UChar32 c;
    U8_NEXT(contents_.data(), i, static_cast<int32_t>(contents_.size()), c);
    (void)c;
    ++column;
  }
  return FilePosition{static_cast<int>(line), column, offset};
}

std::map<int, std::set<std::string>> FindSuppressions(absl::string_view contents) {
  std::map<int, std::set<std::string>> out;
  int line_number = 0;
  bool disabled = false;
  std::set<std::string> disabled_kinds;
  std::optional<std::set<std::string>> next_line;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    if (next_line) {
      out[line_number].insert(next_line->begin(), next_line->end());
      if (next_line->empty()) out[line_number];  // Present with an empty set: all verdicts.
      next_line.reset();
    }
    if (disabled) {
      out[line_number].insert(disabled_kinds.begin(), disabled_kinds.end());
    }
    size_t pos = 0;
    while ((pos = line.find("<!--", pos)) != absl::string_view::npos) {
      size_t end = line.find("-->", pos);
      absl::string_view body =
          absl::StripAsciiWhitespace(line.substr(pos + 4, end == absl::string_view::npos ? line.npos : end - pos - 4));
      pos = end == absl::string_view::npos ? line.size() : end + 3;
      std::vector<std::string> words = absl::StrSplit(body, absl::ByAnyChar(" \t,"), absl::SkipEmpty());
      if (words.empty()) continue;
      std::set<std::string> kinds(words.begin() + 1, words.end());
      if (words[0] == "claimdiff-disable-next-line") {
        next_line = kinds;
      } else if (words[0] == "claimdiff-disable-line") {
        out[line_number].insert(kinds.begin(), kinds.end());
        if (kinds.empty()) out[line_number];
      } else if (words[0] == "claimdiff-disable") {
        disabled = true;
        disabled_kinds = kinds;
      } else if (words[0] == "claimdiff-enable") {
        disabled = false;
        disabled_kinds.clear();
      }
    }
  }
  return out;
}

std::map<std::string, std::set<int>> ChangedLines(absl::string_view diff) {
  std::map<std::string, std::set<int>> out;
  std::string file;
  for (absl::string_view line : absl::StrSplit(diff, '\n')) {
    if (absl::ConsumePrefix(&line, "+++ ")) {
      line = absl::StripAsciiWhitespace(line);
      if (line == "/dev/null") {
        file.clear();
        continue;
      }
      absl::ConsumePrefix(&line, "b/");
      file = std::string(line);
      out[file];
      continue;
    }
    if (!absl::StartsWith(line, "@@ ") || file.empty()) continue;
    // "@@ -a,b +c,d @@": lines c .. c+d-1 of the new file (d defaults to 1).
    size_t plus = line.find(" +");
    if (plus == absl::string_view::npos) continue;
    absl::string_view range = line.substr(plus + 2);
    range = range.substr(0, range.find(' '));
    std::vector<absl::string_view> parts = absl::StrSplit(range, ',');
    int start = 0, count = 1;
    if (!absl::SimpleAtoi(parts[0], &start)) continue;
    if (parts.size() > 1 && !absl::SimpleAtoi(parts[1], &count)) continue;
    for (int i = 0; i < count; ++i) out[file].insert(start + i);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Classification

namespace {

// How firmly a statement is made. A draft "overstates" when it is firmer
// than the firmest source that supports it.
int CertaintyRank(Certainty c) {
  switch (c) {
    case Certainty::kConfirmed: return 5;
    case Certainty::kAsserted:
    case Certainty::kAnnounced: return 4;
    case Certainty::kReported: return 3;
    case Certainty::kHedged: return 2;
    case Certainty::kUnconfirmed:
    case Certainty::kUnclear: return 1;
    case Certainty::kDenied: return 0;
  }
  return 4;
}

std::string Slice(const std::string& text, Span s) {
  if (s.end > text.size() || s.start > s.end) return "";
  return text.substr(s.start, s.end - s.start);
}

std::string NormalizeForFingerprint(absl::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// FNV-1a, 64 bit: stable across platforms and runs.
std::string Fingerprint(Verdict v, absl::string_view text) {
  uint64_t h = 1469598103934665603ULL;
  std::string key = absl::StrCat(VerdictName(v), "|", NormalizeForFingerprint(text));
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return absl::StrCat(VerdictName(v), ":", absl::Hex(h, absl::kZeroPad16));
}

bool IsClaim(const AnalyzedDocument& d, const Statement& st) {
  if (!st.events.empty() || !st.times.empty() || !st.places.empty() || !st.quantities.empty()) return true;
  // Fall back on length: a sentence of five or more words says something.
  absl::string_view text = absl::string_view(d.doc.text).substr(st.span.start, st.span.size());
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = absl::ascii_isspace(static_cast<unsigned char>(c));
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words >= 5;
}

bool Overlaps(const Timex& a, const Timex& b) {
  if (!a.first_day || !a.last_day || !b.first_day || !b.last_day) return false;
  return *a.first_day <= *b.last_day && *b.first_day <= *a.last_day;
}

// `inner` says at least as much as `outer`: its days lie inside outer's.
bool Within(const Timex& inner, const Timex& outer) {
  if (!inner.first_day || !inner.last_day || !outer.first_day || !outer.last_day) return false;
  return *outer.first_day <= *inner.first_day && *inner.last_day <= *outer.last_day;
}

bool PlaceWithin(const Place& inner, const Place& outer) {
  return inner.id == outer.id ||
         std::find(inner.within.begin(), inner.within.end(), outer.id) != inner.within.end();
}

// Participants that are the same person or body: keys sharing a name part
// ("kim" and "kim jong un").
bool SameParticipant(const Participant& a, const Participant& b) {
  if (a.key == b.key) return true;
  std::vector<absl::string_view> pa = absl::StrSplit(a.key, ' ', absl::SkipEmpty());
  std::vector<absl::string_view> pb = absl::StrSplit(b.key, ' ', absl::SkipEmpty());
  for (absl::string_view x : pa) {
    if (x.size() < 3) continue;
    for (absl::string_view y : pb) {
      if (x == y) return true;
    }
  }
  return false;
}

bool PlaceCompatible(const Place& a, const Place& b) {
  if (a.id == b.id) return true;
  return std::find(a.within.begin(), a.within.end(), b.id) != a.within.end() ||
         std::find(b.within.begin(), b.within.end(), a.id) != b.within.end();
}

const Statement* StatementAt(const AnalyzedDocument& d, int sentence) {
  for (const Statement& st : d.ext.statements) {
    if (st.sentence == sentence) return &st;
  }
  return nullptr;
}

bool ShareEventClass(const Statement& a, const Statement& b) {
  for (const EventMention& x : a.events) {
    for (const EventMention& y : b.events) {
      if (x.cls == y.cls) return true;
    }
  }
  return false;
}

// The participants of the nearest earlier statement of `doc`, at most two
// sentences back, that shares an event class with `st` (one of
// doc.ext.statements, which are in sentence order); empty if none.
const std::vector<Participant>& PeopleFromContext(const AnalyzedDocument& doc, const Statement& st) {
  static const std::vector<Participant> kNone;
  const std::vector<Statement>& sts = doc.ext.statements;
  for (size_t k = static_cast<size_t>(&st - sts.data()); k > 0; --k) {
    const Statement& before = sts[k - 1];
    if (st.sentence - before.sentence > 2) break;
    if (!before.participants.empty() && ShareEventClass(st, before)) return before.participants;
  }
  return kNone;
}

// Whether a claim says more than its sources: at least two of its content
// words, and at least half of them, occur in no source.
bool MostlyUnmatched(const UnmatchedWords& u) {
  const int n = static_cast<int>(u.words.size());
  return n >= 2 && 2 * n >= u.content_words;
}

// The words of the draft statement that no source uses, from the alignment.
const UnmatchedWords* UnmatchedIn(const Alignment& alignment, int sentence) {
  for (const UnmatchedWords& u : alignment.unmatched) {
    if (u.doc == 0 && u.sentence == sentence) return &u;
  }
  return nullptr;
}

std::string AttributionNote(const Statement& st) {
  std::string note = CertaintyName(st.certainty);
  if (!st.attributions.empty()) absl::StrAppend(&note, " by ", st.attributions.front().key);
  return note;
}

}  // namespace

CheckResult CheckDraft(absl::Span<const AnalyzedDocument> docs, const Alignment& alignment,
                       const Comparison& comparison, absl::string_view draft_file,
                       absl::Span<const std::string> source_files, const CheckOptions& options) {
  CheckResult result;
  if (docs.empty()) return result;
  const AnalyzedDocument& draft = docs[0];
  result.draft_path = draft.doc.path;
  LineIndex draft_lines(draft_file);
  std::vector<LineIndex> source_lines;
  for (size_t i = 1; i < docs.size(); ++i) {
    source_lines.emplace_back(i - 1 < source_files.size() ? absl::string_view(source_files[i - 1])
                                                          : absl::string_view(docs[i].doc.text));
  }
  const auto suppressions = FindSuppressions(draft_file);

  auto evidence_for = [&](int doc, const Statement& st, std::string note) {
    CheckEvidence e;
    e.source = doc - 1;
    e.path = docs[doc].doc.path;
    e.span = st.span;
    e.begin = source_lines[doc - 1].Position(docs[doc].doc.SourceOffset(st.span.start));
    e.text = Slice(docs[doc].doc.text, st.span);
    e.certainty = CertaintyName(st.certainty);
    e.note = std::move(note);
    return e;
  };

  for (const Statement& st : draft.ext.statements) {
    if (!IsClaim(draft, st)) continue;
    ++result.claims;
    // Source statements linked to this one.
    std::vector<std::pair<int, const Statement*>> linked;
    for (const Link& link : alignment.links) {
      if (link.possibly_different_event) continue;
      int other_doc = -1, other_sentence = -1;
      if (link.doc_a == 0 && link.sentence_a == st.sentence) {
        other_doc = link.doc_b;
        other_sentence = link.sentence_b;
      } else if (link.doc_b == 0 && link.sentence_b == st.sentence) {
        other_doc = link.doc_a;
        other_sentence = link.sentence_a;
      }
      if (other_doc <= 0 || other_doc >= static_cast<int>(docs.size())) continue;
      if (const Statement* other = StatementAt(docs[other_doc], other_sentence)) {
        linked.emplace_back(other_doc, other);
      }
    }

    // Statements of the sources about the same event with the same people
    // count too, linked or not: the comparison is per event across all
    // documents, not only per aligned pair. A claim that names no one ("Die
    // Begegnung findet am 30. Mai in Peking statt.") speaks of the people
    // of the claim before it about the same kind of event.
    const std::vector<Participant>& people = st.participants.empty() ? PeopleFromContext(draft, st) : st.participants;
    if (!st.events.empty() && !people.empty()) {
      for (size_t doc = 1; doc < docs.size(); ++doc) {
        for (const Statement& other : docs[doc].ext.statements) {
          bool person = false;
          for (const Participant& a : people) {
            for (const Participant& b : other.participants) person = person || SameParticipant(a, b);
          }
          if (person && ShareEventClass(st, other)) linked.emplace_back(static_cast<int>(doc), &other);
        }
      }
      std::sort(linked.begin(), linked.end());
      linked.erase(std::unique(linked.begin(), linked.end()), linked.end());
    }

    CheckFinding f;
    f.sentence = st.sentence;
    f.span = st.span;
    f.text = Slice(draft.doc.text, st.span);
    f.begin = draft_lines.Position(draft.doc.SourceOffset(st.span.start));
    f.end = draft_lines.Position(draft.doc.SourceOffset(st.span.end));

    // Contradictions found by the compare stage.
    std::vector<const Finding*> contradictions;
    for (const Finding& finding : comparison.findings) {
      // A later report may update an earlier one between sources, but a
      // draft must agree with what its sources say now: updates count here.
      if (finding.kind != FindingKind::kContradict) continue;
      bool touches_draft = false, touches_source = false;
      for (const FindingValue& v : finding.values) {
        if (v.doc == 0 && v.sentence == st.sentence) touches_draft = true;
        if (v.doc > 0) touches_source = true;
      }
      if (touches_draft && touches_source) contradictions.push_back(&finding);
    }

    // A linked statement speaks of the claim's event unless both name
    // events and share no class ("Waffen getestet" is no meeting).
    auto same_event = [&st](const Statement& other) {
      return st.events.empty() || other.events.empty() || ShareEventClass(st, other);
    };

    // Slot conflicts with the linked statements about the same event: a time
    // that overlaps none of theirs, or an event place inside none of theirs
    // (and containing none).
    std::vector<std::pair<std::string, std::string>> conflicts;  // (slot, reason)
    std::map<std::string, std::vector<std::pair<int, const Statement*>>> conflict_evidence;  // By slot.
    {
      for (int t : st.times) {
        const Timex& mine = draft.ext.timex[static_cast<size_t>(t)];
        if (!mine.first_day || mine.type != "DATE") continue;
        bool any_time = false, overlap = false;
        std::vector<std::pair<int, const Statement*>> others;
        for (const auto& [doc, other] : linked) {
          if (!same_event(*other)) continue;
          for (int u : other->times) {
            const Timex& theirs = docs[static_cast<size_t>(doc)].ext.timex[static_cast<size_t>(u)];
            if (!theirs.first_day || theirs.type != "DATE") continue;
            any_time = true;
            others.emplace_back(doc, other);
            overlap = overlap || Overlaps(mine, theirs);
          }
        }
        if (any_time && !overlap) {
          conflicts.emplace_back("time", absl::StrCat("the sources give other dates than ", mine.value));
          auto& evidence = conflict_evidence["time"];
          evidence.insert(evidence.end(), others.begin(), others.end());
        }
      }
      for (const Place& mine : st.places) {
        if (mine.role != "event") continue;
        bool any_place = false, compatible = false;
        std::vector<std::pair<int, const Statement*>> others;
        for (const auto& [doc, other] : linked) {
          if (!same_event(*other)) continue;
          for (const Place& p : other->places) {
            if (p.role != "event") continue;
            any_place = true;
            others.emplace_back(doc, other);
            compatible = compatible || PlaceCompatible(mine, p);
          }
        }
        if (any_place && !compatible) {
          conflicts.emplace_back("place", absl::StrCat("the sources place it elsewhere than ", mine.name));
          auto& evidence = conflict_evidence["place"];
          evidence.insert(evidence.end(), others.begin(), others.end());
        }
      }
      for (auto& [slot, evidence] : conflict_evidence) {
        std::sort(evidence.begin(), evidence.end());
        evidence.erase(std::unique(evidence.begin(), evidence.end()), evidence.end());
      }
    }

    const UnmatchedWords* unmatched = UnmatchedIn(alignment, st.sentence);
    if (!contradictions.empty() || !conflicts.empty()) {
      // The pairwise contradictions of the compare stage first, then the
      // conflicts with the other statements about the same event for the
      // slots they leave out.
      f.verdict = Verdict::kContradicted;
      std::vector<std::string> reasons;
      std::set<std::string> slots;
      for (const Finding* c : contradictions) {
        // A draft must agree with what its sources say now: the note that
        // a later source may update an earlier one does not apply.
        reasons.push_back(std::string(absl::StripSuffix(c->reason, absl::StrCat("; ", c->date_note))));
        slots.insert(c->slot);
        for (const FindingValue& v : c->values) {
          if (v.doc <= 0 || v.doc >= static_cast<int>(docs.size())) continue;
          if (const Statement* other = StatementAt(docs[v.doc], v.sentence)) {
            f.evidence.push_back(evidence_for(v.doc, *other, absl::StrCat(c->slot, " ", v.normalized)));
          }
        }
      }
      for (const auto& [slot, conflict] : conflicts) {
        if (slots.count(slot)) continue;
        reasons.push_back(conflict);
        for (const auto& [doc, other] : conflict_evidence.at(slot)) {
          f.evidence.push_back(evidence_for(doc, *other, AttributionNote(*other)));
        }
      }
      f.message = absl::StrCat("contradicted by the sources: ", absl::StrJoin(reasons, "; "));
    } else if (linked.empty()) {
      f.verdict = Verdict::kUnsupported;
      f.message = "no source covers this claim";
    } else {
      // Which linked statements support the draft's time and place values.
      const int draft_rank = CertaintyRank(st.certainty);
      int support = -1;  // Firmest support of the weakest supported slot value.
      std::vector<std::pair<int, const Statement*>> supporters;
      std::vector<std::string> notes;
      auto consider_slot = [&](auto compatible, absl::string_view label) {
        int best = -1;
        std::vector<std::pair<int, const Statement*>> slot_supporters;
        for (const auto& [doc, other] : linked) {
          if (same_event(*other) && compatible(docs[static_cast<size_t>(doc)], *other)) {
            best = std::max(best, CertaintyRank(other->certainty));
            slot_supporters.emplace_back(doc, other);
          }
        }
        if (best < 0) return;
        support = support < 0 ? best : std::min(support, best);
        for (const auto& s : slot_supporters) supporters.push_back(s);
        notes.push_back(std::string(label));
      };
      for (int t : st.times) {
        const Timex& mine = draft.ext.timex[static_cast<size_t>(t)];
        consider_slot(
            [&](const AnalyzedDocument& d, const Statement& other) {
              // A source supports the draft's date when it says at least as
              // much: "noch im April" does not support "am 23. April".
              for (int u : other.times) {
                if (Within(d.ext.timex[static_cast<size_t>(u)], mine)) return true;
              }
              return false;
            },
            absl::StrCat("time ", mine.value));
      }
      for (const Place& mine : st.places) {
        if (mine.role != "event") continue;
        consider_slot(
            [&](const AnalyzedDocument&, const Statement& other) {
              for (const Place& p : other.places) {
                if (p.role == "event" && PlaceWithin(p, mine)) return true;
              }
              return false;
            },
            absl::StrCat("place ", mine.name));
      }
      if (support < 0) {
        for (const auto& [doc, other] : linked) {
          support = std::max(support, CertaintyRank(other->certainty));
          supporters.emplace_back(doc, other);
        }
      }
      std::sort(supporters.begin(), supporters.end());
      supporters.erase(std::unique(supporters.begin(), supporters.end()), supporters.end());
      for (const auto& [doc, other] : supporters) {
        f.evidence.push_back(evidence_for(doc, *other, AttributionNote(*other)));
      }
      std::string what = notes.empty() ? "the claim" : absl::StrJoin(notes, ", ");
      if (draft_rank >= 4 && support <= 3) {
        f.verdict = Verdict::kOverstated;
        f.message = absl::StrCat("overstated: the draft states as ", CertaintyName(st.certainty), " ", what,
                                 ", which the sources only give as ",
                                 support <= 1 ? "unconfirmed" : support == 2 ? "hedged" : "reported");
      } else if (unmatched != nullptr && MostlyUnmatched(*unmatched)) {
        // The sources cover part of the claim (its people, its event), not
        // what it adds: "mit einem gepanzerten Sonderzug an die Grenze".
        f.verdict = Verdict::kUnsupported;
        f.message = absl::StrCat("partly unsupported: no source mentions ",
                                 absl::StrJoin(unmatched->words, ", ",
                                               [](std::string* out, const std::string& w) {
                                                 absl::StrAppend(out, "\"", w, "\"");
                                               }),
                                 notes.empty() ? "" : absl::StrCat("; ", absl::StrJoin(notes, ", "), " matches"));
      } else if (draft_rank <= 2 && support >= 4) {
        f.verdict = Verdict::kUnderstated;
        f.message = absl::StrCat("understated: the draft gives as ", CertaintyName(st.certainty), " ", what,
                                 ", which the sources state firmly");
      } else {
        f.verdict = Verdict::kSupported;
        f.message = absl::StrCat("supported: ", what, " matches the sources");
      }
    }

    std::sort(f.evidence.begin(), f.evidence.end(), [](const CheckEvidence& a, const CheckEvidence& b) {
      return std::tie(a.source, a.span.start) < std::tie(b.source, b.span.start);
    });
    f.evidence.erase(std::unique(f.evidence.begin(), f.evidence.end(),
                                 [](const CheckEvidence& a, const CheckEvidence& b) {
                                   return a.source == b.source && a.span.start == b.span.start;
                                 }),
                     f.evidence.end());
    auto level_it = options.levels.find(f.verdict);
    f.level = level_it == options.levels.end() ? Level::kOff : level_it->second;
    f.fingerprint = Fingerprint(f.verdict, f.text);
    if (f.level == Level::kOff) continue;

    bool suppressed = options.ignored.count(f.fingerprint) > 0;
    for (int line = f.begin.line; line <= f.end.line && !suppressed; ++line) {
      auto it = suppressions.find(line);
      if (it != suppressions.end() && (it->second.empty() || it->second.count(VerdictName(f.verdict)) > 0)) {
        suppressed = true;
      }
    }
    if (!suppressed && options.restrict_to_lines) {
      bool touched = false;
      for (int line = f.begin.line; line <= f.end.line; ++line) touched = touched || options.only_lines.count(line);
      suppressed = !touched;
    }
    if (suppressed) {
      ++result.suppressed;
      continue;
    }
    result.findings.push_back(std::move(f));
  }
  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [](const CheckFinding& a, const CheckFinding& b) { return a.span.start < b.span.start; });
  return result;
}

}  // namespace claimdiff
