// JSON report, schema "claimdiff.compare/1" (docs/json-schema.md). Members
// are written in a fixed order; findings in text order and links sorted by
// (doc_a, sentence_a, doc_b, sentence_b), so the output is deterministic.

#include <algorithm>
#include <cmath>
#include <numeric>

#include "claimdiff/report.h"
#include "extract_json.h"
#include "nlohmann/json.hpp"
#include "report_common.h"

namespace claimdiff::report_internal {

namespace {

using Json = nlohmann::ordered_json;

// Scores are rounded to 4 decimals so that the output does not depend on the
// last bits of a floating point sum.
double Rounded(double v) { return std::round(v * 1e4) / 1e4; }

Json DocumentJson(const AnalyzedDocument& d, int index) {
  Json j;
  j["index"] = index;
  j["label"] = DocLabel(index);
  j["id"] = ValidUtf8(d.doc.id);
  j["source"] = ValidUtf8(d.doc.source);
  j["title"] = ValidUtf8(d.doc.title);
  j["lang"] = d.doc.lang;
  j["dct"] = d.doc.published ? Json(DayString(d.doc)) : Json(nullptr);
  Json& sentences = j["sentences"] = Json::array();
  for (size_t i = 0; i < d.seg.sentences.size(); ++i) {
    const Sentence& s = d.seg.sentences[i];
    sentences.push_back({{"index", i},
                         {"start", s.span.start},
                         {"end", s.span.end},
                         {"paragraph", s.paragraph},
                         {"headline", s.headline},
                         {"text", SpanText(d.doc.text, s.span)}});
  }
  Json& furniture = j["furniture"] = Json::array();
  for (const Furniture& f : d.seg.furniture) {
    furniture.push_back({{"start", f.span.start},
                         {"end", f.span.end},
                         {"reason", f.reason},
                         {"text", SpanText(d.doc.text, f.span)}});
  }
  Json& timex = j["timex"] = Json::array();
  for (const Timex& t : d.ext.timex) timex.push_back(TimexJson(t));
  Json& statements = j["statements"] = Json::array();
  for (const Statement& s : d.ext.statements) statements.push_back(StatementJson(s, d.doc.text));
  return j;
}

}  // namespace

std::string RenderJson(const ReportInput& input, const ReportOptions& options) {
  Json j;
  j["schema"] = kReportJsonSchema;
  j["id"] = ValidUtf8(input.id);
  j["title"] = ReportTitle(input, options);
  Json& documents = j["documents"] = Json::array();
  for (size_t i = 0; i < input.docs.size(); ++i) documents.push_back(DocumentJson(input.docs[i], static_cast<int>(i)));

  // Links in a canonical order; findings refer to them by their new index.
  std::vector<int> link_order;
  std::vector<int> new_index;
  if (input.alignment != nullptr) {
    const auto& links = input.alignment->links;
    link_order.resize(links.size());
    std::iota(link_order.begin(), link_order.end(), 0);
    std::stable_sort(link_order.begin(), link_order.end(), [&](int a, int b) {
      const Link& x = links[a];
      const Link& y = links[b];
      return std::tie(x.doc_a, x.sentence_a, x.doc_b, x.sentence_b) <
             std::tie(y.doc_a, y.sentence_a, y.doc_b, y.sentence_b);
    });
    new_index.assign(links.size(), -1);
    for (size_t i = 0; i < link_order.size(); ++i) new_index[link_order[i]] = static_cast<int>(i);
  }
  Json& links = j["links"] = Json::array();
  for (int i : link_order) {
    const Link& l = input.alignment->links[i];
    Json reasons = Json::array();
    for (const std::string& r : l.reasons) reasons.push_back(ValidUtf8(r));
    links.push_back({{"a", {{"doc", l.doc_a}, {"sentence", l.sentence_a}}},
                     {"b", {{"doc", l.doc_b}, {"sentence", l.sentence_b}}},
                     {"score", Rounded(l.score)},
                     {"reasons", std::move(reasons)},
                     {"possibly_different_event", l.possibly_different_event}});
  }

  Json& findings = j["findings"] = Json::array();
  for (const Finding* f : FindingsInTextOrder(input)) {
    Json fj;
    fj["kind"] = FindingKindName(f->kind);
    fj["slot"] = f->slot;
    Json& values = fj["values"] = Json::array();
    for (const FindingValue& v : f->values) {
      values.push_back({{"doc", v.doc},
                        {"sentence", v.sentence},
                        {"start", v.span.start},
                        {"end", v.span.end},
                        {"written", ValidUtf8(v.written)},
                        {"normalized", ValidUtf8(v.normalized)}});
    }
    Json& evidence = fj["evidence"] = Json::array();
    for (const Evidence& e : f->evidence) {
      evidence.push_back({{"doc", e.doc}, {"start", e.span.start}, {"end", e.span.end}});
    }
    fj["reason"] = ValidUtf8(f->reason);
    fj["update"] = f->update;
    int link = -1;
    if (f->link >= 0 && static_cast<size_t>(f->link) < new_index.size()) link = new_index[f->link];
    fj["link"] = link;
    findings.push_back(std::move(fj));
  }

  std::vector<int> counts = CountKinds(input);
  Json& summary = j["summary"] = Json::object();
  for (FindingKind k : {FindingKind::kAgree, FindingKind::kRefine, FindingKind::kContradict,
                        FindingKind::kCertaintyDiffers, FindingKind::kAttributionDiffers, FindingKind::kOnlyIn}) {
    summary[FindingKindName(k)] = counts[static_cast<size_t>(k)];
  }
  return j.dump(options.json_indent, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace claimdiff::report_internal
