// Batch mode through the real binary: one output line per input line, in
// order, with its id; bad records answered in-band; byte-identical output
// for any --jobs.

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "nlohmann/json.hpp"
#include "testing/run_cli.h"

namespace claimdiff {
namespace {

std::string TempDir() {
  auto dir = std::filesystem::temp_directory_path() / "claimdiff_tests";
  std::filesystem::create_directories(dir);
  return dir.string();
}

struct RunResult {
  int status = -1;
  std::string out;
};

RunResult Run(const std::string& args, const std::string& input_path) {
  ::claimdiff::testing::CliRun r = ::claimdiff::testing::RunClaimdiff(args, "", input_path);
  REQUIRE(r.status >= 0);  // The binary ran and exited.
  return RunResult{r.status, r.out};
}

std::string WriteCorpus(int records, bool with_bad_lines) {
  std::string path = absl::StrCat(TempDir(), "/batch_corpus_", records, with_bad_lines, ".jsonl");
  std::ofstream out(path, std::ios::binary);
  const char* de[] = {"Der Kreml teilte am Donnerstag mit, Kim werde im April erwartet. Bestätigt ist das nicht.",
                      "Als mögliche Termine wurden der 23. oder 24. April genannt. Das Treffen ist das erste.",
                      "Am 5. März 2019 trafen sich z. B. Vertreter in Berlin. Dr. Müller war dabei."};
  const char* en[] = {"The 5.9-magnitude quake struck on Sunday. At least 10 people were killed.",
                      "Mr. Smith said the U.S. team arrived on Jan. 5. Talks continue."};
  for (int i = 0; i < records; ++i) {
    if (with_bad_lines && i % 97 == 13) {
      out << "{\"id\": \"bad-" << i << "\", \"text\": \"truncated\n";
      continue;
    }
    if (with_bad_lines && i % 97 == 14) {
      out << "{\"id\": \"nolang-" << i << "\", \"lang\": \"tlh\", \"text\": \"Qapla'.\"}\n";
      continue;
    }
    nlohmann::json j;
    j["id"] = absl::StrCat("doc-", i);
    bool german = i % 3 != 0;
    j["lang"] = german ? "de" : "en";
    j["dct"] = "2019-04-18";
    j["text"] = german ? de[i % 3] : en[i % 2];
    out << j.dump() << "\n";
  }
  return path;
}

TEST_CASE("Batch mode answers every line with its id, in order", "[cli][batch]") {
  std::string corpus = WriteCorpus(600, /*with_bad_lines=*/true);
  RunResult r = Run("segment --jsonl -", corpus);
  CHECK(r.status == 2);  // Some records failed; the stream went on.
  std::vector<std::string> lines = absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  REQUIRE(lines.size() == 600);
  int errors = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    auto j = nlohmann::json::parse(lines[i]);
    INFO(lines[i]);
    if (j.contains("error")) {
      ++errors;
      CHECK(j["error"]["where"].get<std::string>() == absl::StrCat("<stdin>:", i + 1));
      if (i % 97 == 14) {
        CHECK(j["id"] == absl::StrCat("nolang-", i));
        CHECK(j["error"]["message"].get<std::string>().find("unknown language 'tlh'") != std::string::npos);
      }
    } else {
      CHECK(j["id"] == absl::StrCat("doc-", i));
      CHECK(j["sentences"].size() >= 1);
    }
  }
  CHECK(errors == 2 * 7);  // Lines 13, 14 of every 97.
}

TEST_CASE("Batch output is byte-identical for --jobs 1 and --jobs 2", "[cli][batch]") {
  std::string corpus = WriteCorpus(3000, /*with_bad_lines=*/true);
  for (const char* command : {"segment", "extract"}) {
    INFO(command);
    RunResult one = Run(absl::StrCat(command, " --jsonl - --jobs 1"), corpus);
    RunResult two = Run(absl::StrCat(command, " --jsonl - --jobs 2"), corpus);
    CHECK(one.status == two.status);
    CHECK(one.out.size() > 0);
    CHECK(one.out == two.out);
  }
}

TEST_CASE("segment lines are what nlohmann-json writes for the same values", "[cli][batch]") {
  // The segment command writes its lines without a JSON DOM; ids that need
  // escaping, a detected language (a floating-point confidence) and dates of
  // every width must still come out as nlohmann-json dumps them.
  std::string path = absl::StrCat(TempDir(), "/segment_json_format.jsonl");
  {
    std::ofstream out(path, std::ios::binary);
    out << R"({"id": "q\"uote\\back\tslash\u0001", "lang": "de", "dct": "2019-04-18", "text": "Ein Satz. Noch einer."})"
        << "\n"
        << R"({"id": "Grüße 😀", "dct": "0999-01-02", "text": "The council met on Monday. It agreed."})" << "\n"
        << R"({"id": 42, "docs": [{"text": "Foto: dpa\n\nDer Rat tagte.", "lang": "de"}, {"text": "Zwei.", "lang": "de"}]})"
        << "\n";
  }
  RunResult r = Run("segment --jsonl -", path);
  CHECK(r.status == 0);
  std::vector<std::string> lines = absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  REQUIRE(lines.size() == 3);
  for (const std::string& line : lines) {
    INFO(line);
    const auto j = nlohmann::ordered_json::parse(line);
    CHECK(j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) == line);
  }
  const auto first = nlohmann::json::parse(lines[0]);
  CHECK(first["id"] == "q\"uote\\back\tslash\x01");
  CHECK(first["dct"] == "2019-04-18");
  const auto second = nlohmann::json::parse(lines[1]);
  CHECK(second["id"] == "Grüße 😀");
  CHECK(second["lang"] == "en");
  CHECK(second["lang_confidence"].is_number_float());
  CHECK(second["dct"] == "999-01-02");  // absl::FormatCivilTime does not pad the year.
  const auto third = nlohmann::json::parse(lines[2]);
  CHECK(third["id"] == "42");
  CHECK(third["docs"][0]["furniture_reasons"] == nlohmann::json::array({"photo_credit"}));
}

std::string WriteClusterCorpus(int clusters) {
  std::string path = absl::StrCat(TempDir(), "/batch_clusters_", clusters, ".jsonl");
  std::ofstream out(path, std::ios::binary);
  const char* de[] = {"Der Kreml teilte am Donnerstag mit, Kim werde im April erwartet. Bestätigt ist das nicht.",
                      "Kim wird nach Angaben des Kremls Ende April in Russland erwartet. Ein Termin steht nicht fest.",
                      "Als mögliche Termine wurden der 23. oder 24. April genannt. Das Treffen ist das erste."};
  const char* en[] = {"The 5.9-magnitude quake struck on Sunday. At least 10 people were killed.",
                      "A 6.1-magnitude earthquake hit on Sunday. At least 12 people died, officials said."};
  for (int i = 0; i < clusters; ++i) {
    nlohmann::json c;
    c["id"] = absl::StrCat("cluster-", i);
    c["docs"] = nlohmann::json::array();
    bool german = i % 2 == 0;
    int size = i % 7 == 5 ? 1 : 2 + i % 2;  // Some clusters of one document: compare refuses them.
    for (int d = 0; d < size; ++d) {
      nlohmann::json doc;
      doc["id"] = absl::StrCat("c", i, "-d", d);
      doc["lang"] = german ? "de" : "en";
      doc["dct"] = "2019-04-18";
      doc["text"] = german ? de[(i + d) % 3] : en[(i + d) % 2];
      c["docs"].push_back(doc);
    }
    if (i % 11 == 7) {
      out << "{\"id\": \"broken-" << i << "\", \"docs\": [\n";
      continue;
    }
    out << c.dump() << "\n";
  }
  return path;
}

TEST_CASE("align and compare --format json answer every cluster line, same for any --jobs", "[cli][batch]") {
  const int n = 120;
  std::string corpus = WriteClusterCorpus(n);
  for (const char* command : {"align --jsonl -", "compare --format json --jsonl -"}) {
    INFO(command);
    bool compare = absl::StartsWith(command, "compare");
    RunResult one = Run(absl::StrCat(command, " --jobs 1"), corpus);
    RunResult two = Run(absl::StrCat(command, " --jobs 2"), corpus);
    CHECK(one.status == 2);  // Broken lines (and, for compare, one-document clusters).
    CHECK(one.status == two.status);
    CHECK(one.out == two.out);
    std::vector<std::string> lines = absl::StrSplit(one.out, '\n', absl::SkipEmpty());
    REQUIRE(lines.size() == static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      INFO(lines[i]);
      auto j = nlohmann::json::parse(lines[i]);
      bool broken = i % 11 == 7;
      bool single = i % 7 == 5;
      if (broken) {
        CHECK(j["id"].is_null());
        CHECK(j["error"]["where"] == absl::StrCat("<stdin>:", i + 1));
        continue;
      }
      CHECK(j["id"] == absl::StrCat("cluster-", i));
      if (compare && single) {
        CHECK(absl::StrContains(j["error"]["message"].get<std::string>(), "at least two documents"));
      } else if (compare) {
        CHECK(j["schema"] == "claimdiff.compare/1");
        CHECK(j["documents"].size() == static_cast<size_t>(2 + i % 2));
      } else {
        CHECK_FALSE(j.contains("error"));
        CHECK(j["links"].is_array());
      }
    }
  }
}

}  // namespace
}  // namespace claimdiff
