// Hand-built report inputs for tests: documents with sentences, furniture,
// extracted parts, links and findings, addressed by the text they contain
// instead of byte offsets.

#ifndef CLAIMDIFF_TESTS_TESTING_REPORT_BUILDERS_H_
#define CLAIMDIFF_TESTS_TESTING_REPORT_BUILDERS_H_

#include <string>
#include <vector>

#include "claimdiff/align.h"
#include "claimdiff/compare.h"
#include "claimdiff/extract.h"
#include "claimdiff/report.h"

namespace claimdiff::testing {

// One value of a finding: the document and the text as written there.
struct BuiltValue {
  int doc = 0;
  std::string written;     // Must occur in the document.
  std::string normalized;
};

class ReportBuilder {
 public:
  explicit ReportBuilder(std::string cluster_id = "cluster") : id_(std::move(cluster_id)) {}

  // Adds a document made of `pieces`, one per line; a piece starting with
  // "[F] " is page furniture (the marker is not part of the text), every
  // other piece one sentence. Returns the document index.
  int AddDoc(const std::string& id, const std::string& source, const std::string& lang, const std::string& dct,
             const std::vector<std::string>& pieces);

  // Byte span of the `nth` occurrence of `needle` in document `doc`.
  // Fails the current test when it is absent.
  Span Find(int doc, const std::string& needle, int nth = 0) const;
  // Index of the sentence holding the first occurrence of `needle`.
  int SentenceOf(int doc, const std::string& needle) const;

  // Extracted parts, attached to the statement of the sentence they are in.
  void AddTime(int doc, const std::string& written, const std::string& value, const std::string& first_day = "",
               const std::string& last_day = "");
  void AddPlace(int doc, const std::string& written, const std::string& name, const std::string& id);
  void AddQuantity(int doc, const std::string& written, double value, const std::string& counts);
  void AddPerson(int doc, const std::string& written, const std::string& key, const std::string& title = "");

  // Links the sentences holding `a` (in doc_a) and `b` (in doc_b).
  void Link(int doc_a, const std::string& a, int doc_b, const std::string& b, double score);

  // A finding whose evidence is the sentence of each value.
  void AddFinding(FindingKind kind, const std::string& slot, const std::vector<BuiltValue>& values,
                  const std::string& reason, bool update = false);
  // An only_in finding for the sentence holding `sentence_text`.
  void AddOnlyIn(int doc, const std::string& sentence_text, const std::string& reason);

  std::vector<AnalyzedDocument>& docs() { return docs_; }
  Alignment& alignment() { return alignment_; }
  Comparison& comparison() { return comparison_; }

  // Refers to this builder's data; valid while the builder lives.
  ReportInput Input() const;

 private:
  std::string id_;
  std::vector<AnalyzedDocument> docs_;
  Alignment alignment_;
  Comparison comparison_;
};

// A German cluster of two sources with findings of every kind, furniture,
// and an article that contains "<script>" (for escaping tests).
ReportBuilder GermanTwoSources();
// An English cluster of three sources (claim matrix), numbers that
// contradict and an update.
ReportBuilder EnglishThreeSources();

}  // namespace claimdiff::testing

#endif  // CLAIMDIFF_TESTS_TESTING_REPORT_BUILDERS_H_
