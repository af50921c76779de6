// The bad-input matrix of issue 7 through the claimdiff binary, for every
// subcommand that reads documents: each bad input gives a message naming the
// file and the place and exit status 2; huge and deep inputs are answered
// without a crash or a hang; a failure never touches an existing output file.
// (tests/ingest_bad_input_test.cc checks the ingest messages in detail,
// through ReadInput and `segment`; this file covers the other subcommands,
// sizes, and output paths.)

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "ingest_testing.h"
#include "nlohmann/json.hpp"

namespace claimdiff {
namespace {

using testing::FixturePath;
using testing::ReadFileBytes;
using testing::RunCli;
using testing::ShellQuote;
using testing::TempDir;

// A good English document, to pair with a bad one (compare and align read
// several files as one cluster).
const std::string kGood = "The quake struck on Sunday. At least 10 people were killed.\n";

struct Case {
  const char* name;   // File name (the extension picks the format).
  std::string bytes;  // Contents.
  std::vector<std::string> expected;  // Substrings of standard error, after the path.
};

std::vector<Case> Matrix() {
  return {
      {"invalid_utf8.txt", "Gut.\nAbc \xC3\x28 def.\n", {"invalid UTF-8 at byte offset 9", "line 2"}},
      {"utf16_bom.txt", std::string("\xFF\xFE" "G\0u\0t\0.\0", 10), {"UTF-16", "byte offset 0"}},
      {"latin1.txt", "Gr\xFC\xDF" "e aus K\xF6ln.\n", {"invalid UTF-8 at byte offset 2", "--encoding"}},
      {"nul.txt", std::string("Text\0mehr", 9), {"NUL byte at byte offset 4"}},
      {"empty.txt", "", {"empty input"}},
      {"blank.txt", " \n\t\r\n  \n", {"only white space"}},
  };
}

// Every subcommand that reads documents, with the arguments it needs
// around the bad file.
struct Subcommand {
  const char* name;
  bool needs_second_file;  // compare and align: a cluster of two files.
};
const Subcommand kSubcommands[] = {{"segment", false}, {"extract", false}, {"align", true}, {"compare", true}};

TEST_CASE("Each bad file gives its message naming the file and exit 2, in every subcommand", "[cli][bad]") {
  TempDir dir;
  const std::string good = dir.Write("good.txt", kGood);
  for (const Case& c : Matrix()) {
    const std::string path = dir.Write(c.name, c.bytes);
    for (const Subcommand& sub : kSubcommands) {
      std::string args = absl::StrCat(sub.name, " --lang en ", ShellQuote(path));
      if (sub.needs_second_file) absl::StrAppend(&args, " ", ShellQuote(good));
      auto r = RunCli(args);
      INFO(c.name << " through " << sub.name << ": " << r.errors);
      CHECK(r.status == 2);
      CHECK(absl::StrContains(r.errors, path + ": "));
      for (const std::string& part : c.expected) CHECK(absl::StrContains(r.errors, part));
      CHECK(r.output.empty());
    }
  }
}

TEST_CASE("Malformed, truncated and unknown-language JSON Lines are answered in-band", "[cli][bad]") {
  TempDir dir;
  nlohmann::json ok1 = {{"id", "ok-1"}, {"lang", "en"}, {"text", kGood}};
  nlohmann::json ok2 = {{"id", "ok-2"}, {"lang", "en"}, {"text", kGood}};
  nlohmann::json cluster = {{"id", "c-ok"}, {"docs", {ok1, ok2}}};
  nlohmann::json tlh = {{"id", "c-tlh"}, {"docs", {ok1, {{"id", "k"}, {"lang", "tlh"}, {"text", "Qapla'."}}}}};
  const std::string input = dir.Write(
      "mixed.jsonl", absl::StrCat(cluster.dump(), "\n", "{\"id\": \"c-bad\", \"docs\": [oops]}\n", tlh.dump(), "\n",
                                  cluster.dump(), "\n", "{\"id\": \"c-cut\", \"docs\": [{\"id\": \"x\", \"te"));
  struct Expect {
    int line;
    std::string message;
  };
  const Expect errors[] = {{2, "malformed JSON"}, {3, "unknown language 'tlh'"}, {5, "malformed JSON"}};
  for (const char* sub : {"segment", "extract", "align", "compare --format json"}) {
    auto r = RunCli(absl::StrCat(sub, " ", ShellQuote(input)));
    INFO(sub << ": " << r.errors);
    CHECK(r.status == 2);
    std::vector<std::string> lines = absl::StrSplit(r.output, '\n', absl::SkipEmpty());
    REQUIRE(lines.size() == 5);
    for (const Expect& e : errors) {
      INFO("line " << e.line << ": " << lines[e.line - 1]);
      auto j = nlohmann::json::parse(lines[e.line - 1]);
      REQUIRE(j.contains("error"));
      CHECK(j["error"]["where"] == absl::StrCat(input, ":", e.line));
      CHECK(absl::StrContains(j["error"]["message"].get<std::string>(), e.message));
      CHECK(absl::StrContains(r.errors, absl::StrCat(input, ":", e.line, ": ")));
    }
    CHECK(nlohmann::json::parse(lines[2])["id"] == "c-tlh");
    for (int good_line : {1, 4}) {
      auto j = nlohmann::json::parse(lines[good_line - 1]);
      CHECK_FALSE(j.contains("error"));
      CHECK(j["id"] == "c-ok");
    }
  }
}

TEST_CASE("An unknown --lang is refused by every subcommand", "[cli][bad]") {
  TempDir dir;
  const std::string a = dir.Write("a.txt", kGood);
  const std::string b = dir.Write("b.txt", kGood);
  for (const char* sub : {"segment", "extract", "align", "compare"}) {
    auto r = RunCli(absl::StrCat(sub, " --lang xx ", ShellQuote(a), " ", ShellQuote(b)));
    INFO(sub << ": " << r.errors);
    CHECK(r.status == 2);
    CHECK(absl::StrContains(r.errors, "'xx'"));
  }
}

TEST_CASE("A missing file is named, in every subcommand", "[cli][bad]") {
  TempDir dir;
  const std::string good = dir.Write("good.txt", kGood);
  const std::string missing = dir.Path("nicht_da.txt");
  for (const Subcommand& sub : kSubcommands) {
    std::string args = absl::StrCat(sub.name, " --lang en ", ShellQuote(good), " ", ShellQuote(missing));
    auto r = RunCli(args);
    INFO(sub.name << ": " << r.errors);
    CHECK(r.status == 2);
    CHECK(absl::StrContains(r.errors, missing + ": no such file"));
  }
}

TEST_CASE("A 200 MB file is refused by default, or read whole with its fault at the right offset", "[cli][bad]") {
  TempDir dir;
  const size_t size = size_t{200} << 20;
  // 200 MB of short lines, one invalid byte at the very end.
  const std::string path = dir.Path("huge.txt");
  {
    std::string line = "Ein Satz. ";
    line.resize(99, 'x');
    line += '\n';
    std::ofstream out(path, std::ios::binary);
    std::string block;
    for (int i = 0; i < 10000; ++i) block += line;  // 1 MB.
    for (size_t written = 0; written + block.size() <= size - 1; written += block.size()) out << block;
    const size_t have = static_cast<size_t>(out.tellp());
    out << std::string(size - 1 - have, 'y') << '\xFF';
  }
  REQUIRE(std::filesystem::file_size(path) == size);
  // Over the default --max-bytes: refused before reading, with its size.
  auto refused = RunCli("segment " + ShellQuote(path));
  INFO(refused.errors);
  CHECK(refused.status == 2);
  CHECK(absl::StrContains(refused.errors, absl::StrCat(path, ": input too large (", size, " bytes")));
  CHECK(refused.output.empty());
  // With a larger limit it is read whole, and the bad byte found at the end.
  auto r = RunCli("segment --max-bytes 300000000 " + ShellQuote(path));
  INFO(r.errors);
  CHECK(r.status == 2);
  CHECK(absl::StrContains(r.errors, absl::StrCat(path, ": invalid UTF-8 at byte offset ", size - 1)));
  CHECK(r.output.empty());
}

TEST_CASE("A single line of 1 MB is segmented, as a file and as a JSON Lines record", "[cli][bad]") {
  TempDir dir;
  std::string words;
  while (words.size() < (size_t{1} << 20)) words += "und noch ein Wort ";
  const std::string file = dir.Write("line.txt", words + "\n");
  auto r = RunCli("segment --lang de " + ShellQuote(file));
  INFO(r.errors);
  CHECK(r.status == 0);
  REQUIRE(std::count(r.output.begin(), r.output.end(), '\n') == 1);
  CHECK(nlohmann::json::parse(r.output)["sentences"].size() >= 1);

  nlohmann::json rec = {{"id", "big"}, {"lang", "de"}, {"text", words}};
  const std::string jsonl = dir.Write("line.jsonl", rec.dump() + "\n");
  auto j = RunCli("extract " + ShellQuote(jsonl));
  INFO(j.errors);
  CHECK(j.status == 0);
  REQUIRE(std::count(j.output.begin(), j.output.end(), '\n') == 1);
  CHECK(nlohmann::json::parse(j.output)["id"] == "big");
}

TEST_CASE("HTML nested 100,000 deep is answered by every subcommand", "[cli][bad]") {
  TempDir dir;
  std::string html = "<html><body><p>The quake struck on Sunday.</p>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "At least 10 people were killed.";
  const std::string deep = dir.Write("deep.html", html);
  const std::string good = dir.Write("good.txt", kGood);
  for (const Subcommand& sub : kSubcommands) {
    std::string args = absl::StrCat(sub.name, " --lang en ", ShellQuote(deep));
    if (sub.needs_second_file) absl::StrAppend(&args, " ", ShellQuote(good));
    auto r = RunCli(args);
    INFO(sub.name << ": " << r.errors);
    CHECK(r.status <= 1);
    CHECK(absl::StrContains(r.errors, deep + ": "));  // The warning names the file.
    CHECK_FALSE(r.output.empty());
  }
}

// Files in `dir` other than `keep`.
std::vector<std::string> Leftovers(const std::string& dir, const std::string& keep) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename() != keep) out.push_back(e.path().filename().string());
  }
  return out;
}

TEST_CASE("An unwritable output path is named; a good output file survives a failure", "[cli][bad]") {
  TempDir dir;
  const std::string a = dir.Write("a.txt", kGood);
  const std::string b = dir.Write("b.txt", "Rescuers searched on Monday. Officials said 12 people died.\n");
  const std::string bad = dir.Write("bad.txt", "Gr\xFC\xDF" "e\n");
  const std::string not_a_dir = dir.Write("plain_file", "x");

  for (const Subcommand& sub : kSubcommands) {
    // The parent of the output is a file, or does not exist.
    for (const std::string& target : {not_a_dir + "/out.json", dir.Path("no/such/dir/out.json")}) {
      auto r = RunCli(absl::StrCat(sub.name, " --lang en ", ShellQuote(a), " ", ShellQuote(b), " -o ",
                                   ShellQuote(target)));
      INFO(sub.name << " -o " << target << ": " << r.errors);
      CHECK(r.status == 2);
      CHECK(absl::StrContains(r.errors, target + ": cannot write output"));
    }
  }

  TempDir out_dir;
  const std::string out = out_dir.Write("report.json", "GOOD OLD REPORT\n");
  for (const Subcommand& sub : kSubcommands) {
    // The bad file comes after a good one: the failure happens mid-run.
    for (const std::string& failing : {bad, dir.Path("missing.txt")}) {
      auto r = RunCli(absl::StrCat(sub.name, " --lang en ", ShellQuote(a), " ", ShellQuote(failing), " -o ",
                                   ShellQuote(out)));
      INFO(sub.name << " with " << failing << ": " << r.errors);
      CHECK(r.status == 2);
      CHECK(absl::StrContains(r.errors, failing + ": "));
      CHECK(ReadFileBytes(out) == "GOOD OLD REPORT\n");
      CHECK(Leftovers(out_dir.Path(""), "report.json").empty());  // No temporary file left.
    }
    // And a good run replaces it whole.
    auto ok = RunCli(absl::StrCat(sub.name, " --lang en ", ShellQuote(a), " ", ShellQuote(b), " -o ", ShellQuote(out)));
    INFO(sub.name << ": " << ok.errors);
    CHECK(ok.status <= 1);
    CHECK(ReadFileBytes(out) != "GOOD OLD REPORT\n");
    CHECK(Leftovers(out_dir.Path(""), "report.json").empty());
    std::ofstream(out, std::ios::binary | std::ios::trunc) << "GOOD OLD REPORT\n";
  }
}

}  // namespace
}  // namespace claimdiff
