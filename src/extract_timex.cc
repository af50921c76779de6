// PLACEHOLDER: finds nothing. Replaced by the time-expression work.
#include "extract_timex.h"

namespace claimdiff {
namespace {
class NullTagger : public TimexTagger {
 public:
  std::vector<Timex> Tag(const Document&, const Segmentation&) const override { return {}; }
  std::string Tense(absl::string_view) const override { return ""; }
};
}  // namespace
absl::StatusOr<std::unique_ptr<TimexTagger>> TimexTagger::Create(const Lexicon&) {
  return std::unique_ptr<TimexTagger>(new NullTagger());
}
}  // namespace claimdiff
