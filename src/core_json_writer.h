// Writing JSON text straight into a std::string, for output lines that are
// too many to go through a JSON DOM (`claimdiff segment`, `claimdiff
// extract`). The bytes are those nlohmann-json's
// dump(-1, ' ', false, error_handler_t::replace) writes for the same values,
// so a command can switch between the two without changing its output
// (tests/core_json_writer_test.cc checks this). Not part of the public API.
//
//   std::string line;
//   JsonWriter w(&line);
//   w.BeginObject();
//   w.Key("id");
//   w.String(doc.id);
//   w.Key("span");
//   w.SpanArray(s.span);
//   w.EndObject();  // {"id":"...","span":[0,12]}

#ifndef CLAIMDIFF_SRC_CORE_JSON_WRITER_H_
#define CLAIMDIFF_SRC_CORE_JSON_WRITER_H_

#include <charconv>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace claimdiff {

// Appends `s` as a JSON string: '"', '\\', \b \f \n \r \t and the other
// control characters escaped (\u001f, lowercase hex), everything else as is,
// and each maximal invalid UTF-8 sequence replaced by U+FFFD.
void AppendJsonString(std::string* out, absl::string_view s);

// Appends a double as nlohmann-json writes it: the shortest digits that read
// back as the same double (Grisu2), ".0" after integral values ("10.0"),
// exponent form outside [1e-4, 1e15) ("1e+15", "9.9e-05"); "null" for NaN
// and infinities.
void AppendJsonDouble(std::string* out, double v);

// Appends the day as a JSON string "YYYY-MM-DD", as absl::FormatCivilTime
// writes it (but without its cost).
void AppendJsonDate(std::string* out, absl::CivilDay day);

// Appends an integer in decimal.
template <typename T>
void AppendJsonInt(std::string* out, T v) {
  char buffer[24];
  out->append(buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr);
}

// Writes values in order and puts the commas between them; a value after
// Key() is that member's. The caller keeps the structure well formed
// (a Key() inside each object before each value, Begin/End balanced).
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // `key` is written as given: a name made of characters that need no
  // escaping, as every field name of our schemas is.
  void Key(absl::string_view key) {
    Separate();
    out_->push_back('"');
    out_->append(key.data(), key.size());
    out_->append("\":", 2);
    need_comma_ = false;
  }

  void String(absl::string_view s) {
    Separate();
    AppendJsonString(out_, s);
  }
  template <typename T>
  void Int(T v) {
    Separate();
    AppendJsonInt(out_, v);
  }
  void Double(double v) {
    Separate();
    AppendJsonDouble(out_, v);
  }
  void Bool(bool v) {
    Separate();
    out_->append(v ? "true" : "false");
  }
  void Date(absl::CivilDay day) {
    Separate();
    AppendJsonDate(out_, day);
  }
  // [start,end]: the form of every byte span in our output.
  template <typename SpanLike>
  void SpanArray(const SpanLike& span) {
    BeginArray();
    Int(span.start);
    Int(span.end);
    EndArray();
  }

 private:
  void Separate() {
    if (need_comma_) out_->push_back(',');
    need_comma_ = true;
  }
  void Open(char c) {
    Separate();
    out_->push_back(c);
    need_comma_ = false;
  }
  void Close(char c) {
    out_->push_back(c);
    need_comma_ = true;
  }

  std::string* out_;
  bool need_comma_ = false;  // A value was written at this level.
};

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_CORE_JSON_WRITER_H_
