#include "core_stemmer.h"

#include "libstemmer.h"

namespace claimdiff {

SnowballStemmer::SnowballStemmer(const std::string& algorithm) {
  if (!algorithm.empty()) stemmer_ = sb_stemmer_new(algorithm.c_str(), "UTF_8");
}

SnowballStemmer::~SnowballStemmer() {
  if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
}

std::string SnowballStemmer::Stem(absl::string_view folded) const {
  if (stemmer_ == nullptr) return std::string(folded);
  const sb_symbol* out =
      sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(folded.data()), static_cast<int>(folded.size()));
  if (out == nullptr) return std::string(folded);
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace claimdiff
