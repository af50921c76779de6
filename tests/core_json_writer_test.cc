// JsonWriter against nlohmann-json, the implementation it stands in for:
// every string, number and structure must come out byte for byte as
// dump(-1, ' ', false, error_handler_t::replace) writes it.

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "core_json_writer.h"
#include "nlohmann/json.hpp"

namespace claimdiff {
namespace {

std::string Dumped(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string Written(absl::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

std::string Written(double v) {
  std::string out;
  AppendJsonDouble(&out, v);
  return out;
}

TEST_CASE("AppendJsonString escapes as nlohmann-json does", "[core]") {
  CHECK(Written("") == "\"\"");
  CHECK(Written("plain ascii") == "\"plain ascii\"");
  CHECK(Written("a\"b\\c/d") == "\"a\\\"b\\\\c/d\"");
  CHECK(Written("\b\f\n\r\t") == "\"\\b\\f\\n\\r\\t\"");
  CHECK(Written(std::string("\x00\x01\x1f\x7f", 4)) == std::string("\"\\u0000\\u0001\\u001f\x7f\""));
  CHECK(Written("Müller \u2028 \U0001F600") == "\"Müller \u2028 \U0001F600\"");
  CHECK(Written("\xff") == "\"\xEF\xBF\xBD\"");
  CHECK(Written("a\xE2\x82"
                "b") ==
        "\"a\xEF\xBF\xBD"
        "b\"");                                                  // Truncated, then re-read.
  CHECK(Written("\xE0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");  // Overlong: two replacements.
  CHECK(Written("x\xF0\x9F\x98") == "\"x\xEF\xBF\xBD\"");        // Cut at the end.

  const std::vector<std::string> nasty = {
      "\xC0\xAF",
      "\xED\xA0\x80",
      "\xF4\x90\x80\x80",
      "\xF5",
      "\xC2",
      "\xC2\x41",
      "\xE1\x80\xC2\xA9",
      "\xEF\xBF\xBF",
      "\xF0\x90\x80\x80",
      "\"\\\"",
      "\xE2\x80\xA8\x1b",
      "\x80\x80\x80",
      std::string(3, '\0'),
      "\t\xf0\x9f\x92\xa9\xed\x9f\xbf",
  };
  for (const std::string& s : nasty) {
    INFO(nlohmann::json(s).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
    CHECK(Written(s) == Dumped(s));
  }
}

TEST_CASE("AppendJsonString agrees with nlohmann-json on random bytes", "[core]") {
  // Bytes drawn mostly from the interesting ones: ASCII that needs
  // escaping, and every kind of lead and continuation byte.
  const unsigned char kBytes[] = {'a',  'Z',  ' ',  '"',  '\\', '/',  0x00, 0x08, 0x09, 0x0A, 0x0C, 0x0D,
                                  0x1F, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                  0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  std::mt19937 rng(20240611);
  std::uniform_int_distribution<size_t> length(0, 12);
  std::uniform_int_distribution<size_t> pick(0, sizeof kBytes - 1);
  std::uniform_int_distribution<int> any(0, 255);
  int failures = 0;
  for (int n = 0; n < 200000 && failures < 5; ++n) {
    std::string s;
    const size_t len = length(rng);
    for (size_t i = 0; i < len; ++i) {
      s.push_back(static_cast<char>(n % 4 == 0 ? any(rng) : kBytes[pick(rng)]));
    }
    if (Written(s) != Dumped(s)) {
      ++failures;
      INFO(nlohmann::json(s).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
      CHECK(Written(s) == Dumped(s));
    }
  }
  CHECK(failures == 0);
}

TEST_CASE("AppendJsonDouble formats as nlohmann-json does", "[core]") {
  CHECK(Written(0.0) == "0.0");
  CHECK(Written(-0.0) == "-0.0");
  CHECK(Written(10.0) == "10.0");
  CHECK(Written(5.9) == "5.9");
  CHECK(Written(1.5e6) == "1500000.0");
  CHECK(Written(1e20) == "1e+20");
  CHECK(Written(0.0001) == "0.0001");
  CHECK(Written(0.00001) == "1e-05");
  CHECK(Written(std::numeric_limits<double>::infinity()) == "null");
  CHECK(Written(-std::numeric_limits<double>::infinity()) == "null");
  CHECK(Written(std::nan("")) == "null");

  std::vector<double> values = {std::numeric_limits<double>::max(),
                                std::numeric_limits<double>::min(),
                                std::numeric_limits<double>::denorm_min(),
                                std::numeric_limits<double>::lowest(),
                                1e15,
                                1e16,
                                123456789012345.0,
                                1234567890123456.0,
                                0.1,
                                0.2,
                                0.3,
                                1.0 / 3};
  std::mt19937_64 rng(7);
  for (int i = 0; i < 100000; ++i) {
    const uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    values.push_back(d);  // Any bit pattern.
    values.push_back(static_cast<double>(static_cast<int64_t>(bits % 2000001) - 1000000) /
                     std::pow(10.0, static_cast<double>(bits % 7)));  // Written numbers.
  }
  int failures = 0;
  for (double v : values) {
    if (Written(v) != Dumped(v) && ++failures <= 5) {
      INFO(v);
      CHECK(Written(v) == Dumped(v));
    }
  }
  CHECK(failures == 0);
}

TEST_CASE("AppendJsonDate writes what absl::FormatCivilTime does, quoted", "[core]") {
  for (absl::CivilDay day :
       {absl::CivilDay(2019, 4, 23), absl::CivilDay(1000, 1, 1), absl::CivilDay(9999, 12, 31),
        absl::CivilDay(999, 12, 31), absl::CivilDay(10000, 1, 1), absl::CivilDay(-44, 3, 15),
        absl::CivilDay(0, 1, 1)}) {
    std::string out;
    AppendJsonDate(&out, day);
    CHECK(out == Dumped(absl::FormatCivilTime(day)));
  }
  for (absl::CivilDay day(1899, 1, 1); day < absl::CivilDay(2101, 1, 1); day += 1) {
    std::string out;
    AppendJsonDate(&out, day);
    REQUIRE(out == Dumped(absl::FormatCivilTime(day)));
  }
}

TEST_CASE("JsonWriter puts commas and colons where dump() does", "[core]") {
  struct SpanLike {
    size_t start, end;
  };
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("id");
  w.String("a\nb");
  w.Key("empty_object");
  w.BeginObject();
  w.EndObject();
  w.Key("empty_array");
  w.BeginArray();
  w.EndArray();
  w.Key("spans");
  w.BeginArray();
  w.SpanArray(SpanLike{0, 5});
  w.SpanArray(SpanLike{6, 12});
  w.EndArray();
  w.Key("nested");
  w.BeginArray();
  w.BeginObject();
  w.Key("n");
  w.Int(-3);
  w.Key("ok");
  w.Bool(false);
  w.EndObject();
  w.BeginObject();
  w.Key("x");
  w.Double(2.5);
  w.Key("day");
  w.Date(absl::CivilDay(2019, 4, 23));
  w.EndObject();
  w.Int(size_t{18446744073709551615u});
  w.EndArray();
  w.Key("last");
  w.Bool(true);
  w.EndObject();

  nlohmann::ordered_json j;
  j["id"] = "a\nb";
  j["empty_object"] = nlohmann::ordered_json::object();
  j["empty_array"] = nlohmann::ordered_json::array();
  j["spans"] = {{0, 5}, {6, 12}};
  j["nested"] = {nlohmann::ordered_json{{"n", -3}, {"ok", false}},
                 nlohmann::ordered_json{{"x", 2.5}, {"day", "2019-04-23"}}, size_t{18446744073709551615u}};
  j["last"] = true;
  CHECK(out == Dumped(j));
}

}  // namespace
}  // namespace claimdiff
