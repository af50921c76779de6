// Time expressions: table tests over sentences written for these tests
// (German and English), the seed articles when ../shared is present, and
// the lexicon checks.

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "claimdiff/extract.h"
#include "claimdiff/lexicon.h"
#include "extract_timex.h"

namespace claimdiff {
namespace {

const Lexicon& Lang(const std::string& lang) {
  static auto* de = new Lexicon(*LoadLexicon(absl::StrCat(CLAIMDIFF_LEXICON_DIR, "/de"), "de"));
  static auto* en = new Lexicon(*LoadLexicon(absl::StrCat(CLAIMDIFF_LEXICON_DIR, "/en"), "en"));
  return lang == "en" ? *en : *de;
}

const TimexTagger& Tagger(const std::string& lang) {
  static auto* de = TimexTagger::Create(Lang("de"))->release();
  static auto* en = TimexTagger::Create(Lang("en"))->release();
  return lang == "en" ? *en : *de;
}

// One sentence per line of `text`; the DCT is "" or "YYYY-MM-DD".
struct Tagged {
  Document doc;
  std::vector<Timex> timex;
};

Tagged TagText(const std::string& lang, const std::string& text, const std::string& dct) {
  Tagged r;
  r.doc.lang = lang;
  r.doc.text = text;
  absl::CivilDay d;
  if (!dct.empty() && absl::ParseCivilTime(dct, &d)) r.doc.published = d;
  Segmentation seg;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) seg.sentences.push_back(Sentence{Span{start, end}});
    start = end + 1;
  }
  r.timex = Tagger(lang).Tag(r.doc, seg);
  return r;
}

// "surface=value~MOD[first..last]" (mod and interval only when present).
std::string Describe(const Timex& t, const std::string& text) {
  std::string s = absl::StrCat(text.substr(t.span.start, t.span.end - t.span.start), "=", t.value);
  if (!t.mod.empty()) absl::StrAppend(&s, "~", t.mod);
  if (t.first_day && t.last_day) {
    absl::StrAppend(&s, "[", absl::FormatCivilTime(*t.first_day), "..", absl::FormatCivilTime(*t.last_day), "]");
  }
  if (t.relative) absl::StrAppend(&s, "(rel)");
  return s;
}

std::vector<std::string> DescribeAll(const Tagged& r) {
  std::vector<std::string> out;
  for (const Timex& t : r.timex) out.push_back(Describe(t, r.doc.text));
  return out;
}

// Each expected item must be a prefix of one described timex.
std::string MissingItems(const std::vector<std::string>& described, const std::vector<std::string>& expected) {
  std::vector<std::string> missing;
  for (const std::string& e : expected) {
    bool found = false;
    for (const std::string& d : described) found |= d.compare(0, e.size(), e) == 0;
    if (!found) missing.push_back(e);
  }
  return absl::StrJoin(missing, " | ");
}

struct Row {
  const char* lang;
  const char* dct;
  const char* text;
  std::vector<std::string> expected;  // Prefixes of Describe() output; the count must match too.
};

void RunTable(const std::vector<Row>& rows) {
  int failures = 0;
  for (const Row& row : rows) {
    Tagged r = TagText(row.lang, row.text, row.dct);
    std::vector<std::string> d = DescribeAll(r);
    INFO(row.lang << " dct=" << row.dct << ": " << row.text);
    INFO("got: " << absl::StrJoin(d, " | "));
    std::string missing = MissingItems(d, row.expected);
    CHECK(missing == "");
    CHECK(d.size() == row.expected.size());
    if (!missing.empty() || d.size() != row.expected.size()) ++failures;
  }
  CHECK(failures == 0);
}

TEST_CASE("German time expressions resolve against the publication date", "[extract][timex]") {
  RunTable({
      // Absolute dates.
      {"de", "2019-04-18", "Die Konferenz begann am 23. April 2019 in Wien.", {"23. April 2019=2019-04-23[2019-04-23..2019-04-23]"}},
      {"de", "2019-04-18", "Die Frist endet am 23.04.2019 um Mitternacht.", {"23.04.2019=2019-04-23"}},
      {"de", "2019-04-18", "Die Sitzung findet am Donnerstag, 25. April statt.", {"Donnerstag, 25. April=2019-04-25"}},
      // Partial dates and parts of periods.
      {"de", "2019-04-16", "Nach dem ersten Gipfel im Juni 2018 stockten die Gespräche.", {"Juni 2018=2018-06[2018-06-01..2018-06-30]"}},
      {"de", "2019-04-16", "Das Treffen in Hanoi wurde Ende Februar abgebrochen.", {"Ende Februar=2019-02~END[2019-02-21..2019-02-28]"}},
      {"de", "2019-04-16", "Die Minister trafen sich Anfang des Jahres schon zweimal.", {"Anfang des Jahres=2019~START"}},
      {"de", "2019-04-16", "Die Entscheidung fällt Mitte Mai.", {"Mitte Mai=2019-05~MID[2019-05-11..2019-05-20]"}},
      {"de", "2019-04-18", "Der Gast wird in der zweiten Aprilhälfte erwartet.", {"der zweiten Aprilhälfte=2019-04[2019-04-16..2019-04-30]"}},
      {"de", "2019-04-18", "Bis zum Jahresende soll der Bau fertig sein.", {"Jahresende=2019~END"}},
      {"de", "2014-07-19", "Erst in der zweiten Jahreshälfte werde die Wirtschaft wachsen.", {"der zweiten Jahreshälfte=2014-H2[2014-07-01..2014-12-31]"}},
      // Relative to the publication date.
      {"de", "2019-04-18", "Das Treffen soll noch in diesem Monat stattfinden.", {"diesem Monat=2019-04"}},
      {"de", "2019-04-16", "Die Begegnung wird noch diesen Monat stattfinden.", {"diesen Monat=2019-04"}},
      {"de", "2019-04-18", "Der Besuch ist noch im April geplant.", {"April=2019-04"}},
      {"de", "2019-04-16", "Kommende Woche reist der Präsident nach Peking.", {"Kommende Woche=2019-W17[2019-04-22..2019-04-28]"}},
      {"de", "2019-04-16", "Bereits letztes Jahr gab es eine Einladung.", {"letztes Jahr=2018"}},
      {"de", "2019-04-18", "Das teilte die Regierung am Donnerstag mit.", {"Donnerstag=2019-04-18"}},
      {"de", "2019-04-16", "Ein Sprecher bestätigte am Montag die Pläne.", {"Montag=2019-04-15"}},
      {"de", "2019-04-16", "Der Minister wird am Montag nach Rom reisen.", {"Montag=2019-04-22"}},
      {"de", "2014-02-21", "Gestern Abend haben die Vertreter beraten.", {"Gestern Abend=2014-02-20TEV"}},
      {"de", "2014-02-21", "Der Antrag kam vor drei Tagen.", {"drei Tagen=P3D[2014-02-18..2014-02-18]"}},
      {"de", "2013-10-05", "In der kommenden Woche stimmt das Parlament ab.", {"der kommenden Woche=2013-W41"}},
      {"de", "2013-10-05", "Im vergangenen Jahr kamen weniger Menschen.", {"vergangenen Jahr=2012"}},
      {"de", "2002-07-11", "Es kamen mehr Gäste als im Vorjahr.", {"Vorjahr=2001"}},
      {"de", "2016-01-14", "Der Rat stimmte am Dienstagabend zu.", {"Dienstagabend=2016-01-12TEV"}},
      {"de", "2019-04-18", "Die Wahl findet am 5.9. statt.", {"5.9.=2019-09-05"}},  // Day.month stays a date.
      {"de", "2019-04-18", "Das Spiel der Stärkeren ist am 20.4. angesetzt.", {"20.4.=2019-04-20"}},  // Only the whole word is a measure cue.
      {"de", "2015-07-07", "Die Lesung beginnt am 9. Juli um 20.30 Uhr.", {"9. Juli=2015-07-09", "20.30 Uhr=2015-07-09T20:30"}},
      {"de", "2014-02-21", "Heute läuft die Frist ab.", {"Heute=PRESENT_REF[2014-02-21..2014-02-21]"}},
      // Alternatives and ranges (KRAUTS extents).
      {"de", "2019-04-18", "Als Termine wurden der 23. oder 24. April genannt.", {"der 23=2019-04-23", "24. April=2019-04-24"}},
      {"de", "2013-10-11", "Die Tournee dauert vom 5. bis 22. November.", {"5.=2013-11-05", "22. November=2013-11-22"}},
      {"de", "2015-01-22", "Sitzungen sind am 10. und 11. Februar.", {"10=2015-02-10", "11. Februar=2015-02-11"}},
      {"de", "2006-10-05", "Zwischen 1973 und 1988 verdoppelte sich die Zahl.", {"1973=1973", "1988=1988"}},
      // Durations.
      {"de", "1997-12-05", "Er lebt seit einem Jahr in Irland.", {"einem Jahr=P1Y"}},
      {"de", "1999-03-31", "Vor mehr als zehn Jahren fanden sich Lehrer zusammen.", {"mehr als zehn Jahren=P10Y~MORE_THAN"}},
      {"de", "2008-06-12", "Seit Jahren gehört er zu den Stars.", {"Jahren=PXY"}},
      {"de", "2001-09-27", "Das Buch beschreibt die Ereignisse in den letzten zehn Jahren.", {"den letzten zehn Jahren=P10Y"}},
      {"de", "1999-03-31", "Schüler bleiben eine halbe Stunde länger.", {"eine halbe Stunde=PT0.5H"}},
      // Sets.
      {"de", "2015-09-12", "Ich versuche, jeden Tag zu genießen.", {"jeden Tag=P1D"}},
      {"de", "2019-04-18", "Der Markt ist jeden Montag geöffnet.", {"jeden Montag=XXXX-WXX-1"}},
      {"de", "2016-01-05", "Das kostet den Steuerzahler jährlich zwei Millionen.", {"jährlich=P1Y"}},
      {"de", "2009-09-24", "Gewählt wird alle vier Jahre.", {"alle vier Jahre=P4Y"}},
      // Years, decades, centuries, seasons.
      {"de", "1997-12-05", "In den zwanziger Jahren flüchtete der Dichter hierher.", {"den zwanziger Jahren=192"}},
      {"de", "2015-09-12", "Sie galten schon in den 1990er-Jahren als Talent.", {"den 1990er-Jahren=199"}},
      {"de", "2006-10-05", "Die Epidemie des 21. Jahrhunderts breitet sich aus.", {"des 21. Jahrhunderts=20"}},
      {"de", "1999-03-31", "Im Herbst 1998 kamen die Lehrer.", {"Herbst 1998=1998-FA"}},
      {"de", "2002-07-11", "In diesem Sommer reisen mehr Familien.", {"diesem Sommer=2002-SU"}},
      {"de", "2011-02-16", "494 v. Chr. wurde die Flotte geschlagen.", {"494 v. Chr.=BC0494"}},
      // Present, past and future references.
      {"de", "2001-12-13", "Damals war alles anders, jetzt nicht mehr.", {"Damals=PAST_REF", "jetzt=PRESENT_REF"}},
  });
}

TEST_CASE("German words that are not time expressions yield nothing", "[extract][timex]") {
  // A separate list of inputs that must yield nothing.
  const char* kNothing[] = {
      "Sie kam mit dem Zug.",                       // "mit" is not Mittwoch.
      "Der Sollwert wurde überschritten.",          // Not a date.
      "Das 2024er Modell ist teurer.",              // A model year as adjective.
      "Der Autor Karl Mai las aus seinem Buch.",    // "Mai" in a name.
      "Es kamen 2000 Menschen und 1500 Polizisten.",// Counts, not years.
      "Die Strecke ist 1600 km lang.",
      "Der 22 Jahre alte Fahrer wurde verletzt.",   // An age, not a duration.
      "Wer ab 16 Jahren wählen darf, entscheidet.",
      "Er trat im Winter-Biathlon an.",
      "Das Beben hatte eine Stärke von 5.9.",        // A magnitude, not the 5th of September.
      "Ein Erdbeben der Stärke 6.1. erschütterte die Insel.",
      "Die Behörde gab die Magnitude mit 6.4. an.",
  };
  int failures = 0;
  for (const char* text : kNothing) {
    Tagged r = TagText("de", text, "2019-04-18");
    INFO(text << " -> " << absl::StrJoin(DescribeAll(r), " | "));
    CHECK(r.timex.empty());
    if (!r.timex.empty()) ++failures;
  }
  CHECK(failures == 0);
}

TEST_CASE("Alternatives share a group, ranges and lists do not", "[extract][timex]") {
  Tagged r = TagText("de", "Als Termine wurden der 23. oder 24. April genannt.\nDie Messe ist am 10. und 11. Mai.",
                     "2019-04-18");
  REQUIRE(r.timex.size() == 4);
  CHECK(r.timex[0].alternative_group >= 0);
  CHECK(r.timex[0].alternative_group == r.timex[1].alternative_group);
  CHECK(r.timex[2].alternative_group == -1);
  CHECK(r.timex[3].alternative_group == -1);
  CHECK(r.timex[0].sentence == 0);
  CHECK(r.timex[3].sentence == 1);
}

TEST_CASE("Without a publication date values stay relative", "[extract][timex]") {
  RunTable({
      {"de", "", "Der Gipfel ist am 23. April.", {"23. April=XXXX-04-23(rel)"}},
      {"de", "", "Ein Sprecher bestätigte am Montag die Pläne.", {"Montag=XXXX-WXX-1(rel)"}},
      {"de", "", "Kommende Woche reist der Präsident.", {"Kommende Woche=FUTURE_REF(rel)"}},
      {"de", "", "Gestern kam die Nachricht.", {"Gestern=PAST_REF(rel)"}},
      {"de", "", "Im Juni 2018 trafen sie sich.", {"Juni 2018=2018-06[2018-06-01..2018-06-30]"}},
      {"en", "", "The meeting is on April 23.", {"April 23=XXXX-04-23(rel)"}},
      // A year gives no day to count a weekday or "yesterday" from.
      {"en", "", "Figures were revised in 2010. Three people were killed Wednesday.",
       {"2010=2010", "Wednesday=XXXX-WXX-3(rel)"}},
      {"de", "", "Die Zahlen für 2010 wurden korrigiert. Gestern kam die Nachricht.",
       {"2010=2010", "Gestern=PAST_REF(rel)"}},
      // A dateline date does.
      {"en", "", "First Posted 23:37:00 05/05/2010\nThree people were killed Wednesday.",
       {"05/05/2010=2010-05-05", "Wednesday=2010-05-05"}},
  });
}

TEST_CASE("Slash dates follow the language's order; an ambiguous one keeps the year", "[extract][timex]") {
  RunTable({
      {"en", "2010-05-20", "The bank was attacked on 05/14/2010.", {"05/14/2010=2010-05-14"}},
      {"en", "2010-05-20", "The bank was attacked on 14/05/2010.", {"14/05/2010=2010-05-14"}},
      {"en", "2010-05-20", "The bank was attacked on 06/05/2010.", {"06/05/2010=2010[2010-01-01..2010-12-31]"}},
      {"de", "2010-05-20", "Die Bank wurde am 06/05/2010 angegriffen.", {"06/05/2010=2010-05-06"}},
      {"en", "2010-05-20", "The score was 3/4 at the break.", {}},
  });
}

TEST_CASE("English time expressions", "[extract][timex]") {
  RunTable({
      {"en", "2019-04-18", "The summit opened on April 23, 2019 in Vladivostok.", {"April 23, 2019=2019-04-23"}},
      {"en", "2019-04-18", "The leaders will meet on April 23 or 24.", {"April 23=2019-04-23"}},
      {"en", "2019-04-18", "The conference took place on 23 April 2019.", {"23 April 2019=2019-04-23"}},
      {"en", "2019-04-18", "Officials met in June 2018 for the first time.", {"June 2018=2018-06"}},
      {"en", "2019-04-16", "The talks collapsed in late February.", {"late February=2019-02~END"}},
      {"en", "2019-04-16", "The two leaders met at the beginning of the year.", {"the beginning of the year=2019~START"}},
      {"en", "2019-04-16", "Putin will attend a forum in Beijing next week.", {"next week=2019-W17"}},
      {"en", "2019-04-16", "A spokesman confirmed the plans on Monday.", {"Monday=2019-04-15"}},
      {"en", "2019-04-16", "The minister will travel to Rome next Tuesday.", {"next Tuesday=2019-04-23"}},
      {"en", "2019-04-16", "The invitation was sent last year.", {"last year=2018"}},
      {"en", "2019-04-16", "Police said yesterday that the roads were closed.", {"yesterday=2019-04-15"}},
      {"en", "2019-04-16", "The quake struck three days ago.", {"three days ago=2019-04-13"}},
      {"en", "2019-04-16", "The visit is expected later this month.", {"this month=2019-04"}},
      {"en", "2019-04-16", "Rescue work went on for three days.", {"three days=P3D"}},
      {"en", "2019-04-16", "The talks stalled for a few months.", {"a few months=PXM"}},
      {"en", "2019-04-16", "The market opens every Monday.", {"every Monday=XXXX-WXX-1"}},
      {"en", "2019-04-16", "The report is published annually.", {"annually=P1Y"}},
      {"en", "2019-04-16", "The quake hit at 3 p.m. on Monday.", {"3 p.m.=2019-04-16T15:00", "Monday=2019-04-15"}},
      {"en", "2019-04-16", "Prices rose sharply in the 1990s.", {"the 1990s=199"}},
  });
}

TEST_CASE("English words that are not time expressions yield nothing", "[extract][timex]") {
  const char* kNothing[] = {
      "It may rain, said Theresa May.",
      "About 2000 people were evacuated.",
      "The 5.9-magnitude quake hit the coast.",
      "The survey said the quake had a magnitude of 5.9.",  // A magnitude at a sentence end.
      "Officials put the magnitude at 6.1. Two people died.",
      "His scoring average was 20.2.",  // English writes no day.month date without a year.
      "It was a magnitude-5.4.",
  };
  for (const char* text : kNothing) {
    Tagged r = TagText("en", text, "2019-04-18");
    INFO(text << " -> " << absl::StrJoin(DescribeAll(r), " | "));
    CHECK(r.timex.empty());
  }
}

TEST_CASE("Tense comes from the lexicon's cues", "[extract][timex]") {
  CHECK(Tagger("de").Tense("Der Kreml teilte am Donnerstag mit, dass") == "past");
  CHECK(Tagger("de").Tense("Putin wird nach Peking reisen.") == "future");
  CHECK(Tagger("de").Tense("Die Sitzung beginnt.") == "present");
  CHECK(Tagger("en").Tense("The leaders met in Hanoi.") == "past");
  CHECK(Tagger("en").Tense("The leaders will meet.") == "future");
}

TEST_CASE("A bad time table names the file and the line", "[extract][timex]") {
  auto lexicon = LoadLexicon(CLAIMDIFF_FIXTURES_DIR "/timex/bad_kind", "xx");
  REQUIRE(lexicon.ok());
  auto tagger = TimexTagger::Create(*lexicon);
  REQUIRE_FALSE(tagger.ok());
  INFO(tagger.status().ToString());
  CHECK(tagger.status().message().find("time_words.tsv:4:") != absl::string_view::npos);
  CHECK(tagger.status().message().find("weekly_sometimes") != absl::string_view::npos);
}

TEST_CASE("A made-up language tags dates with its own words", "[extract][timex]") {
  auto lexicon = LoadLexicon(CLAIMDIFF_FIXTURES_DIR "/timex/xx", "xx");
  REQUIRE(lexicon.ok());
  auto tagger = TimexTagger::Create(*lexicon);
  REQUIRE(tagger.ok());
  Document doc;
  doc.lang = "xx";
  doc.text = "Blorg zunta ko Lunaro 2019 vasta, plim 5. Pelaro.";
  doc.published = absl::CivilDay(2019, 6, 1);
  Segmentation seg;
  seg.sentences.push_back(Sentence{Span{0, doc.text.size()}});
  std::vector<Timex> t = (*tagger)->Tag(doc, seg);
  std::vector<std::string> d;
  for (const Timex& x : t) d.push_back(Describe(x, doc.text));
  INFO(absl::StrJoin(d, " | "));
  REQUIRE(t.size() == 2);
  CHECK(d[0].rfind("Lunaro 2019=2019-04", 0) == 0);
  CHECK(d[1].rfind("5. Pelaro=2019-05-05", 0) == 0);
}

// The two seed articles (third-party texts, read from ../shared at run time).
std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("Seed articles: the dates a fact-checker expects", "[extract][timex][seeds]") {
  std::string dir = std::string(CLAIMDIFF_SHARED_DIR) + "/seeds/";
  std::string a = ReadFile(dir + "a_sz_2019-04-18.txt");
  std::string b = ReadFile(dir + "b_2019-04-16.txt");
  if (a.empty() || b.empty()) {
    WARN("seed articles not found under " << dir << "; skipped");
    return;
  }
  struct Expect {
    const std::string* text;
    const char* dct;
    const char* phrase;  // Text the timex must overlap.
    const char* value;
    const char* interval;  // "" or "first..last".
    const char* mod;
  };
  const Expect kExpected[] = {
      {&a, "2019-04-18", "noch in diesem Monat", "2019-04", "", ""},
      {&a, "2019-04-18", "zweiten Aprilhälfte", "2019-04", "2019-04-16..2019-04-30", ""},
      {&a, "2019-04-18", "der 23. oder", "2019-04-23", "", ""},
      {&a, "2019-04-18", "24. April", "2019-04-24", "", ""},
      {&a, "2019-04-18", "Kreml am Donnerstag", "2019-04-18", "", ""},
      {&a, "2019-04-18", "Ende Februar", "2019-02", "", "END"},
      {&a, "2019-04-18", "im Juni 2018", "2018-06", "", ""},
      {&b, "2019-04-16", "am Montag", "2019-04-15", "", ""},
      {&b, "2019-04-16", "Kommende Woche", "2019-W17", "", ""},
      {&b, "2019-04-16", "Anfang des Jahres", "2019", "", "START"},
      {&b, "2019-04-16", "noch diesen Monat", "2019-04", "", ""},
      {&b, "2019-04-16", "letztes Jahr", "2018", "", ""},
  };
  int failures = 0;
  for (const Expect& e : kExpected) {
    Segmentation seg;
    size_t start = 0;
    const std::string& text = *e.text;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      if (end > start) seg.sentences.push_back(Sentence{Span{start, end}});
      start = end + 1;
    }
    Document doc;
    doc.lang = "de";
    doc.text = text;
    absl::CivilDay dct;
    REQUIRE(absl::ParseCivilTime(e.dct, &dct));
    doc.published = dct;
    std::vector<Timex> timex = Tagger("de").Tag(doc, seg);
    size_t at = text.find(e.phrase);
    INFO(e.phrase);
    REQUIRE(at != std::string::npos);
    size_t phrase_end = at + std::string(e.phrase).size();
    bool found = false;
    std::string seen;
    for (const Timex& t : timex) {
      if (t.span.start >= phrase_end || t.span.end <= at) continue;
      seen += Describe(t, text) + " ";
      std::string interval =
          t.first_day ? absl::StrCat(absl::FormatCivilTime(*t.first_day), "..", absl::FormatCivilTime(*t.last_day)) : "";
      if (t.value == e.value && t.mod == e.mod && (std::string(e.interval).empty() || interval == e.interval)) {
        found = true;
      }
    }
    INFO("seen: " << seen);
    CHECK(found);
    if (!found) ++failures;
  }
  CHECK(failures == 0);
}

}  // namespace
}  // namespace claimdiff
