// Unit tests of the compare stage on hand-built documents and links.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "claimdiff/compare.h"
#include "claimdiff/lexicon.h"
#include "testing/compare_builders.h"

namespace claimdiff {
namespace {

using testing::DocBuilder;
using testing::MakeLink;
using absl::CivilDay;

const Lexicon& Common() {
  static const Lexicon* common = [] {
    static LexiconSet set(CLAIMDIFF_LEXICON_DIR);
    auto c = set.Common();
    if (!c.ok()) throw std::runtime_error(std::string(c.status().message()));
    return *c;
  }();
  return *common;
}

Comparison Run(const std::vector<AnalyzedDocument>& docs, std::vector<Link> links, bool agree = true) {
  Alignment al;
  al.links = std::move(links);
  CompareOptions options;
  options.include_agree = agree;
  options.knowledge = &Common();
  return CompareStatements(docs, al, options);
}

// "kind slot norm_a / norm_b [update]".
std::string Brief(const Finding& f) {
  std::vector<std::string> norms;
  for (const FindingValue& v : f.values) norms.push_back(v.normalized);
  return absl::StrCat(FindingKindName(f.kind), " ", f.slot, " ", absl::StrJoin(norms, " / "),
                      f.update ? " [update]" : "");
}

std::vector<std::string> Briefs(const Comparison& c) {
  std::vector<std::string> out;
  for (const Finding& f : c.findings) out.push_back(Brief(f));
  return out;
}

std::vector<std::string> OfSlot(const Comparison& c, const std::string& slot) {
  std::vector<std::string> out;
  for (const Finding& f : c.findings) {
    if (f.slot == slot) out.push_back(Brief(f));
  }
  return out;
}

int Count(const Comparison& c, FindingKind kind) {
  return static_cast<int>(std::count_if(c.findings.begin(), c.findings.end(),
                                         [&](const Finding& f) { return f.kind == kind; }));
}

// ---- time ----

TEST_CASE("Alternative days refine a week, which refines a month", "[compare]") {
  DocBuilder a("a", "Zeitung A", CivilDay(2019, 4, 18));
  int s = a.Sentence("Als Termine für das Treffen gelten der 23. oder 24. April.");
  a.Event(s, "Treffen", "meeting")
      .Time(s, "23.", "2019-04-23", CivilDay(2019, 4, 23), CivilDay(2019, 4, 23), "", 0)
      .Time(s, "24. April", "2019-04-24", CivilDay(2019, 4, 24), CivilDay(2019, 4, 24), "", 0);
  DocBuilder b("b", "Portal B", CivilDay(2019, 4, 16));
  int w = b.Sentence("Das Treffen könnte kommende Woche stattfinden.");
  b.Event(w, "Treffen", "meeting").Time(w, "kommende Woche", "2019-W17", CivilDay(2019, 4, 22), CivilDay(2019, 4, 28));
  int m = b.Sentence("Ein Treffen noch diesen Monat ist wahrscheinlich.");
  b.Event(m, "Treffen", "meeting")
      .Time(m, "noch diesen Monat", "2019-04", CivilDay(2019, 4, 16), CivilDay(2019, 4, 30));

  Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 0), MakeLink(0, 0, 1, 1)});
  std::vector<std::string> times = OfSlot(c, "time");
  REQUIRE(times.size() == 2);
  CHECK(times[0] == "refine time 2019-04-23|2019-04-24 / 2019-W17");
  CHECK(times[1] == "refine time 2019-04-23|2019-04-24 / 2019-04");
  const Finding* f = nullptr;
  for (const Finding& x : c.findings) {
    if (x.slot == "time") {
      f = &x;
      break;
    }
  }
  REQUIRE(f != nullptr);
  // The written value spans both alternatives; evidence covers both sides.
  CHECK(f->values[0].written == "23. oder 24. April");
  REQUIRE(f->evidence.size() == 2);
  CHECK(f->evidence[0].doc == 0);
  CHECK(f->evidence[1].doc == 1);
  CHECK(f->reason.find("lies inside") != std::string::npos);
  CHECK(Count(c, FindingKind::kContradict) == 0);
}

TEST_CASE("Times that do not overlap contradict only for the same event", "[compare]") {
  DocBuilder a("a");
  int s = a.Sentence("Der Gipfel fand am 5. März statt.");
  a.Event(s, "Gipfel", "meeting").Time(s, "5. März", "2024-03-05", CivilDay(2024, 3, 5), CivilDay(2024, 3, 5));
  DocBuilder b("b");
  int t = b.Sentence("Der Gipfel fand am 9. März statt.");
  b.Event(t, "Gipfel", "meeting").Time(t, "9. März", "2024-03-09", CivilDay(2024, 3, 9), CivilDay(2024, 3, 9));
  int u = b.Sentence("Das Beben ereignete sich am 9. März.");
  b.Event(u, "Beben", "earthquake").Time(u, "9. März", "2024-03-09", CivilDay(2024, 3, 9), CivilDay(2024, 3, 9));

  SECTION("same event class: contradiction") {
    Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 0)});
    CHECK(OfSlot(c, "time") == std::vector<std::string>{"contradict time 2024-03-05 / 2024-03-09"});
  }
  SECTION("different event classes: nothing compared") {
    Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 1)});
    CHECK(OfSlot(c, "time").empty());
    CHECK(Count(c, FindingKind::kContradict) == 0);
  }
  SECTION("link flagged possibly_different_event: nothing compared") {
    Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 0, true)});
    CHECK(OfSlot(c, "time").empty());
    CHECK(Count(c, FindingKind::kContradict) == 0);
  }
  SECTION("a sentence about two kinds of event does not say whose time it gives") {
    // "Letztes Jahr wurde eine Einladung verschickt; seitdem gibt es
    // Gerüchte über den Zeitpunkt des Gipfels": the year is the invitation's.
    DocBuilder x("x");
    int e = x.Sentence("Die Einladung zum Gipfel kam am 9. März.");
    x.Event(e, "Einladung", "invitation")
        .Event(e, "Gipfel", "meeting")
        .Time(e, "9. März", "2024-03-09", CivilDay(2024, 3, 9), CivilDay(2024, 3, 9));
    Comparison c = Run({a.Build(), x.Build()}, {MakeLink(0, 0, 1, 0)});
    CHECK(OfSlot(c, "time").empty());
    CHECK(Count(c, FindingKind::kContradict) == 0);
  }
  SECTION("the first and the second of a series are two events") {
    DocBuilder x("x");
    int e = x.Sentence("Das erste Treffen war im Juni 2018.");
    x.Event(e, "Treffen", "meeting")
        .Number(e, "erste", 1, "exact", "meeting", "", /*ordinal=*/true)
        .Time(e, "Juni 2018", "2018-06", CivilDay(2018, 6, 1), CivilDay(2018, 6, 30));
    DocBuilder y("y");
    int f = y.Sentence("Sie trafen sich Anfang 2019 zum zweiten Mal.");
    y.Event(f, "trafen", "meeting")
        .Number(f, "zweiten", 2, "exact", "times", "", /*ordinal=*/true)
        .Time(f, "Anfang 2019", "2019", CivilDay(2019, 1, 1), CivilDay(2019, 5, 1), "START");
    Comparison c = Run({x.Build(), y.Build()}, {MakeLink(0, 0, 1, 0)});
    CHECK(Count(c, FindingKind::kContradict) == 0);
  }
  SECTION("fuzzy bounds that nearly meet are compatible") {
    DocBuilder x("x");
    int e = x.Sentence("Ende Februar wurde der Gipfel abgebrochen.");
    x.Event(e, "Gipfel", "meeting")
        .Time(e, "Ende Februar", "2019-02", CivilDay(2019, 2, 19), CivilDay(2019, 2, 28), "END");
    DocBuilder y("y");
    int f = y.Sentence("Anfang März wurde der Gipfel abgebrochen.");
    y.Event(f, "Gipfel", "meeting")
        .Time(f, "Anfang März", "2019-03", CivilDay(2019, 3, 1), CivilDay(2019, 3, 10), "START");
    Comparison c = Run({x.Build(), y.Build()}, {MakeLink(0, 0, 1, 0)});
    CHECK(OfSlot(c, "time") == std::vector<std::string>{"refine time 2019-02 END / 2019-03 START"});
  }
}

TEST_CASE("The day a source spoke is not the event's time", "[compare]") {
  DocBuilder a("a", "", CivilDay(2019, 4, 18));
  int s = a.Sentence("Kim werde in Russland erwartet, teilte der Kreml am Donnerstag mit.");
  a.Event(s, "erwartet", "visit")
      .Time(s, "am Donnerstag", "2019-04-18", CivilDay(2019, 4, 18), CivilDay(2019, 4, 18))
      .Source(s, "der Kreml", "kremlin", CivilDay(2019, 4, 18));
  DocBuilder b("b", "", CivilDay(2019, 4, 16));
  int t = b.Sentence("Kim wird am 24. April in Russland erwartet.");
  b.Event(t, "erwartet", "visit").Time(t, "24. April", "2019-04-24", CivilDay(2019, 4, 24), CivilDay(2019, 4, 24));
  Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 0)});
  CHECK(OfSlot(c, "time").empty());
}

TEST_CASE("An earlier 'no time or place yet' and a later answer are an update", "[compare]") {
  DocBuilder a("a", "Zeitung A", CivilDay(2019, 4, 18));
  int s = a.Sentence("Kim werde in der zweiten Aprilhälfte in Russland erwartet, teilte der Kreml mit.");
  a.Event(s, "erwartet", "meeting")
      .Time(s, "in der zweiten Aprilhälfte", "2019-04", CivilDay(2019, 4, 16), CivilDay(2019, 4, 30), "END")
      .AddPlace(s, "Russland", "country:RU", "Russia", {"continent:EU", "continent:AS"})
      .Source(s, "der Kreml", "kremlin", CivilDay(2019, 4, 18))
      .Status(s, Certainty::kAnnounced, "teilte");
  DocBuilder b("b", "Portal B", CivilDay(2019, 4, 16));
  int t = b.Sentence("Ort und Zeit des Treffens nannte der Sprecher am Montag noch nicht.");
  b.Event(t, "Treffens", "meeting").Negated(t, "noch nicht").Source(t, "der Sprecher", "dmitry peskov", CivilDay(2019, 4, 15));
  Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 0)});
  CHECK(OfSlot(c, "time") == std::vector<std::string>{"refine time 2019-04 END / unknown [update]"});
  CHECK(OfSlot(c, "place") == std::vector<std::string>{"refine place country:RU / unknown [update]"});
  CHECK(Count(c, FindingKind::kContradict) == 0);
  for (const Finding& f : c.findings) {
    if (f.slot == "time") {
      CHECK(f.reason.find("2019-04-15") != std::string::npos);
      CHECK(f.reason.find("update") != std::string::npos);
      CHECK(f.values[1].written == "noch nicht");
    }
  }
  // The spokesman speaks for the Kremlin: the same source.
  CHECK(OfSlot(c, "status") == std::vector<std::string>{"agree status kremlin / dmitry peskov"});
}

// Document A of the update tests: the Kremlin gives time and place.
DocBuilder KremlinGivesAprilInRussia() {
  DocBuilder a("a", "Zeitung A", CivilDay(2019, 4, 18));
  int s = a.Sentence("Dem Kreml zufolge treffen sich beide noch im April in Russland.");
  a.Event(s, "treffen", "meeting")
      .Time(s, "noch im April", "2019-04", CivilDay(2019, 4, 18), CivilDay(2019, 4, 30))
      .AddPlace(s, "Russland", "country:RU", "Russia", {"continent:AS"})
      .Source(s, "Kreml", "kremlin");
  return a;
}

TEST_CASE("An unlinked 'not yet known' from the same source is an update, not only-in", "[compare]") {
  DocBuilder a = KremlinGivesAprilInRussia();
  DocBuilder b("b", "Portal B", CivilDay(2019, 4, 16));
  int t = b.Sentence("Ort und Zeit des Treffens nannte Sprecher Peskow noch nicht.");
  b.Event(t, "Treffens", "meeting").Person(t, "Peskow", "dmitry peskov", "spokesperson", "Sprecher").Negated(t, "noch nicht");
  int u = b.Sentence("Auch Trump wusste zu seinem nächsten Gipfel nichts Genaues.");
  b.Event(u, "Gipfel", "meeting").Person(u, "Trump", "donald trump").Negated(u, "nichts");

  Comparison c = Run({a.Build(), b.Build()}, {});
  std::vector<std::string> got;
  for (const Finding& f : c.findings) got.push_back(absl::StrCat(Brief(f), " @", f.evidence.back().doc, ":",
                                                                 f.values.back().sentence));
  // Peskov speaks for the Kremlin: an update. Trump does not: only-in.
  CHECK(got == std::vector<std::string>{"refine time 2019-04 / unknown [update] @1:0",
                                        "refine place country:RU / unknown [update] @1:0",
                                        "only_in statement meeting @1:1"});
}

TEST_CASE("A 'not yet known' without an event of its own speaks of the sentence before", "[compare]") {
  DocBuilder a = KremlinGivesAprilInRussia();
  DocBuilder b("b", "Portal B", CivilDay(2019, 4, 16));
  int t = b.Sentence("Sprecher Peskow bestätigte, dass das Treffen vorbereitet werde.");
  b.Event(t, "Treffen", "meeting").Source(t, "Sprecher Peskow", "dmitry peskov");
  int u = b.Sentence("Ort und Zeitpunkt nannte Peskow noch nicht.");
  b.Person(u, "Peskow", "dmitry peskov").Negated(u, "noch nicht");

  Comparison c = Run({a.Build(), b.Build()}, {});
  std::vector<std::string> got;
  for (const Finding& f : c.findings) {
    if (f.update) got.push_back(absl::StrCat(Brief(f), " @", f.values.back().doc, ":", f.values.back().sentence));
  }
  CHECK(got == std::vector<std::string>{"refine time 2019-04 / unknown [update] @1:1",
                                        "refine place country:RU / unknown [update] @1:1"});
}

// ---- place ----

TEST_CASE("Places: inside refines, neither inside contradicts, speaker places are ignored", "[compare]") {
  const std::vector<std::string> kVladivostok = {"region:RU.59", "country:RU", "continent:AS"};
  DocBuilder a("a");
  int s = a.Sentence("Das Treffen soll in Wladiwostok stattfinden, hieß es in Moskau.");
  a.Event(s, "Treffen", "meeting")
      .AddPlace(s, "Wladiwostok", "geo:2013348", "Vladivostok", kVladivostok)
      .AddPlace(s, "Moskau", "geo:524901", "Moscow", {"country:RU", "continent:EU"}, "speaker");
  DocBuilder b("b");
  int t = b.Sentence("Das Treffen soll in Russland stattfinden.");
  b.Event(t, "Treffen", "meeting").AddPlace(t, "Russland", "country:RU", "Russia", {"continent:EU", "continent:AS"});
  int u = b.Sentence("Das Treffen soll in Peking stattfinden.");
  b.Event(u, "Treffen", "meeting").AddPlace(u, "Peking", "geo:1816670", "Beijing", {"country:CN", "continent:AS"});
  int v = b.Sentence("Das Treffen soll in Wladiwostok stattfinden.");
  b.Event(v, "Treffen", "meeting").AddPlace(v, "Wladiwostok", "geo:2013348", "Vladivostok", kVladivostok);

  Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 0), MakeLink(0, 0, 1, 1), MakeLink(0, 0, 1, 2)});
  CHECK(OfSlot(c, "place") == std::vector<std::string>{"refine place geo:2013348 / country:RU",
                                                        "contradict place geo:2013348 / geo:1816670",
                                                        "agree place geo:2013348 / geo:2013348"});
}

// ---- quantity ----

struct QuantityRow {
  const char* name;
  double va;
  const char* approx_a;
  const char* counts_a;
  const char* unit_a;
  double vb;
  const char* approx_b;
  const char* counts_b;
  const char* unit_b;
  const char* expected;  // Brief of the quantity finding, "" = none.
};

// The findings that compare two values (not the only-in ones).
std::vector<std::string> Compared(const std::vector<std::string>& briefs) {
  std::vector<std::string> out;
  for (const std::string& b : briefs) {
    if (b.rfind("only_in", 0) != 0) out.push_back(b);
  }
  return out;
}

// Each row: one number per side in statements about the same quake.
template <size_t N>
void RunQuantityRows(const QuantityRow (&kRows)[N], bool ordinal = false) {
  for (const QuantityRow& row : kRows) {
    INFO(row.name);
    DocBuilder a("a");
    int s = a.Sentence("Das Beben tötete oder verletzte N1 Menschen.");
    a.Event(s, "Beben", "earthquake").Number(s, "N1", row.va, row.approx_a, row.counts_a, row.unit_a, ordinal);
    DocBuilder b("b");
    int t = b.Sentence("Das Beben tötete oder verletzte N2 Menschen.");
    b.Event(t, "Beben", "earthquake").Number(t, "N2", row.vb, row.approx_b, row.counts_b, row.unit_b, ordinal);
    Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 0)});
    std::vector<std::string> q = Compared(OfSlot(c, "quantity"));
    if (std::string(row.expected).empty()) {
      CHECK(q.empty());
    } else {
      CHECK(q == std::vector<std::string>{row.expected});
    }
  }
}

TEST_CASE("Quantities are compared only when they count the same thing", "[compare]") {
  const QuantityRow kRows[] = {
      // Agreement and refinement.
      {"same death toll, synonyms", 10, "exact", "killed", "", 10, "exact", "dead", "",
       "agree quantity 10 killed / 10 dead"},
      {"at least 10 vs 10", 10, "at_least", "killed", "", 10, "exact", "killed", "",
       "refine quantity at_least 10 killed / 10 killed"},
      {"at least 3 vs 10", 3, "at_least", "killed", "", 10, "exact", "killed", "",
       "refine quantity at_least 3 killed / 10 killed"},
      {"about 50 vs 52", 50, "about", "injured", "", 52, "exact", "hurt", "",
       "refine quantity about 50 injured / 52 hurt"},
      // Contradictions.
      {"magnitudes", 6.1, "exact", "", "magnitude", 5.9, "exact", "", "magnitude",
       "contradict quantity 6.1 magnitude / 5.9 magnitude"},
      {"at least 10 vs at least three", 10, "at_least", "killed", "", 3, "at_least", "killed", "",
       "contradict quantity at_least 10 killed / at_least 3 killed"},
      {"80 hurt vs about 50", 80, "exact", "injured", "", 50, "about", "hurt", "",
       "contradict quantity 80 injured / about 50 hurt"},
      {"at least 10 vs 3", 10, "at_least", "killed", "", 3, "exact", "killed", "",
       "contradict quantity at_least 10 killed / 3 killed"},
      // Different things: never compared.
      {"killed vs injured", 10, "exact", "killed", "", 80, "exact", "injured", "", ""},
      {"generic people", 120000, "exact", "people", "", 10, "exact", "people", "", ""},
      {"different units", 10, "exact", "", "EUR", 12, "exact", "", "USD", ""},
      {"no counts, no unit", 10, "exact", "", "", 12, "exact", "", "", ""},
  };
  RunQuantityRows(kRows);
}

TEST_CASE("Ordinals name members of a series: only equal ones are compared", "[compare]") {
  const QuantityRow kRows[] = {
      {"first vs second summit", 1, "exact", "meeting", "", 2, "exact", "meeting", "", ""},
      {"first in both", 1, "exact", "meeting", "", 1, "exact", "meeting", "",
       "agree quantity 1 meeting (ordinal) / 1 meeting (ordinal)"},
      {"first meeting vs second invitation", 1, "exact", "meeting", "", 2, "exact", "invitation", "", ""},
  };
  RunQuantityRows(kRows, true);
}

TEST_CASE("First meeting and second invitation are different things", "[compare]") {
  DocBuilder a("a");
  int s = a.Sentence("Es wird das erste Treffen zwischen Putin und Kim sein.");
  a.Event(s, "Treffen", "meeting").Number(s, "erste", 1, "exact", "meeting", "", true);
  DocBuilder b("b");
  int t = b.Sentence("Es ist schon Putins zweite Einladung an Kim.");
  b.Event(t, "Einladung", "meeting").Number(t, "zweite", 2, "exact", "invitation", "", true);
  Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 0)});
  CHECK(Count(c, FindingKind::kContradict) == 0);
  CHECK(Compared(OfSlot(c, "quantity")).empty());
  // Each names a member of a series the other does not.
  CHECK(OfSlot(c, "quantity").size() == 2);
}

TEST_CASE("Several numbers per side: killed meets killed, injured meets injured", "[compare]") {
  DocBuilder a("a");
  int s = a.Sentence("Powerful quake kills 10; 80 hurt.");
  a.Event(s, "quake", "earthquake").Number(s, "10", 10, "exact", "killed").Number(s, "80", 80, "exact", "injured");
  DocBuilder b("b");
  int t = b.Sentence("Ten people are killed and about 50 hurt in the quake.");
  b.Event(t, "quake", "earthquake").Number(t, "Ten", 10, "exact", "killed").Number(t, "50", 50, "about", "hurt");
  Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 0)});
  std::vector<std::string> q = OfSlot(c, "quantity");
  std::sort(q.begin(), q.end());
  CHECK(q == std::vector<std::string>{"agree quantity 10 killed / 10 killed",
                                      "contradict quantity 80 injured / about 50 hurt"});
}

TEST_CASE("Differing figures said on different days are marked as a possible update", "[compare]") {
  DocBuilder a("a", "", CivilDay(2008, 9, 10));
  int s = a.Sentence("The quake killed at least 3 people.");
  a.Event(s, "quake", "earthquake").Number(s, "3", 3, "at_least", "killed");
  DocBuilder b("b", "", CivilDay(2008, 9, 11));
  int t = b.Sentence("The quake killed at least 10 people.");
  b.Event(t, "quake", "earthquake").Number(t, "10", 10, "at_least", "killed");
  Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 0)});
  CHECK(OfSlot(c, "quantity") ==
        std::vector<std::string>{"contradict quantity at_least 3 killed / at_least 10 killed [update]"});
}

// ---- role ----

TEST_CASE("Conflicting titles for one person, across and within documents", "[compare]") {
  DocBuilder a("a", "Zeitung A");
  int s = a.Sentence("Russlands Präsident Putin lädt Kim ein.");
  a.Person(s, "Putin", "vladimir putin", "president", "Präsident");
  int s2 = a.Sentence("Kremlchef Wladimir Putin wartet.");
  a.Person(s2, "Wladimir Putin", "vladimir putin", "kremlin_chief", "Kremlchef");
  DocBuilder b("b", "Portal B");
  int t = b.Sentence("Der russische Regierungschef Wladimir Putin bereitet sich vor.");
  b.Person(t, "Wladimir Putin", "vladimir putin", "head_of_government", "Regierungschef");
  int t2 = b.Sentence("Der russische Präsident Wladimir Putin reist nach Peking.");
  b.Person(t2, "Wladimir Putin", "vladimir putin", "president", "Präsident");

  Comparison c = Run({a.Build(), b.Build()}, {});
  std::vector<std::string> roles = OfSlot(c, "role");
  // president/head_of_government and kremlin_chief/head_of_government; never
  // president/kremlin_chief.
  REQUIRE(roles.size() == 2);
  CHECK(roles[0] == "contradict role president / head_of_government / president");
  CHECK(roles[1] == "contradict role kremlin_chief / head_of_government");
  for (const Finding& f : c.findings) {
    if (f.slot != "role") continue;
    CHECK(f.link == -1);
    CHECK(f.evidence.size() >= 2);
  }
  bool self = false;
  for (const Finding& f : c.findings) {
    if (f.slot == "role" && f.reason.find("Portal B contradicts itself") != std::string::npos) self = true;
  }
  CHECK(self);
}

TEST_CASE("Without the knowledge tables titles are never judged", "[compare]") {
  DocBuilder a("a");
  int s = a.Sentence("Präsident Putin reist.");
  a.Person(s, "Putin", "vladimir putin", "president", "Präsident");
  DocBuilder b("b");
  int t = b.Sentence("Regierungschef Putin reist.");
  b.Person(t, "Putin", "vladimir putin", "head_of_government", "Regierungschef");
  Lexicon empty;
  CompareOptions options;
  options.knowledge = &empty;
  std::vector<AnalyzedDocument> docs = {a.Build(), b.Build()};
  Comparison c = CompareStatements(docs, Alignment{}, options);
  CHECK(Count(c, FindingKind::kContradict) == 0);
}

// ---- status and attribution ----

TEST_CASE("Certainty: firm against hedged differs, two soft ones agree", "[compare]") {
  DocBuilder a("a");
  int s = a.Sentence("Der Kreml kündigte das Treffen an.");
  a.Event(s, "Treffen", "meeting").Status(s, Certainty::kAnnounced, "kündigte");
  int s2 = a.Sentence("Das Treffen soll am 24. April sein.");
  a.Event(s2, "Treffen", "meeting").Status(s2, Certainty::kUnconfirmed, "soll", true);
  DocBuilder b("b");
  int t = b.Sentence("Das Treffen könnte bald stattfinden.");
  b.Event(t, "Treffen", "meeting").Status(t, Certainty::kHedged, "könnte");
  Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 0), MakeLink(0, 1, 1, 0)});
  CHECK(OfSlot(c, "status") == std::vector<std::string>{"certainty_differs status announced / hedged",
                                                         "agree status unconfirmed (from context) / hedged"});
}

TEST_CASE("The same claim from different sources", "[compare]") {
  DocBuilder a("a");
  int s = a.Sentence("Dem Kreml zufolge treffen sie sich in Russland.");
  a.Event(s, "treffen", "meeting").Source(s, "Kreml", "kremlin");
  DocBuilder b("b");
  int t = b.Sentence("Russischen Medien zufolge treffen sie sich in Russland.");
  b.Event(t, "treffen", "meeting").Source(t, "Russischen Medien", "russian media");
  Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 0)});
  REQUIRE(Count(c, FindingKind::kAttributionDiffers) == 1);
  CHECK(OfSlot(c, "status") == std::vector<std::string>{"attribution_differs status kremlin / russian media"});
}

// ---- only in ----

TEST_CASE("Only-in parts: a series member no other source names", "[compare]") {
  DocBuilder a("a", "Zeitung A");
  int s = a.Sentence("Nach dem abgebrochenen Gipfel testete Nordkorea eine Waffe.");
  a.Event(s, "Gipfel", "meeting").Event(s, "testete", "test");
  DocBuilder b("b", "Portal B");
  int t = b.Sentence("Der Gipfel wurde abgebrochen, doch Trump ist zu einem dritten Treffen bereit.");
  b.Event(t, "Gipfel", "meeting").Number(t, "dritten", 3, "exact", "meeting", "", true);
  Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 0)});
  std::vector<std::string> got;
  for (const Finding& f : c.findings) {
    if (f.kind == FindingKind::kOnlyIn) got.push_back(absl::StrCat(f.slot, " ", f.values[0].written, " = ", f.values[0].normalized));
  }
  // The third meeting is one source's; event classes are not judged so.
  CHECK(got == std::vector<std::string>{"quantity dritten = meeting#3"});
  SECTION("a member the other source names too is not only-in") {
    a.Number(s, "Gipfel", 3, "exact", "meeting", "", true);
    Comparison c2 = Run({a.Build(), b.Build()}, {MakeLink(0, 0, 1, 0)});
    for (const Finding& f : c2.findings) CHECK_FALSE((f.kind == FindingKind::kOnlyIn && f.slot == "quantity"));
  }
}

TEST_CASE("Only-in: unlinked claims, never furniture or repeated headlines", "[compare]") {
  DocBuilder a("a", "Zeitung A");
  a.Sentence("Kim soll im April Putin besuchen", true);          // 0: headline, repeated by 1.
  int s1 = a.Sentence("Kim soll im April Putin in Russland besuchen, heißt es.");
  a.Event(s1, "besuchen", "visit");
  int s2 = a.Sentence("Nordkorea hat am Mittwoch eine neue Waffe getestet.");  // 2: only in A.
  a.Event(s2, "getestet", "test");
  a.AddFurniture("(Foto: dpa)");
  a.Sentence("Kurz.");                                           // 3: too short, no parts.
  DocBuilder b("b", "Portal B");
  int t0 = b.Sentence("Putin erwartet Kim im April zu einem Besuch.");
  b.Event(t0, "Besuch", "visit");
  int t1 = b.Sentence("Trump erklärte sich zu einem dritten Treffen bereit.");  // 1: only in B.
  b.Event(t1, "Treffen", "meeting");

  Comparison c = Run({a.Build(), b.Build()}, {MakeLink(0, 1, 1, 0)});
  std::vector<std::string> only;
  for (const Finding& f : c.findings) {
    if (f.kind != FindingKind::kOnlyIn) continue;
    only.push_back(absl::StrCat(f.values[0].doc, ":", f.values[0].written));
    CHECK(f.evidence.size() == 1);
  }
  CHECK(only == std::vector<std::string>{"0:Nordkorea hat am Mittwoch eine neue Waffe getestet.",
                                         "1:Trump erklärte sich zu einem dritten Treffen bereit."});
}

TEST_CASE("A single document has no only-in findings", "[compare]") {
  DocBuilder a("a");
  int s = a.Sentence("Nordkorea hat am Mittwoch eine neue Waffe getestet.");
  a.Event(s, "getestet", "test");
  Comparison c = Run({a.Build()}, {});
  CHECK(Count(c, FindingKind::kOnlyIn) == 0);
}

// ---- per event, order ----

TEST_CASE("Statements linked through others are compared per event, without contradictions", "[compare]") {
  DocBuilder a("a");
  int s0 = a.Sentence("Das Treffen ist für den 24. April geplant.");
  a.Event(s0, "Treffen", "meeting").Time(s0, "24. April", "2019-04-24", CivilDay(2019, 4, 24), CivilDay(2019, 4, 24));
  int s1 = a.Sentence("Das Treffen findet in Russland statt.");
  a.Event(s1, "Treffen", "meeting");
  DocBuilder b("b");
  int t0 = b.Sentence("Das Treffen findet in Russland statt.");
  b.Event(t0, "Treffen", "meeting");
  int t1 = b.Sentence("Das Treffen könnte im April sein.");
  b.Event(t1, "Treffen", "meeting").Time(t1, "im April", "2019-04", CivilDay(2019, 4, 1), CivilDay(2019, 4, 30));
  int t2 = b.Sentence("Das Treffen könnte im Mai sein.");
  b.Event(t2, "Treffen", "meeting").Time(t2, "im Mai", "2019-05", CivilDay(2019, 5, 1), CivilDay(2019, 5, 31));
  // a0-b0, a1-b0, a1-b1, a1-b2: a0 meets b1 and b2 only through others.
  Comparison c = Run({a.Build(), b.Build()},
                     {MakeLink(0, 0, 1, 0), MakeLink(0, 1, 1, 0), MakeLink(0, 1, 1, 1), MakeLink(0, 1, 1, 2)});
  std::vector<std::string> times;
  for (const Finding& f : c.findings) {
    if (f.slot == "time") {
      times.push_back(Brief(f));
      CHECK(f.link == -1);
    }
  }
  CHECK(times == std::vector<std::string>{"refine time 2019-04-24 / 2019-04"});
  CHECK(Count(c, FindingKind::kContradict) == 0);
}

TEST_CASE("Findings come in a stable order whatever the order of links", "[compare]") {
  DocBuilder a("a");
  std::vector<int> sa;
  for (int i = 0; i < 4; ++i) {
    int s = a.Sentence(absl::StrCat("Das Beben Nummer ", i, " tötete N", i, " Menschen."));
    a.Event(s, "Beben", "earthquake").Number(s, absl::StrCat("N", i), i + 1, "exact", "killed");
  }
  DocBuilder b("b");
  for (int i = 0; i < 4; ++i) {
    int t = b.Sentence(absl::StrCat("Das Beben Nummer ", i, " tötete M", i, " Menschen."));
    b.Event(t, "Beben", "earthquake").Number(t, absl::StrCat("M", i), 4 - i, "exact", "killed");
  }
  std::vector<AnalyzedDocument> docs = {a.Build(), b.Build()};
  std::vector<Link> links;
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) links.push_back(MakeLink(0, i, 1, j));
  }
  std::vector<Link> reversed(links.rbegin(), links.rend());
  Comparison c1 = Run(docs, links);
  Comparison c2 = Run(docs, reversed);
  std::vector<std::string> b1 = Briefs(c1), b2 = Briefs(c2);
  CHECK(b1 == b2);
  CHECK(Count(c1, FindingKind::kContradict) == 12);
  CHECK(Count(c1, FindingKind::kAgree) >= 4);
}

TEST_CASE("Links out of range are ignored", "[compare]") {
  DocBuilder a("a");
  a.Sentence("Ein Satz mit genug Wörtern für eine Aussage.");
  std::vector<AnalyzedDocument> docs = {a.Build(), a.Build()};
  Comparison c = Run(docs, {MakeLink(0, 5, 1, 0), MakeLink(3, 0, 1, 0), MakeLink(0, 0, 0, 0)});
  CHECK(Count(c, FindingKind::kOnlyIn) == 2);
}

}  // namespace
}  // namespace claimdiff
