// The two forms of the extract JSON (src/extract_json.h): the text the
// writer writes against nlohmann-json's dump of the DOM form, which is how
// the `extract` command wrote its lines before (re2's reference pattern).
// Every member, optional or not, must come out byte for byte the same.

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <limits>

#include "claimdiff/ingest.h"
#include "claimdiff/pipeline.h"
#include "extract_json.h"
#include "nlohmann/json.hpp"

namespace claimdiff {
namespace {

using Json = nlohmann::ordered_json;

// ---- The reference -----------------------------------------------------------

// The document line as the `extract` command wrote it with the DOM.
Json ReferenceAnalyzedDocumentJson(const AnalyzedDocument& d) {
  Json j;
  j["id"] = d.doc.id;
  j["lang"] = d.doc.lang;
  if (d.doc.published) j["dct"] = absl::FormatCivilTime(*d.doc.published);
  auto& sentences = j["sentences"] = Json::array();
  for (const Sentence& s : d.seg.sentences) sentences.push_back({s.span.start, s.span.end});
  auto& furniture = j["furniture"] = Json::array();
  for (const Furniture& f : d.seg.furniture) furniture.push_back({f.span.start, f.span.end});
  auto& timex = j["timex"] = Json::array();
  for (const Timex& t : d.ext.timex) timex.push_back(TimexJson(t));
  auto& statements = j["statements"] = Json::array();
  for (const Statement& s : d.ext.statements) statements.push_back(StatementJson(s, d.doc.text));
  return j;
}

// ---- Checks ------------------------------------------------------------------

std::string Dumped(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// The writer's text of `d` and of each of its parts against the DOM's.
void CheckAgrees(const AnalyzedDocument& d) {
  std::string written;
  JsonWriter w(&written);
  WriteAnalyzedDocumentJson(&w, d);
  REQUIRE(written == Dumped(ReferenceAnalyzedDocumentJson(d)));
  for (const Timex& t : d.ext.timex) {
    std::string timex;
    JsonWriter tw(&timex);
    WriteTimexJson(&tw, t);
    REQUIRE(timex == Dumped(TimexJson(t)));
  }
  for (const Statement& s : d.ext.statements) {
    std::string statement;
    JsonWriter sw(&statement);
    WriteStatementJson(&sw, s, d.doc.text);
    REQUIRE(statement == Dumped(StatementJson(s, d.doc.text)));
  }
}

TEST_CASE("Extract JSON writer: every optional field, odd strings and numbers", "[extract]") {
  AnalyzedDocument d;
  d.doc.id = "id \"with\" \\ \n\x01 and \xff invalid";
  d.doc.lang = "de";
  d.doc.text =
      "Am 23. April trafen sich \xE2\x80\x9E"
      "Kim\xE2\x80\x9C und Putin in Wladiwostok: 1,5 Mio.\t\x7f";
  d.seg.sentences = {{{0, 20}}, {{21, d.doc.text.size()}}};
  d.seg.furniture = {{{3, 5}, "teaser"}};

  Timex bare;
  bare.span = {3, 12};
  bare.type = "DURATION";
  bare.value = "P3D";
  Timex full = bare;
  full.type = "DATE";
  full.value = "2019-04-23";
  full.mod = "APPROX";
  full.first_day = absl::CivilDay(2019, 4, 23);
  full.last_day = absl::CivilDay(10000, 1, 1);
  full.granularity = "day";
  full.relative = true;
  full.alternative_group = 2;
  full.sentence = 1;
  Timex half = bare;
  half.first_day = absl::CivilDay(999, 1, 1);  // Without a last day: no interval.
  d.ext.timex = {bare, full, half};

  Statement plain;  // Every optional member absent.
  Statement s;
  s.sentence = 1;
  s.span = {21, d.doc.text.size()};
  s.tense = "past";
  s.certainty = Certainty::kUnconfirmed;
  s.certainty_cue = "bestätigt \"nicht\"";
  s.certainty_span = Span{0, 3};
  s.certainty_from_context = true;
  s.negated = true;
  s.negation_span = Span{4, 5};
  s.said_on = absl::CivilDay(2019, 4, 18);
  s.times = {0, 1, -1};
  s.events = {{{6, 9}, "trafen", "treffen", "meeting"}, {{0, 0}, "", "", ""}};
  Participant bare_participant{{25, 28}, "Kim", "kim jong un", "person", "", "", std::nullopt};
  Participant titled{{33, 38}, "Putin", "vladimir putin", "person", "president", "Kremlchef", Span{30, 32}};
  s.participants = {bare_participant, titled};
  Place place{{42, 53}, "geo:2013348", "Vladivostok", "city", {"region:RU.59", "country:RU"}, "event"};
  Place out_of_text{{50, 5000}, "country:RU", "Russia", "country", {}, "origin"};
  s.places = {place, out_of_text};
  Quantity q;
  q.span = {55, 63};
  q.value = 1.5e6;
  q.approx = "about";
  q.unit = "magnitude";
  q.counts = "people";
  q.counts_span = Span{60, 63};
  q.ordinal = true;
  q.low = 10;
  q.high = std::numeric_limits<double>::infinity();
  Quantity q2;
  q2.value = 5.9;
  Quantity q3;
  q3.value = 0.1 + 0.2;
  q3.low = -0.0;
  q3.high = 1e21;
  Quantity q4;
  q4.value = std::nan("");
  q4.low = 1e-7;
  s.quantities = {q, q2, q3, q4};
  Attribution bare_attribution{{0, 3}, "Interfax", "interfax", "agency", "zufolge", std::nullopt, ""};
  Attribution full_attribution{
      {0, 3}, "Kreml", "kremlin", "official", "teilte mit", absl::CivilDay(2019, 4, 16), "geo:524901"};
  s.attributions = {bare_attribution, full_attribution};
  d.ext.statements = {plain, s};

  CheckAgrees(d);
  d.doc.published = absl::CivilDay(2019, 4, 18);
  CheckAgrees(d);
  d.doc.id.clear();
  d.doc.text.clear();  // Spans past the text: "written" is empty.
  CheckAgrees(d);
}

// Every document of the seed articles, the shipped fixtures and the
// evaluation data that are present, read and analysed as the CLI does.
TEST_CASE("Extract JSON writer agrees with the reference on real documents", "[extract]") {
  namespace fs = std::filesystem;
  std::vector<std::string> paths;
  for (const char* path : {"/seeds/seeds.jsonl", "/eval/crossdoc/clusters.jsonl"}) {
    const std::string shared = std::string(CLAIMDIFF_SHARED_DIR) + path;
    if (fs::exists(shared)) paths.push_back(shared);
  }
  for (const auto& entry : fs::recursive_directory_iterator(CLAIMDIFF_FIXTURES_DIR)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".txt" || ext == ".md" || ext == ".html" || ext == ".jsonl")) {
      paths.push_back(entry.path().string());
    }
  }
  IngestOptions options;
  options.lenient = true;
  Pipeline pipeline(PipelineOptions{});
  size_t documents = 0, statements = 0;
  for (const std::string& path : paths) {
    auto clusters = ReadInput(path, options);
    if (!clusters.ok()) continue;  // Fixtures of bad input.
    for (Cluster& cluster : *clusters) {
      for (Document& doc : cluster.docs) {
        auto analyzed = pipeline.Analyze(std::move(doc));
        if (!analyzed.ok()) continue;  // A language without a lexicon.
        ++documents;
        statements += analyzed->ext.statements.size();
        INFO(path);
        CheckAgrees(*analyzed);
      }
    }
  }
  CHECK(documents > 50);
  CHECK(statements > 500);
}

}  // namespace
}  // namespace claimdiff
