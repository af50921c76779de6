// Extract stage: runs the part taggers over each sentence and assembles
// Statements: time expressions (extract_timex), places (extract_places),
// participants, quantities, events, certainty and negation, attribution.
//
// Certainty of a statement: every cue that fires (certainty.tsv, and the
// speech cues of attribution.tsv, whose certainty depends on whether the
// source is official) has a strength from the data; the strongest decides.
// A cue with scope "previous_sentence" ("Bestätigt ist das aber nicht.")
// sets the previous statement to its certainty and marks it
// certainty_from_context.
#include "claimdiff/extract.h"

#include <algorithm>
#include <iterator>
#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"

#include "extract_attribution.h"
#include "extract_certainty.h"
#include "extract_events.h"
#include "extract_participants.h"
#include "extract_places.h"
#include "extract_quantities.h"
#include "extract_timex.h"
#include "extract_tokens.h"
#include "status_macros.h"

namespace claimdiff {

const char* CertaintyName(Certainty c) {
  switch (c) {
    case Certainty::kAsserted: return "asserted";
    case Certainty::kConfirmed: return "confirmed";
    case Certainty::kAnnounced: return "announced";
    case Certainty::kReported: return "reported";
    case Certainty::kHedged: return "hedged";
    case Certainty::kUnconfirmed: return "unconfirmed";
    case Certainty::kDenied: return "denied";
    case Certainty::kUnclear: return "unclear";
  }
  return "asserted";
}

namespace {

struct Taggers {
  std::string stemmer;
  std::unique_ptr<TimexTagger> timex;
  std::unique_ptr<PlaceMatcher> places;
  std::unique_ptr<ParticipantTagger> participants;
  std::unique_ptr<EventTagger> events;
  std::unique_ptr<QuantityTagger> quantities;
  std::unique_ptr<CertaintyTagger> certainty;
  std::unique_ptr<AttributionTagger> attribution;
};

class ExtractorImpl : public Extractor {
 public:
  explicit ExtractorImpl(Taggers t) : t_(std::move(t)) {}

  Extraction Extract(const Document& doc, const Segmentation& seg) const override {
    Extraction ext;
    std::vector<std::string> tenses;
    ext.timex = t_.timex->Tag(doc, seg, &tenses);
    // Snowball stemmers keep state: one per thread, which also remembers the
    // stems of the words it has seen.
    static thread_local absl::flat_hash_map<std::string, std::unique_ptr<Stemmer>> stemmers;
    std::unique_ptr<Stemmer>& slot = stemmers[t_.stemmer];
    if (slot == nullptr) slot = std::make_unique<Stemmer>(t_.stemmer);
    const Stemmer& stemmer = *slot;
    NameMemory memory;
    const absl::string_view text = doc.text;
    ext.statements.reserve(seg.sentences.size());
    for (size_t i = 0; i < seg.sentences.size(); ++i) {
      Statement& st = ext.statements.emplace_back();
      st.sentence = static_cast<int>(i);
      st.span = seg.sentences[i].span;
      st.tense = std::move(tenses[i]);
    }
    // The times of sentence i: timex_of[timex_begin[i], timex_begin[i + 1]),
    // in text order (a counting sort by sentence).
    std::vector<size_t> timex_begin(seg.sentences.size() + 1, 0);
    for (const Timex& t : ext.timex) {
      if (t.sentence >= 0 && t.sentence < static_cast<int>(ext.statements.size())) {
        ++timex_begin[static_cast<size_t>(t.sentence) + 1];
      }
    }
    for (size_t i = 1; i < timex_begin.size(); ++i) timex_begin[i] += timex_begin[i - 1];
    std::vector<const Timex*> timex_of(timex_begin.back());
    std::vector<size_t> filled(timex_begin.begin(), timex_begin.end() - 1);
    for (size_t i = 0; i < ext.statements.size(); ++i) {
      ext.statements[i].times.reserve(timex_begin[i + 1] - timex_begin[i]);
    }
    for (size_t t = 0; t < ext.timex.size(); ++t) {
      int s = ext.timex[t].sentence;
      if (s >= 0 && s < static_cast<int>(ext.statements.size())) {
        ext.statements[static_cast<size_t>(s)].times.push_back(static_cast<int>(t));
        timex_of[filled[static_cast<size_t>(s)]++] = &ext.timex[t];
      }
    }
    SentenceScratch scratch;
    for (size_t i = 0; i < ext.statements.size(); ++i) {
      Statement& st = ext.statements[i];
      const absl::Span<const Timex* const> timex =
          absl::MakeConstSpan(timex_of).subspan(timex_begin[i], timex_begin[i + 1] - timex_begin[i]);
      ExtractStatement(text, doc, timex, stemmer, &memory, &scratch, &st, i > 0 ? &ext.statements[i - 1] : nullptr);
      // Only a sentence that could take people from context is searched
      // for a phrase that refers back to two (most sentences cannot).
      if (const Statement* before = PairBefore(ext.statements, i)) {
        if (std::optional<Span> pair = t_.participants->FindPairReference(scratch.tokens)) {
          PeopleFromContext(text, *pair, *before, &st);
        }
      }
    }
    return ext;
  }

 private:
  // Buffers of one sentence, kept from one sentence to the next.
  struct SentenceScratch {
    std::vector<Token> tokens;
    std::vector<bool> used;
  };

  static int People(const Statement& s) {
    int n = 0;
    for (const Participant& p : s.participants) n += p.kind == "person";
    return n;
  }

  // "Die beiden Regierungschefs trafen sich ...": a sentence that names
  // fewer than two people but refers back to two speaks of the people of
  // the nearest earlier sentence, at most two back, that has at least two
  // (named, or referred back to themselves). That sentence, or nullptr.
  static const Statement* PairBefore(const std::vector<Statement>& statements, size_t i) {
    constexpr size_t kMaxBack = 2;
    if (People(statements[i]) >= 2) return nullptr;
    for (size_t back = 1; back <= kMaxBack && back <= i; ++back) {
      if (People(statements[i - back]) >= 2) return &statements[i - back];
    }
    return nullptr;
  }

  // Adds the people of `before` that `st` does not name, as written by the
  // phrase `pair` of `st`.
  static void PeopleFromContext(absl::string_view text, const Span& pair, const Statement& before, Statement* st) {
    for (const Participant& p : before.participants) {
      if (p.kind != "person") continue;
      bool named = false;
      for (const Participant& q : st->participants) named = named || q.key == p.key;
      if (named) continue;
      Participant copy = p;
      copy.span = pair;
      copy.name = std::string(text.substr(pair.start, pair.size()));
      copy.title.clear();
      copy.title_written.clear();
      copy.title_span.reset();
      copy.from_context = true;
      st->participants.push_back(std::move(copy));
    }
  }

  void ExtractStatement(absl::string_view text, const Document& doc, absl::Span<const Timex* const> timex,
                        const Stemmer& stemmer, NameMemory* memory, SentenceScratch* scratch, Statement* st,
                        Statement* previous) const {
    std::vector<Token>& tokens = scratch->tokens;
    Tokenize(text, st->span, &tokens);
    stemmer.StemAll(&tokens);
    const size_t n = tokens.size();

    // Tokens inside time expressions are no quantities or events; nor are
    // those of names and places (marked below).
    std::vector<bool>& used = scratch->used;
    used.assign(n, false);
    for (const Timex* t : timex) {
      for (size_t k = 0; k < n; ++k) {
        if (tokens[k].start < t->span.end && tokens[k].end > t->span.start) used[k] = true;
      }
    }

    std::vector<FoundParticipant> found = t_.participants->Find(text, tokens, memory);
    for (const FoundParticipant& p : found) {
      for (size_t k = p.begin; k < p.end; ++k) used[k] = true;
    }
    if (t_.places != nullptr) st->places = t_.places->Find(text, tokens);
    for (const Place& pl : st->places) {
      for (size_t k = 0; k < n; ++k) {
        if (tokens[k].start < pl.span.end && tokens[k].end > pl.span.start) used[k] = true;
      }
    }
    st->events = t_.events->Find(text, tokens, used);
    st->quantities = t_.quantities->Find(text, tokens, used, t_.events.get());

    // A sentence speaks of a plan when one of its times reaches past the
    // publication date (see the rule for modal "soll" in extract_certainty.cc).
    bool plan = false;
    for (const Timex* t : timex) {
      if (doc.published && t->last_day && *t->last_day > *doc.published) plan = true;
    }
    CertaintyResult cr = t_.certainty->Find(text, tokens, plan);
    static const std::vector<Attribution> kNone;
    AttributionResult ar = t_.attribution->Find(text, tokens, found, timex, st->places,
                                                previous != nullptr ? previous->attributions : kNone, doc.published);
    st->attributions = std::move(ar.attributions);
    // The participants move to the statement once attribution has used them.
    st->participants.reserve(found.size());
    for (FoundParticipant& p : found) st->participants.push_back(std::move(p.participant));
    cr.cues.insert(cr.cues.end(), std::make_move_iterator(ar.cues.begin()), std::make_move_iterator(ar.cues.end()));

    const CertaintyCue* best = nullptr;
    const CertaintyCue* best_previous = nullptr;
    for (const CertaintyCue& c : cr.cues) {
      const CertaintyCue*& slot = c.previous ? best_previous : best;
      if (slot == nullptr || c.strength > slot->strength) slot = &c;
    }
    if (best_previous != nullptr) {
      // The cue comments on the sentence before and on itself.
      if (best == nullptr || best_previous->strength >= best->strength) best = best_previous;
      if (previous != nullptr) {
        previous->certainty = best_previous->certainty;
        previous->certainty_cue = best_previous->cue;
        previous->certainty_span = best_previous->span;
        previous->certainty_from_context = true;
      }
    }
    if (best != nullptr) {
      st->certainty = best->certainty;
      st->certainty_cue = best->cue;
      st->certainty_span = best->span;
    }
    if (cr.negation) {
      st->negated = true;
      st->negation_span = cr.negation;
    }
    st->said_on = doc.published;
    for (const Attribution& a : st->attributions) {
      if (a.when) {
        st->said_on = a.when;
        break;
      }
    }
  }

  Taggers t_;
};

}  // namespace

absl::StatusOr<std::shared_ptr<const CompiledGazetteer>> CompileGazetteer(const Lexicon& common) {
  return CompiledGazetteer::Compile(common);
}

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(const Lexicon& lexicon, const Lexicon& common) {
  CLAIMDIFF_ASSIGN_OR_RETURN(std::shared_ptr<const CompiledGazetteer> gazetteer, CompileGazetteer(common));
  return Create(lexicon, std::move(gazetteer));
}

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(
    const Lexicon& lexicon, std::shared_ptr<const CompiledGazetteer> gazetteer) {
  Taggers t;
  t.stemmer = lexicon.Table("claims").Get("stemmer");
  Stemmer stemmer(t.stemmer);
  CLAIMDIFF_ASSIGN_OR_RETURN(t.timex, TimexTagger::Create(lexicon));
  CLAIMDIFF_ASSIGN_OR_RETURN(t.places, PlaceMatcher::Create(lexicon, std::move(gazetteer)));
  CLAIMDIFF_ASSIGN_OR_RETURN(t.participants, ParticipantTagger::Create(lexicon, stemmer));
  CLAIMDIFF_ASSIGN_OR_RETURN(t.events, EventTagger::Create(lexicon, stemmer));
  CLAIMDIFF_ASSIGN_OR_RETURN(t.quantities, QuantityTagger::Create(lexicon, stemmer));
  CLAIMDIFF_ASSIGN_OR_RETURN(t.certainty, CertaintyTagger::Create(lexicon, stemmer));
  CLAIMDIFF_ASSIGN_OR_RETURN(t.attribution, AttributionTagger::Create(lexicon));
  return std::unique_ptr<Extractor>(new ExtractorImpl(std::move(t)));
}

}  // namespace claimdiff
