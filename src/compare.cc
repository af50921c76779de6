// Compare stage: holds linked statements against each other slot by slot
// (compare_slots.cc), then looks across all statements of an event and
// across all mentions of a person, and lists what only one source says.
//
// Precision rules (a contradiction must be worth a fact-checker's time):
//  - links flagged possibly_different_event are never compared;
//  - statements whose events share no class are different events: no slot
//    of theirs is compared;
//  - a time or place contradiction needs a shared event class; a number
//    contradiction needs numbers that count the same class of thing
//    (compare_counts.tsv), so "killed" never meets "injured" and "das erste
//    Treffen" never meets "Putins zweite Einladung";
//  - statements reached only through other links (per-event pass) can agree
//    or refine, never contradict.
#include "claimdiff/compare.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "compare_knowledge.h"
#include "compare_slots.h"

namespace claimdiff {

const char* FindingKindName(FindingKind k) {
  switch (k) {
    case FindingKind::kAgree: return "agree";
    case FindingKind::kRefine: return "refine";
    case FindingKind::kContradict: return "contradict";
    case FindingKind::kCertaintyDiffers: return "certainty_differs";
    case FindingKind::kAttributionDiffers: return "attribution_differs";
    case FindingKind::kOnlyIn: return "only_in";
  }
  return "agree";
}

namespace {

using Node = std::pair<int, int>;  // (doc, sentence)

class Comparer {
 public:
  Comparer(absl::Span<const AnalyzedDocument> docs, const Alignment& alignment, const CompareOptions& options,
           const CompareKnowledge& knowledge)
      : docs_(docs), alignment_(alignment), options_(options), k_(knowledge) {}

  Comparison Run() {
    for (size_t i = 0; i < alignment_.links.size(); ++i) CompareLink(static_cast<int>(i));
    CompareTitlesPerPerson();
    ComparePerEvent();
    SourceUpdates();
    OnlyIn();
    OnlyInParts();
    Sort();
    return std::move(out_);
  }

 private:
  // The statement of `sentence` in `doc`, or nullptr when out of range.
  const Statement* Find(int doc, int sentence) const {
    if (doc < 0 || doc >= static_cast<int>(docs_.size())) return nullptr;
    const auto& sts = docs_[doc].ext.statements;
    if (sentence >= 0 && sentence < static_cast<int>(sts.size()) && sts[sentence].sentence == sentence) {
      return &sts[sentence];
    }
    for (const Statement& st : sts) {
      if (st.sentence == sentence) return &st;
    }
    return nullptr;
  }

  Side MakeSide(int doc, const Statement* st) const { return Side{doc, &docs_[doc], st}; }

  // Whether `s` speaks of an event of a class that `other` does not.
  static bool HasOtherEvents(const Side& s, const Side& other) {
    for (const EventMention& e : s.statement->events) {
      if (e.cls.empty()) continue;
      bool shared = false;
      for (const EventMention& f : other.statement->events) shared = shared || f.cls == e.cls;
      if (!shared) return true;
    }
    return false;
  }

  // Whether both name a member of a series ("das erste Treffen", "zum
  // zweiten Mal") and no member in common.
  static bool DifferentMembers(const Side& a, const Side& b) {
    bool a_has = false, b_has = false, common = false;
    for (const Quantity& x : a.statement->quantities) {
      if (!x.ordinal) continue;
      a_has = true;
      for (const Quantity& y : b.statement->quantities) {
        if (!y.ordinal) continue;
        b_has = true;
        common = common || x.value == y.value;
      }
    }
    return a_has && b_has && !common;
  }

  static bool HaveEvents(const Side& s) {
    for (const EventMention& e : s.statement->events) {
      if (!e.cls.empty()) return true;
    }
    return false;
  }

  void Add(const SlotResult& r, const Side& a, const Side& b, int link, const std::string& prefix = "") {
    if (r.kind == FindingKind::kAgree && !options_.include_agree) return;
    // The same two value occurrences are judged once.
    std::string key = absl::StrCat(r.slot, "\x1f", FindingKindName(r.kind));
    for (const FindingValue& v : r.values) absl::StrAppend(&key, "\x1f", v.doc, ":", v.span.start, ":", v.normalized);
    if (link < 0 && seen_.count(key)) return;
    seen_.insert(key);
    Finding f;
    f.kind = r.kind;
    f.slot = r.slot;
    f.values = r.values;
    f.reason = prefix + r.reason;
    f.date_note = r.date_note;
    f.update = r.update;
    f.link = link;
    f.evidence = {Evidence{a.doc, a.statement->span}, Evidence{b.doc, b.statement->span}};
    out_.findings.push_back(std::move(f));
  }

  std::vector<SlotResult> CompareSlots(const Side& a, const Side& b, bool direct, bool allow_unknown = false) const {
    std::vector<SlotResult> results;
    bool same_event = !SharedEventClasses(a, b).empty();
    if (HaveEvents(a) && HaveEvents(b) && !same_event) return results;  // Different events.
    if (direct) {
      if (auto r = CompareEvents(a, b)) results.push_back(*r);
    }
    if (auto r = CompareTimes(a, b)) results.push_back(*r);
    if (auto r = ComparePlaces(a, b)) results.push_back(*r);
    if (!direct) {
      // Only agreement and refinement between values travel through other
      // links; "not known yet" is judged on direct links and per source
      // (SourceUpdates) only.
      std::vector<SlotResult> kept;
      for (SlotResult& r : results) {
        if (r.kind != FindingKind::kAgree && r.kind != FindingKind::kRefine) continue;
        if (!allow_unknown && (r.values[0].normalized == "unknown" || r.values[1].normalized == "unknown")) continue;
        kept.push_back(std::move(r));
      }
      return kept;
    }
    for (SlotResult& r : CompareQuantities(a, b, k_)) results.push_back(std::move(r));
    for (SlotResult& r : CompareRoles(a, b, k_)) results.push_back(std::move(r));
    if (auto r = CompareParticipants(a, b)) results.push_back(*r);
    if (auto r = CompareCertainty(a, b)) results.push_back(*r);
    if (auto r = CompareAttribution(a, b, k_)) results.push_back(*r);
    // A sentence about two kinds of event ("hatte eine Einladung verschickt
    // ... Gerüchte über den Zeitpunkt des Zusammenkommens") does not say
    // which of them its time and place are for.
    // Nor do "the first summit, in June 2018" and "met early this year for
    // the second time": two members of a series.
    const bool times_belong =
        same_event && !HasOtherEvents(a, b) && !HasOtherEvents(b, a) && !DifferentMembers(a, b);
    std::vector<SlotResult> kept;
    for (SlotResult& r : results) {
      if (r.kind == FindingKind::kContradict && (r.slot == "time" || r.slot == "place") && !times_belong) continue;
      if (r.kind == FindingKind::kContradict) MarkUpdate(a, b, &r);
      kept.push_back(std::move(r));
    }
    return kept;
  }

  // Statements made on different days may disagree because news moved on.
  static void MarkUpdate(const Side& a, const Side& b, SlotResult* r) {
    const auto& da = a.statement->said_on;
    const auto& db = b.statement->said_on;
    if (!da || !db || *da == *db) return;
    r->update = true;
    r->date_note = absl::StrCat("said on ", absl::FormatCivilTime(*da), " and ", absl::FormatCivilTime(*db),
                                ", the later may update the earlier");
    absl::StrAppend(&r->reason, "; ", r->date_note);
  }

  void CompareLink(int i) {
    const Link& link = alignment_.links[i];
    const Statement* sa = Find(link.doc_a, link.sentence_a);
    const Statement* sb = Find(link.doc_b, link.sentence_b);
    if (sa == nullptr || sb == nullptr || link.doc_a == link.doc_b) return;
    if (link.possibly_different_event) return;
    Side a = MakeSide(link.doc_a, sa), b = MakeSide(link.doc_b, sb);
    // Statements about different events do not cover each other.
    if (HaveEvents(a) && HaveEvents(b) && SharedEventClasses(a, b).empty()) return;
    linked_.insert({link.doc_a, sa->sentence});
    linked_.insert({link.doc_b, sb->sentence});
    direct_.insert({{link.doc_a, sa->sentence}, {link.doc_b, sb->sentence}});
    adjacency_[{link.doc_a, sa->sentence}].push_back({link.doc_b, sb->sentence});
    adjacency_[{link.doc_b, sb->sentence}].push_back({link.doc_a, sa->sentence});
    for (const SlotResult& r : CompareSlots(a, b, true)) Add(r, a, b, i);
  }

  // A person called by two conflicting titles, in one document or across
  // documents, whether or not the statements are linked.
  void CompareTitlesPerPerson() {
    struct Mention {
      int doc;
      const Statement* st;
      const Participant* p;
    };
    std::map<std::string, std::vector<Mention>> by_person;
    for (size_t d = 0; d < docs_.size(); ++d) {
      for (const Statement& st : docs_[d].ext.statements) {
        for (const Participant& p : st.participants) {
          if (p.key.empty() || p.title.empty()) continue;
          if (!p.kind.empty() && p.kind != "person") continue;
          by_person[p.key].push_back({static_cast<int>(d), &st, &p});
        }
      }
    }
    for (const auto& [person, mentions] : by_person) {
      std::set<std::string> titles;
      for (const Mention& m : mentions) titles.insert(m.p->title);
      for (auto x = titles.begin(); x != titles.end(); ++x) {
        for (auto y = std::next(x); y != titles.end(); ++y) {
          if (k_.Titles(*x, *y) != TitleRelation::kConflict) continue;
          Finding f;
          f.kind = FindingKind::kContradict;
          f.slot = "role";
          std::set<int> docs_x, docs_y;
          for (const Mention& m : mentions) {
            if (m.p->title != *x && m.p->title != *y) continue;
            Side s = MakeSide(m.doc, m.st);
            FindingValue v;
            v.doc = m.doc;
            v.sentence = m.st->sentence;
            v.span = m.p->title_span.value_or(m.p->span);
            v.written = SpanText(s, v.span);
            v.normalized = m.p->title;
            f.values.push_back(std::move(v));
            f.evidence.push_back(Evidence{m.doc, m.st->span});
            (m.p->title == *x ? docs_x : docs_y).insert(m.doc);
          }
          auto labels = [&](const std::set<int>& ds) {
            std::vector<std::string> out;
            for (int d : ds) out.push_back(DocLabel(MakeSide(d, nullptr)));
            return absl::StrJoin(out, ", ");
          };
          std::vector<int> both;
          std::set_intersection(docs_x.begin(), docs_x.end(), docs_y.begin(), docs_y.end(),
                                std::back_inserter(both));
          f.reason = absl::StrCat(mentions.front().p->name.empty() ? person : mentions.front().p->name,
                                  " is called ", *x, " (", labels(docs_x), ") and ", *y, " (", labels(docs_y),
                                  ")");
          if (!both.empty()) {
            f.reason += absl::StrCat("; ", labels(std::set<int>(both.begin(), both.end())),
                                     " contradicts itself");
          }
          out_.findings.push_back(std::move(f));
        }
      }
    }
  }

  // Statements linked only through others (A1-B1, B1-A2 ... ) that share an
  // event: their times and places can agree or refine each other.
  void ComparePerEvent() {
    std::set<Node> visited;
    for (const auto& [start, unused] : adjacency_) {
      if (visited.count(start)) continue;
      std::vector<Node> component, stack = {start};
      visited.insert(start);
      while (!stack.empty()) {
        Node n = stack.back();
        stack.pop_back();
        component.push_back(n);
        for (const Node& m : adjacency_[n]) {
          if (visited.insert(m).second) stack.push_back(m);
        }
      }
      std::sort(component.begin(), component.end());
      size_t budget = 5000;
      for (size_t x = 0; x < component.size() && budget > 0; ++x) {
        for (size_t y = x + 1; y < component.size() && budget > 0; ++y) {
          const Node& na = component[x];
          const Node& nb = component[y];
          if (na.first == nb.first || direct_.count({na, nb}) || direct_.count({nb, na})) continue;
          --budget;
          Side a = MakeSide(na.first, Find(na.first, na.second));
          Side b = MakeSide(nb.first, Find(nb.first, nb.second));
          if (SharedEventClasses(a, b).empty() || !ShareParticipantsIfAny(a, b)) continue;
          for (const SlotResult& r : CompareSlots(a, b, false)) Add(r, a, b, -1, "same event, via linked statements: ");
        }
      }
    }
  }

  // The groups (compare_sources.tsv) of a statement's sources, and of its
  // participants too when `with_participants`.
  std::set<std::string> SourceGroups(const Statement& st, bool with_participants) const {
    std::set<std::string> out;
    for (const Attribution& a : st.attributions) out.insert(k_.SourceGroup(a.key));
    if (with_participants) {
      for (const Participant& p : st.participants) {
        if (!p.key.empty()) out.insert(k_.SourceGroup(p.key));
      }
    }
    return out;
  }

  // A statement that says time or place are not known yet ("Ort und Zeit
  // nannte der Sprecher noch nicht"), linked or not, against statements of
  // other documents about the same event from the same source that give
  // them: the later one is an update. Only refinements come out of this.
  // (A link of the open statement, say to "Bestätigt ist das aber nicht",
  // need not carry the time or place it leaves open.)
  void SourceUpdates() {
    for (size_t du = 0; du < docs_.size(); ++du) {
      for (const Statement& u : docs_[du].ext.statements) {
        Side open = MakeSide(static_cast<int>(du), &u);
        if (!(u.negated || u.certainty == Certainty::kUnclear) || !u.places.empty()) continue;
        std::set<std::string> groups_u = SourceGroups(u, true);
        // Without an event of its own ("Ort und Zeitpunkt nannte Peskow
        // aber noch nicht.") the statement speaks of the event of the
        // sentence before it.
        const Statement* about = &u;
        if (u.events.empty() && &u != &docs_[du].ext.statements.front()) about = &u - 1;
        const Side event_side = MakeSide(static_cast<int>(du), about);
        bool covered = false;
        for (size_t dv = 0; dv < docs_.size(); ++dv) {
          if (dv == du) continue;
          for (const Statement& v : docs_[dv].ext.statements) {
            Side valued = MakeSide(static_cast<int>(dv), &v);
            if (SharedEventClasses(event_side, valued).empty()) continue;
            std::set<std::string> attributed = SourceGroups(v, false);
            bool same_source = false;
            for (const std::string& g : groups_u) same_source = same_source || attributed.count(g) > 0;
            if (!same_source) continue;
            for (const SlotResult& r : CompareSlots(valued, open, false, true)) {
              if (!r.update) continue;
              Add(r, valued, open, -1, "same event and source: ");
              covered = true;
              linked_.insert({valued.doc, v.sentence});
            }
          }
        }
        if (covered) linked_.insert({open.doc, u.sentence});
      }
    }
  }

  static bool ShareParticipantsIfAny(const Side& a, const Side& b) {
    if (a.statement->participants.empty() || b.statement->participants.empty()) return true;
    for (const Participant& x : a.statement->participants) {
      for (const Participant& y : b.statement->participants) {
        if (!x.key.empty() && x.key == y.key) return true;
      }
    }
    return false;
  }

  static std::vector<std::string> Words(absl::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
      unsigned char u = static_cast<unsigned char>(c);
      if (u >= 0x80 || absl::ascii_isalnum(u)) {
        cur.push_back(absl::ascii_tolower(u));
      } else {
        if (cur.size() >= 3) out.push_back(cur);
        cur.clear();
      }
    }
    if (cur.size() >= 3) out.push_back(cur);
    return out;
  }

  // Share of `a`'s words that `b` also has.
  static double Coverage(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty()) return 0;
    std::set<std::string> sb(b.begin(), b.end());
    size_t hit = 0;
    for (const std::string& w : a) hit += sb.count(w);
    return static_cast<double>(hit) / static_cast<double>(a.size());
  }

  static bool InFurniture(const AnalyzedDocument& d, Span s) {
    auto overlaps = [&](const std::vector<Furniture>& fs) {
      for (const Furniture& f : fs) {
        if (f.span.start < s.end && s.start < f.span.end) return true;
      }
      return false;
    };
    return overlaps(d.seg.furniture) || overlaps(d.doc.furniture);
  }

  // One finding per claim-bearing statement no link covers. Headlines and
  // summary bullets that a later statement of the same document repeats
  // are left out: the later statement stands for them.
  void OnlyIn() {
    if (docs_.size() < 2) return;
    for (size_t d = 0; d < docs_.size(); ++d) {
      const AnalyzedDocument& ad = docs_[d];
      const auto& sts = ad.ext.statements;
      std::vector<std::vector<std::string>> words;
      for (const Statement& st : sts) words.push_back(Words(SpanText(MakeSide(static_cast<int>(d), &st), st.span)));
      for (size_t i = 0; i < sts.size(); ++i) {
        const Statement& st = sts[i];
        if (linked_.count({static_cast<int>(d), st.sentence}) || InFurniture(ad, st.span)) continue;
        bool headline = st.sentence >= 0 && st.sentence < static_cast<int>(ad.seg.sentences.size()) &&
                        ad.seg.sentences[st.sentence].headline;
        bool parts = !st.events.empty() || !st.quantities.empty() || !st.times.empty() || !st.places.empty() ||
                     !st.participants.empty();
        if (!parts && (headline || words[i].size() < 5)) continue;
        bool repeated = false;
        for (size_t j = 0; j < sts.size() && !repeated; ++j) {
          if (j == i) continue;
          bool stands_for = j > i || linked_.count({static_cast<int>(d), sts[j].sentence});
          repeated = stands_for && Coverage(words[i], words[j]) >= 0.6;
        }
        if (repeated) continue;
        Side s = MakeSide(static_cast<int>(d), &st);
        Finding f;
        f.kind = FindingKind::kOnlyIn;
        f.slot = "statement";
        FindingValue v;
        v.doc = static_cast<int>(d);
        v.sentence = st.sentence;
        v.span = st.span;
        v.written = SpanText(s, st.span);
        std::vector<std::string> classes;
        for (const EventMention& e : st.events) classes.push_back(e.cls);
        v.normalized = absl::StrJoin(classes, "|");
        f.values.push_back(std::move(v));
        f.evidence.push_back(Evidence{static_cast<int>(d), st.span});
        f.reason = absl::StrCat("only ", DocLabel(s), " says this; no statement of another source is linked to it");
        out_.findings.push_back(std::move(f));
      }
    }
  }

  // Members of a series that a linked statement names and no other source
  // does ("doch Trump ist zu einem dritten Treffen bereit" next to a story
  // of the first and second meetings): the statement shares something with
  // its partners; this part is still one source's. (Event classes are not
  // judged so: a source that says "killing" where the other says "dead"
  // reports the same deaths.)
  void OnlyInParts() {
    if (docs_.size() < 2) return;
    std::vector<std::set<std::string>> members(docs_.size());
    for (size_t d = 0; d < docs_.size(); ++d) {
      for (const Statement& st : docs_[d].ext.statements) {
        if (InFurniture(docs_[d], st.span)) continue;
        for (const Quantity& q : st.quantities) {
          if (q.ordinal) members[d].insert(absl::StrCat(q.counts, "#", q.value));
        }
      }
    }
    for (size_t d = 0; d < docs_.size(); ++d) {
      std::set<std::string> done;
      for (const Statement& st : docs_[d].ext.statements) {
        if (!linked_.count({static_cast<int>(d), st.sentence}) || InFurniture(docs_[d], st.span)) continue;
        Side s = MakeSide(static_cast<int>(d), &st);
        for (const Quantity& q : st.quantities) {
          if (!q.ordinal) continue;
          const std::string key = absl::StrCat(q.counts, "#", q.value);
          bool elsewhere = false;
          for (size_t o = 0; o < docs_.size(); ++o) elsewhere = elsewhere || (o != d && members[o].count(key) > 0);
          if (elsewhere || !done.insert(key).second) continue;
          Span named = q.span;
          if (q.counts_span && q.counts_span->end > named.end) named.end = q.counts_span->end;
          AddOnlyInPart(s, "quantity", q.span, key,
                        absl::StrCat("only ", DocLabel(s), " names \"", SpanText(s, named), "\"; no other source does"));
        }
      }
    }
  }

  void AddOnlyInPart(const Side& s, const std::string& slot, const Span& span, const std::string& normalized,
                     std::string reason) {
    Finding f;
    f.kind = FindingKind::kOnlyIn;
    f.slot = slot;
    FindingValue v;
    v.doc = s.doc;
    v.sentence = s.statement->sentence;
    v.span = span;
    v.written = SpanText(s, span);
    v.normalized = normalized;
    f.values.push_back(std::move(v));
    f.evidence.push_back(Evidence{s.doc, s.statement->span});
    f.reason = std::move(reason);
    out_.findings.push_back(std::move(f));
  }

  static int SlotRank(const std::string& slot) {
    static const char* const kOrder[] = {"event", "time", "place", "quantity", "participant", "role", "status",
                                         "statement"};
    for (int i = 0; i < 8; ++i) {
      if (slot == kOrder[i]) return i;
    }
    return 8;
  }

  void Sort() {
    for (Finding& f : out_.findings) {
      std::stable_sort(f.evidence.begin(), f.evidence.end(), [](const Evidence& x, const Evidence& y) {
        return std::tie(x.doc, x.span.start, x.span.end) < std::tie(y.doc, y.span.start, y.span.end);
      });
      f.evidence.erase(std::unique(f.evidence.begin(), f.evidence.end(),
                                   [](const Evidence& x, const Evidence& y) {
                                     return x.doc == y.doc && x.span == y.span;
                                   }),
                       f.evidence.end());
    }
    auto key = [](const Finding& f) {
      const Evidence& first = f.evidence.front();
      const Evidence& last = f.evidence.back();
      std::string norms;
      for (const FindingValue& v : f.values) absl::StrAppend(&norms, v.doc, ":", v.span.start, ":", v.normalized, ";");
      return std::make_tuple(first.doc, first.span.start, last.doc, last.span.start, SlotRank(f.slot),
                             static_cast<int>(f.kind), norms, f.link);
    };
    std::stable_sort(out_.findings.begin(), out_.findings.end(),
                     [&](const Finding& x, const Finding& y) { return key(x) < key(y); });
  }

  absl::Span<const AnalyzedDocument> docs_;
  const Alignment& alignment_;
  const CompareOptions& options_;
  const CompareKnowledge& k_;
  Comparison out_;
  std::set<Node> linked_;
  std::set<std::pair<Node, Node>> direct_;
  std::map<Node, std::vector<Node>> adjacency_;
  std::set<std::string> seen_;
};

}  // namespace

Comparison CompareStatements(absl::Span<const AnalyzedDocument> docs, const Alignment& alignment,
                             const CompareOptions& options) {
  if (options.knowledge != nullptr) {
    CompareKnowledge knowledge(*options.knowledge);
    return Comparer(docs, alignment, options, knowledge).Run();
  }
  return Comparer(docs, alignment, options, DefaultCompareKnowledge()).Run();
}

}  // namespace claimdiff
