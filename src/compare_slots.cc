#include "compare_slots.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"

namespace claimdiff {
namespace {

constexpr int64_t kFarPast = std::numeric_limits<int64_t>::min() / 4;
constexpr int64_t kFarFuture = std::numeric_limits<int64_t>::max() / 4;

int Rank(FindingKind k) {
  switch (k) {
    case FindingKind::kAgree: return 3;
    case FindingKind::kRefine: return 2;
    case FindingKind::kContradict: return 1;
    default: return 0;
  }
}

FindingValue MakeValue(const Side& s, Span span, std::string normalized) {
  FindingValue v;
  v.doc = s.doc;
  v.sentence = s.statement->sentence;
  v.span = span;
  v.written = SpanText(s, span);
  v.normalized = std::move(normalized);
  return v;
}

// Where a side says a slot is not known yet ("gab Ort und Zeit noch nicht
// preis", "ist noch ungeklärt"): the span of the cue, else the sentence.
bool SaysUnknown(const Side& s) {
  return s.statement->negated || s.statement->certainty == Certainty::kUnclear;
}
Span UnknownSpan(const Side& s) {
  if (s.statement->negated && s.statement->negation_span) return *s.statement->negation_span;
  if (s.statement->certainty_span) return *s.statement->certainty_span;
  return s.statement->span;
}

std::string Day(const std::optional<absl::CivilDay>& d) {
  return d ? absl::FormatCivilTime(*d) : std::string("an unknown date");
}

// A later statement that gives a value where an earlier one said it was not
// known is an update. `valued` has the value, `open` does not.
SlotResult UpdateResult(const std::string& slot, const Side& valued, const FindingValue& value,
                        const Side& open, bool valued_first) {
  SlotResult r;
  r.kind = FindingKind::kRefine;
  r.slot = slot;
  FindingValue open_value = MakeValue(open, UnknownSpan(open), "unknown");
  if (valued_first) {
    r.values = {value, open_value};
  } else {
    r.values = {open_value, value};
  }
  const auto& vd = valued.statement->said_on;
  const auto& od = open.statement->said_on;
  if (vd && od && *vd != *od) {
    r.update = true;
    if (*od < *vd) {
      r.reason = absl::StrCat(DocLabel(open), " (", Day(od), ") gave no ", slot, " yet; ", DocLabel(valued),
                              " (", Day(vd), ") gives ", value.normalized,
                              ": a later update, not a contradiction");
    } else {
      r.reason = absl::StrCat(DocLabel(valued), " (", Day(vd), ") gave ", value.normalized, "; ",
                              DocLabel(open), " (", Day(od), ") says the ", slot,
                              " is still open: the later statement withdraws it");
    }
  } else {
    r.reason = absl::StrCat(DocLabel(open), " says the ", slot, " is not known; ", DocLabel(valued), " gives ",
                            value.normalized);
  }
  return r;
}

// ---- time ----

struct TimeVal {
  FindingValue value;
  int64_t lo = 0, hi = 0;  // Days since 1970-01-01, inclusive.
  bool fuzzy = false;
  std::string interval;
};

int64_t DayNumber(absl::CivilDay d) { return d - absl::CivilDay(1970, 1, 1); }

bool IsSpeechTime(const Statement& st, const Timex& t) {
  for (const Attribution& a : st.attributions) {
    if (a.when && *t.first_day == *a.when && *t.last_day == *a.when) return true;
  }
  return false;
}

std::vector<TimeVal> EventTimes(const Side& s) {
  const std::vector<Timex>& all = s.analyzed->ext.timex;
  std::vector<TimeVal> out;
  std::map<int, size_t> group_index;
  for (int idx : s.statement->times) {
    if (idx < 0 || idx >= static_cast<int>(all.size())) continue;
    const Timex& t = all[idx];
    if (!t.first_day || !t.last_day || t.type == "DURATION" || t.type == "SET") continue;
    // Resolved against a guessed publication date: not a fact to hold
    // against another source.
    if (t.relative) continue;
    if (IsSpeechTime(*s.statement, t)) continue;
    int64_t lo = DayNumber(*t.first_day), hi = DayNumber(*t.last_day);
    if (absl::StrContains(t.mod, "BEFORE") || t.mod == "LESS_THAN") lo = kFarPast;
    if (absl::StrContains(t.mod, "AFTER") || t.mod == "MORE_THAN") hi = kFarFuture;
    bool fuzzy = !t.mod.empty();
    std::string norm = t.mod.empty() ? t.value : absl::StrCat(t.value, " ", t.mod);
    auto it = t.alternative_group >= 0 ? group_index.find(t.alternative_group) : group_index.end();
    if (it != group_index.end()) {
      TimeVal& g = out[it->second];
      g.lo = std::min(g.lo, lo);
      g.hi = std::max(g.hi, hi);
      g.fuzzy = g.fuzzy || fuzzy;
      Span span{std::min(g.value.span.start, t.span.start), std::max(g.value.span.end, t.span.end)};
      g.value = MakeValue(s, span, absl::StrCat(g.value.normalized, "|", norm));
      continue;
    }
    TimeVal v;
    v.value = MakeValue(s, t.span, norm);
    v.lo = lo;
    v.hi = hi;
    v.fuzzy = fuzzy;
    if (t.alternative_group >= 0) group_index[t.alternative_group] = out.size();
    out.push_back(std::move(v));
  }
  for (TimeVal& v : out) {
    auto day = [](int64_t n) {
      if (n <= kFarPast) return std::string("...");
      if (n >= kFarFuture) return std::string("...");
      return absl::FormatCivilTime(absl::CivilDay(1970, 1, 1) + n);
    };
    v.interval = v.lo == v.hi ? day(v.lo) : absl::StrCat(day(v.lo), "..", day(v.hi));
  }
  return out;
}

int64_t Slack(const TimeVal& t) {
  if (!t.fuzzy || t.lo <= kFarPast || t.hi >= kFarFuture) return 0;
  return std::max<int64_t>(3, (t.hi - t.lo + 1) / 4);
}

SlotResult RelateTimes(const Side& sa, const TimeVal& a, const Side& sb, const TimeVal& b) {
  SlotResult r;
  r.slot = "time";
  r.values = {a.value, b.value};
  std::string la = DocLabel(sa), lb = DocLabel(sb);
  if (a.lo == b.lo && a.hi == b.hi) {
    r.kind = FindingKind::kAgree;
    r.reason = absl::StrCat("same time: ", a.interval);
  } else if (a.lo >= b.lo && a.hi <= b.hi) {
    r.kind = FindingKind::kRefine;
    r.reason = absl::StrCat("compatible: ", la, "'s ", a.interval, " lies inside ", lb, "'s ", b.interval);
  } else if (b.lo >= a.lo && b.hi <= a.hi) {
    r.kind = FindingKind::kRefine;
    r.reason = absl::StrCat("compatible: ", lb, "'s ", b.interval, " lies inside ", la, "'s ", a.interval);
  } else if (a.lo <= b.hi && b.lo <= a.hi) {
    r.kind = FindingKind::kRefine;
    r.reason = absl::StrCat("compatible: the times overlap (", a.interval, " and ", b.interval, ")");
  } else if (a.lo - Slack(a) <= b.hi + Slack(b) && b.lo - Slack(b) <= a.hi + Slack(a)) {
    r.kind = FindingKind::kRefine;
    r.reason = absl::StrCat("compatible: vague bounds meet (", a.interval, " and ", b.interval, ")");
  } else {
    r.kind = FindingKind::kContradict;
    r.reason = absl::StrCat("the times do not overlap: ", a.interval, " (", la, ") vs ", b.interval, " (", lb, ")");
  }
  return r;
}

// ---- place ----

std::vector<const Place*> EventPlaces(const Side& s) {
  std::vector<const Place*> out;
  for (const Place& p : s.statement->places) {
    if (p.role == "event" || p.role.empty()) out.push_back(&p);
  }
  return out;
}

bool Within(const Place& inner, const Place& outer) {
  return std::find(inner.within.begin(), inner.within.end(), outer.id) != inner.within.end();
}

std::string PlaceName(const Place& p) { return p.name.empty() ? p.id : p.name; }

// ---- quantity ----

std::string Num(double v) {
  if (v >= 1e15) return "inf";
  return absl::StrFormat("%.6g", v);
}

struct QuantVal {
  FindingValue value;
  double lo = 0, hi = 0;
  const Quantity* q = nullptr;
};

QuantVal MakeQuant(const Side& s, const Quantity& q) {
  QuantVal v;
  v.q = &q;
  v.lo = q.low;
  v.hi = q.high;
  if (v.lo == 0 && v.hi == 0 && q.value != 0) v.lo = v.hi = q.value;
  if (v.lo == v.hi) {
    if (q.approx == "about") {
      v.lo = q.value * 0.9;
      v.hi = q.value * 1.1;
    } else if (q.approx == "at_least" || q.approx == "more_than") {
      v.hi = std::numeric_limits<double>::infinity();
    } else if (q.approx == "at_most" || q.approx == "less_than") {
      v.lo = 0;
    }
  }
  std::string norm = absl::StrCat(q.approx.empty() || q.approx == "exact" ? "" : q.approx + " ", Num(q.value),
                                  q.unit.empty() ? "" : " " + q.unit, q.counts.empty() ? "" : " " + q.counts,
                                  q.ordinal ? " (ordinal)" : "");
  Span span = q.span;
  if (q.counts_span) {
    span.start = std::min(span.start, q.counts_span->start);
    span.end = std::max(span.end, q.counts_span->end);
  }
  v.value = MakeValue(s, span, norm);
  return v;
}

bool LowerBound(const Quantity& q) { return q.approx == "at_least" || q.approx == "more_than"; }
bool UpperBound(const Quantity& q) { return q.approx == "at_most" || q.approx == "less_than"; }

SlotResult RelateQuantities(const Side& sa, const QuantVal& a, const Side& sb, const QuantVal& b,
                            const std::string& what) {
  SlotResult r;
  r.slot = "quantity";
  r.values = {a.value, b.value};
  std::string la = DocLabel(sa), lb = DocLabel(sb);
  bool same_form = a.q->approx == b.q->approx;
  if (a.q->ordinal || b.q->ordinal) {
    // "the first summit" and "the second summit" name two members of a
    // series, not two claims about one: only equal ordinals are compared.
    if (a.q->value != b.q->value) return r;  // No reason: the caller drops it.
  }
  if (a.q->value == b.q->value && same_form) {
    r.kind = FindingKind::kAgree;
    r.reason = absl::StrCat("same figure for ", what, ": ", a.value.normalized);
  } else if ((LowerBound(*a.q) && LowerBound(*b.q)) || (UpperBound(*a.q) && UpperBound(*b.q))) {
    // "at least 10" against "at least three": both may be true, but the
    // sources report different figures for the same count.
    r.kind = FindingKind::kContradict;
    r.reason = absl::StrCat("different figures for ", what, ": ", a.value.normalized, " (", la, ") vs ",
                            b.value.normalized, " (", lb, ")");
  } else if (a.lo == b.lo && a.hi == b.hi) {
    r.kind = FindingKind::kAgree;
    r.reason = absl::StrCat("same figure for ", what, ": ", a.value.normalized, " and ", b.value.normalized);
  } else if ((a.lo >= b.lo && a.hi <= b.hi) || (b.lo >= a.lo && b.hi <= a.hi)) {
    bool a_inner = a.lo >= b.lo && a.hi <= b.hi;
    r.kind = FindingKind::kRefine;
    r.reason = absl::StrCat("compatible figures for ", what, ": ", a_inner ? la : lb, "'s ",
                            (a_inner ? a : b).value.normalized, " is within ", a_inner ? lb : la, "'s ",
                            (a_inner ? b : a).value.normalized);
  } else if (a.lo <= b.hi && b.lo <= a.hi) {
    r.kind = FindingKind::kRefine;
    r.reason = absl::StrCat("compatible figures for ", what, ": ", a.value.normalized, " and ",
                            b.value.normalized, " overlap");
  } else {
    r.kind = FindingKind::kContradict;
    r.reason = absl::StrCat("the figures for ", what, " cannot both be true: ", a.value.normalized, " (", la,
                            ") vs ", b.value.normalized, " (", lb, ")");
  }
  return r;
}

// The class of what `q` counts: its counts class, else its unit, "" when
// it cannot be compared.
std::string QuantClass(const Quantity& q, const CompareKnowledge& k) {
  std::string cls;
  if (!q.counts.empty()) {
    cls = k.CountClass(q.counts);
    if (cls.empty()) return "";
  } else if (!q.unit.empty()) {
    cls = absl::StrCat("unit:", q.unit);
  } else {
    return "";
  }
  return absl::StrCat(cls, q.ordinal ? "#ordinal" : "", "#", q.unit);
}

std::optional<SlotResult> Best(std::vector<SlotResult> results) {
  if (results.empty()) return std::nullopt;
  std::stable_sort(results.begin(), results.end(),
                   [](const SlotResult& x, const SlotResult& y) { return Rank(x.kind) > Rank(y.kind); });
  return results.front();
}

}  // namespace

std::string DocLabel(const Side& side) {
  const Document& d = side.analyzed->doc;
  if (!d.source.empty()) return d.source;
  if (!d.id.empty()) return d.id;
  return absl::StrCat("document ", side.doc + 1);
}

std::string SpanText(const Side& side, Span span) {
  const std::string& t = side.analyzed->doc.text;
  size_t s = std::min(span.start, t.size());
  size_t e = std::min(std::max(span.end, s), t.size());
  return t.substr(s, e - s);
}

std::vector<std::string> SharedEventClasses(const Side& a, const Side& b) {
  std::set<std::string> ca, shared;
  for (const EventMention& e : a.statement->events) {
    if (!e.cls.empty()) ca.insert(e.cls);
  }
  for (const EventMention& e : b.statement->events) {
    if (ca.count(e.cls)) shared.insert(e.cls);
  }
  return {shared.begin(), shared.end()};
}

std::optional<SlotResult> CompareEvents(const Side& a, const Side& b) {
  std::vector<std::string> shared = SharedEventClasses(a, b);
  if (shared.empty()) return std::nullopt;
  auto find = [&](const Side& s) -> const EventMention* {
    for (const EventMention& e : s.statement->events) {
      if (e.cls == shared.front()) return &e;
    }
    return nullptr;
  };
  const EventMention* ea = find(a);
  const EventMention* eb = find(b);
  SlotResult r;
  r.kind = FindingKind::kAgree;
  r.slot = "event";
  r.values = {MakeValue(a, ea->span, ea->cls), MakeValue(b, eb->span, eb->cls)};
  r.reason = absl::StrCat("same event: ", absl::StrJoin(shared, ", "));
  return r;
}

std::optional<SlotResult> CompareTimes(const Side& a, const Side& b) {
  std::vector<TimeVal> ta = EventTimes(a), tb = EventTimes(b);
  if (ta.empty() && tb.empty()) return std::nullopt;
  if (tb.empty()) {
    if (!SaysUnknown(b)) return std::nullopt;
    return UpdateResult("time", a, ta.front().value, b, true);
  }
  if (ta.empty()) {
    if (!SaysUnknown(a)) return std::nullopt;
    return UpdateResult("time", b, tb.front().value, a, false);
  }
  std::vector<SlotResult> all;
  for (const TimeVal& x : ta) {
    for (const TimeVal& y : tb) all.push_back(RelateTimes(a, x, b, y));
  }
  return Best(std::move(all));
}

std::optional<SlotResult> ComparePlaces(const Side& a, const Side& b) {
  std::vector<const Place*> pa = EventPlaces(a), pb = EventPlaces(b);
  if (pa.empty() && pb.empty()) return std::nullopt;
  if (pb.empty()) {
    if (!SaysUnknown(b)) return std::nullopt;
    return UpdateResult("place", a, MakeValue(a, pa.front()->span, pa.front()->id), b, true);
  }
  if (pa.empty()) {
    if (!SaysUnknown(a)) return std::nullopt;
    return UpdateResult("place", b, MakeValue(b, pb.front()->span, pb.front()->id), a, false);
  }
  std::vector<SlotResult> all;
  for (const Place* x : pa) {
    for (const Place* y : pb) {
      SlotResult r;
      r.slot = "place";
      r.values = {MakeValue(a, x->span, x->id), MakeValue(b, y->span, y->id)};
      if (x->id == y->id) {
        r.kind = FindingKind::kAgree;
        r.reason = absl::StrCat("same place: ", PlaceName(*x));
      } else if (Within(*x, *y) || Within(*y, *x)) {
        bool x_inner = Within(*x, *y);
        r.kind = FindingKind::kRefine;
        r.reason = absl::StrCat("compatible: ", PlaceName(x_inner ? *x : *y), " (",
                                DocLabel(x_inner ? a : b), ") is in ", PlaceName(x_inner ? *y : *x), " (",
                                DocLabel(x_inner ? b : a), ")");
      } else {
        r.kind = FindingKind::kContradict;
        r.reason = absl::StrCat("different places, neither inside the other: ", PlaceName(*x), " (",
                                DocLabel(a), ") vs ", PlaceName(*y), " (", DocLabel(b), ")");
      }
      all.push_back(std::move(r));
    }
  }
  return Best(std::move(all));
}

std::vector<SlotResult> CompareQuantities(const Side& a, const Side& b, const CompareKnowledge& k) {
  std::map<std::string, std::vector<QuantVal>> qa, qb;
  for (const Quantity& q : a.statement->quantities) {
    std::string c = QuantClass(q, k);
    if (!c.empty()) qa[c].push_back(MakeQuant(a, q));
  }
  for (const Quantity& q : b.statement->quantities) {
    std::string c = QuantClass(q, k);
    if (!c.empty()) qb[c].push_back(MakeQuant(b, q));
  }
  std::vector<SlotResult> out;
  for (const auto& [cls, va] : qa) {
    auto it = qb.find(cls);
    if (it == qb.end()) continue;
    std::string what = cls.substr(0, cls.find('#'));
    if (absl::StartsWith(what, "unit:")) what = what.substr(5);
    std::vector<SlotResult> all;
    for (const QuantVal& x : va) {
      for (const QuantVal& y : it->second) {
        SlotResult r = RelateQuantities(a, x, b, y, what);
        if (!r.reason.empty()) all.push_back(std::move(r));
      }
    }
    if (auto best = Best(std::move(all))) out.push_back(*std::move(best));
  }
  return out;
}

std::vector<SlotResult> CompareRoles(const Side& a, const Side& b, const CompareKnowledge& k) {
  std::vector<SlotResult> out;
  std::set<std::string> done;
  for (const Participant& x : a.statement->participants) {
    if (x.key.empty() || x.title.empty() || done.count(x.key)) continue;
    for (const Participant& y : b.statement->participants) {
      if (y.key != x.key || y.title.empty()) continue;
      if (k.Titles(x.title, y.title) != TitleRelation::kSame) continue;
      SlotResult r;
      r.kind = FindingKind::kAgree;
      r.slot = "role";
      r.values = {MakeValue(a, x.title_span.value_or(x.span), x.title),
                  MakeValue(b, y.title_span.value_or(y.span), y.title)};
      r.reason = x.title == y.title ? absl::StrCat("same title for ", x.name, ": ", x.title)
                                    : absl::StrCat("compatible titles for ", x.name, ": ", x.title, " and ", y.title);
      out.push_back(std::move(r));
      done.insert(x.key);
      break;
    }
  }
  return out;
}

std::optional<SlotResult> CompareParticipants(const Side& a, const Side& b) {
  std::set<std::string> ka, kb;
  auto person = [](const Participant& p) { return !p.key.empty() && (p.kind.empty() || p.kind == "person"); };
  for (const Participant& p : a.statement->participants) {
    if (person(p)) ka.insert(p.key);
  }
  for (const Participant& p : b.statement->participants) {
    if (person(p)) kb.insert(p.key);
  }
  if (ka.empty() || kb.empty()) return std::nullopt;
  bool a_in_b = std::includes(kb.begin(), kb.end(), ka.begin(), ka.end());
  bool b_in_a = std::includes(ka.begin(), ka.end(), kb.begin(), kb.end());
  if (!a_in_b && !b_in_a) return std::nullopt;
  auto value = [](const Side& s, const std::set<std::string>& keys) {
    const Statement& st = *s.statement;
    Span span = st.span;
    bool first = true;
    for (const Participant& p : st.participants) {
      if (!keys.count(p.key)) continue;
      if (first) span = p.span;
      first = false;
      span.start = std::min(span.start, p.span.start);
      span.end = std::max(span.end, p.span.end);
    }
    FindingValue v = MakeValue(s, span, absl::StrJoin(keys, "|"));
    return v;
  };
  SlotResult r;
  r.slot = "participant";
  r.values = {value(a, ka), value(b, kb)};
  if (a_in_b && b_in_a) {
    r.kind = FindingKind::kAgree;
    r.reason = absl::StrCat("same participants: ", absl::StrJoin(ka, ", "));
  } else {
    r.kind = FindingKind::kRefine;
    r.reason = absl::StrCat(a_in_b ? DocLabel(b) : DocLabel(a), " names more participants: ",
                            absl::StrJoin(a_in_b ? kb : ka, ", "));
  }
  return r;
}

std::optional<SlotResult> CompareCertainty(const Side& a, const Side& b) {
  auto firm = [](Certainty c) {
    return c == Certainty::kAsserted || c == Certainty::kConfirmed || c == Certainty::kAnnounced;
  };
  Certainty ca = a.statement->certainty, cb = b.statement->certainty;
  auto value = [](const Side& s) {
    const Statement& st = *s.statement;
    std::string norm = CertaintyName(st.certainty);
    if (st.certainty_from_context) norm += " (from context)";
    return MakeValue(s, st.certainty_span.value_or(st.span), norm);
  };
  SlotResult r;
  r.slot = "status";
  r.values = {value(a), value(b)};
  std::string na = r.values[0].normalized, nb = r.values[1].normalized;
  bool denied_a = ca == Certainty::kDenied, denied_b = cb == Certainty::kDenied;
  if (firm(ca) == firm(cb) && denied_a == denied_b) {
    // Plain assertions are the default: agreement worth showing needs
    // both sides to say something about the status.
    if (firm(ca) && (ca == Certainty::kAsserted || cb == Certainty::kAsserted)) return std::nullopt;
    r.kind = FindingKind::kAgree;
    r.reason = firm(ca) ? absl::StrCat("both firm: ", na, " and ", nb)
                        : absl::StrCat("both not established: ", na, " and ", nb);
    return r;
  }
  r.kind = FindingKind::kCertaintyDiffers;
  r.reason = absl::StrCat(DocLabel(a), " is ", na, ", ", DocLabel(b), " is ", nb);
  return r;
}

std::optional<SlotResult> CompareAttribution(const Side& a, const Side& b, const CompareKnowledge& k) {
  const auto& aa = a.statement->attributions;
  const auto& ab = b.statement->attributions;
  if (aa.empty() || ab.empty()) return std::nullopt;
  std::set<std::string> ga, gb, ka, kb;
  for (const Attribution& x : aa) {
    ga.insert(k.SourceGroup(x.key));
    ka.insert(x.key);
  }
  for (const Attribution& x : ab) {
    gb.insert(k.SourceGroup(x.key));
    kb.insert(x.key);
  }
  std::vector<std::string> shared;
  std::set_intersection(ga.begin(), ga.end(), gb.begin(), gb.end(), std::back_inserter(shared));
  SlotResult r;
  r.slot = "status";
  r.values = {MakeValue(a, aa.front().span, absl::StrJoin(ka, "|")),
              MakeValue(b, ab.front().span, absl::StrJoin(kb, "|"))};
  if (!shared.empty()) {
    r.kind = FindingKind::kAgree;
    r.reason = absl::StrCat("same source: ", absl::StrJoin(shared, ", "));
  } else {
    r.kind = FindingKind::kAttributionDiffers;
    r.reason = absl::StrCat("different sources: ", absl::StrJoin(ka, ", "), " (", DocLabel(a), ") vs ",
                            absl::StrJoin(kb, ", "), " (", DocLabel(b), ")");
  }
  return r;
}

}  // namespace claimdiff
