#include "align_terms.h"

#include <algorithm>
#include <cstdlib>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "core_stemmer.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace claimdiff::align_internal {

const char* TermKindLabel(TermKind kind) {
  switch (kind) {
    case TermKind::kStem:
    case TermKind::kCompoundPart:
    case TermKind::kSynonym:
    case TermKind::kNgram:
    case TermKind::kNumber:
      return "shared terms";
    case TermKind::kParticipant:
      return "participants";
    case TermKind::kPlace:
      return "place";
    case TermKind::kTime:
      return "time";
    case TermKind::kEvent:
      return "event";
    case TermKind::kQuantity:
      return "quantity";
    case TermKind::kCertainty:
      return "certainty";
  }
  return "shared terms";
}

namespace {

bool IsWordChar(UChar32 c) {
  if (u_isalnum(c)) return true;
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

void AppendFolded(UChar32 c, std::string* out) {
  const UChar32 folded = u_foldCase(c, U_FOLD_CASE_DEFAULT);
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, U8_MAX_LENGTH, folded, error);
  if (!error) out->append(buf, static_cast<size_t>(len));
}

// Byte offsets of the code point starts of `s`, plus s.size().
std::vector<size_t> CharStarts(absl::string_view s) {
  std::vector<size_t> starts;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    starts.push_back(static_cast<size_t>(i));
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
  }
  starts.push_back(s.size());
  return starts;
}

}  // namespace

std::vector<Word> SplitWords(absl::string_view text) {
  std::vector<Word> words;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  Word current;
  bool in_word = false;
  bool all_digits = true;
  auto flush = [&]() {
    if (in_word) {
      current.number = all_digits;
      words.push_back(std::move(current));
    }
    current = Word();
    in_word = false;
    all_digits = true;
  };
  while (i < n) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) {
      flush();
      continue;
    }
    if (IsWordChar(c)) {
      if (!in_word) {
        in_word = true;
        current.upper = u_isupper(c) || u_istitle(c);
        current.start = static_cast<size_t>(at);
      }
      if (!u_isdigit(c)) all_digits = false;
      AppendFolded(c, &current.folded);
      current.end = static_cast<size_t>(i);
      continue;
    }
    // A decimal or group separator inside a number stays in the number.
    if (in_word && all_digits && (c == '.' || c == ',') && i < n && bytes[i] >= '0' && bytes[i] <= '9') {
      current.folded.push_back(static_cast<char>(c));
      current.end = static_cast<size_t>(i);
      continue;
    }
    flush();
  }
  flush();
  return words;
}

size_t CodePoints(absl::string_view s) { return CharStarts(s).size() - 1; }

std::vector<std::string> Trigrams(absl::string_view folded) {
  const std::string padded = absl::StrCat("^", folded, "$");
  const std::vector<size_t> starts = CharStarts(padded);
  std::vector<std::string> out;
  for (size_t k = 0; k + 3 < starts.size(); ++k) {
    out.push_back(padded.substr(starts[k], starts[k + 3] - starts[k]));
  }
  return out;
}

LanguageTerms::LanguageTerms(const Lexicon& lexicon) {
  const LexiconTable& settings = lexicon.Table("align_settings");
  stemmer_algorithm_ = settings.Get("stemmer");
  SnowballStemmer stemmer(stemmer_algorithm_);
  size_t value = 0;
  if (absl::SimpleAtoi(settings.Get("compound_min_length", "0"), &value)) compound_min_length_ = value;
  if (absl::SimpleAtoi(settings.Get("compound_min_part", "3"), &value)) compound_min_part_ = value;
  if (absl::SimpleAtoi(settings.Get("ngram_min_length", "5"), &value)) ngram_min_length_ = value;
  compounds_capitalized_ = settings.Get("compound_capitalized") == "yes";
  for (const std::string& cls : settings.GetAll("party_event")) party_events_.insert(cls);
  for (const std::string& pair : settings.GetAll("broader_event")) {
    std::vector<std::string> classes = absl::StrSplit(pair, ' ', absl::SkipWhitespace());
    if (classes.size() == 2) broader_events_[classes[0]].push_back(classes[1]);
  }

  auto fold = [](absl::string_view s) {
    std::string out;
    for (const Word& w : SplitWords(s)) absl::StrAppend(&out, out.empty() ? "" : " ", w.folded);
    return out;
  };
  for (const LexiconRow& row : lexicon.Table("stopwords").rows) stopwords_.insert(fold(row.fields[0]));
  int group = 0;
  for (const LexiconRow& row : lexicon.Table("synonyms").rows) {
    for (const std::string& field : row.fields) {
      if (field.empty()) continue;
      std::vector<int>& groups = synonyms_[stemmer.Stem(fold(field))];
      if (groups.empty() || groups.back() != group) groups.push_back(group);
    }
    ++group;
  }
  for (const LexiconRow& row : lexicon.Table("background_freq").rows) {
    double df = 0;
    if (!absl::SimpleAtod(row.Field(1), &df)) continue;
    if (row.fields[0] == "__documents__") {
      background_documents_ = df;
    } else {
      // The table holds words; weights are looked up by stem.
      double& slot = background_[stemmer.Stem(fold(row.fields[0]))];
      slot = std::max(slot, df);
    }
  }
  for (const LexiconRow& row : lexicon.Table("compound_parts").rows) compound_parts_.insert(fold(row.fields[0]));
  for (const LexiconRow& row : lexicon.Table("compound_linkers").rows) linkers_.push_back(fold(row.fields[0]));
}

double LanguageTerms::BackgroundShare(absl::string_view stem) const {
  if (background_documents_ <= 0) return 0;
  auto it = background_.find(stem);
  return it == background_.end() ? 0 : it->second / background_documents_;
}

const std::vector<std::string>& LanguageTerms::BroaderEvents(absl::string_view cls) const {
  static const std::vector<std::string>* const kNone = new std::vector<std::string>();
  auto it = broader_events_.find(cls);
  return it == broader_events_.end() ? *kNone : it->second;
}

const std::vector<int>* LanguageTerms::SynonymGroups(absl::string_view stem) const {
  auto it = synonyms_.find(stem);
  return it == synonyms_.end() ? nullptr : &it->second;
}

bool LanguageTerms::KnownPart(absl::string_view part, const absl::flat_hash_set<std::string>& vocabulary) const {
  if (CodePoints(part) < compound_min_part_) return false;
  return compound_parts_.contains(part) || vocabulary.contains(part);
}

void LanguageTerms::SplitInto(absl::string_view folded, const absl::flat_hash_set<std::string>& vocabulary,
                              int depth, std::vector<std::string>* out) const {
  if (depth > 2) return;
  const std::vector<size_t> starts = CharStarts(folded);
  const size_t chars = starts.size() - 1;
  if (chars < 2 * compound_min_part_ + 1) return;
  // Longest known head first: German compounds are right-headed, and the
  // longest head avoids splitting off a short word that only looks like one.
  for (size_t k = compound_min_part_; k + compound_min_part_ + 1 <= chars; ++k) {
    const absl::string_view head = folded.substr(starts[k]);
    if (!KnownPart(head, vocabulary) || CodePoints(head) < compound_min_part_ + 1) continue;
    absl::string_view modifier = folded.substr(0, starts[k]);
    bool found = KnownPart(modifier, vocabulary);
    if (!found) {
      for (const std::string& linker : linkers_) {
        if (modifier.size() > linker.size() && absl::EndsWith(modifier, linker)) {
          absl::string_view bare = modifier.substr(0, modifier.size() - linker.size());
          if (KnownPart(bare, vocabulary)) {
            modifier = bare;
            found = true;
            break;
          }
        }
      }
    }
    // A modifier may itself be a compound ("Atomwaffen|programm").
    std::vector<std::string> modifier_parts;
    if (!found) {
      SplitInto(modifier, vocabulary, depth + 1, &modifier_parts);
      found = !modifier_parts.empty();
    } else {
      SplitInto(modifier, vocabulary, depth + 1, &modifier_parts);
    }
    if (!found) continue;
    out->emplace_back(modifier);
    for (std::string& part : modifier_parts) out->push_back(std::move(part));
    out->emplace_back(head);
    SplitInto(head, vocabulary, depth + 1, out);
    return;
  }
}

std::vector<std::string> LanguageTerms::SplitCompound(absl::string_view folded,
                                                      const absl::flat_hash_set<std::string>& vocabulary) const {
  std::vector<std::string> out;
  if (compound_min_length_ == 0 || CodePoints(folded) < compound_min_length_) return out;
  SplitInto(folded, vocabulary, 0, &out);
  return out;
}

}  // namespace claimdiff::align_internal
