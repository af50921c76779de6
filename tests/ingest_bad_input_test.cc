// The matrix of bad inputs: each gives a clear message naming the file and
// the place, through ReadInput and through the claimdiff binary (exit 2).

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "claimdiff/ingest.h"
#include "ingest_testing.h"

namespace claimdiff {
namespace {

using testing::FixturePath;
using testing::RunCli;
using testing::ShellQuote;
using testing::TempDir;

std::string Utf16LeWithBom(const std::u16string& s) {
  std::string out = "\xFF\xFE";
  for (char16_t c : s) {
    out.push_back(static_cast<char>(c & 0xFF));
    out.push_back(static_cast<char>(c >> 8));
  }
  return out;
}

struct BadInput {
  const char* name;       // Case name, also the file name.
  std::string bytes;      // File contents.
  std::string flags;      // Extra CLI flags.
  std::vector<std::string> expected;  // Substrings of the message (after the file name).
  absl::StatusCode code = absl::StatusCode::kInvalidArgument;
  bool cli = true;  // Also an error for the binary (an empty JSON Lines stream is not).
};

std::vector<BadInput> Matrix() {
  std::string deep_ok;  // Not an error: handled in ingest_test.cc.
  return {
      {"invalid_utf8.txt", "Gut.\nAbc \xC3\x28 def.\n", "", {"invalid UTF-8 at byte offset 9", "line 2, column 5"}},
      {"utf16_bom.txt", Utf16LeWithBom(u"Grüße aus Köln."), "",
       {"UTF-16", "byte order mark FF FE at byte offset 0", "--encoding UTF-16"}},
      {"latin1.txt", "Gr\xFC\xDF" "e aus K\xF6ln.\n", "",
       {"invalid UTF-8 at byte offset 2", "--encoding ISO-8859-1"}},
      {"nul.txt", std::string("Text\0mehr", 9), "", {"binary data", "NUL byte at byte offset 4"}},
      {"utf16_no_bom.txt", std::string("T\0e\0x\0t\0 \0h\0i\0e\0r\0", 18), "", {"NUL byte at byte offset 1", "UTF-16LE"}},
      {"empty.txt", "", "", {"empty input"}},
      {"bom_only.txt", "\xEF\xBB\xBF", "", {"empty input"}},
      {"blank.txt", "  \n\t\r\n \xC2\xA0 \n", "", {"only white space"}},
      {"blank.md", "<!-- nur ein Kommentar -->\n\n", "", {"no text found"}},
      {"no_text.html", "<html><head><title>T</title><script>var a=1;</script></head><body> </body></html>", "",
       {"no text found"}},
      {"malformed.jsonl", "{\"id\": \"a\", \"text\": \"Gut.\"}\n{\"id\": \"b\", \"text\": Schlecht}\n", "",
       {":2: malformed JSON", "column 21"}},
      {"truncated.jsonl", "{\"id\": \"a\", \"text\": \"abgeschnit", "", {":1: malformed JSON"}},
      {"not_object.jsonl", "[1, 2]\n", "", {":1: a record must be a JSON object"}},
      {"no_text.jsonl", "{\"id\": \"a\", \"body\": \"x\"}\n", "", {":1: a record needs \"text\""}},
      {"text_not_string.jsonl", "{\"id\": \"a\", \"text\": 5}\n", "", {":1: document \"a\": field \"text\" must be a string"}},
      {"empty_text.jsonl", "{\"id\": \"a\", \"text\": \"\"}\n", "", {":1: document \"a\": empty \"text\""}},
      {"blank_text.jsonl", "{\"id\": \"a\", \"text\": \" \\n \"}\n", "", {":1: document \"a\"", "only white space"}},
      {"bad_dct.jsonl", "{\"id\": \"a\", \"text\": \"x\", \"dct\": \"gestern\"}\n", "", {":1: document \"a\": field \"dct\""}},
      {"bad_docs.jsonl", "{\"id\": \"c\", \"docs\": {}}\n", "", {":1: field \"docs\" must be an array"}},
      {"bad_doc_in_cluster.jsonl", "{\"id\": \"c\", \"docs\": [{\"id\": \"x\", \"text\": \"ok\"}, {\"id\": \"y\"}]}\n",
       "", {":1: document \"y\": no \"text\" field"}},
      {"invalid_utf8.jsonl", "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"\xFF\"}\n", "",
       {":2: invalid UTF-8 at column 22"}},
      {"blank_lines.jsonl", "\n  \n\n", "", {"no JSON Lines records"}, absl::StatusCode::kInvalidArgument, false},
      {"bad_encoding.txt", "abc", "--encoding no-such-charset", {"unknown encoding 'no-such-charset'"}},
      {"bad_utf16.txt", std::string("\xFF\xFE\x41\x00\x00\xD8\x42\x00", 8), "--encoding UTF-16",
       {"not valid UTF-16 at byte offset"}},
  };
}

IngestOptions OptionsFor(const BadInput& c) {
  IngestOptions options;
  const std::string flag = "--encoding ";
  if (absl::StartsWith(c.flags, flag)) options.encoding = c.flags.substr(flag.size());
  return options;
}

TEST_CASE("Bad inputs through ReadInput", "[ingest]") {
  TempDir dir;
  for (const BadInput& c : Matrix()) {
    const std::string path = dir.Write(c.name, c.bytes);
    auto result = ReadInput(path, OptionsFor(c));
    INFO(c.name << ": " << result.status().ToString());
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().code() == c.code);
    const std::string message(result.status().message());
    // The message names the file (except a bad --encoding, which names the flag).
    if (c.flags.empty()) CHECK(absl::StartsWith(message, path));
    for (const std::string& part : c.expected) CHECK(absl::StrContains(message, part));
  }
}

TEST_CASE("Bad inputs through the claimdiff binary exit with status 2", "[ingest][cli]") {
  TempDir dir;
  for (const BadInput& c : Matrix()) {
    if (!c.cli) continue;
    const std::string path = dir.Write(c.name, c.bytes);
    auto result = RunCli("segment " + c.flags + " " + ShellQuote(path));
    INFO(c.name << ": " << result.errors);
    CHECK(result.status == 2);
    for (const std::string& part : c.expected) CHECK(absl::StrContains(result.errors, part));
    if (absl::EndsWith(c.name, ".jsonl")) {
      // Batch mode: the bad record is answered by an error object on its
      // line; good records before and after are answered too.
      CHECK(absl::StrContains(result.output, "\"error\""));
    } else {
      CHECK(result.output.empty());
    }
  }
}

TEST_CASE("Missing file, directory and too large input", "[ingest]") {
  TempDir dir;
  const std::string missing = dir.Path("nicht_da.txt");
  auto result = ReadInput(missing, {});
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == absl::StatusCode::kNotFound);
  CHECK(result.status().message() == missing + ": no such file");
  auto jsonl = ReadInput(dir.Path("nicht_da.jsonl"), {});
  CHECK(jsonl.status().code() == absl::StatusCode::kNotFound);

  auto cli = RunCli("segment " + ShellQuote(missing));
  CHECK(cli.status == 2);
  CHECK(absl::StrContains(cli.errors, missing + ": no such file"));

  auto is_dir = ReadInput(dir.Path(""), {});
  REQUIRE_FALSE(is_dir.ok());
  CHECK(absl::StrContains(is_dir.status().message(), "is a directory"));

  IngestOptions small;
  small.max_bytes = 100;
  const std::string big = dir.Write("big.txt", std::string(101, 'a'));
  auto too_large = ReadInput(big, small);
  REQUIRE_FALSE(too_large.ok());
  CHECK(absl::StrContains(too_large.status().message(), big + ": input too large (101 bytes; the limit is 100"));
  const std::string big_line = dir.Write("big.jsonl", "{\"id\": \"a\", \"text\": \"" + std::string(200, 'a') + "\"}\n");
  auto line_too_long = ReadInput(big_line, small);
  REQUIRE_FALSE(line_too_long.ok());
  CHECK(absl::StrContains(line_too_long.status().message(), big_line + ":1: line too long"));
}

TEST_CASE("Good inputs through the binary: stdin, --jsonl, --lenient, --encoding", "[ingest][cli]") {
  TempDir dir;
  // Plain text on standard input.
  auto text = RunCli("segment -", FixturePath("de_bericht.txt"));
  CHECK(text.status == 0);
  CHECK(absl::StrContains(text.output, "\"id\":\"stdin\""));
  // JSON Lines on standard input needs --jsonl.
  auto jsonl = RunCli("segment --jsonl -", FixturePath("cluster.jsonl"));
  CHECK(jsonl.status == 0);
  CHECK(absl::StrContains(jsonl.output, "\"id\":\"c1\""));
  CHECK(absl::StrContains(jsonl.output, "\"id\":\"solo\""));
  // Invalid UTF-8 with --lenient: a warning naming the file, exit 0.
  const std::string bad = dir.Write("bad.txt", "Gr\xFC\xDF" "e aus K\xF6ln.\n");
  auto lenient = RunCli("segment --lenient " + ShellQuote(bad));
  CHECK(lenient.status == 0);
  CHECK(absl::StrContains(lenient.errors, "warning"));
  CHECK(absl::StrContains(lenient.errors, "replaced 3 invalid UTF-8"));
  auto latin1 = RunCli("segment --encoding ISO-8859-1 " + ShellQuote(bad));
  CHECK(latin1.status == 0);
  CHECK(latin1.errors.empty());
  // Deep HTML through the binary.
  std::string html = "<p>Oben.</p>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "Unten steht ein Satz.";
  const std::string deep = dir.Write("deep.html", html);
  auto deep_run = RunCli("segment " + ShellQuote(deep));
  CHECK(deep_run.status == 0);
  CHECK(absl::StrContains(deep_run.errors, "nested deeper"));
}

TEST_CASE("An unknown language code is reported with exit status 2", "[ingest][cli]") {
  auto result = RunCli("segment --lang xx " + ShellQuote(FixturePath("de_bericht.txt")));
  INFO(result.errors);
  CHECK(result.status == 2);
  CHECK(absl::StrContains(result.errors, "xx"));
}

}  // namespace
}  // namespace claimdiff
