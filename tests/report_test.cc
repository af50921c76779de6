// Unit tests of the report renderers on hand-built inputs
// (tests/testing/report_builders.h): escaping, widths, word differences,
// side-by-side rows, JSON schema and determinism.

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "claimdiff/report.h"
#include "nlohmann/json.hpp"
#include "report_common.h"
#include "testing/report_builders.h"

namespace claimdiff {
namespace {

using report_internal::HtmlEscape;
using report_internal::WordDiff;
using report_internal::WordTokens;
using testing::EnglishThreeSources;
using testing::GermanTwoSources;
using testing::ReportBuilder;

std::string Render(const ReportInput& input, ReportFormat format, int width = 100, bool color = false) {
  ReportOptions options;
  options.format = format;
  options.width = width;
  options.color = color;
  return RenderReport(input, options);
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

std::vector<std::string> Pieces(absl::string_view s, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const Span& sp : spans) out.emplace_back(s.substr(sp.start, sp.size()));
  return out;
}

TEST_CASE("HtmlEscape escapes the five special characters", "[report]") {
  CHECK(HtmlEscape("<script>alert('x')</script> & \"q\"") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  CHECK(HtmlEscape("Größe €") == "Größe €");
}

TEST_CASE("DisplayWidth counts terminal columns", "[report]") {
  struct Row {
    const char* text;
    int width;
  };
  const Row rows[] = {
      {"", 0},
      {"abc", 3},
      {"Größe", 5},           // precomposed umlauts
      {"Gro\xCC\x88sse", 6},  // o + combining diaeresis is one column
      {"日本", 4},            // East Asian wide
      {"ＡＢ", 4},            // fullwidth
      {"\xF0\x9F\x91\x8D", 2},  // emoji with emoji presentation
      {"a\u00A0b", 3},        // no-break space
  };
  for (const Row& row : rows) {
    INFO(row.text);
    CHECK(DisplayWidth(row.text) == row.width);
  }
}

TEST_CASE("WordTokens keeps numbers whole and splits punctuation", "[report]") {
  std::string s = "der 23. oder 24. April";
  CHECK(Pieces(s, WordTokens(s)) == std::vector<std::string>{"der", "23", ".", "oder", "24", ".", "April"});
  std::string en = "killing at least 10,000 people.";
  CHECK(Pieces(en, WordTokens(en)) == std::vector<std::string>{"killing", "at", "least", "10,000", "people", "."});
}

TEST_CASE("WordDiff marks whole words, never parts of numbers", "[report]") {
  std::string a = "Das Treffen ist für den 23. oder 24. April geplant.";
  std::string b = "Das Treffen ist für den 25. April geplant.";
  auto diff = WordDiff(a, b);
  auto only_a = Pieces(a, diff.only_a);
  auto only_b = Pieces(b, diff.only_b);
  INFO("only_a: " << ::Catch::Detail::stringify(only_a) << " only_b: " << ::Catch::Detail::stringify(only_b));
  // Every changed range starts and ends on a token boundary.
  auto tokens_a = WordTokens(a);
  for (const Span& r : diff.only_a) {
    CHECK(std::any_of(tokens_a.begin(), tokens_a.end(), [&](const Span& t) { return t.start == r.start; }));
    CHECK(std::any_of(tokens_a.begin(), tokens_a.end(), [&](const Span& t) { return t.end == r.end; }));
  }
  std::string joined_a;
  for (const std::string& p : only_a) joined_a += p + "|";
  CHECK(joined_a.find("23") != std::string::npos);
  CHECK(joined_a.find("oder") != std::string::npos);
  CHECK(joined_a.find("24") != std::string::npos);
  CHECK(only_b == std::vector<std::string>{"25"});

  auto same = WordDiff("Gleicher Satz.", "Gleicher Satz.");
  CHECK(same.only_a.empty());
  CHECK(same.only_b.empty());
}

TEST_CASE("BuildRows puts linked sentences in one row, in reading order", "[report]") {
  ReportBuilder b = GermanTwoSources();
  auto rows = report_internal::BuildRows(b.Input());
  // Every sentence and furniture span appears exactly once.
  size_t units = 0;
  for (const auto& row : rows) {
    for (const auto& cell : row.cells) units += cell.size();
  }
  size_t expected = 0;
  for (const auto& d : b.docs()) expected += d.seg.sentences.size() + d.seg.furniture.size();
  CHECK(units == expected);
  // Each link's sentences share a row that is marked aligned.
  for (const Link& l : b.alignment().links) {
    bool found = false;
    for (const auto& row : rows) {
      auto has = [&](int doc, int s) {
        return std::any_of(row.cells[doc].begin(), row.cells[doc].end(),
                           [&](const report_internal::Unit& u) { return u.sentence == s; });
      };
      if (has(l.doc_a, l.sentence_a) && has(l.doc_b, l.sentence_b)) found = row.aligned;
    }
    CHECK(found);
  }
  // Within each document the units keep their order.
  for (size_t d = 0; d < b.docs().size(); ++d) {
    size_t last = 0;
    for (const auto& row : rows) {
      for (const auto& u : row.cells[d]) {
        CHECK(u.span.start >= last);
        last = u.span.start;
      }
    }
  }
}

TEST_CASE("BuildRows keeps one sentence per document in a row when links fan out", "[report]") {
  ReportBuilder b("fan");
  int a = b.AddDoc("a", "A", "en", "", {"Alpha one.", "Alpha two.", "Alpha three."});
  int c = b.AddDoc("b", "B", "en", "", {"Beta one.", "Beta two.", "Beta three."});
  b.Link(a, "Alpha one", c, "Beta one", 0.5);
  b.Link(a, "Alpha one", c, "Beta two", 0.9);  // stronger: wins the row
  b.Link(a, "Alpha two", c, "Beta two", 0.4);
  b.Link(a, "Alpha three", c, "Beta three", 0.7);
  auto rows = report_internal::BuildRows(b.Input());
  int aligned = 0;
  for (const auto& row : rows) {
    for (const auto& cell : row.cells) CHECK(cell.size() <= 1);
    if (row.aligned) {
      ++aligned;
      int sa = row.cells[a][0].sentence, sb = row.cells[c][0].sentence;
      CHECK(((sa == 0 && sb == 1) || (sa == 2 && sb == 2)));
    }
  }
  CHECK(aligned == 2);
}

TEST_CASE("Text report fits the width and names every kind", "[report]") {
  ReportBuilder b = EnglishThreeSources();
  int width = GENERATE(40, 60, 80, 120, 200);
  std::string text = Render(b.Input(), ReportFormat::kText, width);
  INFO("width " << width << "\n" << text);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end - start);
    CHECK(DisplayWidth(line) <= width);
    start = end + 1;
  }
  CHECK(text.find("\x1b[") == std::string::npos);
  for (const char* label : {"contradict", "refine", "agree", "attribution differs", "only in"}) {
    CHECK(text.find(label) != std::string::npos);
  }
  CHECK(text.find("5.9 magnitude") != std::string::npos);  // normalized value shown
  CHECK(text.find("update") != std::string::npos);
}

TEST_CASE("Text report puts two sources side by side when wide enough", "[report]") {
  ReportBuilder b = GermanTwoSources();
  std::string wide = Render(b.Input(), ReportFormat::kText, 120);
  std::string narrow = Render(b.Input(), ReportFormat::kText, 40);
  // The column separator appears only side by side.
  CHECK(wide.find("\u2502") != std::string::npos);
  CHECK(narrow.find("\u2502") == std::string::npos);
  // One line shows both values of the contradiction.
  bool both = false;
  size_t start = 0;
  while (start < wide.size()) {
    size_t end = wide.find('\n', start);
    std::string line = wide.substr(start, end - start);
    both = both || (line.find("mindestens zwölf") != std::string::npos && line.find("acht") != std::string::npos);
    start = end + 1;
  }
  CHECK(both);
}

TEST_CASE("Text report uses colour only when asked", "[report]") {
  ReportBuilder b = GermanTwoSources();
  CHECK(Render(b.Input(), ReportFormat::kText, 100, false).find('\x1b') == std::string::npos);
  std::string colored = Render(b.Input(), ReportFormat::kText, 100, true);
  CHECK(colored.find("\x1b[1;31m") != std::string::npos);  // contradict
  CHECK(colored.find("contradict") != std::string::npos);   // still named
}

TEST_CASE("JSON report follows the documented schema", "[report]") {
  ReportBuilder b = EnglishThreeSources();
  std::string out = Render(b.Input(), ReportFormat::kJson);
  CHECK(Count(out, "\n") == 1);
  CHECK(out.back() == '\n');
  auto j = nlohmann::json::parse(out);
  CHECK(j["schema"] == kReportJsonSchema);
  CHECK(j["id"] == "en-tonga-quake");
  REQUIRE(j["documents"].size() == 3);
  CHECK(j["documents"][0]["source"] == "Coastal Herald");
  CHECK(j["documents"][0]["dct"] == "2025-03-05");
  CHECK(j["documents"][0]["lang"] == "en");
  CHECK(j["documents"][0]["furniture"].size() == 1);
  CHECK(j["documents"][0]["statements"].size() == j["documents"][0]["sentences"].size());
  CHECK(j["links"].size() == b.alignment().links.size());
  REQUIRE(j["findings"].size() == b.comparison().findings.size());
  std::set<std::string> kinds;
  for (const auto& f : j["findings"]) {
    kinds.insert(f["kind"].get<std::string>());
    CHECK(f.contains("slot"));
    CHECK(f.contains("reason"));
    for (const auto& v : f["values"]) {
      const auto& doc = j["documents"][v["doc"].get<int>()];
      // The value as written is the text at its span.
      std::string text;
      for (const auto& s : doc["sentences"]) {
        if (s["start"] <= v["start"] && v["end"] <= s["end"]) {
          text = s["text"].get<std::string>().substr(v["start"].get<size_t>() - s["start"].get<size_t>(),
                                                     v["end"].get<size_t>() - v["start"].get<size_t>());
        }
      }
      CHECK(text == v["written"].get<std::string>());
    }
    REQUIRE(!f["evidence"].empty());
    for (const auto& e : f["evidence"]) {
      CHECK(e.size() == 3);
      CHECK(e.contains("doc"));
      CHECK(e["start"] < e["end"]);
    }
  }
  CHECK(kinds == std::set<std::string>{"contradict", "refine", "agree", "attribution_differs", "only_in"});
  CHECK(j["summary"]["contradict"] == 2);
  // Links are sorted and findings point at the right one.
  for (size_t i = 1; i < j["links"].size(); ++i) {
    auto key = [&](size_t k) {
      const auto& l = j["links"][k];
      return std::make_tuple(l["a"]["doc"].get<int>(), l["a"]["sentence"].get<int>(), l["b"]["doc"].get<int>(),
                             l["b"]["sentence"].get<int>());
    };
    CHECK(key(i - 1) <= key(i));
  }
}

TEST_CASE("Reports do not depend on the order of findings and links", "[report]") {
  ReportBuilder b = GermanTwoSources();
  std::vector<std::string> before;
  for (ReportFormat f : {ReportFormat::kText, ReportFormat::kJson, ReportFormat::kHtml}) {
    before.push_back(Render(b.Input(), f));
  }
  std::mt19937 rng(7);
  for (int round = 0; round < 3; ++round) {
    std::shuffle(b.comparison().findings.begin(), b.comparison().findings.end(), rng);
    std::shuffle(b.alignment().links.begin(), b.alignment().links.end(), rng);
    size_t i = 0;
    for (ReportFormat f : {ReportFormat::kText, ReportFormat::kJson, ReportFormat::kHtml}) {
      CHECK(Render(b.Input(), f) == before[i++]);
    }
  }
}

TEST_CASE("HTML report escapes the articles", "[report]") {
  ReportBuilder b = GermanTwoSources();
  b.docs()[0].doc.source = "Abendblatt <b>Nord</b>";
  b.comparison().findings[0].reason = "reason with </li><script>x()</script>";
  std::string html = Render(b.Input(), ReportFormat::kHtml);
  // Our one script element only; the article's shows as text.
  CHECK(Count(html, "<script") == 1);
  CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; mehr.") != std::string::npos);
  CHECK(html.find("&lt;/li&gt;&lt;script&gt;x()") != std::string::npos);
  CHECK(html.find("<b>Nord</b>") == std::string::npos);
  CHECK(html.find("Abendblatt &lt;b&gt;Nord&lt;/b&gt;") != std::string::npos);
  // Self-contained: nothing is fetched.
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find(" src=") == std::string::npos);
}

TEST_CASE("HTML report has findings, filters, landmarks and marks", "[report]") {
  ReportBuilder b = GermanTwoSources();
  std::string html = Render(b.Input(), ReportFormat::kHtml);
  CHECK(Count(html, "<li class=\"finding ") == b.comparison().findings.size());
  for (const char* kind : {"agree", "refine", "contradict", "certainty_differs", "attribution_differs", "only_in"}) {
    INFO(kind);
    CHECK(html.find(std::string("<input type=\"checkbox\" checked data-kind=\"") + kind + "\"") != std::string::npos);
  }
  // Kinds are labelled and carry an icon, not only a colour.
  CHECK(html.find("aria-hidden=\"true\">\u2717</span> contradict</span>") != std::string::npos);
  for (const char* landmark : {"<main>", "<header", "<footer", "aria-labelledby=\"findings-h\"", "<h1>", "<h2"}) {
    CHECK(html.find(landmark) != std::string::npos);
  }
  // Normalized values on hover.
  CHECK(html.find("<mark class=\"ent ent-time\" title=\"time: 2024-05-15 = 2024-05-15\">am Mittwoch</mark>") !=
        std::string::npos);
  CHECK(html.find("title=\"place: Saxony") != std::string::npos);
  // Furniture is shown, greyed and labelled.
  CHECK(html.find("<p class=\"furn\"") != std::string::npos);
  CHECK(html.find("(Foto: dpa)") != std::string::npos);
  // Word differences between the aligned statements.
  CHECK(html.find("<span class=\"chg\">") != std::string::npos);
  // Two sources: no claim matrix; dark mode and print styles present.
  CHECK(html.find("id=\"matrix\"") == std::string::npos);
  CHECK(html.find("prefers-color-scheme: dark") != std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
}

TEST_CASE("HTML report shows a claim matrix for three sources", "[report]") {
  ReportBuilder b = EnglishThreeSources();
  std::string html = Render(b.Input(), ReportFormat::kHtml);
  REQUIRE(html.find("id=\"matrix\"") != std::string::npos);
  size_t matrix = html.find("<table class=\"matrix\">");
  size_t end = html.find("</table>", matrix);
  std::string table = html.substr(matrix, end - matrix);
  CHECK(Count(table, "<tr data-kind=") == b.comparison().findings.size());
  CHECK(Count(table, "<th scope=\"col\">") == 4);  // claim + three sources
  CHECK(table.find("title=\"5.9 magnitude\">5.9</span>") != std::string::npos);
  CHECK(table.find("aria-label=\"not mentioned\"") != std::string::npos);
  CHECK(html.find("Nuku&#39;alofa") != std::string::npos);
}

TEST_CASE("Reports survive out-of-range spans and invalid UTF-8", "[report]") {
  ReportBuilder b = GermanTwoSources();
  b.docs()[1].doc.text += "\xff\xfe";
  b.docs()[1].seg.sentences.push_back({{b.docs()[1].doc.text.size() - 2, b.docs()[1].doc.text.size() + 50}, 9, false});
  b.comparison().findings[0].evidence.push_back({1, {5000, 6000}});
  b.comparison().findings[0].values[0].written = "bad \xc3";
  for (ReportFormat f : {ReportFormat::kText, ReportFormat::kJson, ReportFormat::kHtml}) {
    std::string out = Render(b.Input(), f);
    CHECK(report_internal::ValidUtf8(out) == out);
  }
  CHECK_NOTHROW(nlohmann::json::parse(Render(b.Input(), ReportFormat::kJson)));
}

TEST_CASE("Reports show numbers far outside the integer range", "[report]") {
  // Found by pipeline_fuzzer: a 38-digit figure reached an int64_t conversion.
  ReportBuilder b("huge");
  b.AddDoc("a", "A", "en", "", {"There were 66666666666666666666666666666666666666 visitors."});
  b.AddDoc("b", "B", "en", "", {"There were -1e300 visitors."});
  b.AddQuantity(0, "66666666666666666666666666666666666666", 6.66667e37, "visitors");
  b.AddQuantity(1, "-1e300", -1e300, "visitors");
  std::string html = Render(b.Input(), ReportFormat::kHtml);
  CHECK(html.find("number: 6.66667e+37 visitors") != std::string::npos);
  CHECK(html.find("number: -1e+300 visitors") != std::string::npos);
}

TEST_CASE("Reports of an empty comparison", "[report]") {
  ReportBuilder b("empty");
  b.AddDoc("a", "A", "en", "", {"One sentence."});
  b.AddDoc("b", "B", "en", "", {"Another sentence."});
  ReportInput input = b.Input();
  input.comparison = nullptr;
  input.alignment = nullptr;
  CHECK(Render(input, ReportFormat::kText).find("No findings.") != std::string::npos);
  auto j = nlohmann::json::parse(Render(input, ReportFormat::kJson));
  CHECK(j["findings"].empty());
  CHECK(j["links"].empty());
  CHECK(j["documents"][0]["dct"].is_null());
  CHECK(Render(input, ReportFormat::kHtml).find("No findings") != std::string::npos);
}

}  // namespace
}  // namespace claimdiff
