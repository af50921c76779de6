// A Snowball stemmer (libstemmer), shared by the extract and align stages.
// Private to the library.

#ifndef CLAIMDIFF_SRC_CORE_STEMMER_H_
#define CLAIMDIFF_SRC_CORE_STEMMER_H_

#include <string>

#include "absl/strings/string_view.h"

struct sb_stemmer;

namespace claimdiff {

// Not thread-safe: Snowball keeps its state in the stemmer, so Stem()
// changes it even though it is const. One per thread, or per call.
class SnowballStemmer {
 public:
  explicit SnowballStemmer(const std::string& algorithm);  // "" or unknown = identity.
  ~SnowballStemmer();
  SnowballStemmer(const SnowballStemmer&) = delete;
  SnowballStemmer& operator=(const SnowballStemmer&) = delete;

  // The stem of a case-folded UTF-8 word.
  std::string Stem(absl::string_view folded) const;

 private:
  struct sb_stemmer* stemmer_ = nullptr;
};

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_CORE_STEMMER_H_
