// AlignStatements: candidates from an inverted index over the statements'
// term vectors, then per statement its best partners in each other
// document (see align_internal.h for the two halves).

#include "claimdiff/align.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
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
  // Two meetings between different pairs of people: each names two and
  // each has someone the other lacks.
  if (a.parties.size() >= 2 && b.parties.size() >= 2 &&
      !std::includes(a.parties.begin(), a.parties.end(), b.parties.begin(), b.parties.end()) &&
      !std::includes(b.parties.begin(), b.parties.end(), a.parties.begin(), a.parties.end())) {
    return absl::StrCat("parties differ: ", absl::StrJoin(a.parties, ", "), " vs ", absl::StrJoin(b.parties, ", "));
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

// The slots ("time", "place") that one of a and b leaves open and the other
// gives, for the same kind of event: "No date yet for Biden-Putin summit"
// and "The summit will take place in Switzerland in mid-June". Empty when
// none.
std::string OpenSlots(const PreparedSentence& a, const PreparedSentence& b) {
  if (!a.open && !b.open) return "";  // Nearly all pairs.
  std::vector<std::string> shared;
  std::set_intersection(a.events.begin(), a.events.end(), b.events.begin(), b.events.end(),
                        std::back_inserter(shared));
  if (shared.empty()) return "";
  std::vector<std::string> slots;
  auto open_given = [&](const PreparedSentence& open, const PreparedSentence& given) {
    if (!open.open) return;
    if (open.times.empty() && !given.times.empty()) slots.push_back("time");
    if (open.countries.empty() && !given.countries.empty()) slots.push_back("place");
  };
  open_given(a, b);
  open_given(b, a);
  std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  return absl::StrJoin(slots, ", ");
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

// Hubness of each statement towards each other document: the mean of its
// `k` best candidate scores with the statements of that document (fewer
// candidates count as zeros). hubness[y] holds (doc, value) sorted by doc;
// all empty when k is 0.
std::vector<std::vector<std::pair<int, double>>> Hubness(const PreparedCluster& cluster,
                                                         const std::vector<std::vector<Candidate>>& candidates,
                                                         int k) {
  std::vector<std::vector<std::pair<int, double>>> out(candidates.size());
  if (k <= 0) return out;
  std::vector<std::pair<int, double>> scores;  // (doc, score)
  for (size_t y = 0; y < candidates.size(); ++y) {
    scores.clear();
    for (const Candidate& c : candidates[y]) {
      scores.emplace_back(cluster.sentences[static_cast<size_t>(c.other)].doc, c.score);
    }
    std::sort(scores.begin(), scores.end(), [](const auto& p, const auto& q) {
      return p.first != q.first ? p.first < q.first : p.second > q.second;
    });
    for (size_t i = 0; i < scores.size();) {
      size_t j = i;
      double sum = 0;
      while (j < scores.size() && scores[j].first == scores[i].first) {
        if (j - i < static_cast<size_t>(k)) sum += scores[j].second;
        ++j;
      }
      out[y].emplace_back(scores[i].first, sum / k);
      i = j;
    }
  }
  return out;
}

double HubnessTowards(const std::vector<std::pair<int, double>>& hubness, int doc) {
  auto it = std::lower_bound(hubness.begin(), hubness.end(), std::make_pair(doc, -1.0));
  return it != hubness.end() && it->first == doc ? it->second : 0;
}

}  // namespace

Alignment SelectLinks(const PreparedCluster& cluster, const std::vector<std::vector<Candidate>>& candidates,
                      const AlignOptions& options) {
  // The candidates that may become links, with the reason a kept link may
  // join two different events ("" when none).
  struct Eligible {
    Candidate candidate;
    std::string conflict;
  };
  std::vector<std::vector<Eligible>> eligible(candidates.size());
  // The plain candidates among them, for the hubness.
  std::vector<std::vector<Candidate>> plain(candidates.size());
  std::map<int, bool> context_of_doc;
  for (size_t x = 0; x < candidates.size(); ++x) {
    const PreparedSentence& sx = cluster.sentences[x];
    context_of_doc.clear();
    for (const Candidate& c : candidates[x]) {
      const PreparedSentence& sy = cluster.sentences[static_cast<size_t>(c.other)];
      if (c.score < options.time_alone_threshold && SharesOnlyTime(cluster, sx.vector, sy.vector)) continue;
      Candidate scored = c;
      if (!OpenSlots(sx, sy).empty()) scored.score += options.open_slot_bonus;
      auto [ctx, fresh] = context_of_doc.try_emplace(sy.doc, false);
      if (fresh) ctx->second = SameContext(cluster, sx.doc, sy.doc, options);
      std::string conflict = ConflictReason(sx, sy, options);
      if (!ctx->second && conflict.empty()) conflict = "different document context";
      if (conflict.empty()) plain[x].push_back(scored);
      if (!conflict.empty() && !options.keep_different_event) continue;
      eligible[x].push_back({scored, std::move(conflict)});
    }
  }
  const auto hubness = Hubness(cluster, plain, options.hub_weight > 0 ? options.hub_neighbors : 0);

  // Key (x, y) with x < y, so that a pair chosen from both sides is one link.
  std::map<std::pair<int, int>, Link> chosen;
  std::vector<const Eligible*> list;
  std::vector<const Eligible*> picks;
  std::map<int, int> taken_per_doc;
  for (size_t x = 0; x < candidates.size(); ++x) {
    const PreparedSentence& sx = cluster.sentences[x];
    // Within one document, a statement ranks its candidates by score less
    // the candidate's hubness towards the statement's document.
    auto rank = [&](const Candidate& c) {
      return c.score - options.hub_weight * HubnessTowards(hubness[static_cast<size_t>(c.other)], sx.doc);
    };
    list.clear();
    double best = 0;
    for (const Eligible& e : eligible[x]) {
      if (e.candidate.score < options.threshold) continue;
      list.push_back(&e);
      best = std::max(best, e.candidate.score);
    }
    if (list.empty()) continue;
    std::sort(list.begin(), list.end(), [&](const Eligible* p, const Eligible* q) {
      const double rp = rank(p->candidate), rq = rank(q->candidate);
      return rp != rq ? rp > rq : p->candidate.other < q->candidate.other;
    });
    const double floor = options.relative_threshold * best;
    taken_per_doc.clear();
    picks.clear();
    for (const Eligible* e : list) {
      const Candidate& c = e->candidate;
      if (c.score < floor) continue;
      int& taken_here = taken_per_doc[cluster.sentences[static_cast<size_t>(c.other)].doc];
      if (options.max_links_per_pair_of_docs > 0 && taken_here >= options.max_links_per_pair_of_docs) continue;
      // A further partner in the same document must stand out from what
      // that partner shares with any statement of this document.
      if (taken_here > 0 && rank(c) < options.further_link_min_rank) continue;
      ++taken_here;
      picks.push_back(e);
    }
    // Across documents, the best by score.
    std::stable_sort(picks.begin(), picks.end(),
                     [](const Eligible* p, const Eligible* q) { return p->candidate.score > q->candidate.score; });
    if (options.max_links_per_statement > 0 && picks.size() > static_cast<size_t>(options.max_links_per_statement)) {
      picks.resize(static_cast<size_t>(options.max_links_per_statement));
    }
    for (const Eligible* pick : picks) {
      const Candidate& c = pick->candidate;
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
      if (!pick->conflict.empty()) {
        link.possibly_different_event = true;
        link.reasons.push_back(pick->conflict);
      }
      chosen.emplace(std::make_pair(lo, hi), std::move(link));
    }
  }
  // Reasons only for the links kept.
  for (auto& [key, link] : chosen) {
    std::vector<std::string> reasons =
        Reasons(cluster, cluster.sentences[static_cast<size_t>(key.first)].vector,
                cluster.sentences[static_cast<size_t>(key.second)].vector);
    const std::string open = OpenSlots(cluster.sentences[static_cast<size_t>(key.first)],
                                       cluster.sentences[static_cast<size_t>(key.second)]);
    if (!open.empty()) reasons.push_back(absl::StrCat("left open by one, given by the other: ", open));
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
