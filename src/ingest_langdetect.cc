// Language detection from data: each language folder may hold a
// langdetect.tsv of frequent function words and telling characters with
// weights. A text scores the sum of the weights of its words and characters
// per language; the best language wins with a confidence from the share of
// the score.

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/synchronization/mutex.h"
#include "claimdiff/ingest.h"
#include "claimdiff/lexicon.h"
#include "ingest_internal.h"

namespace claimdiff::ingest_internal {

namespace {

struct LanguageModel {
  std::string lang;
  absl::flat_hash_map<std::string, double> words;  // Lower-case words.
  absl::flat_hash_map<UChar32, double> chars;      // Characters.
  std::vector<std::pair<std::string, double>> suffixes;  // Word endings.
};

using Models = std::vector<LanguageModel>;

// Reads <root>/<lang>/langdetect.tsv for every language folder. Rows:
// "word<TAB>der<TAB>3", "suffix<TAB>ung<TAB>1" (a word ending, counted
// when the word is at least two letters longer) or "char<TAB>ß<TAB>4". Unreadable or malformed rows
// are skipped (the lexicon files test checks the shipped ones).
std::unique_ptr<Models> LoadModels(const std::string& root) {
  auto models = std::make_unique<Models>();
  std::error_code ec;
  std::vector<std::filesystem::path> dirs;
  for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
    if (entry.is_directory(ec)) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    const std::filesystem::path file = dir / "langdetect.tsv";
    std::ifstream in(file, std::ios::binary);
    if (!in) continue;
    std::stringstream contents;
    contents << in.rdbuf();
    auto table = ParseLexiconTable(contents.str(), "langdetect", file.string());
    if (!table.ok()) continue;
    LanguageModel model;
    model.lang = dir.filename().string();
    for (const LexiconRow& row : table->rows) {
      double weight = 0;
      if (!absl::SimpleAtod(row.Field(2), &weight) || weight <= 0) continue;
      const std::string& kind = row.Field(0);
      const std::string& item = row.Field(1);
      if (kind == "word") {
        model.words[item] = weight;
      } else if (kind == "suffix") {
        model.suffixes.emplace_back(item, weight);
      } else if (kind == "char") {
        int32_t i = 0;
        UChar32 c;
        U8_NEXT(item.data(), i, static_cast<int32_t>(item.size()), c);
        if (c >= 0) model.chars[c] = weight;
      }
    }
    models->push_back(std::move(model));
  }
  return models;
}

const Models& ModelsFor(const std::string& root) {
  static absl::Mutex mu(absl::kConstInit);
  static auto* cache = new std::map<std::string, std::unique_ptr<Models>>();
  absl::MutexLock lock(&mu);
  auto& slot = (*cache)[root];
  if (slot == nullptr) slot = LoadModels(root);
  return *slot;
}

// Most of a language shows in the first few thousand words.
constexpr size_t kMaxBytesLooked = 64 * 1024;

}  // namespace

LanguageGuess DetectLanguageIn(absl::string_view text, absl::string_view lexicon_root) {
  const Models& models = ModelsFor(std::string(lexicon_root));
  LanguageGuess guess;
  if (models.empty()) {
    guess.lang = "und";
    return guess;
  }
  std::vector<double> scores(models.size(), 0.0);
  const int32_t n = static_cast<int32_t>(std::min(text.size(), kMaxBytesLooked));
  std::string word;
  auto score_word = [&]() {
    if (word.empty()) return;
    for (size_t m = 0; m < models.size(); ++m) {
      auto it = models[m].words.find(word);
      if (it != models[m].words.end()) {
        scores[m] += it->second;
        continue;
      }
      for (const auto& [suffix, weight] : models[m].suffixes) {
        if (word.size() >= suffix.size() + 2 && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0) {
          scores[m] += weight;
          break;
        }
      }
    }
    word.clear();
  };
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) {
      score_word();
      continue;
    }
    for (size_t m = 0; m < models.size(); ++m) {
      auto it = models[m].chars.find(c);
      if (it != models[m].chars.end()) scores[m] += it->second;
    }
    if (u_isalpha(c) || c == '\'' || c == 0x2019) {
      UChar32 lower = u_tolower(c);
      if (lower == 0x2019) lower = '\'';
      char buf[U8_MAX_LENGTH];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, lower);
      word.append(buf, static_cast<size_t>(len));
    } else {
      score_word();
    }
  }
  score_word();
  // Best and runner-up.
  size_t best = 0;
  for (size_t m = 1; m < models.size(); ++m) {
    if (scores[m] > scores[best]) best = m;
  }
  double second = 0;
  for (size_t m = 0; m < models.size(); ++m) {
    if (m != best) second = std::max(second, scores[m]);
  }
  guess.lang = models[best].lang;
  // Smoothed share of the two leading scores: 0.5 with no evidence, towards
  // 1 as the evidence grows one-sided.
  guess.confidence = std::clamp((scores[best] + 1.0) / (scores[best] + second + 2.0), 0.5, 1.0);
  return guess;
}

}  // namespace claimdiff::ingest_internal
