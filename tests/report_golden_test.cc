// Golden tests of the three report formats, byte for byte.
//
// fixtures/report/<case>/case.json names the documents of a cluster (files
// written for the project, German and English, two and three sources); the
// real pipeline analyses them and the reports must equal expected.txt,
// expected.json and expected.html. Cases named built_* render hand-built
// inputs (tests/testing/report_builders.h) so that every kind of finding is
// covered whatever the pipeline finds.
//
// CLAIMDIFF_UPDATE_GOLDENS=1 rewrites the expected files instead
// (scripts/update_goldens).

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "claimdiff/pipeline.h"
#include "claimdiff/report.h"
#include "nlohmann/json.hpp"
#include "testing/report_builders.h"

namespace claimdiff {
namespace {

namespace fs = std::filesystem;

const fs::path kCasesDir = fs::path(CLAIMDIFF_FIXTURES_DIR) / "report";

bool UpdateGoldens() {
  const char* v = std::getenv("CLAIMDIFF_UPDATE_GOLDENS");
  return v != nullptr && std::string(v) == "1";
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Compares `actual` with the golden file, or rewrites it in update mode.
// On a mismatch the message shows the first differing line.
void CheckGolden(const fs::path& path, const std::string& actual) {
  if (UpdateGoldens()) {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    REQUIRE(out.good());
    WARN("updated " << path.string());
    return;
  }
  INFO("golden file " << path.string() << " (run scripts/update_goldens to refresh)");
  REQUIRE(fs::exists(path));
  std::string expected = ReadFile(path);
  if (expected == actual) {
    SUCCEED();
    return;
  }
  std::istringstream e(expected), a(actual);
  std::string le, la;
  int line = 0;
  while (true) {
    ++line;
    bool more_e = static_cast<bool>(std::getline(e, le));
    bool more_a = static_cast<bool>(std::getline(a, la));
    if (!more_e && !more_a) break;
    if (le != la || more_e != more_a) {
      FAIL("first difference at line " << line << "\nexpected: " << le << "\nactual:   " << la);
    }
  }
  FAIL("files differ (line endings or trailing bytes)");
}

void CheckAllFormats(const fs::path& dir, const ReportInput& input) {
  ReportOptions text;
  text.format = ReportFormat::kText;
  text.width = 100;
  ReportOptions json;
  json.format = ReportFormat::kJson;
  json.json_indent = 2;
  ReportOptions html;
  html.format = ReportFormat::kHtml;
  SECTION("text") { CheckGolden(dir / "expected.txt", RenderReport(input, text)); }
  SECTION("json") { CheckGolden(dir / "expected.json", RenderReport(input, json)); }
  SECTION("html") { CheckGolden(dir / "expected.html", RenderReport(input, html)); }
}

// Reads fixtures/report/<case>/case.json into a cluster.
Cluster LoadCase(const fs::path& dir) {
  auto manifest = nlohmann::json::parse(ReadFile(dir / "case.json"));
  Cluster cluster;
  cluster.id = manifest.value("id", dir.filename().string());
  cluster.is_cluster = true;
  for (const auto& d : manifest["docs"]) {
    const std::string file = d["file"].get<std::string>();
    IngestOptions options;
    options.lang = d.value("lang", "");
    options.source = d.value("source", "");
    if (d.contains("dct")) options.date = ParseIsoDate(d["dct"].get<std::string>());
    auto doc = MakeDocument(file, ReadFile(dir / file), InputFormat::kText, options);
    INFO(dir.string() << "/" << file);
    REQUIRE(doc.ok());
    doc->id = d.value("id", file);
    doc->path = file;
    if (doc->source.empty()) doc->source = options.source;
    if (!doc->published) doc->published = options.date;
    if (doc->lang.empty()) doc->lang = options.lang;
    cluster.docs.push_back(*std::move(doc));
  }
  return cluster;
}

TEST_CASE("Golden reports of the fixture clusters", "[report][golden]") {
  REQUIRE(fs::is_directory(kCasesDir));
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(kCasesDir)) {
    if (entry.is_directory() && fs::exists(entry.path() / "case.json")) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 4);
  PipelineOptions options;
  options.lexicon_dir = CLAIMDIFF_LEXICON_DIR;
  Pipeline pipeline(options);
  for (const fs::path& dir : cases) {
    DYNAMIC_SECTION(dir.filename().string()) {
      auto result = pipeline.Run(LoadCase(dir));
      INFO(dir.string());
      REQUIRE(result.ok());
      ReportInput input;
      input.id = result->id;
      input.docs = result->docs;
      input.alignment = &result->alignment;
      input.comparison = &result->comparison;
      CheckAllFormats(dir, input);
    }
  }
}

TEST_CASE("Golden reports of hand-built inputs", "[report][golden]") {
  const std::vector<std::pair<std::string, std::function<testing::ReportBuilder()>>> built = {
      {"built_de_two", testing::GermanTwoSources},
      {"built_en_three", testing::EnglishThreeSources},
  };
  for (const auto& [name, make] : built) {
    DYNAMIC_SECTION(name) {
      testing::ReportBuilder builder = make();
      fs::path dir = kCasesDir / name;
      if (UpdateGoldens()) fs::create_directories(dir);
      CheckAllFormats(dir, builder.Input());
    }
  }
}

}  // namespace
}  // namespace claimdiff
