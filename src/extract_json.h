// JSON form of the extract stage's output (the `extract` command's lines and
// the statements inside the compare report). Field names are a public
// contract: add fields freely, rename none.
//
// Two forms of one schema: Write* writes the text straight into a string
// (the `extract` command's lines: millions of members, where a DOM would
// cost as much as the extraction), *Json builds nlohmann-json values (the
// report, which embeds them in a larger document). They write the same
// bytes, member for member, which tests/extract_json_test.cc checks on every
// optional member and on real documents: change both together.

#ifndef CLAIMDIFF_SRC_EXTRACT_JSON_H_
#define CLAIMDIFF_SRC_EXTRACT_JSON_H_

#include <string>

#include "claimdiff/extract.h"
#include "core_json_writer.h"
#include "nlohmann/json.hpp"

namespace claimdiff {

// {"start", "end", "type", "value", "mod"?, "interval"?, "granularity"?,
//  "relative"?, "alternative_group"?, "sentence"}
void WriteTimexJson(JsonWriter* w, const Timex& t);
// {"sentence", "span", "tense", "certainty", ..., "events", "participants",
//  "places", "quantities", "attributions"}; `text` is the document's text,
// for the "written" members.
void WriteStatementJson(JsonWriter* w, const Statement& s, const std::string& text);
// {"id", "lang", "dct"?, "sentences", "furniture", "timex", "statements"}
void WriteAnalyzedDocumentJson(JsonWriter* w, const AnalyzedDocument& d);

// The same as nlohmann-json values, for documents that embed them.
nlohmann::ordered_json TimexJson(const Timex& t);
nlohmann::ordered_json StatementJson(const Statement& s, const std::string& text);

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_EXTRACT_JSON_H_
