// AlignStatements: candidates from an inverted index over the statements'
// term vectors, then per statement its best partners in each other
// document (see align_internal.h for the two halves).

#include "claimdiff/align.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "align_internal.h"

namespace claimdiff {

namespace align_internal {

namespace {

// Largest gap in days between two intervals (0 when they overlap).
long GapDays(const DayInterval& a, const DayInterval& b) {
  if (a.last < b.first) return static_cast<long>(b.first - a.last);
  if (b.last < a.first) return static_cast<long>(a.first - b.last);
  return 0;
}

// A reason naming why the pair may be two different events, or "".
std::string ConflictReason(const PreparedSentence& a, const PreparedSentence& b, const AlignOptions& options) {
  if (!a.times.empty() && !b.times.empty()) {
    bool compatible = false;
    for (const DayInterval& x : a.times) {
      for (const DayInterval& y : b.times) {
        if (GapDays(x, y) <= options.time_conflict_days) compatible = true;
      }
    }
    if (!compatible) return absl::StrCat("time conflict: ", a.times[0].value, " vs ", b.times[0].value);
  }
  if (!a.countries.empty() && !b.countries.empty()) {
    bool shared = false;
    for (const std::string& c : a.countries) {
      if (std::binary_search(b.countries.begin(), b.countries.end(), c)) shared = true;
    }
    if (!shared) return absl::StrCat("place conflict: ", a.countries[0], " vs ", b.countries[0]);
  }
  return "";
}

// "shared terms: treffen, kim, putin", "participants: ...": the shared terms
// by the size of their contribution, grouped by the label of their kind.
std::vector<std::string> Reasons(const PreparedCluster& cluster, const TermVector& a, const TermVector& b) {
  std::vector<std::pair<double, int>> shared;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      shared.emplace_back(-a[i].second * b[j].second, a[i].first);
      ++i;
      ++j;
    }
  }
  std::sort(shared.begin(), shared.end());
  std::map<std::string, std::vector<std::string>> by_label;
  std::vector<std::string> label_order;
  for (const auto& [neg, term] : shared) {
    const std::string label = TermKindLabel(cluster.term_kind[static_cast<size_t>(term)]);
    auto& shown = by_label[label];
    if (shown.empty()) label_order.push_back(label);
    const std::string& display = cluster.term_display[static_cast<size_t>(term)];
    if (shown.size() < 6 && std::find(shown.begin(), shown.end(), display) == shown.end()) {
      shown.push_back(display);
    }
  }
  std::vector<std::string> out;
  for (const std::string& label : label_order) out.push_back(absl::StrCat(label, ": ", absl::StrJoin(by_label[label], ", ")));
  return out;
}

}  // namespace

Alignment SelectLinks(const PreparedCluster& cluster, const std::vector<std::vector<Candidate>>& candidates,
                      const AlignOptions& options) {
  // Key (x, y) with x < y, so that a pair chosen from both sides is one link.
  std::map<std::pair<int, int>, Link> chosen;
  for (size_t x = 0; x < candidates.size(); ++x) {
    const PreparedSentence& sx = cluster.sentences[x];
    std::map<int, std::vector<Candidate>> by_doc;
    for (const Candidate& c : candidates[x]) {
      if (c.score < options.threshold) continue;
      by_doc[cluster.sentences[static_cast<size_t>(c.other)].doc].push_back(c);
    }
    for (auto& [doc, list] : by_doc) {
      const bool context = SameContext(cluster, sx.doc, doc, options);
      if (!context && !options.keep_different_event) continue;
      std::sort(list.begin(), list.end(), [](const Candidate& p, const Candidate& q) {
        return p.score != q.score ? p.score > q.score : p.other < q.other;
      });
      int taken = 0;
      for (const Candidate& c : list) {
        if (options.max_links_per_pair_of_docs > 0 && taken >= options.max_links_per_pair_of_docs) break;
        const PreparedSentence& sy = cluster.sentences[static_cast<size_t>(c.other)];
        std::string conflict = ConflictReason(sx, sy, options);
        if (!context && conflict.empty()) conflict = "different document context";
        if (!conflict.empty() && !options.keep_different_event) continue;
        ++taken;
        const int lo = std::min(static_cast<int>(x), c.other);
        const int hi = std::max(static_cast<int>(x), c.other);
        if (chosen.count({lo, hi})) continue;
        const PreparedSentence& a = cluster.sentences[static_cast<size_t>(lo)];
        const PreparedSentence& b = cluster.sentences[static_cast<size_t>(hi)];
        Link link;
        link.doc_a = a.doc;
        link.sentence_a = a.sentence;
        link.doc_b = b.doc;
        link.sentence_b = b.sentence;
        link.score = c.score;
        link.reasons = Reasons(cluster, a.vector, b.vector);
        if (!conflict.empty()) {
          link.possibly_different_event = true;
          link.reasons.push_back(conflict);
        }
        chosen.emplace(std::make_pair(lo, hi), std::move(link));
      }
    }
  }
  Alignment out;
  for (auto& [key, link] : chosen) out.links.push_back(std::move(link));
  // Statements are sorted by (doc, sentence) and doc_a < doc_b, so the map
  // order is already (doc_a, sentence_a, doc_b, sentence_b) except for the
  // pairs where lo's doc is the smaller one: it always is.
  std::sort(out.links.begin(), out.links.end(), [](const Link& p, const Link& q) {
    return std::tie(p.doc_a, p.sentence_a, p.doc_b, p.sentence_b) <
           std::tie(q.doc_a, q.sentence_a, q.doc_b, q.sentence_b);
  });
  return out;
}

}  // namespace align_internal

Alignment AlignStatements(absl::Span<const AnalyzedDocument> docs, absl::Span<const Lexicon* const> lexicons,
                          const AlignOptions& options) {
  using align_internal::Candidate;
  const align_internal::PreparedCluster cluster = align_internal::PrepareCluster(docs, lexicons, options);
  const size_t n = cluster.sentences.size();

  // Inverted index: term -> statements containing it.
  std::vector<std::vector<int>> postings(cluster.term_display.size());
  for (size_t x = 0; x < n; ++x) {
    for (const auto& [term, weight] : cluster.sentences[x].vector) postings[static_cast<size_t>(term)].push_back(static_cast<int>(x));
  }
  std::vector<std::vector<Candidate>> candidates(n);
  std::vector<char> seen(n, 0);
  std::vector<int> touched;
  for (size_t x = 0; x < n; ++x) {
    const auto& sx = cluster.sentences[x];
    touched.clear();
    for (const auto& [term, weight] : sx.vector) {
      const auto& list = postings[static_cast<size_t>(term)];
      if (options.max_postings > 0 && list.size() > static_cast<size_t>(options.max_postings)) continue;
      for (int y : list) {
        if (seen[static_cast<size_t>(y)] || cluster.sentences[static_cast<size_t>(y)].doc == sx.doc) continue;
        seen[static_cast<size_t>(y)] = 1;
        touched.push_back(y);
      }
    }
    for (int y : touched) {
      seen[static_cast<size_t>(y)] = 0;
      // The exact score, computed the same way as the reference aligner.
      const double score = align_internal::Dot(sx.vector, cluster.sentences[static_cast<size_t>(y)].vector);
      if (score > 0) candidates[x].push_back({y, score});
    }
  }
  return align_internal::SelectLinks(cluster, candidates, options);
}

}  // namespace claimdiff
