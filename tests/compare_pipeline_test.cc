// Dev harness: the whole pipeline (claimdiff::Pipeline::Run) on the bundled
// example (fixtures/example) and on the seed pair (CLAIMDIFF_SHARED_DIR,
// skipped when absent), checked against the nine points of
// ../shared/seeds/README.md.
//
// Each point of the nine-point checklists is a check of its own, and the
// list of points with PASS/FAIL is printed (`test_compare "[points]" -s`).
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "claimdiff/compare.h"
#include "claimdiff/ingest.h"
#include "claimdiff/pipeline.h"

namespace claimdiff {
namespace {

absl::StatusOr<ClusterResult> RunPair(const std::string& a, const std::string& b,
                                      std::optional<absl::CivilDay> date_a = std::nullopt,
                                      std::optional<absl::CivilDay> date_b = std::nullopt) {
  Cluster cluster;
  cluster.id = "pair";
  for (const auto& [path, date] : {std::make_pair(a, date_a), std::make_pair(b, date_b)}) {
    IngestOptions options;
    options.date = date;
    if (date) options.lang = "de";
    auto read = ReadInput(path, options);
    if (!read.ok()) return read.status();
    if (read->size() != 1 || read->front().docs.size() != 1) {
      return absl::InvalidArgumentError(path + ": expected one document");
    }
    cluster.docs.push_back(std::move(read->front().docs.front()));
  }
  static Pipeline* pipeline = new Pipeline(PipelineOptions{});
  return pipeline->Run(std::move(cluster));
}

std::string Text(const ClusterResult& r, int doc, Span s) {
  const std::string& t = r.docs[doc].doc.text;
  if (s.start >= t.size()) return "";
  return t.substr(s.start, std::min(s.end, t.size()) - s.start);
}

bool EvidenceHas(const ClusterResult& r, const Finding& f, int doc, const std::string& needle) {
  for (const Evidence& e : f.evidence) {
    if (e.doc == doc && absl::StrContains(Text(r, doc, e.span), needle)) return true;
  }
  return false;
}

// Findings with evidence in doc 0 containing any of `a` and in doc 1
// containing any of `b`.
std::vector<const Finding*> Between(const ClusterResult& r, const std::vector<std::string>& a,
                                    const std::vector<std::string>& b) {
  std::vector<const Finding*> out;
  for (const Finding& f : r.comparison.findings) {
    bool ha = false, hb = false;
    for (const std::string& n : a) ha = ha || EvidenceHas(r, f, 0, n);
    for (const std::string& n : b) hb = hb || EvidenceHas(r, f, 1, n);
    if (ha && hb) out.push_back(&f);
  }
  return out;
}

bool Any(const std::vector<const Finding*>& fs, const std::function<bool(const Finding&)>& pred) {
  for (const Finding* f : fs) {
    if (pred(*f)) return true;
  }
  return false;
}

bool Compatible(const Finding& f) { return f.kind == FindingKind::kAgree || f.kind == FindingKind::kRefine; }

// The needles of one pair of texts for the nine points.
struct PointNeedles {
  std::vector<std::string> dates_a, dates_b;          // 1
  std::vector<std::string> confirm_a, confirm_b;      // 2
  std::vector<std::string> place_a;                   // 3
  std::string conflicting_title;                      // 4
  std::vector<std::string> history_a, history_b;      // 5
  std::vector<std::string> sanctions_a, sanctions_b;  // 6
  std::string first_a, second_b;                      // 7
  std::vector<std::string> only_a, only_b;            // 8
  std::vector<std::string> furniture;                 // 9
};

// With CLAIMDIFF_DUMP_FINDINGS set, prints every finding (for development).
void Dump(const ClusterResult& r) {
  if (std::getenv("CLAIMDIFF_DUMP_FINDINGS") == nullptr) return;
  for (const Link& l : r.alignment.links) {
    std::cout << "  link " << l.doc_a << ":" << l.sentence_a << " - " << l.doc_b << ":" << l.sentence_b
              << (l.possibly_different_event ? " (different event?)" : "") << "\n";
  }
  for (const Finding& f : r.comparison.findings) {
    std::cout << "  " << FindingKindName(f.kind) << " " << f.slot << (f.update ? " [update]" : "") << ": "
              << f.reason << "\n";
    for (const FindingValue& v : f.values) {
      std::cout << "      " << v.doc << ":" << v.sentence << " \"" << v.written << "\" = " << v.normalized << "\n";
    }
  }
}

void CheckPoints(const ClusterResult& r, const PointNeedles& n) {
  Dump(r);
  std::vector<std::pair<std::string, bool>> points;
  auto dates = Between(r, n.dates_a, n.dates_b);
  points.push_back({"1 proposed dates compatible", Any(dates, [](const Finding& f) {
                      return f.slot == "time" && Compatible(f);
                    }) && !Any(dates, [](const Finding& f) { return f.kind == FindingKind::kContradict; })});
  auto confirm = Between(r, n.confirm_a, n.confirm_b);
  points.push_back({"2 confirmation agrees, place/time an update",
                    Any(confirm, [](const Finding& f) { return f.update || Compatible(f); }) &&
                        !Any(confirm, [](const Finding& f) { return f.kind == FindingKind::kContradict; })});
  bool place_ok = true, place_seen = false;
  for (const Finding& f : r.comparison.findings) {
    if (f.slot != "place") continue;
    if (f.kind == FindingKind::kContradict) place_ok = false;
    for (const std::string& p : n.place_a) place_seen = place_seen || EvidenceHas(r, f, 0, p);
  }
  points.push_back({"3 place not contradictory", place_ok && place_seen});
  bool title = false;
  for (const Finding& f : r.comparison.findings) {
    if (f.slot != "role" || f.kind != FindingKind::kContradict) continue;
    for (const FindingValue& v : f.values) title = title || absl::StrContains(v.written, n.conflicting_title);
  }
  points.push_back({"4 conflicting titles", title});
  points.push_back({"5 history agrees", Any(Between(r, n.history_a, n.history_b), Compatible) &&
                                            !Any(Between(r, n.history_a, n.history_b), [](const Finding& f) {
                                              return f.kind == FindingKind::kContradict;
                                            })});
  points.push_back({"6 sanctions agree", Any(Between(r, n.sanctions_a, n.sanctions_b), Compatible)});
  points.push_back({"7 first meeting vs second invitation not a contradiction",
                    !Any(Between(r, {n.first_a}, {n.second_b}),
                         [](const Finding& f) { return f.kind == FindingKind::kContradict; })});
  bool only = true;
  for (int doc = 0; doc < 2; ++doc) {
    for (const std::string& needle : doc == 0 ? n.only_a : n.only_b) {
      bool found = false;
      for (const Finding& f : r.comparison.findings) {
        found = found || (f.kind == FindingKind::kOnlyIn && EvidenceHas(r, f, doc, needle));
      }
      if (!found) {
        only = false;
        std::cout << "  point 8: no only_in for doc " << doc << " \"" << needle << "\"\n";
      }
    }
  }
  points.push_back({"8 only-in items", only});
  bool furniture = true;
  for (const Finding& f : r.comparison.findings) {
    for (int doc = 0; doc < 2; ++doc) {
      for (const std::string& needle : n.furniture) furniture = furniture && !EvidenceHas(r, f, doc, needle);
    }
  }
  points.push_back({"9 furniture not compared", furniture});
  int passed = 0;
  for (const auto& [name, ok] : points) {
    std::cout << (ok ? "  PASS " : "  FAIL ") << name << "\n";
    passed += ok;
    INFO(name);
    CHECK(ok);
  }
  std::cout << "  " << passed << "/9 points pass (" << r.alignment.links.size() << " links, "
            << r.comparison.findings.size() << " findings)\n";
}

void CheckInvariants(const ClusterResult& r) {
  for (const Finding& f : r.comparison.findings) {
    REQUIRE(!f.evidence.empty());
    for (const Evidence& e : f.evidence) {
      REQUIRE(e.doc >= 0);
      REQUIRE(e.doc < static_cast<int>(r.docs.size()));
      CHECK(e.span.end <= r.docs[e.doc].doc.text.size());
      CHECK(e.span.start < e.span.end);
    }
    for (const FindingValue& v : f.values) CHECK(v.span.end <= r.docs[v.doc].doc.text.size());
    CHECK(!f.reason.empty());
  }
}

const std::string kExampleA = std::string(CLAIMDIFF_FIXTURES_DIR) + "/example/a.md";
const std::string kExampleB = std::string(CLAIMDIFF_FIXTURES_DIR) + "/example/b.md";
const std::string kSeedA = std::string(CLAIMDIFF_SHARED_DIR) + "/seeds/a_sz_2019-04-18.txt";
const std::string kSeedB = std::string(CLAIMDIFF_SHARED_DIR) + "/seeds/b_2019-04-16.txt";

PointNeedles ExampleNeedles() {
  PointNeedles n;
  n.dates_a = {"23. oder 24. April", "zweiten Aprilhälfte", "noch im April"};
  n.dates_b = {"kommende Woche", "noch diesen Monat"};
  n.confirm_a = {"teilte der Kreml", "Angaben des Kremls"};
  n.confirm_b = {"bestätigte", "noch nicht"};
  n.place_a = {"Wladiwostok", "Russland"};
  n.conflicting_title = "Regierungschef";
  n.history_a = {"Hanoi"};
  n.history_b = {"Anfang des Jahres"};
  n.sanctions_a = {"Sanktionen"};
  n.sanctions_b = {"Sanktionen"};
  n.first_a = "erste Treffen";
  n.second_b = "zweite Einladung";
  n.only_a = {"Lenkwaffe"};
  n.only_b = {"dritten Treffen"};
  n.furniture = {"(Foto: dpa)", "Zur Startseite", "Lesen Sie mehr"};
  return n;
}

PointNeedles SeedNeedles() {
  PointNeedles n;
  n.dates_a = {"23. oder 24. April", "zweiten Aprilhälfte", "noch in diesem Monat"};
  n.dates_b = {"Kommende Woche", "noch diesen Monat"};
  // The Kremlin's statements in A (Thursday) against Peskov's in B (Monday).
  n.confirm_a = {"teilte der Kreml", "dem Kreml zufolge", "Präsidialverwaltung"};
  n.confirm_b = {"bestätigte Kreml-Sprecher", "noch nicht preis"};
  n.place_a = {"Wladiwostok", "in Russland"};
  n.conflicting_title = "Regierungschef";
  n.history_a = {"Hanoi vorzeitig abgebrochen"};
  n.history_b = {"vorzeitig abgebrochen"};
  n.sanctions_a = {"Lockerung der Sanktionen"};
  n.sanctions_b = {"Lockerung der Sanktionen"};
  n.first_a = "erste Treffen zwischen Putin und Kim";
  n.second_b = "zweite Einladung";
  n.only_a = {"Waffen getestet", "Pompeo", "KCNA", "Gastarbeiter"};
  n.only_b = {"Choe Ryong Hae", "dritten Treffen"};
  n.furniture = {"(Foto: dpa)", "Zur SZ-Startseite", "Lesen Sie mehr", "Jetzt entdecken", "Gutscheine",
                 "meldet Waffentest", "Cosmonautics"};
  return n;
}

TEST_CASE("Pipeline on the bundled example: findings are well formed and deterministic", "[compare]") {
  auto r1 = RunPair(kExampleA, kExampleB);
  if (!r1.ok()) {
    WARN("pipeline not ready: " << r1.status().message());
    return;
  }
  CheckInvariants(*r1);
  auto r2 = RunPair(kExampleA, kExampleB);
  REQUIRE(r2.ok());
  REQUIRE(r1->comparison.findings.size() == r2->comparison.findings.size());
  for (size_t i = 0; i < r1->comparison.findings.size(); ++i) {
    CHECK(r1->comparison.findings[i].reason == r2->comparison.findings[i].reason);
  }
}

TEST_CASE("Nine points on the bundled example", "[compare][points]") {
  auto r = RunPair(kExampleA, kExampleB);
  if (!r.ok()) FAIL(r.status().message());
  std::cout << "example:\n";
  CheckPoints(*r, ExampleNeedles());
}

TEST_CASE("Nine points on the seed pair", "[compare][points][seeds]") {
  if (!std::filesystem::exists(kSeedA)) {
    WARN("skipped: " << kSeedA << " absent");
    return;
  }
  auto r = RunPair(kSeedA, kSeedB, absl::CivilDay(2019, 4, 18), absl::CivilDay(2019, 4, 16));
  if (!r.ok()) FAIL(r.status().message());
  CheckInvariants(*r);
  std::cout << "seeds:\n";
  CheckPoints(*r, SeedNeedles());
}

}  // namespace
}  // namespace claimdiff
