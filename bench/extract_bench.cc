// Extraction throughput against segmentation alone, on the same documents,
// in the same process (issue 3: extraction costs at most 5x segmentation).
//
//   BM_ExtractSegment   Segmenter::Segment over every document.
//   BM_Extract          Extractor::Extract over every document (segmentations
//                       made beforehand); its counter "x_segment" is its CPU
//                       time divided by the CPU time of Segment over the same
//                       documents, measured in the same run (best of three
//                       passes before and after).
// Times are CPU times of the benchmark thread: the machine may be shared.
//   BM_ExtractCreate    The one-off start-up: Segmenter::Create and
//                       Extractor::Create for German and English (lexicons,
//                       time tables, gazetteer), the gazetteer compiled once
//                       for both as Pipeline does.
//   BM_ExtractCreateLanguage  What each language adds: Extractor::Create
//                       for German and English on lexicons loaded and a
//                       gazetteer compiled beforehand.
//
// The documents are $CLAIMDIFF_EXTRACT_BENCH_JSONL when set (the JSON Lines
// of scripts/gen_corpus.py: records or clusters with "lang", "dct", "text"),
// else about 1.5 MB of German and English news text generated here from
// sentences written for this benchmark (dates, weekdays, places, titles,
// quantities, magnitudes, reported speech), one publication date each.
//
//   build-perf/claimdiff_bench --benchmark_filter='^BM_Extract'

#include <algorithm>
#include <ctime>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "claimdiff/extract.h"
#include "claimdiff/ingest.h"
#include "claimdiff/lexicon.h"
#include "claimdiff/segment.h"

namespace claimdiff {
namespace {

// ---- The documents ----------------------------------------------------------

struct Language {
  const char* code;
  std::vector<const char*> people, places, months, weekdays, sentences;
};

const Language& German() {
  static const Language* lang = new Language{
      "de",
      {"Kremlchef Wladimir Putin", "Machthaber Kim Jong Un", "Kanzlerin Angela Merkel",
       "der französische Präsident Emmanuel Macron", "Außenminister Heiko Maas", "Regierungssprecher Steffen Seibert"},
      {"Berlin", "Moskau", "Wladiwostok", "Peking", "Pjöngjang", "Hamburg", "Wien", "Tokio", "Hanoi", "Seoul"},
      {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
       "Dezember"},
      {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"},
      {
          "{P1} will sich noch im {M} in {L1} mit {P2} treffen.",
          "Das kündigte der Kreml am {W} in {L2} an.",
          "Als mögliche Termine wurden der {D}. oder {D2}. {M} genannt, bestätigt ist das aber nicht.",
          "Nach Angaben der Agentur Interfax soll das Gipfeltreffen in der zweiten {M}hälfte stattfinden.",
          "Bei dem Erdbeben der Stärke {N}.{K} in der Nähe von {L1} kamen mindestens {N} Menschen ums Leben.",
          "Rund {N}.000 Menschen demonstrierten am {W}abend in {L2} gegen die Pläne.",
          "{P2} sagte am Rande des Treffens, man werde die Gespräche fortsetzen.",
          "Es ist bereits das {O} Treffen der beiden Politiker seit Anfang des Jahres.",
          "Die Kosten belaufen sich laut Regierungskreisen auf {K},5 Millionen Euro.",
          "Offenbar hatte {P1} schon Ende {M} eine Einladung erhalten, wie russische Medien berichteten.",
          "Vor {K} Tagen war {P2} zu einem Besuch in {L1} eingetroffen.",
          "Am {D}.{MM}.2019 wurde ein neuer Waffentest gemeldet, dementierte das Ministerium später.",
          "„Wir sind zu weiteren Gesprächen bereit“, sagte {P1} am {W} vor Journalisten.",
          "Ob es kommende Woche zu einem Besuch kommt, ist noch ungeklärt.",
      }};
  return *lang;
}

const Language& English() {
  static const Language* lang = new Language{
      "en",
      {"President Vladimir Putin", "North Korean leader Kim Jong Un", "Chancellor Angela Merkel",
       "French President Emmanuel Macron", "Foreign Minister Heiko Maas", "Kremlin spokesman Dmitry Peskov"},
      {"Berlin", "Moscow", "Vladivostok", "Beijing", "Pyongyang", "California", "Indonesia", "Tokyo", "Hanoi",
       "Seoul"},
      {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
       "November", "December"},
      {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
      {
          "{P1} will meet {P2} in {L1} later this month, the Kremlin said on {W}.",
          "Possible dates are {M} {D} or {D2}, officials in {L2} said.",
          "A magnitude {N}.{K} earthquake struck near {L1} on {W}, killing at least {N} people.",
          "About {N} people were injured, according to state media.",
          "The quake had a magnitude of {K}.{N}.",
          "{P2} reportedly told reporters that talks would continue next week.",
          "It is the {O} summit between the two leaders since the start of the year.",
          "The damage is estimated at {K}.5 million dollars, the agency reported.",
          "The meeting was confirmed by {P1} on {M} {D}, 2019.",
          "{P2} denied that a weapons test had taken place in {L2} {K} days ago.",
          "\"We are ready for more talks,\" {P1} said on {W} evening.",
          "Whether the visit will take place in early {M} is still unclear.",
      }};
  return *lang;
}

// A small deterministic generator (the same text on every run and machine).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint32_t Next(uint32_t n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state_ >> 33) % n;
  }

 private:
  uint64_t state_;
};

std::string Sentence(const Language& lang, Random& rng) {
  static const char* const kOrdinalsDe[] = {"erste", "zweite", "dritte"};
  static const char* const kOrdinalsEn[] = {"first", "second", "third"};
  const int day = 1 + static_cast<int>(rng.Next(27));
  const int month = static_cast<int>(rng.Next(12));
  const bool de = std::string(lang.code) == "de";
  char mm[3];
  std::snprintf(mm, sizeof mm, "%02d", month + 1);
  return absl::StrReplaceAll(
      lang.sentences[rng.Next(static_cast<uint32_t>(lang.sentences.size()))],
      {{"{P1}", lang.people[rng.Next(static_cast<uint32_t>(lang.people.size()))]},
       {"{P2}", lang.people[rng.Next(static_cast<uint32_t>(lang.people.size()))]},
       {"{L1}", lang.places[rng.Next(static_cast<uint32_t>(lang.places.size()))]},
       {"{L2}", lang.places[rng.Next(static_cast<uint32_t>(lang.places.size()))]},
       {"{M}", lang.months[static_cast<size_t>(month)]},
       {"{MM}", mm},
       {"{W}", lang.weekdays[rng.Next(7)]},
       {"{D}", std::to_string(day)},
       {"{D2}", std::to_string(day + 1)},
       {"{N}", std::to_string(2 + rng.Next(8))},
       {"{K}", std::to_string(1 + rng.Next(40))},
       {"{O}", (de ? kOrdinalsDe : kOrdinalsEn)[rng.Next(3)]}});
}

std::vector<Document> GeneratedDocuments() {
  std::vector<Document> docs;
  Random rng(20190418);
  size_t bytes = 0;
  for (int n = 0; bytes < 1500000; ++n) {
    const Language& lang = n % 2 == 0 ? German() : English();
    Document doc;
    doc.id = "bench-" + std::to_string(n);
    doc.lang = lang.code;
    doc.published = absl::CivilDay(2019, 1, 1) + static_cast<int>(rng.Next(365));
    const int paragraphs = 3 + static_cast<int>(rng.Next(4));
    for (int p = 0; p < paragraphs; ++p) {
      if (p > 0) doc.text += "\n\n";
      const int sentences = 2 + static_cast<int>(rng.Next(4));
      for (int s = 0; s < sentences; ++s) {
        if (s > 0) doc.text += ' ';
        doc.text += Sentence(lang, rng);
      }
    }
    bytes += doc.text.size();
    docs.push_back(std::move(doc));
  }
  return docs;
}

std::vector<Document> JsonlDocuments(const char* path) {
  std::vector<Document> docs;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  auto add = [&docs](const nlohmann::json& rec) {
    Document doc;
    doc.id = rec.value("id", "");
    doc.lang = rec.value("lang", "de");
    doc.text = rec.value("text", "");
    const std::string dct = rec.value("dct", "");
    absl::CivilDay day;
    if (!dct.empty() && absl::ParseCivilTime(dct, &day)) doc.published = day;
    docs.push_back(std::move(doc));
  };
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json rec = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (rec.is_discarded()) continue;
    if (rec.contains("docs")) {
      for (const auto& d : rec["docs"]) add(d);
    } else {
      add(rec);
    }
  }
  return docs;
}

const std::vector<Document>& Documents() {
  static const std::vector<Document>* docs = [] {
    const char* path = std::getenv("CLAIMDIFF_EXTRACT_BENCH_JSONL");
    return new std::vector<Document>(path != nullptr && *path != '\0' ? JsonlDocuments(path)
                                                                       : GeneratedDocuments());
  }();
  return *docs;
}

int64_t TotalBytes() {
  int64_t n = 0;
  for (const Document& d : Documents()) n += static_cast<int64_t>(d.text.size());
  return n;
}

// ---- The stages, one per language -------------------------------------------

struct Stages {
  std::unique_ptr<Segmenter> segmenter;
  std::unique_ptr<Extractor> extractor;
};

// Creates the segmenter and extractor of every language in the documents;
// an empty map (and `error`) when a lexicon fails.
absl::flat_hash_map<std::string, Stages> CreateStages(std::string* error) {
  absl::flat_hash_map<std::string, Stages> stages;
  LexiconSet lexicons(CLAIMDIFF_LEXICON_DIR);
  auto common = lexicons.Common();
  if (!common.ok()) {
    *error = std::string(common.status().message());
    return {};
  }
  auto gazetteer = CompileGazetteer(**common);
  if (!gazetteer.ok()) {
    *error = std::string(gazetteer.status().message());
    return {};
  }
  for (const Document& d : Documents()) {
    if (stages.contains(d.lang)) continue;
    auto lexicon = lexicons.Get(d.lang);
    if (!lexicon.ok()) {
      *error = std::string(lexicon.status().message());
      return {};
    }
    auto segmenter = Segmenter::Create(**lexicon);
    auto extractor = Extractor::Create(**lexicon, *gazetteer);
    if (!segmenter.ok() || !extractor.ok()) {
      *error = "set-up failed for " + d.lang;
      return {};
    }
    stages[d.lang] = Stages{std::move(*segmenter), std::move(*extractor)};
  }
  return stages;
}

const absl::flat_hash_map<std::string, Stages>& SharedStages(std::string* error) {
  static std::string* create_error = new std::string;
  static const auto* stages = new absl::flat_hash_map<std::string, Stages>(CreateStages(create_error));
  *error = *create_error;
  return *stages;
}

// CPU seconds of this thread (the machine may be shared: wall time is not
// the cost).
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// CPU seconds for one pass of Segment over every document (the best of `reps`).
double SegmentSeconds(const absl::flat_hash_map<std::string, Stages>& stages, int reps) {
  double best = 0;
  for (int r = 0; r < reps; ++r) {
    const double t0 = CpuSeconds();
    for (const Document& d : Documents()) {
      Segmentation seg = stages.at(d.lang).segmenter->Segment(d);
      benchmark::DoNotOptimize(seg);
    }
    const double s = CpuSeconds() - t0;
    if (r == 0 || s < best) best = s;
  }
  return best;
}

void BM_ExtractSegment(benchmark::State& state) {
  std::string error;
  const auto& stages = SharedStages(&error);
  if (!error.empty()) {
    state.SkipWithError(error.c_str());
    return;
  }
  size_t sentences = 0;
  for (auto _ : state) {
    sentences = 0;
    for (const Document& d : Documents()) {
      Segmentation seg = stages.at(d.lang).segmenter->Segment(d);
      sentences += seg.sentences.size();
      benchmark::DoNotOptimize(seg);
    }
  }
  state.counters["docs"] = static_cast<double>(Documents().size());
  state.counters["sentences"] = static_cast<double>(sentences);
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_ExtractSegment)->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  std::string error;
  const auto& stages = SharedStages(&error);
  if (!error.empty()) {
    state.SkipWithError(error.c_str());
    return;
  }
  std::vector<Segmentation> segs;
  for (const Document& d : Documents()) segs.push_back(stages.at(d.lang).segmenter->Segment(d));
  const double segment_before = SegmentSeconds(stages, 3);
  size_t statements = 0, timex = 0;
  double seconds = 0;
  for (auto _ : state) {
    statements = timex = 0;
    const double t0 = CpuSeconds();
    for (size_t i = 0; i < segs.size(); ++i) {
      const Document& d = Documents()[i];
      Extraction ext = stages.at(d.lang).extractor->Extract(d, segs[i]);
      statements += ext.statements.size();
      timex += ext.timex.size();
      benchmark::DoNotOptimize(ext);
    }
    seconds += CpuSeconds() - t0;
  }
  const double segment_after = SegmentSeconds(stages, 3);
  const double segment = std::min(segment_before, segment_after);
  state.counters["statements"] = static_cast<double>(statements);
  state.counters["timex"] = static_cast<double>(timex);
  if (state.iterations() > 0 && segment > 0) {
    state.counters["x_segment"] = seconds / static_cast<double>(state.iterations()) / segment;
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

// The one-off start-up, excluded from the two above.
void BM_ExtractCreate(benchmark::State& state) {
  for (auto _ : state) {
    std::string error;
    auto stages = CreateStages(&error);
    if (!error.empty()) {
      state.SkipWithError(error.c_str());
      return;
    }
    benchmark::DoNotOptimize(stages);
  }
}
BENCHMARK(BM_ExtractCreate)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ExtractCreateLanguage(benchmark::State& state) {
  LexiconSet lexicons(CLAIMDIFF_LEXICON_DIR);
  auto common = lexicons.Common();
  auto de = lexicons.Get("de");
  auto en = lexicons.Get("en");
  if (!common.ok() || !de.ok() || !en.ok()) {
    state.SkipWithError("cannot load the lexicons");
    return;
  }
  auto gazetteer = CompileGazetteer(**common);
  if (!gazetteer.ok()) {
    state.SkipWithError(std::string(gazetteer.status().message()).c_str());
    return;
  }
  for (auto _ : state) {
    for (const Lexicon* lexicon : {*de, *en}) {
      auto extractor = Extractor::Create(*lexicon, *gazetteer);
      if (!extractor.ok()) {
        state.SkipWithError(std::string(extractor.status().message()).c_str());
        return;
      }
      benchmark::DoNotOptimize(extractor);
    }
  }
}
BENCHMARK(BM_ExtractCreateLanguage)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
}  // namespace claimdiff
