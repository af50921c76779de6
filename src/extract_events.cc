#include "extract_events.h"

#include "absl/strings/numbers.h"
#include "status_macros.h"

namespace claimdiff {

namespace {

// The last two bytes of a word of two bytes or more, as a number.
size_t LastTwoBytes(absl::string_view word) {
  return static_cast<size_t>(static_cast<unsigned char>(word[word.size() - 2])) << 8 |
         static_cast<unsigned char>(word.back());
}

}  // namespace

absl::StatusOr<std::unique_ptr<EventTagger>> EventTagger::Create(const Lexicon& lexicon, const Stemmer& stemmer) {
  std::unique_ptr<EventTagger> t(new EventTagger());
  const LexiconTable& settings = lexicon.Table("claims");
  t->compounds_ = settings.Get("compound_events") == "yes";
  if (std::string v = settings.Get("min_compound_part"); !v.empty()) {
    size_t n = 0;
    if (absl::SimpleAtoi(v, &n)) t->min_compound_part_ = n;
  }
  const LexiconTable& table = lexicon.Table("events");
  for (const LexiconRow& row : table.rows) {
    CLAIMDIFF_RETURN_IF_ERROR(CheckFields(table, row, 2));
    int index = static_cast<int>(t->rows_.size());
    std::vector<std::string> toks = PhraseTokens(row.fields[0]);
    std::string lemma = row.Field(3).empty() ? FoldCase(row.fields[0]) : FoldCase(row.Field(3));
    t->rows_.push_back({lemma, row.Field(1)});
    if (toks.size() > 1) {
      t->multi_.Add(toks, index, stemmer.Stem(toks.back()));
      continue;
    }
    if (toks.empty()) continue;
    t->AddKeyEnding(toks[0]);
    t->exact_.Insert(toks[0], index);
    if (row.Field(2) != "exact") {
      std::string stem = stemmer.Stem(toks[0]);
      t->AddKeyEnding(stem);
      t->stems_.Insert(std::move(stem), index);
    }
  }
  return t;
}

void EventTagger::AddKeyEnding(absl::string_view key) {
  if (key.size() < 2) {
    short_key_ = true;
    return;
  }
  key_endings_.set(LastTwoBytes(key));
}

bool EventTagger::MayEndInKey(absl::string_view word) const {
  return short_key_ || (word.size() >= 2 && key_endings_.test(LastTwoBytes(word)));
}

int EventTagger::Lookup(const Token& token) const {
  if (token.kind != Token::kWord) return -1;
  if (const int* row = exact_.Find(token.folded, token.folded_print)) return *row;
  if (!token.stem.empty()) {
    if (const int* row = stems_.Find(token.stem, token.stem_print)) return *row;
  }
  if (!compounds_ || !token.upper) return -1;
  // A compound: the last part after a hyphen, else any tail of the stem
  // that is a trigger stem and leaves a first part of at least three bytes.
  const std::string& f = token.folded;
  if (token.hyphenated) {
    absl::string_view tail = absl::string_view(f).substr(f.rfind('-') + 1);
    if (const int* row = exact_.Find(tail)) return *row;
  }
  // Every tail ends as the word does: most words end as no trigger does.
  const absl::string_view stem = token.stem.empty() ? absl::string_view(f) : token.stem;
  if (MayEndInKey(stem)) {
    for (size_t p = 3; p + min_compound_part_ <= stem.size(); ++p) {
      if ((static_cast<unsigned char>(stem[p]) & 0xC0) == 0x80) continue;  // Inside a UTF-8 sequence.
      absl::string_view tail = stem.substr(p);
      if (const int* row = stems_.Find(tail)) return *row;
    }
  }
  if (MayEndInKey(f)) {
    for (size_t p = 3; p + min_compound_part_ <= f.size(); ++p) {
      if ((static_cast<unsigned char>(f[p]) & 0xC0) == 0x80) continue;
      if (const int* row = exact_.Find(absl::string_view(f).substr(p))) return *row;
    }
  }
  return -1;
}

std::vector<EventMention> EventTagger::Find(absl::string_view text, const std::vector<Token>& tokens,
                                            const std::vector<bool>& skip) const {
  std::vector<EventMention> out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (skip[i]) continue;
    if (auto m = multi_.MatchAt(tokens, i, tokens.size())) {
      EventMention e;
      e.span = {tokens[m->begin].start, tokens[m->end - 1].end};
      e.trigger = std::string(text.substr(e.span.start, e.span.size()));
      e.lemma = rows_[static_cast<size_t>(m->payload)].lemma;
      e.cls = rows_[static_cast<size_t>(m->payload)].cls;
      out.push_back(std::move(e));
      i = m->end - 1;
      continue;
    }
    int row = Lookup(tokens[i]);
    if (row < 0) continue;
    EventMention e;
    e.span = {tokens[i].start, tokens[i].end};
    e.trigger = std::string(text.substr(e.span.start, e.span.size()));
    e.lemma = rows_[static_cast<size_t>(row)].lemma;
    e.cls = rows_[static_cast<size_t>(row)].cls;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace claimdiff
