// Tests of the PlaceMatcher (src/extract_places.h): matching, exonyms,
// inflection, case and stopword rules, roles, containment, a made-up
// language, and the seed article when ../shared is present.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "claimdiff/lexicon.h"
#include "extract_places.h"

namespace claimdiff {
namespace {

// Loads the shipped lexicon of `lang` once and builds its matcher.
const PlaceMatcher& Matcher(const std::string& lang) {
  static auto* set = new LexiconSet(CLAIMDIFF_LEXICON_DIR);
  static auto* cache = new std::map<std::string, std::unique_ptr<PlaceMatcher>>();
  auto it = cache->find(lang);
  if (it != cache->end()) return *it->second;
  auto language = set->Get(lang);
  REQUIRE(language.ok());
  auto common = set->Common();
  REQUIRE(common.ok());
  auto matcher = PlaceMatcher::Create(**language, **common);
  INFO(matcher.status().ToString());
  REQUIRE(matcher.ok());
  auto& slot = (*cache)[lang];
  slot = *std::move(matcher);
  return *slot;
}

// "surface>Name:role" for every place, space-separated.
std::string Dump(const std::vector<Place>& places, absl::string_view text) {
  std::vector<std::string> parts;
  for (const Place& p : places) {
    parts.push_back(absl::StrCat(text.substr(p.span.start, p.span.size()), ">", p.name, ":", p.role));
  }
  return absl::StrJoin(parts, " | ");
}

std::string FindDump(const std::string& lang, absl::string_view text) {
  return Dump(Matcher(lang).Find(text, Span{0, text.size()}), text);
}

struct Row {
  const char* lang;
  const char* text;
  const char* want;
};

TEST_CASE("PlaceMatcher finds places with their roles", "[extract][places]") {
  const Row rows[] = {
      // German: event place versus the speaker's place.
      {"de", "Kim werde in der zweiten Aprilhälfte in Russland erwartet, teilte der Kreml am Donnerstag in Moskau mit.",
       "Russland>Russia:event | Moskau>Moscow:speaker"},
      {"de", "Putin und Kim wollen sich nach Angaben der Präsidialverwaltung in Moskau noch im April in Russland treffen.",
       "Moskau>Moscow:speaker | Russland>Russia:event"},
      {"de", "Wie der Kreml am Montag in Moskau mitteilte, laufen die Vorbereitungen.", "Moskau>Moscow:speaker"},
      // The place right before the closing verb is the verb's, however near a cue.
      {"de", "Putin und Kim wollen sich nach Angaben des Kremls noch im April in Russland treffen.",
       "Russland>Russia:event"},
      {"de", "Die Agentur meldete aus Pjöngjang einen neuen Test.", "Pjöngjang>Pyongyang:speaker"},
      {"de", "Der Sprecher sagte, das Treffen solle in Wladiwostok stattfinden.", "Wladiwostok>Vladivostok:event"},
      // German: nationality adjectives and inflection.
      {"de", "Russische Medien berichten, das Treffen werde in Wladiwostok vorbereitet.",
       "Russische>Russia:origin | Wladiwostok>Vladivostok:event"},
      {"de", "Südkoreanischen Medien zufolge könnte es im Anschluss an ein Forum in Peking so weit sein.",
       "Südkoreanischen>South Korea:origin | Peking>Beijing:event"},
      {"de", "Zehntausende nordkoreanische Arbeiter sollen das Land verlassen.", "nordkoreanische>North Korea:origin"},
      {"de", "Russlands Präsident empfängt Nordkoreas Machthaber.", "Russlands>Russia:other | Nordkoreas>North Korea:other"},
      {"de", "Moskaus Haltung ist bekannt.", "Moskaus>Moscow:other"},
      {"de", "Die US-amerikanische Delegation reist nach Hanoi.",
       "US-amerikanische>United States:origin | Hanoi>Hanoi:event"},
      // German: coordination, compounds, determiners, place nouns.
      {"de", "Gespräche in Moskau und Peking sind geplant.", "Moskau>Moscow:event | Peking>Beijing:event"},
      {"de", "Der Moskau-Besuch wurde verschoben.", "Moskau>Moscow:other"},
      {"de", "Das Treffen findet in der russischen Hafenstadt Wladiwostok statt.",
       "russischen>Russia:origin | Wladiwostok>Vladivostok:event"},
      {"de", "Das Spiel in Essen endete torlos.", "Essen>Essen:event"},
      {"de", "Er flog von Athen nach Rom.", "Athen>Athens:other | Rom>Rome:event"},
      {"de", "Die Vereinigten Staaten und Nordkorea verhandeln.",
       "Vereinigten Staaten>United States:other | Nordkorea>North Korea:other"},
      {"de", "Die Regierung in Pjöngjang schweigt.", "Pjöngjang>Pyongyang:event"},
      {"de", "Im Iran bebte die Erde.", "Iran>Iran:event"},
      {"de", "„Auch Peking ist besorgt“, sagte er.", "Peking>Beijing:other"},
      {"de", "Auch Peking ist besorgt.", "Peking>Beijing:other"},
      {"en", "Even Vincent Gigante's lawyers agreed.", ""},
      {"de", "Viele Russen leben in Baden-Württemberg.", "Russen>Russia:origin | Baden-Württemberg>Baden-Wurttemberg:event"},
      {"de", "Das Treffen soll in der Region Primorje stattfinden.", "Region Primorje>Primorye:event"},
      {"de", "Das Außenministerium teilte in Peking mit, man begrüße das Treffen in Wladiwostok.",
       "Peking>Beijing:speaker | Wladiwostok>Vladivostok:event"},
      // English: ECB+-style news.
      {"en", "A strong earthquake struck an island off Iran's southern coast on Sunday.", "Iran's>Iran:event"},
      {"en", "Qeshm island was hit hardest, officials said.", "Qeshm>Qeshm:other"},
      {"en", "Rescue teams arrived in the Iranian port of Bandar Abbas.",
       "Iranian>Iran:origin | Bandar Abbas>Bandar Abbas:event"},
      {"en", "A fire broke out in Athens on Monday.", "Athens>Athens:event"},
      {"en", "Police in Woodburn, Oregon, arrested a man.", "Woodburn>Woodburn:event | Oregon>Oregon:event"},
      {"en", "The game was played in Athens, Georgia.", "Athens>Athens:event | Georgia>Georgia:event"},
      {"en", "Peskov told reporters in Moscow that Kim would arrive in Vladivostok.",
       "Moscow>Moscow:speaker | Vladivostok>Vladivostok:event"},
      {"en", "The Kremlin said in Moscow on Thursday the summit would be held in Vladivostok.",
       "Moscow>Moscow:speaker | Vladivostok>Vladivostok:event"},
      {"en", "Putin will travel to Beijing next week.", "Beijing>Beijing:event"},
      {"en", "North Korean state media reported the test.", "North Korean>North Korea:origin"},
      {"en", "Talks in Beijing and Moscow are planned.", "Beijing>Beijing:event | Moscow>Moscow:event"},
      {"en", "The United States and Russia disagree.", "United States>United States:other | Russia>Russia:other"},
      {"en", "Thousands of Russians marched in Saint Petersburg.",
       "Russians>Russia:origin | Saint Petersburg>Saint Petersburg:event"},
      {"en", "Kim visited Pyongyang's new airport near the Chinese border.",
       "Pyongyang's>Pyongyang:other | Chinese>China:origin"},
      {"en", "Flooding hit Mobile, Alabama, overnight.", "Mobile>Mobile:other | Alabama>Alabama:other"},
      {"en", "The band played in Reading last summer.", "Reading>Reading:event"},
      {"en", "Troops returned to the U.S. on Friday.", "U.S.>United States:event"},
      {"en", "Speaking in Moscow, Putin said the summit would take place in Vladivostok.",
       "Moscow>Moscow:speaker | Vladivostok>Vladivostok:event"},
      {"en", "The meeting will be held in Vladivostok, the Kremlin said in a statement.",
       "Vladivostok>Vladivostok:event"},
      {"en", "Reports from Ashgabat, Turkmenistan's capital, said turnout was high.",
       "Ashgabat>Ashgabat:other | Turkmenistan's>Turkmenistan:other"},
  };
  int failures = 0;
  for (const Row& row : rows) {
    INFO(row.lang << ": " << row.text);
    std::string got = FindDump(row.lang, row.text);
    INFO("got:  " << got);
    INFO("want: " << row.want);
    CHECK(got == row.want);
    if (got != row.want) ++failures;
  }
  CHECK(failures == 0);
}

TEST_CASE("PlaceMatcher finds nothing in ordinary words", "[extract][places]") {
  const Row rows[] = {
      {"en", "Nice to meet you.", ""},
      {"en", "Reading the report took hours.", ""},
      {"en", "Mobile phones were banned at the summit.", ""},
      {"en", "Of course the talks went on.", ""},
      {"en", "She said May was too early.", ""},
      {"en", "Kim Jong Un met Donald Trump.", ""},
      {"en", "The Washington Post reported it first.", ""},
      {"en", "The china cabinet broke.", ""},
      {"en", "They will bring a buffalo.", ""},
      {"de", "Nach dem Essen gingen alle nach Hause.", ""},
      {"de", "Der Zug kam pünktlich.", ""},
      {"de", "Die Halle war voll.", ""},
      {"de", "Ende Februar wurde verhandelt.", ""},
      {"de", "Im Mai war es warm.", ""},
      {"de", "Kreml-Sprecher Dmitri Peskow äußerte sich nicht.", ""},
      {"de", "Kim und Putin trafen sich.", ""},
      {"de", "Die Bild berichtete zuerst.", ""},
      {"de", "Bestätigt ist das aber nicht.", ""},
      {"de", "Das Weiße Haus schwieg.", ""},
      {"de", "Im Norden regnete es.", ""},
      {"de", "Sie sprach im Namen der Regierung.", ""},
      {"en", "Her account differs from Police Commissioner Raymond Kelly's.", ""},
      {"en", "IRNA reported the quake.", ""},
      {"en", "The White House said nothing.", ""},
      {"en", "Interior Secretary Ken Salazar said so.", ""},
      {"en", "Vincent Gigante died in prison.", ""},
  };
  for (const Row& row : rows) {
    INFO(row.lang << ": " << row.text);
    CHECK(FindDump(row.lang, row.text) == row.want);
  }
}

TEST_CASE("PlaceMatcher knows German and English names and exonyms", "[extract][places]") {
  // Each pair names the same place: exonym and endonym, German and English.
  const Row pairs[] = {
      {"de", "Wladiwostok", "Vladivostok"}, {"de", "Peking", "Beijing"},   {"de", "Pjöngjang", "Pyongyang"},
      {"de", "Moskau", "Moscow"},           {"de", "Athen", "Athens"},     {"de", "Russland", "Russia"},
      {"de", "Nordkorea", "North Korea"},   {"de", "Südkorea", "South Korea"},
      {"de", "China", "Volksrepublik China"}, {"de", "Asien", "Asia"},    {"de", "Vereinigte Staaten", "USA"},
      {"de", "Rom", "Rome"},                {"de", "Griechenland", "Greece"},
      {"en", "Vladivostok", "Wladiwostok"}, {"en", "Beijing", "Peking"},   {"en", "Pyongyang", "Pjöngjang"},
      {"en", "Moscow", "Moskau"},           {"en", "United States", "USA"}, {"en", "Russia", "Russian Federation"},
      {"en", "North Korea", "DPRK"},        {"en", "Britain", "United Kingdom"},
  };
  for (const Row& row : pairs) {
    INFO(row.lang << ": " << row.text << " / " << row.want);
    std::string ta = absl::StrCat("Talks in ", row.text, ".");
    std::string tb = absl::StrCat("Talks in ", row.want, ".");
    auto pa = Matcher(row.lang).Find(ta, Span{0, ta.size()});
    auto pb = Matcher(row.lang).Find(tb, Span{0, tb.size()});
    REQUIRE(pa.size() == 1);
    REQUIRE(pb.size() == 1);
    CHECK(pa[0].id == pb[0].id);
  }
  // German-only country names stay out of English text ("Island" is Iceland in German).
  for (const char* german : {"Island", "Russland", "Griechenland"}) {
    std::string t = absl::StrCat("Talks in ", german, ".");
    INFO(t);
    CHECK(Matcher("en").Find(t, Span{0, t.size()}).empty());
  }
}

TEST_CASE("PlaceMatcher prefers the larger or better-known place", "[extract][places]") {
  const Row rows[] = {
      {"en", "Storms hit Florida.", "region:US.FL"},    // Not the Puerto Rican municipality.
      {"en", "Ships left Aden.", "geo:415189"},         // The city, not the governorate.
      {"en", "Fans gathered in Philadelphia.", "geo:4560349"},  // Not Amman's ancient name.
      {"en", "A fire broke out in Athens.", "geo:264371"},      // The capital.
      {"en", "A fire broke out in Athens, Georgia.", "geo:4180386"},  // Unless qualified.
      {"de", "Er reiste nach Moskau.", "geo:524901"},
  };
  for (const Row& row : rows) {
    INFO(row.lang << ": " << row.text);
    std::string text = row.text;
    auto found = Matcher(row.lang).Find(text, Span{0, text.size()});
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].id == row.want);
  }
}

TEST_CASE("PlaceMatcher answers containment", "[extract][places]") {
  const PlaceMatcher& m = Matcher("de");
  std::string text = "Wladiwostok, Peking, Moskau";
  auto found = m.Find(text, Span{0, text.size()});
  REQUIRE(found.size() == 3);
  const std::string vladivostok = found[0].id, beijing = found[1].id, moscow = found[2].id;
  CHECK(vladivostok == "geo:2013348");
  struct Case {
    std::string inner, outer;
    bool want;
  };
  const Case cases[] = {
      {vladivostok, "country:RU", true},  {vladivostok, "continent:AS", true},
      {vladivostok, "continent:EU", false}, {vladivostok, "region:RU.59", true},
      {vladivostok, "country:CN", false}, {vladivostok, vladivostok, true},
      {beijing, "country:CN", true},      {beijing, "continent:AS", true},
      {beijing, "country:RU", false},     {moscow, "continent:EU", true},
      {moscow, "continent:AS", false},    {"country:RU", "continent:EU", true},
      {"country:RU", "continent:AS", true}, {"country:CN", "continent:EU", false},
      {"region:RU.59", "country:RU", true}, {"region:RU.59", "continent:AS", true},
      {"country:RU", vladivostok, false}, {"nonsense:1", "country:RU", false},
      {"geo:5761708", "region:US.OR", true},  {"geo:5761708", "continent:NA", true},  // Woodburn, Oregon.
      {"geo:2013348", "country:CN", false},
  };
  for (const Case& c : cases) {
    INFO(c.inner << " within " << c.outer);
    CHECK(m.Within(c.inner, c.outer) == c.want);
  }
  // The `within` list lets later stages decide without the gazetteer.
  REQUIRE(m.Lookup(vladivostok) != nullptr);
  CHECK(absl::StrJoin(m.Lookup(vladivostok)->within, ",") == "region:RU.59,country:RU,continent:AS");
  CHECK(absl::StrJoin(found[0].within, ",") == "region:RU.59,country:RU,continent:AS");
  CHECK(m.Lookup("country:KP")->name == "North Korea");
  CHECK(m.Lookup("country:KP")->kind == "country");
  CHECK(m.Lookup("continent:AS")->kind == "continent");
  CHECK(m.Lookup("geo:0") == nullptr);
}

TEST_CASE("PlaceMatcher spans point into the document", "[extract][places]") {
  std::string text = "Vorspann. Treffen in Wladiwostok? Ja, teilte der Kreml in Moskau mit.";
  size_t start = text.find("Treffen");
  size_t end = text.find("?") + 1;
  auto places = Matcher("de").Find(text, Span{start, end});
  REQUIRE(places.size() == 1);  // Moskau lies outside the sentence span.
  CHECK(text.substr(places[0].span.start, places[0].span.size()) == "Wladiwostok");
  CHECK(places[0].role == "event");
  CHECK(Matcher("de").Find(text, Span{5, 5}).empty());
  CHECK(Matcher("de").Find(text, Span{0, text.size() + 10}).empty());
}

// A made-up language and gazetteer: nothing above comes from the code.
TEST_CASE("PlaceMatcher takes all knowledge from the data", "[extract][places]") {
  auto language = LoadLexicon(CLAIMDIFF_FIXTURES_DIR "/places/xx", "xx");
  REQUIRE(language.ok());
  auto common = LoadLexicon(CLAIMDIFF_FIXTURES_DIR "/places/common", "common");
  REQUIRE(common.ok());
  auto created = PlaceMatcher::Create(*language, *common);
  REQUIRE(created.ok());
  const PlaceMatcher& m = **created;
  CHECK(m.size() == 6);
  auto dump = [&](absl::string_view text) { return Dump(m.Find(text, Span{0, text.size()}), text); };
  CHECK(dump("Grok blabbed ka Barton.") == "Barton>Barton:speaker");
  CHECK(dump("Grok ka Bartonum zo blabbed.") == "Bartonum>Barton:event");
  CHECK(dump("Quuxisha grok ka te burg uf Bar Ton ond Kwuks.") ==
        "Quuxisha>Quux:origin | Bar Ton>Barton:event | Kwuks>Quux:event");
  CHECK(dump("Blorp grok barton Zedlandia.") == "Zedlandia>Zedland:other");  // Stopword; lower case.
  CHECK(dump("Fooshire grok.") == "");                                        // Ambiguous, no context.
  CHECK(dump("Grok ka Fooshire.") == "Fooshire>Fooshire:event");
  auto barton = m.Find("Barton", Span{0, 6});
  REQUIRE(barton.size() == 1);
  CHECK(barton[0].id == "geo:1");  // The larger Barton wins.
  CHECK(m.Within("geo:1", "continent:ZZ"));
  CHECK_FALSE(m.Within("geo:2", "region:QX.01"));
}

// One compiled gazetteer serves every language: each matcher sees the
// names of all languages and of its own ("xx:Kwuksland"), in gazetteer
// order among names of equal rank, as a matcher with a gazetteer of its own.
TEST_CASE("PlaceMatcher shares one compiled gazetteer between languages", "[extract][places]") {
  Lexicon common("common", "mem");
  auto places = ParseLexiconTable(
      "country:QX\tcountry\tQuux\t0\t\tKwuks|xx:Kwuksland|yy:Quuxia\n"
      "geo:1\tcity\tBeta\t200000\tcountry:QX\txx:Zorn\n"
      "geo:2\tcity\tAlpha\t200000\tcountry:QX\tZorn\n"
      "geo:3\tcity\tGamma\t300000\tcountry:QX\tyy:Gam\n",
      "places", "mem/places.tsv");
  REQUIRE(places.ok());
  common.AddTable(*places);
  auto make_language = [](const std::string& code, const std::string& demonyms,
                          const std::string& stopwords) {
    Lexicon language(code, "mem");
    auto d = ParseLexiconTable(demonyms, "place_demonyms", "mem/place_demonyms.tsv");
    auto s = ParseLexiconTable(stopwords, "place_stopwords", "mem/place_stopwords.tsv");
    REQUIRE(d.ok());
    REQUIRE(s.ok());
    language.AddTable(*d);
    language.AddTable(*s);
    return language;
  };
  const Lexicon xx = make_language("xx", "Quuxish\tcountry:QX\n", "Gamma\n");
  const Lexicon yy = make_language("yy", "Quuxan\tcountry:QX\n", "Alpha\n");
  auto compiled = CompiledGazetteer::Compile(common);
  REQUIRE(compiled.ok());
  CHECK((*compiled)->size() == 4);
  auto shared_xx = PlaceMatcher::Create(xx, *compiled);
  auto shared_yy = PlaceMatcher::Create(yy, *compiled);
  auto alone_yy = PlaceMatcher::Create(yy, common);
  auto alone_xx = PlaceMatcher::Create(xx, common);
  REQUIRE(shared_xx.ok());
  REQUIRE(shared_yy.ok());
  REQUIRE(alone_xx.ok());
  REQUIRE(alone_yy.ok());
  auto dump = [](const PlaceMatcher& m, absl::string_view text) {
    return Dump(m.Find(text, Span{0, text.size()}), text);
  };
  const std::string text = "Kwuksland. Quuxia. Kwuks. Zorn. Gam. Gamma. Alpha. Beta. Quuxish. Quuxan.";
  CHECK(dump(**shared_xx, text) ==
        "Kwuksland>Quux:other | Kwuks>Quux:other | Zorn>Beta:other | Alpha>Alpha:other | Beta>Beta:other | "
        "Quuxish>Quux:origin");
  CHECK(dump(**shared_yy, text) ==
        "Quuxia>Quux:other | Kwuks>Quux:other | Zorn>Alpha:other | Gam>Gamma:other | Gamma>Gamma:other | "
        "Beta>Beta:other | Quuxan>Quux:origin");
  CHECK(dump(**alone_xx, text) == dump(**shared_xx, text));
  CHECK(dump(**alone_yy, text) == dump(**shared_yy, text));
  CHECK((*shared_xx)->surface_count() == (*alone_xx)->surface_count());
  CHECK((*shared_yy)->surface_count() == (*alone_yy)->surface_count());
  // quux, kwuks, beta, alpha, zorn, gamma; and kwuksland, quuxish.
  CHECK((*shared_xx)->surface_count() == 8);
  CHECK((*shared_xx)->Within("geo:1", "country:QX"));
  CHECK((*shared_yy)->Lookup("geo:3") != nullptr);
}

TEST_CASE("PlaceMatcher reports malformed data with file and line", "[extract][places]") {
  Lexicon common("common", "mem");
  auto table = ParseLexiconTable("# bad\ncountry:QX\tcountry\tQuux\t0\t\t\ngeo:1\tvillage\tX\t1\t\t\n",
                                 "places", "mem/places.tsv");
  REQUIRE(table.ok());
  common.AddTable(*table);
  Lexicon language("xx", "mem");
  auto created = PlaceMatcher::Create(language, common);
  REQUIRE_FALSE(created.ok());
  CHECK(std::string(created.status().message()).find("mem/places.tsv:3:") != std::string::npos);

  Lexicon good("common", "mem");
  auto ok_table = ParseLexiconTable("country:QX\tcountry\tQuux\t0\t\t\n", "places", "mem/places.tsv");
  REQUIRE(ok_table.ok());
  good.AddTable(*ok_table);
  auto demonyms = ParseLexiconTable("quuxish\tcountry:QY\n", "place_demonyms", "mem/place_demonyms.tsv");
  REQUIRE(demonyms.ok());
  language.AddTable(*demonyms);
  created = PlaceMatcher::Create(language, good);
  REQUIRE_FALSE(created.ok());
  CHECK(std::string(created.status().message()).find("mem/place_demonyms.tsv:1:") != std::string::npos);
}

// Reads the seed article from ../shared when present (never copied into the
// repository) and checks the places a fact-checker expects.
TEST_CASE("PlaceMatcher finds the seed article's places", "[extract][places]") {
  const std::string path = std::string(CLAIMDIFF_SHARED_DIR) + "/seeds/a_sz_2019-04-18.txt";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    WARN("skipped: " << path << " not found");
    return;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  bool russia = false, vladivostok_event = false, moscow_speaker = false, moscow_event = false;
  size_t start = 0;
  // Sentences are approximated by ". " boundaries: the segmenter is not under test.
  while (start < text.size()) {
    size_t end = text.find(". ", start);
    end = end == std::string::npos ? text.size() : end + 1;
    for (const Place& p : Matcher("de").Find(text, Span{start, end})) {
      if (p.id == "country:RU" && p.role == "event") russia = true;
      if (p.id == "geo:2013348" && p.role == "event") vladivostok_event = true;
      if (p.id == "geo:524901" && p.role == "speaker") moscow_speaker = true;
      if (p.id == "geo:524901" && p.role == "event") moscow_event = true;
    }
    start = end;
  }
  CHECK(russia);
  CHECK(vladivostok_event);
  CHECK(moscow_speaker);
  CHECK_FALSE(moscow_event);
}

}  // namespace
}  // namespace claimdiff
