// Segmenter throughput against ICU's plain sentence BreakIterator on the
// same text, in the same process.
//
// The text is $CLAIMDIFF_BENCH_INPUT when set (scripts/bench passes its
// generated corpus), else about 4 MB generated here from German and English
// sentences written for this benchmark (abbreviations, ordinal dates,
// quotations, headlines, bullets and paragraphs, so that every fix-up runs).

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>

#include "claimdiff/ingest.h"
#include "claimdiff/lexicon.h"
#include "claimdiff/segment.h"

namespace claimdiff {
namespace {

std::string GeneratedText() {
  static const char* const kParagraphs[] = {
      "Kreml:Putin will Kim noch im April treffen (Folge #)\n\n",
      "Als mögliche Termine wurden der 23. oder 24. April genannt. Bestätigt ist das aber nicht. Laut "
      "Dr. Müller gibt es z. B. in Berlin u. a. neue Regeln. Gebäude Nr. # brannte bzw. wurde schwer "
      "beschädigt.\n\n",
      "„Wir kommen morgen. Das ist sicher“, sagte der Sprecher am 5. März. Die Piloten des III. "
      "Geschwaders kehrten zurück. Der Schaden beträgt #.000.000 Euro. Sie kauften Brot, Käse usw. "
      "Danach gingen sie.\n\n",
      "  • Die Kanzlerin reist zum #. Mal nach Paris.\n  • Ein Termin steht noch nicht fest (#)\n\n",
      "Mr. Smith met Dr. Jones at the U.S. Army base #. Later they moved to the U.S. He liked "
      "it there. The novel by J. R. R. Tolkien was published in 1954. \"Nothing is decided. We will "
      "wait,\" he added.\n\n",
      "Summit talks could start in week #\n\nThe meeting starts at 10 a.m. on Monday, e.g. after "
      "breakfast. It was founded in #. 2005 was its best year.[1] Officials did not confirm the "
      "date.\n\n",
  };
  // A running number keeps lines distinct: repeated lines are furniture.
  std::string text;
  for (int n = 1; text.size() < (size_t{4} << 20); ++n) {
    for (const char* p : kParagraphs) {
      std::string paragraph = p;
      for (size_t at = paragraph.find('#'); at != std::string::npos; at = paragraph.find('#', at)) {
        paragraph.replace(at, 1, std::to_string(n));
      }
      text += paragraph;
    }
  }
  return text;
}

const std::string& Text() {
  static const std::string* text = [] {
    const char* path = std::getenv("CLAIMDIFF_BENCH_INPUT");
    if (path == nullptr || *path == '\0') return new std::string(GeneratedText());
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return new std::string(ss.str());
  }();
  return *text;
}

void BM_Segmenter(benchmark::State& state) {
  LexiconSet lexicons(CLAIMDIFF_LEXICON_DIR);
  auto lexicon = lexicons.Get("de");
  if (!lexicon.ok()) {
    state.SkipWithError("no German lexicon");
    return;
  }
  auto segmenter = Segmenter::Create(**lexicon);
  if (!segmenter.ok()) {
    state.SkipWithError("segmenter set-up failed");
    return;
  }
  Document doc;
  doc.id = "bench";
  doc.lang = "de";
  doc.text = Text();
  size_t sentences = 0;
  for (auto _ : state) {
    Segmentation seg = (*segmenter)->Segment(doc);
    sentences = seg.sentences.size();
    benchmark::DoNotOptimize(seg);
  }
  state.counters["sentences"] = static_cast<double>(sentences);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.text.size()));
}
BENCHMARK(BM_Segmenter)->Unit(benchmark::kMillisecond)->UseRealTime();

// The baseline: ICU's sentence iterator alone, on the same UTF-8 text.
void BM_IcuSentenceBreak(benchmark::State& state) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale("de"), status));
  if (U_FAILURE(status)) {
    state.SkipWithError("ICU set-up failed");
    return;
  }
  const std::string& text = Text();
  size_t boundaries = 0;
  for (auto _ : state) {
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
    it->setText(&ut, status);
    boundaries = 0;
    for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) ++boundaries;
    utext_close(&ut);
  }
  state.counters["sentences"] = static_cast<double>(boundaries);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_IcuSentenceBreak)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace claimdiff
