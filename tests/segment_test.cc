// Tests of the segment stage: the fix-up pass as a pure function over break
// offsets, sentence tables per phenomenon, golden fixtures
// (fixtures/segment/<case>.txt -> <case>.expected.jsonl), the span
// invariants over every fixture and every evaluation file, thread safety,
// and the command line on bad input.
//
// CLAIMDIFF_UPDATE_GOLDENS=1 rewrites the expected files instead of
// comparing; review the diff like code.

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "claimdiff/ingest.h"
#include "claimdiff/lexicon.h"
#include "claimdiff/segment.h"
#include "nlohmann/json.hpp"
#include "segment_layout.h"
#include "segment_rules.h"
#include "segment_text.h"

namespace claimdiff {
namespace {

namespace fs = std::filesystem;

const LexiconSet& Lexicons() {
  static const LexiconSet* set = new LexiconSet(CLAIMDIFF_LEXICON_DIR);
  return *set;
}

const Segmenter& SegmenterFor(const std::string& lang) {
  static std::map<std::string, std::unique_ptr<Segmenter>>* cache =
      new std::map<std::string, std::unique_ptr<Segmenter>>();
  auto& s = (*cache)[lang];
  if (!s) {
    auto lexicon = Lexicons().Get(lang);
    REQUIRE(lexicon.ok());
    auto created = Segmenter::Create(**lexicon);
    REQUIRE(created.ok());
    s = std::move(*created);
  }
  return *s;
}

Document MakeDoc(std::string text, std::string lang) {
  Document doc;
  doc.id = "test";
  doc.lang = std::move(lang);
  doc.text = std::move(text);
  return doc;
}

std::string Cut(absl::string_view text, const Span& s) {
  return std::string(text.substr(s.start, s.end - s.start));
}

// "First sentence. | Second one" (furniture left out).
std::string Sentences(absl::string_view text, absl::string_view lang) {
  const Document doc = MakeDoc(std::string(text), std::string(lang));
  const Segmentation seg = SegmenterFor(doc.lang).Segment(doc);
  std::vector<std::string> parts;
  for (const Sentence& s : seg.sentences) parts.push_back(Cut(doc.text, s.span));
  return absl::StrJoin(parts, " | ");
}

bool IsSpaceAt(absl::string_view text, size_t i, size_t* n) {
  return segment_internal::IsSpace(segment_internal::DecodeAt(text, i, n));
}

// The invariants every segmentation keeps; "" when they hold.
std::string CheckInvariants(absl::string_view text, const Segmentation& seg) {
  struct Unit {
    Span span;
    bool furniture;
  };
  std::vector<Unit> units;
  for (size_t i = 0; i < seg.sentences.size(); ++i) {
    if (i > 0 && seg.sentences[i].span.start < seg.sentences[i - 1].span.start) return "sentences not sorted";
    units.push_back({seg.sentences[i].span, false});
  }
  for (size_t i = 0; i < seg.furniture.size(); ++i) {
    if (i > 0 && seg.furniture[i].span.start < seg.furniture[i - 1].span.end) return "furniture overlaps";
    units.push_back({seg.furniture[i].span, true});
  }
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.span.start < b.span.start; });
  size_t covered = 0;
  for (const Unit& u : units) {
    const std::string what = absl::StrCat(u.furniture ? "furniture" : "sentence", " [", u.span.start, ", ",
                                          u.span.end, ")");
    if (u.span.empty() || u.span.end > text.size()) return absl::StrCat(what, " empty or out of range");
    if (u.span.start < covered) return absl::StrCat(what, " overlaps the unit before it");
    size_t n;
    if (!u.furniture) {
      if (IsSpaceAt(text, u.span.start, &n)) return absl::StrCat(what, " starts with white space");
      size_t st;
      if (segment_internal::IsSpace(segment_internal::DecodeBefore(text, u.span.end, &st))) {
        return absl::StrCat(what, " ends with white space");
      }
    }
    for (size_t i = covered; i < u.span.start; i += n) {
      if (!IsSpaceAt(text, i, &n)) return absl::StrCat("byte ", i, " is in no unit");
    }
    covered = u.span.end;
  }
  size_t n;
  for (size_t i = covered; i < text.size(); i += n) {
    if (!IsSpaceAt(text, i, &n)) return absl::StrCat("byte ", i, " is in no unit");
  }
  return "";
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The golden form of a segmentation: one JSON object per unit, by start.
std::string Dump(const Document& doc, const Segmentation& seg) {
  std::vector<std::pair<size_t, std::string>> lines;
  for (const Sentence& s : seg.sentences) {
    nlohmann::ordered_json j;
    j["unit"] = "sentence";
    j["span"] = {s.span.start, s.span.end};
    j["paragraph"] = s.paragraph;
    j["headline"] = s.headline;
    j["text"] = Cut(doc.text, s.span);
    lines.push_back({s.span.start, j.dump()});
  }
  for (const Furniture& f : seg.furniture) {
    nlohmann::ordered_json j;
    j["unit"] = "furniture";
    j["span"] = {f.span.start, f.span.end};
    j["reason"] = f.reason;
    j["text"] = Cut(doc.text, f.span);
    lines.push_back({f.span.start, j.dump()});
  }
  std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (const auto& l : lines) absl::StrAppend(&out, l.second, "\n");
  return out;
}

std::vector<fs::path> FixtureInputs() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(CLAIMDIFF_FIXTURES_DIR) / "segment")) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() == ".txt" && name.rfind("error_", 0) != 0) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string LangOf(const fs::path& fixture) { return fixture.filename().string().substr(0, 2); }

// Runs a command; returns its exit status and standard output.
int Run(const std::string& command, std::string* out) {
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out->append(buf, n);
  const int status = pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_CASE("JoinReason names the fix-up that removes an ICU break", "[segment]") {
  // The break is at "‸" (removed from the text before the call).
  struct Row {
    const char* lang;
    const char* text;
    const char* reason;  // "" = the break stays.
  };
  const Row rows[] = {
      // Ordinals before month names and after cue words
      {"de", "Er kam am 5. ‸März 2024.", "ordinal_month"},
      {"de", "zum 01. ‸Januar 2015", "ordinal_month"},
      {"de", "Er belegte den 3. ‸Platz.", "ordinal_cue"},
      {"de", "während des späten 15. ‸Jahrhunderts", "ordinal_noun"},
      {"de", "Er wurde 1990 Fünfter, 1994 Dritter und 1998 Zweiter. ‸Danach hörte er auf.", ""},
      // Abbreviations, multi-token and sentence-initial
      {"de", "Das gilt z. ‸B. in Berlin.", "abbreviation"},
      {"de", "Das gilt z. B. ‸In Berlin nicht.", "abbreviation"},
      {"de", "Laut Dr. ‸Müller ist das so.", "abbreviation"},
      {"de", "Z. ‸T. ist das so.", "abbreviation"},
      {"de", "Wir kaufen Brot usw. ‸Danach gehen wir.", ""},
      {"de", "Wir kaufen Brot usw. ‸danach nichts.", "abbreviation"},
      {"en", "He lives in the U.S. ‸He likes it.", ""},
      {"en", "He joined the U.S. ‸Army.", "abbreviation"},
      {"en", "It starts at 10 p.m. ‸Guests arrive late.", ""},
      // Initials and Roman numerals
      {"de", "J. ‸R. R. Tolkien", "initial"},
      {"en", "It was the I.V. ‸It was night.", ""},
      {"de", "Piloten des III. ‸Geschwaders", "roman_ordinal"},
      {"en", "He served in World War II. ‸The war changed him.", ""},
      // Lists, quotations, click letters, URLs
      {"en", "1. ‸The first item", "list_number"},
      {"en", "a) ‸here it is", "list_number"},
      {"en", "She works at Yahoo! ‸in accounting.", "exclamation_lower"},
      {"de", "„Hallo!“ ‸sagte sie.", "quoted_exclamation"},
      {"en", "He speaks !‸Xun.", "click_letter"},
      {"en", "see http://example.com/search?‸q=test", "inside_token"},
      {"en", "\"Bohr [...] used stairways [...]\" ‸(Smith 55).", "quote_parenthesis"},
      // Plain sentence ends stay
      {"de", "Er kam. ‸Sie ging.", ""},
      {"en", "The vote was 5. ‸The motion passed.", ""},
  };
  int failures = 0;
  for (const Row& row : rows) {
    INFO(row.lang << ": " << row.text);
    std::string text = row.text;
    const size_t pos = text.find("‸");
    REQUIRE(pos != std::string::npos);
    text.erase(pos, std::string("‸").size());
    auto lexicon = Lexicons().Get(row.lang);
    REQUIRE(lexicon.ok());
    auto rules = segment_internal::BuildSegmentRules(**lexicon);
    REQUIRE(rules.ok());
    const std::string got = segment_internal::JoinReason(text, 0, pos, *rules);
    CHECK(got == row.reason);
    if (got != row.reason) ++failures;
  }
  CHECK(failures == 0);
}

TEST_CASE("FixBreaks never removes a hard break and keeps order", "[segment]") {
  auto lexicon = Lexicons().Get("de");
  REQUIRE(lexicon.ok());
  auto rules = segment_internal::BuildSegmentRules(**lexicon);
  REQUIRE(rules.ok());
  const std::string text = "am 5. März kam er. Dr. Müller\nz. B. hier";
  const size_t maerz = text.find("März");
  const size_t mueller = text.find("Müller");
  const size_t line = text.find("z. B.");
  const size_t b = text.find("B. hier");
  using segment_internal::Break;
  const std::vector<Break> breaks = {{maerz, false}, {text.find("Dr."), false}, {mueller, false},
                                     {line, true},   {b, false}};
  const std::vector<size_t> kept = segment_internal::FixBreaks(text, breaks, *rules);
  CHECK(kept == std::vector<size_t>{text.find("Dr."), line});
}

TEST_CASE("Weak breaks: sentences ICU misses because they start without a capital", "[segment]") {
  const std::vector<size_t> weak = segment_internal::FindWeakBreaks("Sie war. 1987 kam er. Dann ging er. ja.");
  CHECK(weak == std::vector<size_t>{9, 36});
}

TEST_CASE("Quotations and inline lists are found from the text", "[segment]") {
  const std::string text = "Er sagte: „Wir kommen. Sicher.“ Dann ging er.";
  const auto quotes = segment_internal::FindQuotations(text, 2000);
  REQUIRE(quotes.size() == 1);
  CHECK(text.substr(quotes[0].first, quotes[0].second - quotes[0].first) == "„Wir kommen. Sicher.“");
  const std::string list = "Steps: 1.) Plan 2.) Eat 3.) Sleep. Not a list: am 1. und 2. März.";
  const auto markers = segment_internal::FindListMarkers(list);
  CHECK(markers == std::vector<size_t>{list.find("1.)"), list.find("2.)"), list.find("3.)")});
}

TEST_CASE("Quotations end at a blank line or when they run too long", "[segment]") {
  const std::string open = "Er sagte: „Wir kommen.\n\nDann ging er. „Gut.“ Ende.";
  const auto quotes = segment_internal::FindQuotations(open, 2000);
  REQUIRE(quotes.size() == 1);
  CHECK(open.substr(quotes[0].first, quotes[0].second - quotes[0].first) == "„Gut.“");
  const std::string spaced = "„Eins.\n \t\r\nZwei.“ und „Drei.\nVier.“";
  const auto across_lines = segment_internal::FindQuotations(spaced, 2000);
  REQUIRE(across_lines.size() == 1);
  CHECK(spaced.substr(across_lines[0].first) == "„Drei.\nVier.“");
  const std::string long_one = "„Ein sehr langes Zitat, das nie endet.“";
  CHECK(segment_internal::FindQuotations(long_one, 10).empty());
}

TEST_CASE("ByteScanner finds the same positions as a loop over every byte", "[segment]") {
  // Lengths around the 64-byte blocks; hits at the edges of blocks.
  for (size_t size : {0, 1, 2, 63, 64, 65, 127, 128, 129, 300}) {
    for (absl::string_view bytes : {absl::string_view("."), absl::string_view(".!?"), absl::string_view("\"'\xE2\xC2")}) {
      std::string text(size, 'a');
      for (size_t i = 0; i < size; ++i) {
        if (i % 7 == 0 || i % 64 == 63 || i % 64 == 0) text[i] = bytes[i % bytes.size()];
      }
      INFO("size " << size << ", bytes " << bytes);
      std::vector<size_t> expected;
      for (size_t i = 0; i < size; ++i) {
        if (bytes.find(text[i]) != absl::string_view::npos) expected.push_back(i);
      }
      segment_internal::ByteScanner scanner(text, bytes);
      std::vector<size_t> found;
      for (size_t i = scanner.Next(0); i < text.size(); i = scanner.Next(i + 1)) found.push_back(i);
      CHECK(found == expected);
      // From any position, also backwards.
      for (size_t from = size + 1; from-- > 0;) {
        auto it = std::lower_bound(expected.begin(), expected.end(), from);
        CHECK(scanner.Next(from) == (it == expected.end() ? size : *it));
      }
    }
  }
}

TEST_CASE("Segmenter splits sentences as news readers expect", "[segment]") {
  struct Row {
    const char* lang;
    const char* text;
    const char* expected;
  };
  const Row rows[] = {
      // The seed's date sentence
      {"de", "Als mögliche Termine wurden der 23. oder 24. April genannt. Bestätigt ist das aber nicht.",
       "Als mögliche Termine wurden der 23. oder 24. April genannt. | Bestätigt ist das aber nicht."},
      {"de", "Gebäude Nr. 5 brannte. Es kamen ca. 300 Menschen.",
       "Gebäude Nr. 5 brannte. | Es kamen ca. 300 Menschen."},
      {"de", "Foo, bar, baz, usw. Quux", "Foo, bar, baz, usw. | Quux"},
      {"de", "Foo, bar, baz, usw. quux", "Foo, bar, baz, usw. quux"},
      {"de", "Foo „Bar.“ Baz.", "Foo „Bar.“ | Baz."},
      {"de", "Foo »Bar.« Baz.", "Foo »Bar.« | Baz."},
      {"de", "Wir haben 1.000.000 Euro. Das reicht.", "Wir haben 1.000.000 Euro. | Das reicht."},
      // Headlines and kickers: a line without final punctuation is a unit
      {"de", "Nordkorea:Kim soll im April kommen\nDer Kreml bestätigte das.",
       "Kim soll im April kommen | Der Kreml bestätigte das."},
      {"de", "Ein Treffen könnte bald stattfinden\n\nDas teilte der Kreml mit.",
       "Ein Treffen könnte bald stattfinden | Das teilte der Kreml mit."},
      // Paragraph breaks are never crossed, even before a lower-case word
      {"de", "Er sagte\n\nnichts mehr.", "Er sagte | nichts mehr."},
      // English
      {"en", "Mr. Smith arrived. He left at 6 P.M. Travelers were warned.",
       "Mr. Smith arrived. | He left at 6 P.M. | Travelers were warned."},
      {"en", "The company was founded in 1990. 2005 was its best year.",
       "The company was founded in 1990. | 2005 was its best year."},
      {"en", "He was a martyr.[1] The emperor was not.", "He was a martyr.[1] | The emperor was not."},
      // Former bugs
      {"de", "Er arbeitete für die BBC. Über eine Zeile lachte er.",  // ICU's own de suppressions ("C.")
       "Er arbeitete für die BBC. | Über eine Zeile lachte er."},
      {"de", "Das ist in dem Eintrag zu lesen. Die Polizei schwieg.",  // "sen." as an ICU suffix match
       "Das ist in dem Eintrag zu lesen. | Die Polizei schwieg."},
      {"en", "They discussed their RFP. Bruce agreed.",  // "p." capitalized to "P."
       "They discussed their RFP. | Bruce agreed."},
  };
  int failures = 0;
  for (const Row& row : rows) {
    INFO(row.lang << ": " << row.text);
    const std::string got = Sentences(row.text, row.lang);
    CHECK(got == row.expected);
    if (got != row.expected) ++failures;
  }
  CHECK(failures == 0);
}

TEST_CASE("Headline flag marks units without final punctuation", "[segment]") {
  const Document doc = MakeDoc("Ein Treffen könnte bald stattfinden\n\nDas teilte der Kreml mit. „Gut.“", "de");
  const Segmentation seg = SegmenterFor("de").Segment(doc);
  REQUIRE(seg.sentences.size() == 3);
  CHECK(seg.sentences[0].headline);
  CHECK(!seg.sentences[1].headline);
  CHECK(!seg.sentences[2].headline);
  CHECK(seg.sentences[0].paragraph == 0);
  CHECK(seg.sentences[1].paragraph == 1);
}

TEST_CASE("Furniture from ingest is merged and never overlaps sentences", "[segment]") {
  Document doc = MakeDoc("---\ntitle: x\n---\nDer Text beginnt hier. Er endet dort.\n", "de");
  doc.furniture.push_back({{0, 17}, "front_matter"});
  const Segmentation seg = SegmenterFor("de").Segment(doc);
  REQUIRE(!seg.furniture.empty());
  CHECK(seg.furniture[0].reason == "front_matter");
  CHECK(Cut(doc.text, seg.sentences.at(0).span) == "Der Text beginnt hier.");
  CHECK(CheckInvariants(doc.text, seg).empty());
}

TEST_CASE("Segment fixtures match their expected output byte for byte", "[segment]") {
  const bool update = std::getenv("CLAIMDIFF_UPDATE_GOLDENS") != nullptr;
  const auto inputs = FixtureInputs();
  REQUIRE(inputs.size() >= 20);
  for (const fs::path& input : inputs) {
    INFO(input.string());
    const Document doc = MakeDoc(ReadFile(input), LangOf(input));
    const Segmentation seg = SegmenterFor(doc.lang).Segment(doc);
    CHECK(CheckInvariants(doc.text, seg).empty());
    const std::string got = Dump(doc, seg);
    fs::path expected = input;
    expected.replace_extension(".expected.jsonl");
    if (update) {
      std::ofstream(expected, std::ios::binary) << got;
      continue;
    }
    REQUIRE(fs::exists(expected));
    CHECK(got == ReadFile(expected));
  }
}

TEST_CASE("Span invariants hold on every evaluation and seed document", "[segment]") {
  const fs::path shared = CLAIMDIFF_SHARED_DIR;
  std::vector<fs::path> files;
  if (fs::exists(shared / "eval" / "segmentation")) {
    for (const auto& e : fs::directory_iterator(shared / "eval" / "segmentation")) {
      if (e.path().extension() == ".jsonl") files.push_back(e.path());
    }
  }
  if (fs::exists(shared / "seeds" / "seeds.jsonl")) files.push_back(shared / "seeds" / "seeds.jsonl");
  if (files.empty()) {
    WARN("no evaluation data under " << shared.string() << "; skipped");
    return;
  }
  int docs = 0;
  for (const fs::path& file : files) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      const nlohmann::json j = nlohmann::json::parse(line);
      std::vector<nlohmann::json> records = j.contains("docs") ? j["docs"].get<std::vector<nlohmann::json>>()
                                                               : std::vector<nlohmann::json>{j};
      for (const nlohmann::json& r : records) {
        const Document doc = MakeDoc(r["text"].get<std::string>(), r.value("lang", "de"));
        const std::string problem = CheckInvariants(doc.text, SegmenterFor(doc.lang).Segment(doc));
        INFO(file.filename().string() << " " << r["id"].get<std::string>());
        CHECK(problem == "");
        ++docs;
      }
    }
  }
  CHECK(docs > 100);
}

TEST_CASE("Seed A: dates, headline, bullets, teaser and furniture", "[segment]") {
  const fs::path seed = fs::path(CLAIMDIFF_SHARED_DIR) / "seeds" / "a_sz_2019-04-18.txt";
  if (!fs::exists(seed)) {
    WARN("no seed article at " << seed.string() << "; skipped");
    return;
  }
  const Document doc = MakeDoc(ReadFile(seed), "de");
  const Segmentation seg = SegmenterFor("de").Segment(doc);
  std::vector<std::string> sentences;
  for (const Sentence& s : seg.sentences) sentences.push_back(Cut(doc.text, s.span));
  auto has = [&](const std::string& s) { return std::find(sentences.begin(), sentences.end(), s) != sentences.end(); };
  CHECK(has("Als mögliche Termine wurden der 23. oder 24. April genannt."));
  CHECK(has("Kim Jong-un soll noch im April Putin besuchen"));
  CHECK(has("Im Verhältnis zwischen den USA und Nordkorea zeichnen sich unterdessen neue Spannungen ab."));
  std::vector<std::string> reasons;
  for (const Furniture& f : seg.furniture) reasons.push_back(f.reason + ":" + Cut(doc.text, f.span).substr(0, 20));
  const std::string all = absl::StrJoin(reasons, "|");
  INFO(all);
  CHECK(all.find("photo_credit:(Foto: dpa)") != std::string::npos);
  CHECK(all.find("navigation:Zur SZ-Startseite") != std::string::npos);
  CHECK(all.find("teaser:Konflikt") != std::string::npos);
  CHECK(all.find("navigation:Gutscheine:") != std::string::npos);
  for (const std::string& s : sentences) CHECK(s.find("Nordkorea meldet Waffentest") == std::string::npos);
  CHECK(CheckInvariants(doc.text, seg).empty());
}

TEST_CASE("Segment is const and gives the same result from several threads", "[segment]") {
  std::vector<Document> docs;
  for (const fs::path& input : FixtureInputs()) docs.push_back(MakeDoc(ReadFile(input), LangOf(input)));
  std::vector<std::string> expected;
  for (const Document& d : docs) expected.push_back(Dump(d, SegmenterFor(d.lang).Segment(d)));
  const Segmenter& de = SegmenterFor("de");
  const Segmenter& en = SegmenterFor("en");
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t]() {
      for (int round = 0; round < 5; ++round) {
        for (const Document& d : docs) {
          got[t].push_back(Dump(d, (d.lang == "de" ? de : en).Segment(d)));
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& g : got) {
    REQUIRE(g.size() == 5 * docs.size());
    for (size_t i = 0; i < g.size(); ++i) CHECK(g[i] == expected[i % docs.size()]);
  }
}

TEST_CASE("Bad segmentation data is reported with file and line", "[segment]") {
  auto table = ParseLexiconTable("# x\n# FORMAT: kind<TAB>text<TAB>reason\nshape\tfoo\tbar\n", "furniture",
                                 "xx/furniture.tsv");
  REQUIRE(table.ok());
  Lexicon lexicon("xx", "xx");
  lexicon.AddTable(*table);
  auto rules = segment_internal::BuildFurnitureRules(lexicon);
  REQUIRE(!rules.ok());
  CHECK(std::string(rules.status().message()).rfind("xx/furniture.tsv:3: unknown kind", 0) == 0);

  auto bad_pattern = ParseLexiconTable("pattern\t(unclosed\tphoto_credit\n", "furniture", "xx/furniture.tsv");
  REQUIRE(bad_pattern.ok());
  Lexicon lexicon2("xx", "xx");
  lexicon2.AddTable(*bad_pattern);
  CHECK(!segment_internal::BuildFurnitureRules(lexicon2).ok());

  auto abbreviations = ParseLexiconTable("Dr.\tsometimes\n", "abbreviations", "xx/abbreviations.tsv");
  REQUIRE(abbreviations.ok());
  Lexicon lexicon3("xx", "xx");
  lexicon3.AddTable(*abbreviations);
  auto built = Segmenter::Create(lexicon3);
  REQUIRE(!built.ok());
  CHECK(std::string(built.status().message()).rfind("xx/abbreviations.tsv:1: unknown abbreviation kind", 0) == 0);
}

TEST_CASE("claimdiff segment: fixtures through the command line", "[segment][cli]") {
  const fs::path input = fs::path(CLAIMDIFF_FIXTURES_DIR) / "segment" / "de_abbreviations.txt";
  std::string out;
  const int status = Run(absl::StrCat("'", CLAIMDIFF_CLI_PATH, "' segment --lang de '", input.string(), "'"), &out);
  REQUIRE(status == 0);
  const nlohmann::json j = nlohmann::json::parse(out);
  const Document doc = MakeDoc(ReadFile(input), "de");
  const Segmentation seg = SegmenterFor("de").Segment(doc);
  REQUIRE(j["sentences"].size() == seg.sentences.size());
  for (size_t i = 0; i < seg.sentences.size(); ++i) {
    CHECK(j["sentences"][i][0].get<size_t>() == seg.sentences[i].span.start);
    CHECK(j["sentences"][i][1].get<size_t>() == seg.sentences[i].span.end);
  }
}

TEST_CASE("claimdiff segment: bad input exits 2 and names the file", "[segment][cli]") {
  for (const char* name : {"error_not_utf8.txt", "error_empty.txt", "error_whitespace.txt"}) {
    const fs::path input = fs::path(CLAIMDIFF_FIXTURES_DIR) / "segment" / name;
    INFO(input.string());
    std::string out;
    const int status =
        Run(absl::StrCat("'", CLAIMDIFF_CLI_PATH, "' segment --lang de '", input.string(), "' 2>&1"), &out);
    CHECK(status == 2);
    CHECK(out.find(name) != std::string::npos);
  }
}

}  // namespace
}  // namespace claimdiff
