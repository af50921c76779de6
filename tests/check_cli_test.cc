// claimdiff check through the binary: the worked example in fixtures/check,
// the seed articles as sources (when ../shared is present), and the exit
// status for each --fail-on level.

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "testing/run_cli.h"

namespace claimdiff {
namespace {

struct RunResult {
  int status = -1;
  std::string out;  // Standard output (messages on standard error are left out).
};

RunResult Run(const std::string& args) {
  ::claimdiff::testing::CliRun r = ::claimdiff::testing::RunClaimdiff(args);
  REQUIRE(r.status >= 0);  // The binary ran and exited.
  return RunResult{r.status, r.out};
}

std::string TempFile(const std::string& name, const std::string& contents) {
  auto dir = std::filesystem::temp_directory_path() / "claimdiff_check_tests";
  std::filesystem::create_directories(dir);
  std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

const std::string kFixtures = CLAIMDIFF_FIXTURES_DIR "/check";

nlohmann::json CheckJson(const std::string& draft, const std::string& sources, const std::string& extra = "") {
  RunResult r = Run(absl::StrCat("check ", draft, " --against ", sources, " --format json --level supported=info ",
                                 extra));
  INFO(r.out);
  REQUIRE((r.status == 0 || r.status == 1));
  return nlohmann::json::parse(r.out);
}

std::string VerdictOfLine(const nlohmann::json& j, int line) {
  for (const auto& f : j["findings"]) {
    if (f["line"] == line) return f["verdict"];
  }
  return "none";
}

TEST_CASE("The worked example gives the documented verdicts", "[check][cli]") {
  // The config file in fixtures/check names the sources.
  RunResult r = Run(absl::StrCat("check ", kFixtures, "/draft.md --format json --level supported=info"));
  INFO(r.out);
  REQUIRE(r.status == 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK(VerdictOfLine(j, 9) == "supported");
  CHECK(VerdictOfLine(j, 11) == "overstated");
  CHECK(VerdictOfLine(j, 13) == "contradicted");
  CHECK(VerdictOfLine(j, 16) == "none");  // Suppressed by the comment above it.
  CHECK(VerdictOfLine(j, 18) == "unsupported");  // The armoured train is in no source.
  CHECK(j["suppressed"].get<int>() >= 1);
  for (const auto& f : j["findings"]) {
    const std::string message = f["message"].get<std::string>();
    if (f["line"] == 13) {
      // Both slots: the date, and Beijing against the sources' Vladivostok
      // (the claim names no one; its meeting is the one of the line before).
      CHECK(absl::StrContains(message, "2019-05-30"));
      CHECK(absl::StrContains(message, "elsewhere than Beijing"));
      // A draft is held to what the sources say now, not "updated".
      CHECK_FALSE(absl::StrContains(message, "update"));
    }
    if (f["line"] == 18) {
      CHECK(absl::StrContains(message, "\"Sonderzug\""));
      CHECK_FALSE(absl::StrContains(message, "Machthaber"));  // The sources name him.
    }
  }
  // Evidence spans point into the sources.
  for (const auto& f : j["findings"]) {
    if (f["verdict"] == "overstated") {
      REQUIRE(f["evidence"].size() >= 1);
      CHECK(absl::StrContains(f["evidence"][0]["path"].get<std::string>(), "sources/"));
    }
  }
}

TEST_CASE("Exit status follows --fail-on", "[check][cli]") {
  std::string draft = TempFile("unrelated.md",
                               "---\nlang: de\ndate: 2019-04-19\n---\n\n"
                               "Der Gemeinderat von Kleinstadt beschloss gestern einstimmig den Bau eines neuen "
                               "Schwimmbads für vier Millionen Euro.\n");
  std::string sources = absl::StrCat(kFixtures, "/sources/agentur.md ", kFixtures, "/sources/zeitung.md");
  std::string base = absl::StrCat("check ", draft, " --against ", sources, " --level unsupported=");
  CHECK(Run(base + "error").status == 1);
  CHECK(Run(base + "error --fail-on none").status == 0);
  CHECK(Run(base + "warning").status == 0);  // Default --fail-on error.
  CHECK(Run(base + "warning --fail-on warning").status == 1);
  CHECK(Run(base + "info --fail-on warning").status == 0);
  CHECK(Run(base + "info --fail-on info").status == 1);
  CHECK(Run(base + "off --fail-on info").status == 0);
  // Trouble is 2.
  CHECK(Run(absl::StrCat("check ", draft, " --against /nonexistent/source.md")).status == 2);
  CHECK(Run(absl::StrCat("check ", draft, " --against ", sources, " --level unsupported=loud")).status == 2);
}

TEST_CASE("Human output reads like a compiler's", "[check][cli]") {
  RunResult r = Run(absl::StrCat("check ", kFixtures, "/draft.md"));
  INFO(r.out);
  CHECK(absl::StrContains(r.out, "draft.md:11:1: error: overstated"));
  CHECK(absl::StrContains(r.out, "draft.md:13:1: error: contradicted"));
  CHECK(absl::StrContains(r.out, "draft.md:18:1: warning: partly unsupported"));
  CHECK(absl::StrContains(r.out, "6 claims checked: 2 errors, 1 warning, 0 notes, 1 suppressed"));
  // Run inside the folder, sources named by its config file are shown
  // relative to the working directory, as linters print paths.
  ::claimdiff::testing::CliRun inside = ::claimdiff::testing::RunClaimdiff("check draft.md", "cd '" + kFixtures + "' &&");
  INFO(inside.out);
  CHECK(absl::StrContains(inside.out, "\n    = sources/agentur.md:12:1: "));
}

TEST_CASE("The seed articles as sources: overstated, contradicted, supported", "[check][cli][seeds]") {
  std::string shared = CLAIMDIFF_SHARED_DIR "/seeds";
  if (!std::filesystem::exists(shared + "/a_sz_2019-04-18.txt")) {
    WARN("../shared/seeds not present: skipped");
    return;
  }
  // Both seeds need their own publication dates: give them as Markdown with front matter.
  auto with_date = [](const std::string& path, const std::string& date, const std::string& name) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return TempFile(name, absl::StrCat("---\ndate: ", date, "\nlang: de\n---\n", text));
  };
  std::string a = with_date(shared + "/a_sz_2019-04-18.txt", "2019-04-18", "seed_a.md");
  std::string b = with_date(shared + "/b_2019-04-16.txt", "2019-04-16", "seed_b.md");
  auto draft = [](const std::string& sentence) {
    return TempFile("seed_draft.md", absl::StrCat("---\nlang: de\ndate: 2019-04-19\n---\n\n", sentence, "\n"));
  };
  {
    auto j = CheckJson(draft("Der Kreml hat bestätigt, dass sich Kim und Putin am 23. April in Wladiwostok treffen."),
                       a + " " + b);
    INFO(j.dump(2));
    CHECK(VerdictOfLine(j, 6) == "overstated");
    bool unconfirmed_evidence = false;
    for (const auto& f : j["findings"]) {
      for (const auto& e : f["evidence"]) {
        unconfirmed_evidence |= absl::StrContains(e["text"].get<std::string>(), "23. oder 24. April");
      }
    }
    CHECK(unconfirmed_evidence);
  }
  {
    auto j = CheckJson(draft("Kim und Putin treffen sich am 30. Mai in Peking."), a + " " + b);
    INFO(j.dump(2));
    CHECK(VerdictOfLine(j, 6) == "contradicted");
  }
  {
    auto j = CheckJson(draft("Putin und Kim wollen sich noch im April treffen."), a + " " + b);
    INFO(j.dump(2));
    CHECK(VerdictOfLine(j, 6) == "supported");
  }
}

}  // namespace
}  // namespace claimdiff
