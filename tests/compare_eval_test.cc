// Contradiction precision on hand-labelled ECB+ dev cases
// (eval/contradiction_cases.jsonl: ids, byte offsets, my labels and the
// parts a reader finds; the texts are read from CLAIMDIFF_SHARED_DIR at run
// time). Hidden tests, run by scripts/eval_contradictions:
//   [.eval][oracle]    parts and links as labelled: measures the compare logic;
//   [.eval][pipeline]  the real pipeline's extraction, gold links.
// Both are skipped when the shared data is absent.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "absl/strings/str_format.h"
#include "claimdiff/compare.h"
#include "claimdiff/pipeline.h"

namespace claimdiff {
namespace {

using json = nlohmann::json;

const std::string kClusters = std::string(CLAIMDIFF_SHARED_DIR) + "/eval/crossdoc/clusters.jsonl";
const std::string kCases = std::string(CLAIMDIFF_SOURCE_DIR) + "/eval/contradiction_cases.jsonl";

struct Data {
  std::map<std::string, std::map<std::string, std::string>> texts;  // cluster -> doc -> text
  std::vector<json> cases;
};

// Nullopt (and a message) when the shared data is absent.
std::optional<Data> Load() {
  if (!std::filesystem::exists(kClusters) || !std::filesystem::exists(kCases)) {
    WARN("skipped: " << kClusters << " or " << kCases << " absent");
    return std::nullopt;
  }
  Data data;
  std::ifstream cases(kCases);
  std::string line;
  std::set<std::string> wanted;
  while (std::getline(cases, line)) {
    if (line.empty()) continue;
    data.cases.push_back(json::parse(line));
    wanted.insert(data.cases.back()["cluster"].get<std::string>());
  }
  std::ifstream clusters(kClusters);
  while (std::getline(clusters, line)) {
    json c = json::parse(line);
    if (!wanted.count(c["id"].get<std::string>())) continue;
    for (const json& d : c["docs"]) {
      data.texts[c["id"].get<std::string>()][d["id"].get<std::string>()] = d["text"].get<std::string>();
    }
  }
  return data;
}

Span SpanOf(const json& pair) { return Span{pair[0].get<size_t>(), pair[1].get<size_t>()}; }

// One document holding only the labelled sentence, with the labelled parts.
AnalyzedDocument OracleDoc(const std::string& text, const json& side) {
  AnalyzedDocument ad;
  ad.doc.id = side["doc"].get<std::string>();
  ad.doc.lang = "en";
  ad.doc.text = text;
  Span sentence = SpanOf(side["sentence"]);
  ad.seg.sentences.push_back(Sentence{sentence, 0, false});
  Statement st;
  st.sentence = 0;
  st.span = sentence;
  for (const json& p : side["parts"]) {
    Span span = SpanOf(p["span"]);
    if (p["part"] == "event") {
      EventMention e;
      e.span = span;
      e.trigger = text.substr(span.start, span.size());
      e.cls = p["cls"].get<std::string>();
      st.events.push_back(e);
    } else {
      Quantity q;
      q.span = span;
      q.value = p["value"].get<double>();
      q.approx = p["approx"].get<std::string>();
      q.counts = p["counts"].get<std::string>();
      q.unit = p["unit"].get<std::string>();
      q.low = q.high = q.value;
      if (q.approx == "at_least") q.high = std::numeric_limits<double>::infinity();
      if (q.approx == "about") {
        q.low = q.value * 0.9;
        q.high = q.value * 1.1;
      }
      st.quantities.push_back(q);
    }
  }
  ad.ext.statements.push_back(st);
  return ad;
}

struct Tally {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  void Add(bool label, bool predicted) {
    if (label && predicted) ++tp;
    if (!label && predicted) ++fp;
    if (label && !predicted) ++fn;
    if (!label && !predicted) ++tn;
  }
  std::string Summary(const std::string& name) const {
    std::string p = tp + fp > 0 ? absl::StrFormat("%.3f", static_cast<double>(tp) / (tp + fp)) : "n/a";
    std::string r = tp + fn > 0 ? absl::StrFormat("%.3f", static_cast<double>(tp) / (tp + fn)) : "n/a";
    return absl::StrFormat("%s: cases %d, contradict predicted %d, precision %s, recall %s (tp %d fp %d fn %d tn %d)",
                           name, tp + fp + fn + tn, tp + fp, p, r, tp, fp, fn, tn);
  }
  double Precision() const { return tp + fp > 0 ? static_cast<double>(tp) / (tp + fp) : 1.0; }
};

// The contradiction (if any) between statement sa of doc 0 and sb of doc 1.
const Finding* Contradiction(const Comparison& c) {
  for (const Finding& f : c.findings) {
    if (f.kind == FindingKind::kContradict && f.link == 0) return &f;
  }
  return nullptr;
}

TEST_CASE("ECB+ contradiction cases, labelled parts and links", "[.eval][oracle]") {
  std::optional<Data> data = Load();
  if (!data) return;
  Tally gold_links, unflagged;
  for (const json& c : data->cases) {
    const auto& texts = data->texts[c["cluster"].get<std::string>()];
    std::vector<AnalyzedDocument> docs = {OracleDoc(texts.at(c["a"]["doc"].get<std::string>()), c["a"]),
                                          OracleDoc(texts.at(c["b"]["doc"].get<std::string>()), c["b"])};
    bool label = c["label"] == "contradict";
    for (bool use_gold_flag : {true, false}) {
      Alignment al;
      Link link;
      link.doc_a = 0;
      link.doc_b = 1;
      link.possibly_different_event = use_gold_flag && c["relation"] == "different_event";
      al.links.push_back(link);
      Comparison cmp = CompareStatements(docs, al, CompareOptions{});
      const Finding* f = Contradiction(cmp);
      (use_gold_flag ? gold_links : unflagged).Add(label, f != nullptr);
      if (use_gold_flag) {
        std::cout << absl::StrFormat("%-7s %-13s predicted=%-13s %s\n", c["id"].get<std::string>(),
                                     c["label"].get<std::string>(), f ? "contradict" : "no_contradict",
                                     f ? f->reason : std::string());
      }
    }
  }
  std::cout << unflagged.Summary("oracle parts, different-event links not flagged") << "\n";
  std::cout << gold_links.Summary("oracle parts and links") << "\n";
  CHECK(gold_links.Precision() >= 0.9);
}

TEST_CASE("ECB+ contradiction cases, real pipeline extraction", "[.eval][pipeline]") {
  std::optional<Data> data = Load();
  if (!data) return;
  Pipeline pipeline{PipelineOptions{}};
  Tally tally;
  std::map<std::string, AnalyzedDocument> cache;
  auto analyze = [&](const std::string& cluster, const std::string& id) -> const AnalyzedDocument* {
    std::string key = cluster + "/" + id;
    auto it = cache.find(key);
    if (it != cache.end()) return &it->second;
    Document d;
    d.id = id;
    d.lang = "en";
    d.text = data->texts[cluster].at(id);
    auto ad = pipeline.Analyze(d);
    if (!ad.ok()) {
      FAIL_CHECK(id << ": " << ad.status().message());
      return nullptr;
    }
    return &cache.emplace(key, *std::move(ad)).first->second;
  };
  for (const json& c : data->cases) {
    std::string cluster = c["cluster"].get<std::string>();
    const AnalyzedDocument* a = analyze(cluster, c["a"]["doc"].get<std::string>());
    const AnalyzedDocument* b = analyze(cluster, c["b"]["doc"].get<std::string>());
    if (a == nullptr || b == nullptr) continue;
    // The statement that overlaps the labelled sentence most.
    auto statement_of = [](const AnalyzedDocument& ad, Span s) {
      int best = -1;
      size_t best_overlap = 0;
      for (const Statement& st : ad.ext.statements) {
        size_t lo = std::max(st.span.start, s.start), hi = std::min(st.span.end, s.end);
        if (hi > lo && hi - lo > best_overlap) {
          best_overlap = hi - lo;
          best = st.sentence;
        }
      }
      return best;
    };
    int sa = statement_of(*a, SpanOf(c["a"]["sentence"]));
    int sb = statement_of(*b, SpanOf(c["b"]["sentence"]));
    bool label = c["label"] == "contradict";
    const Finding* f = nullptr;
    Comparison cmp;
    if (sa >= 0 && sb >= 0) {
      std::vector<AnalyzedDocument> docs = {*a, *b};
      Alignment al;
      Link link;
      link.sentence_a = sa;
      link.doc_b = 1;
      link.sentence_b = sb;
      link.possibly_different_event = c["relation"] == "different_event";
      al.links.push_back(link);
      cmp = CompareStatements(docs, al, CompareOptions{});
      f = Contradiction(cmp);
    }
    tally.Add(label, f != nullptr);
    std::cout << absl::StrFormat("%-7s %-13s predicted=%-13s %s\n", c["id"].get<std::string>(),
                                 c["label"].get<std::string>(), f ? "contradict" : "no_contradict",
                                 f ? f->reason : std::string());
  }
  std::cout << tally.Summary("pipeline extraction, gold links") << "\n";
}

}  // namespace
}  // namespace claimdiff
