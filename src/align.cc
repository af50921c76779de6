// AlignStatements: candidates from an inverted index over the statements'
// term vectors, then per statement its best partners in each other
// document (see align_internal.h for the two halves).

#include "claimdiff/align.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>

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
  ForEachShared(a, b, [&shared](int term, double wa, double wb) { shared.emplace_back(-wa * wb, term); });
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

// True when everything a and b share is time terms.
bool SharesOnlyTime(const PreparedCluster& cluster, const TermVector& a, const TermVector& b) {
  bool only_time = true;
  ForEachShared(a, b, [&](int term, double, double) {
    only_time = only_time && cluster.term_kind[static_cast<size_t>(term)] == TermKind::kTime;
  });
  return only_time;
}

// Hubness of each statement: the mean of its `k` best candidate scores
// (fewer candidates count as zeros); 0 for all when k is 0.
std::vector<double> Hubness(const std::vector<std::vector<Candidate>>& candidates, int k) {
  std::vector<double> out(candidates.size(), 0);
  if (k <= 0) return out;
  std::vector<double> scores;
  for (size_t x = 0; x < candidates.size(); ++x) {
    scores.clear();
    for (const Candidate& c : candidates[x]) scores.push_back(c.score);
    const size_t top = std::min(scores.size(), static_cast<size_t>(k));
    std::partial_sort(scores.begin(), scores.begin() + static_cast<long>(top), scores.end(), std::greater<>());
    double sum = 0;
    for (size_t i = 0; i < top; ++i) sum += scores[i];
    out[x] = sum / k;
  }
  return out;
}

}  // namespace

Alignment SelectLinks(const PreparedCluster& cluster, const std::vector<std::vector<Candidate>>& candidates,
                      const AlignOptions& options) {
  // Key (x, y) with x < y, so that a pair chosen from both sides is one link.
  std::map<std::pair<int, int>, Link> chosen;
  std::vector<Candidate> list;
  std::map<int, int> taken_per_doc;
  std::map<int, bool> context_of_doc;
  const std::vector<double> hubness = Hubness(candidates, options.hub_weight > 0 ? options.hub_neighbors : 0);
  // A statement ranks its candidates by score less the partner's hubness
  // (as CSLS does for word translation): a short, generic statement ("Es
  // wird das erste Treffen zwischen Putin und Kim sein.") is near to every
  // statement of the same story and would otherwise be everyone's best.
  auto rank = [&](const Candidate& c) {
    return c.score - options.hub_weight * hubness[static_cast<size_t>(c.other)];
  };
  for (size_t x = 0; x < candidates.size(); ++x) {
    const PreparedSentence& sx = cluster.sentences[x];
    list.clear();
    for (const Candidate& c : candidates[x]) {
      if (c.score >= options.threshold) list.push_back(c);
    }
    if (list.empty()) continue;
    std::sort(list.begin(), list.end(), [&](const Candidate& p, const Candidate& q) {
      const double rp = rank(p), rq = rank(q);
      return rp != rq ? rp > rq : p.other < q.other;
    });
    double best = 0;
    for (const Candidate& c : list) best = std::max(best, c.score);
    const double floor = options.relative_threshold * best;
    taken_per_doc.clear();
    context_of_doc.clear();
    int taken = 0;
    for (const Candidate& c : list) {
      if (options.max_links_per_statement > 0 && taken >= options.max_links_per_statement) break;
      if (c.score < floor) continue;
      const PreparedSentence& sy = cluster.sentences[static_cast<size_t>(c.other)];
      if (c.score < options.time_alone_threshold && SharesOnlyTime(cluster, sx.vector, sy.vector)) continue;
      auto [ctx, fresh] = context_of_doc.try_emplace(sy.doc, false);
      if (fresh) ctx->second = SameContext(cluster, sx.doc, sy.doc, options);
      const bool context = ctx->second;
      if (!context && !options.keep_different_event) continue;
      int& taken_here = taken_per_doc[sy.doc];
      if (options.max_links_per_pair_of_docs > 0 && taken_here >= options.max_links_per_pair_of_docs) continue;
      std::string conflict = ConflictReason(sx, sy, options);
      if (!context && conflict.empty()) conflict = "different document context";
      if (!conflict.empty() && !options.keep_different_event) continue;
      ++taken_here;
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
      if (!conflict.empty()) {
        link.possibly_different_event = true;
        link.reasons.push_back(std::move(conflict));
      }
      chosen.emplace(std::make_pair(lo, hi), std::move(link));
    }
  }
  // Reasons only for the links kept.
  for (auto& [key, link] : chosen) {
    std::vector<std::string> reasons =
        Reasons(cluster, cluster.sentences[static_cast<size_t>(key.first)].vector,
                cluster.sentences[static_cast<size_t>(key.second)].vector);
    reasons.insert(reasons.end(), link.reasons.begin(), link.reasons.end());
    link.reasons = std::move(reasons);
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

std::vector<UnmatchedWords> FindUnmatchedWords(const PreparedCluster& cluster) {
  // The document of each term, or kManyDocs once a second one uses it.
  constexpr int kNoDoc = -1, kManyDocs = -2;
  std::vector<int> term_doc(cluster.term_display.size(), kNoDoc);
  for (const PreparedSentence& s : cluster.sentences) {
    for (const WordTerms& word : s.words) {
      for (int term : word.terms) {
        int& d = term_doc[static_cast<size_t>(term)];
        if (d == kNoDoc) {
          d = s.doc;
        } else if (d != s.doc) {
          d = kManyDocs;
        }
      }
    }
  }
  std::vector<UnmatchedWords> out;
  for (const PreparedSentence& s : cluster.sentences) {
    UnmatchedWords u;
    u.doc = s.doc;
    u.sentence = s.sentence;
    for (const WordTerms& word : s.words) {
      if (!word.detail) continue;
      ++u.content_words;
      bool matched = false;
      for (int term : word.terms) matched = matched || term_doc[static_cast<size_t>(term)] == kManyDocs;
      if (!matched && std::find(u.words.begin(), u.words.end(), word.written) == u.words.end()) {
        u.words.push_back(word.written);
      }
    }
    if (!u.words.empty()) out.push_back(std::move(u));
  }
  return out;
}

}  // namespace align_internal

std::shared_ptr<const AlignLanguage> CompileAlignLanguage(const Lexicon& lexicon) {
  return std::make_shared<const AlignLanguage>(lexicon);
}

Alignment AlignStatements(absl::Span<const AnalyzedDocument> docs, absl::Span<const Lexicon* const> lexicons,
                          const AlignOptions& options) {
  std::map<const Lexicon*, std::shared_ptr<const AlignLanguage>> compiled;
  std::vector<const AlignLanguage*> languages;
  for (const Lexicon* lexicon : lexicons) {
    auto& language = compiled[lexicon];
    if (language == nullptr) language = CompileAlignLanguage(*lexicon);
    languages.push_back(language.get());
  }
  return AlignStatements(docs, languages, options);
}

Alignment AlignStatements(absl::Span<const AnalyzedDocument> docs, absl::Span<const AlignLanguage* const> languages,
                          const AlignOptions& options) {
  using align_internal::Candidate;
  std::vector<const align_internal::LanguageTerms*> terms;
  terms.reserve(languages.size());
  for (const AlignLanguage* language : languages) terms.push_back(&language->terms);
  const align_internal::PreparedCluster cluster = align_internal::PrepareCluster(docs, terms, options);
  const size_t n = cluster.sentences.size();

  // Inverted index: term -> statements containing it.
  std::vector<std::vector<std::pair<int, double>>> postings(cluster.term_display.size());
  for (size_t x = 0; x < n; ++x) {
    for (const auto& [term, weight] : cluster.sentences[x].vector) {
      postings[static_cast<size_t>(term)].emplace_back(static_cast<int>(x), weight);
    }
  }
  // Score-at-a-time over the postings of the searched terms: acc[y] is the
  // dot product over those terms, added in the same order as Dot() does, so
  // it is exact when no term was skipped. The best candidates by it are then
  // scored exactly.
  std::vector<std::vector<Candidate>> candidates(n);
  std::vector<double> acc(n, 0);
  std::vector<int> touched;
  std::vector<Candidate> ranked;
  const size_t max_candidates = options.max_candidates > 0 ? static_cast<size_t>(options.max_candidates) : n;
  for (size_t x = 0; x < n; ++x) {
    const auto& sx = cluster.sentences[x];
    touched.clear();
    bool skipped = false;
    for (const auto& [term, weight] : sx.vector) {
      const auto& list = postings[static_cast<size_t>(term)];
      auto begin = list.begin(), end = list.end();
      if (options.max_postings > 0 && list.size() > static_cast<size_t>(options.max_postings)) {
        // Too common to search whole: search the max_postings statements
        // around x in cluster order (a bounded, deterministic slice that
        // differs from statement to statement, so common terms still find
        // partners without making the search quadratic).
        skipped = true;
        const long cap = options.max_postings;
        const long at = std::lower_bound(list.begin(), list.end(), std::make_pair(static_cast<int>(x), 0.0)) -
                        list.begin();
        const long first = std::clamp(at - cap / 2, 0L, static_cast<long>(list.size()) - cap);
        begin = list.begin() + first;
        end = begin + cap;
      }
      for (auto it = begin; it != end; ++it) {
        const auto& [y, weight_y] = *it;
        if (cluster.sentences[static_cast<size_t>(y)].doc == sx.doc) continue;
        double& a = acc[static_cast<size_t>(y)];
        if (a == 0) touched.push_back(y);  // Weights are positive.
        a += weight * weight_y;
      }
    }
    ranked.clear();
    for (int y : touched) {
      ranked.push_back({y, acc[static_cast<size_t>(y)]});
      acc[static_cast<size_t>(y)] = 0;
    }
    if (ranked.size() > max_candidates) {
      std::nth_element(ranked.begin(), ranked.begin() + static_cast<long>(max_candidates), ranked.end(),
                       [](const Candidate& p, const Candidate& q) {
                         return p.score != q.score ? p.score > q.score : p.other < q.other;
                       });
      ranked.resize(max_candidates);
    }
    for (Candidate& c : ranked) {
      if (skipped) c.score = align_internal::Dot(sx.vector, cluster.sentences[static_cast<size_t>(c.other)].vector);
      if (c.score > 0) candidates[x].push_back(c);
    }
  }
  Alignment out = align_internal::SelectLinks(cluster, candidates, options);
  if (options.find_unmatched_words) out.unmatched = align_internal::FindUnmatchedWords(cluster);
  return out;
}

}  // namespace claimdiff
