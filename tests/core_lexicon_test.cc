#include <catch2/catch.hpp>

#include "claimdiff/lexicon.h"

namespace claimdiff {
namespace {

TEST_CASE("ParseLexiconTable reads rows, skips comments and reports file:line", "[core]") {
  auto table = ParseLexiconTable("# months\n# FORMAT: surface<TAB>month\n\nMärz\t3\nMai\t5\n", "months",
                                 "de/months.tsv");
  REQUIRE(table.ok());
  REQUIRE(table->rows.size() == 2);
  CHECK(table->rows[0].fields[0] == "März");
  CHECK(table->rows[0].line == 4);
  CHECK(table->Get("Mai") == "5");
  CHECK(table->Get("Juni", "none") == "none");

  // A key that repeats holds a list, in file order.
  auto settings = ParseLexiconTable("pair_word\tbeiden\nstemmer\tgerman\npair_word\tbeide\n", "claims",
                                    "de/claims.tsv");
  REQUIRE(settings.ok());
  CHECK(settings->GetAll("pair_word") == std::vector<std::string>{"beiden", "beide"});
  CHECK(settings->GetAll("stemmer") == std::vector<std::string>{"german"});
  CHECK(settings->GetAll("missing").empty());

  auto bad = ParseLexiconTable("ok\t1\n\tmissing key\n", "t", "xx/t.tsv");
  REQUIRE_FALSE(bad.ok());
  CHECK(std::string(bad.status().message()).find("xx/t.tsv:2:") != std::string::npos);

  auto not_utf8 = ParseLexiconTable("ok\n\xff\xfe\n", "t", "xx/t.tsv");
  REQUIRE_FALSE(not_utf8.ok());
  CHECK(std::string(not_utf8.status().message()).find("byte offset 3") != std::string::npos);
}

TEST_CASE("Every shipped lexicon folder loads", "[core]") {
  LexiconSet set(CLAIMDIFF_LEXICON_DIR);
  auto languages = set.Languages();
  REQUIRE(std::find(languages.begin(), languages.end(), "de") != languages.end());
  REQUIRE(std::find(languages.begin(), languages.end(), "en") != languages.end());
  for (const std::string& lang : languages) {
    INFO(lang);
    auto lexicon = set.Get(lang);
    REQUIRE(lexicon.ok());
  }
  CHECK(set.Common().ok());
  auto unknown = set.Get("tlh");
  REQUIRE_FALSE(unknown.ok());
  CHECK(std::string(unknown.status().message()).find("unknown language 'tlh'") != std::string::npos);
}

}  // namespace
}  // namespace claimdiff
