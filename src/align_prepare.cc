// Statements to weighted term vectors, and documents to document contexts.

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "align_internal.h"
#include "core_stemmer.h"

namespace claimdiff::align_internal {

namespace {

// Kind weights: how much one shared term of a kind says about two
// statements speaking of the same thing. Compound parts and synonyms are
// weaker evidence than the same word; a trigram is a small piece of a name;
// a shared participant (same person under two spellings) is strong, and so
// is a shared anchored month (1.5; 0.7 before: seeds F1 0.546 -> 0.597,
// ECB+ dev 0.907 -> 0.906); a shared open status (unconfirmed, unclear)
// counts like a word.
double KindWeight(TermKind kind) {
  switch (kind) {
    case TermKind::kStem: return 1.0;
    case TermKind::kCompoundPart: return 0.6;
    case TermKind::kSynonym: return 0.8;
    case TermKind::kNgram: return 0.3;
    case TermKind::kNumber: return 1.0;
    case TermKind::kParticipant: return 1.5;
    case TermKind::kPlace: return 1.0;
    case TermKind::kTime: return 1.5;
    case TermKind::kEvent: return 0.5;
    case TermKind::kQuantity: return 0.5;
    case TermKind::kCertainty: return 1.0;
  }
  return 1.0;
}

// Whether a term kind describes the document's subject for the document
// context (function-like evidence such as trigrams and events stays out).
bool ContextKind(TermKind kind) {
  return kind == TermKind::kStem || kind == TermKind::kNumber || kind == TermKind::kParticipant ||
         kind == TermKind::kPlace || kind == TermKind::kCompoundPart || kind == TermKind::kSynonym;
}

bool InFurniture(const Span& span, const std::vector<Furniture>& furniture) {
  for (const Furniture& f : furniture) {
    if (f.span.start < span.end && span.start < f.span.end) return true;
  }
  return false;
}

std::string NumberKey(absl::string_view digits) {
  std::string out;
  for (char c : digits) {
    if (c != '.' && c != ',') out.push_back(c);
  }
  return out;
}

bool AnchoredGranularity(absl::string_view g) {
  return g == "day" || g == "week" || g == "half" || g == "month" || g == "time";
}

// Time terms of an anchored interval: the months it touches, and for an
// interval of at most a week the weeks (by their Monday), so that "23. oder
// 24. April" meets "kommende Woche" (2019-W17) in a week term and "noch in
// diesem Monat" in a month term. Intervals longer than two months give the
// first month only, as before: they say little about one event.
std::vector<std::pair<std::string, std::string>> TimeKeys(absl::CivilDay first, absl::CivilDay last) {
  std::vector<std::pair<std::string, std::string>> keys;
  const absl::CivilMonth first_month(first), last_month(last);
  for (absl::CivilMonth m = first_month; m <= last_month && keys.size() < 3; ++m) {
    keys.emplace_back(absl::StrCat("t:", absl::FormatCivilTime(m)), absl::FormatCivilTime(m));
  }
  if (last - first < 7) {
    for (absl::CivilDay day : {first, last}) {
      const absl::CivilDay monday = absl::PrevWeekday(day + 1, absl::Weekday::monday);
      std::string shown = absl::StrCat("week of ", absl::FormatCivilTime(monday));
      if (!keys.empty() && keys.back().second == shown) continue;
      keys.emplace_back(absl::StrCat("w:", absl::FormatCivilTime(monday)), std::move(shown));
    }
  }
  return keys;
}

// The statement of sentence `sentence`: statements are one per sentence in
// sentence order, so usually at that index.
const Statement* StatementOf(const AnalyzedDocument& doc, int sentence) {
  const std::vector<Statement>& sts = doc.ext.statements;
  if (sentence >= 0 && static_cast<size_t>(sentence) < sts.size() && sts[static_cast<size_t>(sentence)].sentence == sentence) {
    return &sts[static_cast<size_t>(sentence)];
  }
  for (const Statement& st : sts) {
    if (st.sentence == sentence) return &st;
  }
  return nullptr;
}

// Parts of a statement whose words the extract stage already stands for:
// anchored times (time terms), and the certainty and negation cues (the
// statement's status). Their words do not count again as words, so that
// "in der zweiten Aprilhälfte" does not meet "Putins zweite Einladung" and
// "Bestätigt ist das aber nicht" does not meet "bestätigte Peskow".
std::vector<Span> RepresentedSpans(const AnalyzedDocument& doc, const Statement& st) {
  std::vector<Span> spans;
  for (int t : st.times) {
    if (t < 0 || static_cast<size_t>(t) >= doc.ext.timex.size()) continue;
    const Timex& tx = doc.ext.timex[static_cast<size_t>(t)];
    if (tx.first_day && tx.last_day && !tx.relative && AnchoredGranularity(tx.granularity)) spans.push_back(tx.span);
  }
  if (st.certainty_span) spans.push_back(*st.certainty_span);
  if (st.negation_span) spans.push_back(*st.negation_span);
  return spans;
}

// Spans of the slots the extract stage found in a statement, which are
// compared on their own, so their words are no unmatched details (the
// words of RepresentedSpans are no terms at all).
std::vector<Span> SlotSpans(const AnalyzedDocument& doc, const Statement& st) {
  std::vector<Span> spans;
  for (int t : st.times) {
    if (t >= 0 && static_cast<size_t>(t) < doc.ext.timex.size()) spans.push_back(doc.ext.timex[static_cast<size_t>(t)].span);
  }
  for (const Participant& p : st.participants) {
    spans.push_back(p.span);
    if (p.title_span) spans.push_back(*p.title_span);
  }
  for (const Place& p : st.places) spans.push_back(p.span);
  for (const Quantity& q : st.quantities) spans.push_back(q.span);
  for (const Attribution& a : st.attributions) spans.push_back(a.span);
  return spans;
}

// Spans of the media named in a statement ("Russische Medien").
std::vector<Span> MediaSpans(const Statement& st) {
  std::vector<Span> spans;
  for (const Participant& p : st.participants) {
    if (p.kind == "media") spans.push_back(p.span);
  }
  return spans;
}

bool Covered(const std::vector<Span>& spans, const Span& word) {
  for (const Span& s : spans) {
    if (s.start <= word.start && word.end <= s.end) return true;
  }
  return false;
}

std::string CountryOf(const Place& place) {
  if (place.kind == "country") return place.id;
  for (const std::string& id : place.within) {
    if (absl::StartsWith(id, "country:")) return id;
  }
  return "";
}

struct Interner {
  absl::flat_hash_map<std::string, int> ids;
  std::vector<std::string> display;
  std::vector<TermKind> kind;
  std::vector<double> background;  // Weight factor from the background table.

  int Id(const TermOccurrence& t, double background_factor) {
    auto [it, inserted] = ids.try_emplace(t.key, static_cast<int>(display.size()));
    if (inserted) {
      display.push_back(t.display);
      kind.push_back(t.kind);
      background.push_back(background_factor);
    }
    return it->second;
  }
};

// Background weight factor of a stem: common words of the language weigh
// less even when they are rare in the cluster. log(1/share) scaled by the
// largest possible value, floored so that no word is silenced.
double BackgroundFactor(const LanguageTerms& terms, absl::string_view stem) {
  if (!terms.HasBackground()) return 1.0;
  const double share = terms.BackgroundShare(stem);
  if (share <= 0) return 1.0;
  const double factor = 0.25 + 0.75 * std::min(1.0, -std::log(share) / std::log(1000.0));
  return std::clamp(factor, 0.25, 1.0);
}

// Document tf-idf vectors over context kinds, then each document's nearest
// neighbours through an inverted index.
std::vector<std::vector<int>> DocumentNeighbors(const std::vector<std::vector<std::pair<int, int>>>& doc_counts,
                                                size_t num_terms, const AlignOptions& options) {
  const int n = static_cast<int>(doc_counts.size());
  std::vector<int> df(num_terms, 0);
  for (const auto& counts : doc_counts) {
    for (const auto& [term, count] : counts) ++df[static_cast<size_t>(term)];
  }
  std::vector<TermVector> vectors(static_cast<size_t>(n));
  std::vector<std::vector<std::pair<int, double>>> postings(num_terms);
  for (int d = 0; d < n; ++d) {
    TermVector& v = vectors[static_cast<size_t>(d)];
    double norm = 0;
    for (const auto& [term, count] : doc_counts[static_cast<size_t>(d)]) {
      const int f = df[static_cast<size_t>(term)];
      if (f < 2) continue;  // A term of one document links no two.
      const double w = (1 + std::log(static_cast<double>(count))) * std::log((n + 1.0) / f);
      if (w <= 0) continue;
      v.emplace_back(term, w);
      norm += w * w;
    }
    norm = std::sqrt(norm);
    for (auto& entry : v) {
      entry.second /= norm;
      postings[static_cast<size_t>(entry.first)].emplace_back(d, entry.second);
    }
  }
  std::vector<std::vector<int>> neighbors(static_cast<size_t>(n));
  std::vector<double> acc(static_cast<size_t>(n), 0);
  std::vector<int> touched;
  for (int d = 0; d < n; ++d) {
    touched.clear();
    for (const auto& [term, w] : vectors[static_cast<size_t>(d)]) {
      const auto& list = postings[static_cast<size_t>(term)];
      if (options.max_postings > 0 && list.size() > static_cast<size_t>(options.max_postings)) continue;
      for (const auto& [other, w2] : list) {
        if (other == d) continue;
        if (acc[static_cast<size_t>(other)] == 0) touched.push_back(other);
        acc[static_cast<size_t>(other)] += w * w2;
      }
    }
    std::vector<std::pair<double, int>> ranked;
    for (int other : touched) {
      ranked.emplace_back(-acc[static_cast<size_t>(other)], other);
      acc[static_cast<size_t>(other)] = 0;
    }
    const size_t k = static_cast<size_t>(std::max(0, options.context_neighbors));
    std::sort(ranked.begin(), ranked.end());
    if (ranked.size() > k) ranked.resize(k);
    for (const auto& [score, other] : ranked) neighbors[static_cast<size_t>(d)].push_back(other);
    std::sort(neighbors[static_cast<size_t>(d)].begin(), neighbors[static_cast<size_t>(d)].end());
  }
  return neighbors;
}

}  // namespace

double Dot(const TermVector& a, const TermVector& b) {
  double sum = 0;
  ForEachShared(a, b, [&sum](int, double wa, double wb) { sum += wa * wb; });
  return sum;
}

bool SameContext(const PreparedCluster& cluster, int doc_a, int doc_b, const AlignOptions& options) {
  if (!options.use_document_context) return true;
  // With this few documents every neighbourhood holds all the others.
  if (cluster.num_docs <= options.context_neighbors + 1) return true;
  const std::vector<int>& na = cluster.neighbors[static_cast<size_t>(doc_a)];
  const std::vector<int>& nb = cluster.neighbors[static_cast<size_t>(doc_b)];
  int shared = 0;
  if (std::binary_search(na.begin(), na.end(), doc_b)) ++shared;
  if (std::binary_search(nb.begin(), nb.end(), doc_a)) ++shared;
  size_t i = 0, j = 0;
  while (i < na.size() && j < nb.size()) {
    if (na[i] < nb[j]) {
      ++i;
    } else if (nb[j] < na[i]) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return shared >= options.context_min_shared;
}

PreparedCluster PrepareCluster(absl::Span<const AnalyzedDocument> docs,
                               absl::Span<const LanguageTerms* const> languages, const AlignOptions& options) {
  PreparedCluster out;
  out.num_docs = static_cast<int>(docs.size());

  // A stemmer per language for this call (Snowball stemmers are not
  // thread-safe; the compiled languages are shared).
  std::map<const LanguageTerms*, std::unique_ptr<SnowballStemmer>> stemmers;
  for (const LanguageTerms* terms : languages) {
    if (!stemmers.count(terms)) stemmers.emplace(terms, std::make_unique<SnowballStemmer>(terms->stemmer_algorithm()));
  }

  // Words of every alignable sentence, and the vocabulary of the cluster per
  // language: compounds are split into words the documents themselves use.
  struct Pending {
    int doc, sentence;
    std::vector<Word> words;
  };
  std::vector<Pending> pending;
  std::map<const LanguageTerms*, absl::flat_hash_set<std::string>> vocabulary;
  for (size_t d = 0; d < docs.size(); ++d) {
    const AnalyzedDocument& doc = docs[d];
    const LanguageTerms& terms = *languages[d];
    auto& vocab = vocabulary[languages[d]];
    for (size_t s = 0; s < doc.seg.sentences.size(); ++s) {
      const Span& span = doc.seg.sentences[s].span;
      if (span.empty() || span.end > doc.doc.text.size()) continue;
      if (InFurniture(span, doc.seg.furniture)) continue;
      Pending p{static_cast<int>(d), static_cast<int>(s),
                SplitWords(absl::string_view(doc.doc.text).substr(span.start, span.size()))};
      if (p.words.empty()) continue;
      for (const Word& w : p.words) {
        if (!w.number && CodePoints(w.folded) >= 4 && !terms.IsStopword(w.folded)) vocab.insert(w.folded);
      }
      pending.push_back(std::move(p));
    }
  }

  Interner interner;
  std::vector<std::vector<std::pair<int, double>>> raw;  // (term, kind weight), with repeats.
  for (const Pending& p : pending) {
    const AnalyzedDocument& doc = docs[static_cast<size_t>(p.doc)];
    const LanguageTerms& terms = *languages[static_cast<size_t>(p.doc)];
    const SnowballStemmer& stemmer = *stemmers[&terms];
    const auto& vocab = vocabulary[&terms];
    const std::string lang_prefix = absl::StrCat(doc.doc.lang, ":");
    std::vector<std::pair<int, double>> occurrences;
    auto add = [&](TermOccurrence t, double background_factor) {
      const int id = interner.Id(t, background_factor);
      occurrences.emplace_back(id, KindWeight(t.kind));
    };
    PreparedSentence prepared;
    prepared.doc = p.doc;
    prepared.sentence = p.sentence;
    const Statement* st = StatementOf(doc, p.sentence);
    const std::vector<Span> represented =
        st != nullptr ? RepresentedSpans(doc, *st) : std::vector<Span>();
    const size_t sentence_start = doc.seg.sentences[static_cast<size_t>(p.sentence)].span.start;
    const std::vector<Span> slots =
        options.find_unmatched_words && st != nullptr ? SlotSpans(doc, *st) : std::vector<Span>();
    const std::vector<Span> media = st != nullptr ? MediaSpans(*st) : std::vector<Span>();
    for (const Word& w : p.words) {
      const Span word_span{sentence_start + w.start, sentence_start + w.end};
      if (Covered(represented, word_span)) continue;
      // "Russische Medien" and "Südkoreanischen Medien" are two sources,
      // told apart by their participant keys; the media noun is no content.
      if (Covered(media, word_span)) continue;
      if (w.number) {
        add({absl::StrCat("n:", NumberKey(w.folded)), TermKind::kNumber, w.folded}, 1.0);
        continue;
      }
      if (terms.IsStopword(w.folded)) continue;
      const std::string stem = stemmer.Stem(w.folded);
      if (stem.empty()) continue;
      const size_t first_term = occurrences.size();
      const double bg = BackgroundFactor(terms, stem);
      add({absl::StrCat("s:", stem), TermKind::kStem, w.folded}, bg);
      if (const std::vector<int>* groups = terms.SynonymGroups(stem)) {
        for (int g : *groups) add({absl::StrCat("y:", lang_prefix, g), TermKind::kSynonym, w.folded}, 1.0);
      }
      // Compounds that split are nouns, capitalized where the language
      // capitalizes nouns: "nordkoreanischen" is no "nordkorea|nischen".
      const std::vector<std::string> parts = terms.compounds_capitalized() && !w.upper
                                                 ? std::vector<std::string>()
                                                 : terms.SplitCompound(w.folded, vocab);
      for (const std::string& part : parts) {
        if (terms.IsStopword(part)) continue;
        const std::string part_stem = stemmer.Stem(part);
        if (part_stem == stem) continue;
        add({absl::StrCat("s:", part_stem), TermKind::kCompoundPart, part}, BackgroundFactor(terms, part_stem));
        if (const std::vector<int>* groups = terms.SynonymGroups(part_stem)) {
          for (int g : *groups) add({absl::StrCat("y:", lang_prefix, g), TermKind::kSynonym, part}, 1.0);
        }
      }
      if (options.find_unmatched_words) {
        WordTerms word{doc.doc.text.substr(word_span.start, word_span.size()), {}, !Covered(slots, word_span)};
        for (size_t i = first_term; i < occurrences.size(); ++i) word.terms.push_back(occurrences[i].first);
        prepared.words.push_back(std::move(word));
      }
      // Names and transliterations ("Wladiwostok", "Vladivostok"): rare
      // capitalized words that are no known word or compound also match by
      // character trigrams.
      if (w.upper && parts.empty() && terms.ngram_min_length() > 0 &&
          CodePoints(w.folded) >= terms.ngram_min_length() && terms.BackgroundShare(stem) == 0 &&
          !terms.IsKnownWord(w.folded)) {
        for (const std::string& tri : Trigrams(w.folded)) {
          add({absl::StrCat("g:", tri), TermKind::kNgram, w.folded}, 1.0);
        }
      }
    }
    // Extracted parts of the statement, when the extract stage found any.
    if (st != nullptr) {
      for (const Participant& part : st->participants) {
        if (!part.key.empty()) add({absl::StrCat("p:", part.key), TermKind::kParticipant, part.name}, 1.0);
      }
      // A source speaks for its organisation: "Kreml-Sprecher Dmitri Peskow
      // verkündete" and "teilte der Kreml mit" share the Kremlin.
      for (const Attribution& a : st->attributions) {
        for (const Participant& part : st->participants) {
          if (part.key == a.key && !part.affiliation.empty()) {
            add({absl::StrCat("p:", part.affiliation), TermKind::kParticipant, part.affiliation}, 1.0);
            break;
          }
        }
      }
      for (const Place& place : st->places) {
        if (place.role == "speaker" || place.id.empty()) continue;
        add({absl::StrCat("l:", place.id), TermKind::kPlace, place.name}, 1.0);
        if (place.role == "event") {
          const std::string country = CountryOf(place);
          if (!country.empty()) prepared.countries.push_back(country);
        }
      }
      bool party_event = false;
      prepared.open = st->negated || st->certainty == Certainty::kUnclear;
      for (const EventMention& e : st->events) {
        if (e.cls.empty()) continue;
        prepared.events.push_back(e.cls);
        add({absl::StrCat("e:", e.cls), TermKind::kEvent, e.cls}, 1.0);
        // A visit of one leader to another is a meeting of the two.
        for (const std::string& broader : terms.BroaderEvents(e.cls)) {
          add({absl::StrCat("e:", broader), TermKind::kEvent, broader}, 1.0);
        }
        party_event = party_event || terms.IsPartyEvent(e.cls);
      }
      if (party_event) {
        for (const Participant& part : st->participants) {
          if (part.kind == "person" && !part.key.empty()) prepared.parties.push_back(part.key);
        }
        std::sort(prepared.parties.begin(), prepared.parties.end());
        prepared.parties.erase(std::unique(prepared.parties.begin(), prepared.parties.end()), prepared.parties.end());
      }
      for (const Quantity& q : st->quantities) {
        if (q.ordinal) continue;
        const std::string shown = absl::StrFormat("%g%s%s", q.value, q.unit.empty() ? "" : " ", q.unit);
        add({absl::StrCat("q:", shown, "/", q.counts), TermKind::kQuantity, shown}, 1.0);
      }
      // Statements that leave the matter open ("Bestätigt ist das aber
      // nicht", "ist noch ungeklärt") speak about the same open question.
      if (st->certainty == Certainty::kUnconfirmed || st->certainty == Certainty::kUnclear ||
          st->certainty == Certainty::kDenied) {
        add({"c:open", TermKind::kCertainty, CertaintyName(st->certainty)}, 1.0);
      }
      for (int t : st->times) {
        if (t < 0 || static_cast<size_t>(t) >= doc.ext.timex.size()) continue;
        const Timex& tx = doc.ext.timex[static_cast<size_t>(t)];
        if (!tx.first_day || !tx.last_day || tx.relative || !AnchoredGranularity(tx.granularity)) continue;
        for (const auto& [key, shown] : TimeKeys(*tx.first_day, *tx.last_day)) {
          add({key, TermKind::kTime, shown}, 1.0);
        }
        prepared.times.push_back({*tx.first_day, *tx.last_day, tx.value});
      }
    }
    std::sort(prepared.events.begin(), prepared.events.end());
    prepared.events.erase(std::unique(prepared.events.begin(), prepared.events.end()), prepared.events.end());
    std::sort(prepared.countries.begin(), prepared.countries.end());
    prepared.countries.erase(std::unique(prepared.countries.begin(), prepared.countries.end()),
                             prepared.countries.end());
    out.sentences.push_back(std::move(prepared));
    raw.push_back(std::move(occurrences));
  }

  // Sentence frequencies within the cluster.
  const size_t num_terms = interner.display.size();
  std::vector<int> df(num_terms, 0);
  for (auto& occ : raw) {
    std::sort(occ.begin(), occ.end());
    for (size_t i = 0; i < occ.size(); ++i) {
      if (i == 0 || occ[i].first != occ[i - 1].first) ++df[static_cast<size_t>(occ[i].first)];
    }
  }
  const double n = static_cast<double>(raw.size());
  for (size_t x = 0; x < raw.size(); ++x) {
    const auto& occ = raw[x];
    TermVector& v = out.sentences[x].vector;
    double norm = 0;
    for (size_t i = 0; i < occ.size();) {
      size_t j = i;
      double kind_weight = 0;
      while (j < occ.size() && occ[j].first == occ[i].first) kind_weight = std::max(kind_weight, occ[j++].second);
      const size_t term = static_cast<size_t>(occ[i].first);
      const double tf = static_cast<double>(j - i);
      i = j;
      const double w =
          kind_weight * interner.background[term] * (1 + std::log(tf)) * std::log((n + 1) / df[term]);
      if (w <= 0) continue;
      norm += w * w;
      // A term of one statement links it to none; it only counts in the norm.
      if (df[term] >= 2) v.emplace_back(static_cast<int>(term), w);
    }
    norm = std::sqrt(norm);
    for (auto& entry : v) entry.second /= norm;
  }

  // Document contexts from the same terms, counted per document.
  std::vector<std::vector<std::pair<int, int>>> doc_counts(docs.size());
  {
    std::vector<absl::flat_hash_map<int, int>> counts(docs.size());
    for (size_t x = 0; x < raw.size(); ++x) {
      for (const auto& [term, weight] : raw[x]) {
        if (ContextKind(interner.kind[static_cast<size_t>(term)])) {
          ++counts[static_cast<size_t>(out.sentences[x].doc)][term];
        }
      }
    }
    for (size_t d = 0; d < docs.size(); ++d) {
      doc_counts[d].assign(counts[d].begin(), counts[d].end());
      std::sort(doc_counts[d].begin(), doc_counts[d].end());
    }
  }
  out.neighbors = DocumentNeighbors(doc_counts, num_terms, options);
  out.term_display = std::move(interner.display);
  out.term_kind = std::move(interner.kind);
  return out;
}

}  // namespace claimdiff::align_internal
