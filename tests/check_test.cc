#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "claimdiff/check.h"
#include "nlohmann/json.hpp"
#include "testing/xml_check.h"

namespace claimdiff {
namespace {

// A tiny hand-built cluster: a draft (doc 0) and two sources.
struct Cluster3 {
  std::vector<AnalyzedDocument> docs;
  Alignment alignment;
  Comparison comparison;
};

Statement MakeStatement(const std::string& text, size_t start, size_t end, int sentence, Certainty c) {
  Statement st;
  st.sentence = sentence;
  st.span = {start, end};
  st.certainty = c;
  (void)text;
  return st;
}

AnalyzedDocument MakeDoc(const std::string& path, const std::string& text) {
  AnalyzedDocument d;
  d.doc.id = path;
  d.doc.path = path;
  d.doc.lang = "de";
  d.doc.text = text;
  // One sentence per line.
  size_t start = 0;
  int index = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) {
      d.seg.sentences.push_back({{start, end}, 0, false});
      d.ext.statements.push_back(MakeStatement(text, start, end, index++, Certainty::kAsserted));
    }
    start = end + 1;
  }
  return d;
}

Timex Day(int y, int m, int d, int sentence) {
  Timex t;
  t.type = "DATE";
  t.value = absl::StrFormat("%04d-%02d-%02d", y, m, d);
  t.first_day = t.last_day = absl::CivilDay(y, m, d);
  t.granularity = "day";
  t.sentence = sentence;
  return t;
}

Cluster3 MakeCluster() {
  Cluster3 c;
  c.docs.push_back(MakeDoc("draft.md",
                           "Der Kreml hat bestätigt, dass das Treffen am 23. April stattfindet.\n"
                           "Die Gespräche sollen am 30. Mai beginnen.\n"
                           "Ein Sprecher lobte das gute Wetter in der ganzen Region heute sehr.\n"
                           "Das Treffen soll womöglich im April stattfinden, heißt es vorsichtig.\n"));
  c.docs.push_back(MakeDoc("a.md",
                           "Als mögliche Termine wurden der 23. oder 24. April genannt.\n"
                           "Die Gespräche beginnen am 2. Mai.\n"));
  c.docs.push_back(MakeDoc("b.md", "Der Kreml bestätigte das Treffen im April.\n"));
  // Draft sentence 0: confirmed, 23 April.
  c.docs[0].ext.statements[0].certainty = Certainty::kConfirmed;
  c.docs[0].ext.timex.push_back(Day(2019, 4, 23, 0));
  c.docs[0].ext.statements[0].times = {0};
  // Draft sentence 3: hedged.
  c.docs[0].ext.statements[3].certainty = Certainty::kHedged;
  // Source a, sentence 0: 23 April, only reported and unconfirmed.
  c.docs[1].ext.statements[0].certainty = Certainty::kUnconfirmed;
  c.docs[1].ext.timex.push_back(Day(2019, 4, 23, 0));
  c.docs[1].ext.statements[0].times = {0};
  // Source b: confirmed meeting in April.
  c.docs[2].ext.statements[0].certainty = Certainty::kConfirmed;

  c.alignment.links.push_back(Link{0, 0, 1, 0, 0.8, {"terms"}, false});
  c.alignment.links.push_back(Link{0, 1, 1, 1, 0.7, {"terms"}, false});
  c.alignment.links.push_back(Link{0, 3, 2, 0, 0.6, {"terms"}, false});
  Finding contradiction;
  contradiction.kind = FindingKind::kContradict;
  contradiction.slot = "time";
  contradiction.values = {FindingValue{0, 1, {}, "am 30. Mai", "2019-05-30"},
                          FindingValue{1, 1, {}, "am 2. Mai", "2019-05-02"}};
  contradiction.reason = "dates do not overlap";
  c.comparison.findings.push_back(contradiction);
  return c;
}

std::vector<std::string> Raw(const Cluster3& c) {
  std::vector<std::string> out;
  for (size_t i = 1; i < c.docs.size(); ++i) out.push_back(c.docs[i].doc.text);
  return out;
}

TEST_CASE("CheckDraft classifies overstated, contradicted, unsupported and understated claims", "[check]") {
  Cluster3 c = MakeCluster();
  CheckOptions options;
  options.levels[Verdict::kSupported] = Level::kInfo;
  CheckResult r = CheckDraft(c.docs, c.alignment, c.comparison, c.docs[0].doc.text, Raw(c), options);
  REQUIRE(r.findings.size() == 4);
  CHECK(r.findings[0].verdict == Verdict::kOverstated);
  CHECK(r.findings[0].begin.line == 1);
  CHECK(r.findings[0].begin.column == 1);
  REQUIRE(r.findings[0].evidence.size() == 1);
  CHECK(r.findings[0].evidence[0].path == "a.md");
  CHECK(r.findings[0].evidence[0].certainty == "unconfirmed");
  CHECK(r.findings[1].verdict == Verdict::kContradicted);
  CHECK(r.findings[1].begin.line == 2);
  CHECK(absl::StrContains(r.findings[1].message, "dates do not overlap"));
  CHECK(r.findings[2].verdict == Verdict::kUnsupported);
  CHECK(r.findings[3].verdict == Verdict::kUnderstated);
  CHECK(r.findings[3].level == Level::kInfo);
}

TEST_CASE("Suppression comments, baselines and changed lines drop findings", "[check]") {
  Cluster3 c = MakeCluster();
  CheckOptions options;
  std::string draft_file = c.docs[0].doc.text;

  SECTION("baseline") {
    CheckResult all = CheckDraft(c.docs, c.alignment, c.comparison, draft_file, Raw(c), options);
    REQUIRE(all.findings.size() == 4);  // Supported is off by default; the rest are shown.
    auto baseline = ParseBaseline(RenderBaseline(all), "base.json");
    REQUIRE(baseline.ok());
    options.ignored = *baseline;
    CheckResult again = CheckDraft(c.docs, c.alignment, c.comparison, draft_file, Raw(c), options);
    CHECK(again.findings.empty());
    CHECK(again.suppressed == 4);
  }
  SECTION("changed lines") {
    options.restrict_to_lines = true;
    options.only_lines = {2};
    CheckResult r = CheckDraft(c.docs, c.alignment, c.comparison, draft_file, Raw(c), options);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].verdict == Verdict::kContradicted);
  }
}

TEST_CASE("FindSuppressions understands next-line, line and block comments", "[check]") {
  auto s = FindSuppressions(
      "a\n<!-- claimdiff-disable-next-line -->\nb\n<!-- claimdiff-disable-next-line overstated -->\nc\n"
      "<!-- claimdiff-disable -->\nd\ne\n<!-- claimdiff-enable -->\nf\n");
  CHECK(s.count(1) == 0);
  REQUIRE(s.count(3) == 1);
  CHECK(s[3].empty());
  REQUIRE(s.count(5) == 1);
  CHECK(s[5] == std::set<std::string>{"overstated"});
  CHECK(s.count(7) == 1);
  CHECK(s.count(8) == 1);
  CHECK(s.count(10) == 0);
}

TEST_CASE("ChangedLines reads git diff -U0 hunks", "[check]") {
  auto lines = ChangedLines(
      "diff --git a/draft.md b/draft.md\n--- a/draft.md\n+++ b/draft.md\n@@ -3 +3 @@\n-x\n+y\n"
      "@@ -10,0 +11,2 @@\n+p\n+q\n@@ -20,2 +22,0 @@\n-r\n-s\n");
  REQUIRE(lines.count("draft.md") == 1);
  CHECK(lines["draft.md"] == std::set<int>{3, 11, 12});
}

TEST_CASE("LineIndex counts columns in code points", "[check]") {
  LineIndex index("ab\nÄÖ x\n");
  auto p = index.Position(3 + 5);  // "x" after two 2-byte letters and a space.
  CHECK(p.line == 2);
  CHECK(p.column == 4);
}

TEST_CASE("ParseCheckConfig reads settings, levels and ignores; errors name file:line", "[check]") {
  auto config = ParseCheckConfig(
      "# claimdiff\nsources = src/a.md, src/b.md\nlang = de\ndate = 2019-04-18\nfail_on = warning\n"
      "[levels]\noverstated = warning\n[ignore]\noverstated:0011223344556677\n",
      "/repo/docs/.claimdiff.ini");
  REQUIRE(config.ok());
  CHECK(config->sources == std::vector<std::string>{"/repo/docs/src/a.md", "/repo/docs/src/b.md"});
  CHECK(config->lang == "de");
  CHECK(config->fail_on == "warning");
  CHECK(config->levels.at(Verdict::kOverstated) == Level::kWarning);
  CHECK(config->ignored.count("overstated:0011223344556677") == 1);

  auto bad = ParseCheckConfig("lang = de\n[levels]\nexaggerated = error\n", "x/.claimdiff.ini");
  REQUIRE_FALSE(bad.ok());
  CHECK(absl::StrContains(bad.status().message(), "x/.claimdiff.ini:3:"));
}

TEST_CASE("GitHub workflow commands escape data and properties", "[check]") {
  CHECK(EscapeGithubData("50% sicher\nzweite Zeile\r") == "50%25 sicher%0Azweite Zeile%0D");
  CHECK(EscapeGithubProperty("a:b,c%") == "a%3Ab%2Cc%25");

  Cluster3 c = MakeCluster();
  CheckResult r = CheckDraft(c.docs, c.alignment, c.comparison, c.docs[0].doc.text, Raw(c), {});
  CheckRenderOptions render;
  render.format = CheckFormat::kGithub;
  std::string out = RenderCheck(r, render);
  CHECK(absl::StartsWith(out, "::error file=draft.md,line=1,col=1,"));
  // One command per line: newlines inside messages are escaped.
  for (absl::string_view line : absl::StrSplit(out, '\n', absl::SkipEmpty())) {
    CHECK(absl::StartsWith(line, "::"));
  }
  render.github_limit = 1;
  out = RenderCheck(r, render);
  CHECK(absl::StrContains(out, "1 more error findings not shown"));
}

TEST_CASE("SARIF output has the 2.1.0 structure", "[check]") {
  Cluster3 c = MakeCluster();
  CheckResult r = CheckDraft(c.docs, c.alignment, c.comparison, c.docs[0].doc.text, Raw(c), {});
  CheckRenderOptions render;
  render.format = CheckFormat::kSarif;
  auto j = nlohmann::json::parse(RenderCheck(r, render));
  CHECK(j["version"] == "2.1.0");
  REQUIRE(j["runs"].is_array());
  REQUIRE(j["runs"].size() == 1);
  const auto& run = j["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "claimdiff");
  std::set<std::string> rule_ids;
  for (const auto& rule : run["tool"]["driver"]["rules"]) rule_ids.insert(rule["id"].get<std::string>());
  REQUIRE(run["results"].size() == r.findings.size());
  for (const auto& result : run["results"]) {
    CHECK(rule_ids.count(result["ruleId"].get<std::string>()) == 1);
    std::string level = result["level"];
    CHECK((level == "error" || level == "warning" || level == "note" || level == "none"));
    CHECK(result["message"]["text"].is_string());
    const auto& loc = result["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == "draft.md");
    CHECK(loc["region"]["startLine"].get<int>() >= 1);
    CHECK(loc["region"]["startColumn"].get<int>() >= 1);
  }
  CHECK(run["results"][0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.md");
}

TEST_CASE("JUnit output is well-formed XML with one failure per error or warning", "[check]") {
  Cluster3 c = MakeCluster();
  c.docs[0].doc.text.replace(0, 3, "<&>");  // Markup in the draft must be escaped.
  CheckResult r = CheckDraft(c.docs, c.alignment, c.comparison, c.docs[0].doc.text, Raw(c), {});
  CheckRenderOptions render;
  render.format = CheckFormat::kJunit;
  std::string xml = RenderCheck(r, render);
  testing::XmlElement root;
  std::string error;
  REQUIRE(testing::ParseXml(xml, &root, &error));
  INFO(error);
  CHECK(root.name == "testsuites");
  REQUIRE(root.children.size() == 1);
  const auto& suite = root.children[0];
  CHECK(suite.name == "testsuite");
  int failures = 0;
  for (const auto& tc : suite.children) {
    CHECK(tc.name == "testcase");
    for (const auto& child : tc.children) failures += child.name == "failure";
  }
  CHECK(failures == 3);
  CHECK(suite.attributes.at("failures") == "3");
  CHECK(absl::StrContains(xml, "&lt;&amp;&gt;"));
}

TEST_CASE("JSON output carries verdicts, positions and evidence", "[check]") {
  Cluster3 c = MakeCluster();
  CheckResult r = CheckDraft(c.docs, c.alignment, c.comparison, c.docs[0].doc.text, Raw(c), {});
  CheckRenderOptions render;
  render.format = CheckFormat::kJson;
  auto j = nlohmann::json::parse(RenderCheck(r, render));
  CHECK(j["schema"] == "claimdiff.check/1");
  REQUIRE(j["findings"].size() == 4);
  CHECK(j["findings"][0]["verdict"] == "overstated");
  CHECK(j["findings"][0]["line"] == 1);
  CHECK(j["findings"][0]["evidence"][0]["path"] == "a.md");
}

}  // namespace
}  // namespace claimdiff
