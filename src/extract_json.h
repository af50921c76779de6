// JSON form of the extract stage's output (the `extract` command's lines and
// the statements inside the compare report). Field names are a public
// contract: add fields freely, rename none.

#ifndef CLAIMDIFF_SRC_EXTRACT_JSON_H_
#define CLAIMDIFF_SRC_EXTRACT_JSON_H_

#include "claimdiff/extract.h"
#include "nlohmann/json.hpp"

namespace claimdiff {

nlohmann::ordered_json SpanJson(const Span& span);
nlohmann::ordered_json TimexJson(const Timex& t);
nlohmann::ordered_json StatementJson(const Statement& s, const std::string& text);
// {"id", "lang", "dct"?, "sentences", "furniture", "timex", "statements"}
nlohmann::ordered_json AnalyzedDocumentJson(const AnalyzedDocument& d);

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_EXTRACT_JSON_H_
