// Ingest: formats, encodings, metadata, language detection.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/civil_time.h"
#include "claimdiff/ingest.h"
#include "ingest_testing.h"
#include "nlohmann/json.hpp"

namespace claimdiff {
namespace {

using testing::FixturePath;
using testing::ReadFileBytes;
using testing::TempDir;

constexpr char kReplacement[] = "\xEF\xBF\xBD";

Document ReadOne(const std::string& path, const IngestOptions& options = {}) {
  auto clusters = ReadInput(path, options);
  INFO(clusters.status().ToString());
  REQUIRE(clusters.ok());
  REQUIRE(clusters->size() == 1);
  REQUIRE((*clusters)[0].docs.size() == 1);
  return (*clusters)[0].docs[0];
}

std::string Day(const Document& doc) { return doc.published ? absl::FormatCivilTime(*doc.published) : "-"; }

// Every identity run of the source map must show the same bytes in the text
// and in the file; every offset must map inside the file.
void CheckSourceMap(const Document& doc, const std::string& file) {
  for (const SourceRun& run : doc.source_map) {
    REQUIRE(run.text_start + run.length <= doc.text.size());
    REQUIRE(run.source_start + run.source_length <= file.size());
    if (run.length == run.source_length) {
      CHECK(doc.text.substr(run.text_start, run.length) == file.substr(run.source_start, run.source_length));
    }
  }
  for (size_t i = 0; i <= doc.text.size(); ++i) REQUIRE(doc.SourceOffset(i) <= file.size());
}

TEST_CASE("Plain text keeps the file as it is and detects the language", "[ingest]") {
  const std::string path = FixturePath("de_bericht.txt");
  Document doc = ReadOne(path);
  CHECK(doc.id == "de_bericht");
  CHECK(doc.path == path);
  CHECK(doc.format == InputFormat::kText);
  CHECK(doc.text == ReadFileBytes(path));
  CHECK(doc.source_map.empty());
  CHECK(doc.SourceOffset(17) == 17);
  CHECK(doc.lang == "de");
  CHECK(doc.lang_detected);
  CHECK(doc.lang_confidence > 0.5);
  CHECK(doc.lang_confidence <= 1.0);
  CHECK_FALSE(doc.published);
  CHECK(doc.published_from.empty());

  Document en = ReadOne(FixturePath("en_report.txt"));
  CHECK(en.lang == "en");
  CHECK(en.lang_detected);
}

TEST_CASE("Options override language, date and source", "[ingest]") {
  IngestOptions options;
  options.lang = "EN";
  options.date = absl::CivilDay(2024, 3, 6);
  options.source = "Flag Source";
  Document doc = ReadOne(FixturePath("de_entwurf.md"), options);
  CHECK(doc.lang == "en");
  CHECK_FALSE(doc.lang_detected);
  CHECK(doc.lang_confidence == 1.0);
  CHECK(Day(doc) == "2024-03-06");
  CHECK(doc.published_from == "flag");
  CHECK(doc.source == "Flag Source");
}

TEST_CASE("Format by extension or by option", "[ingest]") {
  TempDir dir;
  const std::string body = "# Titel\n\nDer Text ist *kurz* und deutsch.\n";
  const std::string md = dir.Write("a.md", body);
  const std::string txt = dir.Write("a.txt", body);
  CHECK(ReadOne(md).format == InputFormat::kMarkdown);
  CHECK(ReadOne(txt).format == InputFormat::kText);
  CHECK(ReadOne(txt).text == body);
  IngestOptions as_markdown;
  as_markdown.format = InputFormat::kMarkdown;
  Document forced = ReadOne(txt, as_markdown);
  CHECK(forced.format == InputFormat::kMarkdown);
  CHECK(forced.text.find('#') == std::string::npos);
  CHECK(forced.title == "Titel");
}

TEST_CASE("A UTF-8 byte order mark is dropped and offsets map past it", "[ingest]") {
  TempDir dir;
  const std::string body = "Der Rat tagt am Montag.\n";
  const std::string path = dir.Write("bom.txt", "\xEF\xBB\xBF" + body);
  Document doc = ReadOne(path);
  CHECK(doc.text == body);
  CHECK(doc.SourceOffset(0) == 3);
  CHECK(doc.SourceOffset(4) == 7);
  CHECK(doc.SourceOffset(body.size()) == body.size() + 3);

  // Markdown and HTML with a BOM too.
  Document md = ReadOne(dir.Write("bom.md", "\xEF\xBB\xBF# Kopf\n\nDer Rat tagt.\n"));
  CHECK(md.text == "  Kopf\n\nDer Rat tagt.\n");
  CHECK(md.SourceOffset(8) == 11);
  const std::string html = "\xEF\xBB\xBF<p>Der Rat tagt.</p>";
  Document h = ReadOne(dir.Write("bom.html", html));
  CHECK(h.text == "Der Rat tagt.");
  CHECK(h.SourceOffset(0) == html.find("Der"));
}

TEST_CASE("Lenient mode replaces invalid UTF-8, warns and keeps the offsets mapped", "[ingest]") {
  TempDir dir;
  const std::string bytes = std::string("Gr\xFC") + "\xDF" + "e aus K\xF6ln und \xE2\x82 mehr.";
  const std::string path = dir.Write("bad.txt", bytes);
  IngestOptions lenient;
  lenient.lenient = true;
  Document doc = ReadOne(path, lenient);
  REQUIRE(doc.warnings.size() == 1);
  CHECK(absl::StrContains(doc.warnings[0], "replaced 4 invalid"));
  CHECK(absl::StrContains(doc.warnings[0], "byte offset 2"));
  // "\xFC" and "\xDF" are two sequences, "\xE2\x82" (truncated) is one.
  CHECK(doc.text == std::string("Gr") + kReplacement + kReplacement + "e aus K" + kReplacement + "ln und " +
                        kReplacement + " mehr.");
  const size_t mehr = doc.text.find("mehr");
  CHECK(doc.SourceOffset(mehr) == bytes.find("mehr"));
  CHECK(doc.SourceOffset(doc.text.find("aus")) == bytes.find("aus"));
  CheckSourceMap(doc, bytes);
}

TEST_CASE("The encoding option converts Latin-1 and UTF-16 through ICU", "[ingest]") {
  TempDir dir;
  const std::string latin1 = dir.Write("latin1.txt", "Gr\xFC\xDF" "e aus K\xF6ln, sagte die B\xFCrgermeisterin.\n");
  IngestOptions options;
  options.encoding = "ISO-8859-1";
  Document doc = ReadOne(latin1, options);
  CHECK(doc.text == "Grüße aus Köln, sagte die Bürgermeisterin.\n");

  // UTF-16LE with a BOM, written byte by byte.
  const std::u16string text16 = u"Grüße aus Köln.";
  std::string utf16 = "\xFF\xFE";
  for (char16_t c : text16) {
    utf16.push_back(static_cast<char>(c & 0xFF));
    utf16.push_back(static_cast<char>(c >> 8));
  }
  const std::string utf16_path = dir.Write("utf16.txt", utf16);
  options.encoding = "UTF-16";
  CHECK(ReadOne(utf16_path, options).text == "Grüße aus Köln.");
  options.encoding = "UTF-16LE";  // Keeps the BOM as U+FEFF; ingest drops it.
  CHECK(ReadOne(utf16_path, options).text == "Grüße aus Köln.");

  options.encoding = "utf-8";  // The default, by name.
  CHECK(ReadOne(FixturePath("de_bericht.txt"), options).text == ReadFileBytes(FixturePath("de_bericht.txt")));
}

TEST_CASE("Markdown markup becomes spaces; offsets stay file offsets", "[ingest]") {
  const std::string path = FixturePath("de_entwurf.md");
  const std::string file = ReadFileBytes(path);
  Document doc = ReadOne(path);
  CHECK(doc.format == InputFormat::kMarkdown);
  REQUIRE(doc.text.size() == file.size());
  CHECK(doc.source_map.empty());
  // Every byte is the file's byte or a space that replaced markup.
  for (size_t i = 0; i < file.size(); ++i) {
    if (doc.text[i] != file[i]) {
      INFO("offset " << i);
      CHECK(doc.text[i] == ' ');
      CHECK(file[i] != '\n');
    }
  }
  // Words sit at the same offsets as in the file.
  for (const char* word : {"Stadtrat", "Ratsinformationssystem", "Kämmerin", "Schulen", "Einnahmen", "Erste",
                           "snake_case_namen", "Bildung", "Grafik"}) {
    INFO(word);
    const size_t body_start = file.find("---\n\n");
    CHECK(doc.text.find(word, body_start) == file.find(word, body_start));
  }
  // Markup is gone from the prose.
  const size_t body = file.find("# Stadtrat");
  const std::string prose = doc.text.substr(body, doc.text.find("```") - body);
  for (const char* markup : {"#", "**", "](", "https://", "> ", "| ", "|---", "- Ausgaben", "1. Erste", "![", "<!--", "Symbol",
                             "Zahlen prüfen"}) {
    INFO(markup);
    CHECK(prose.find(markup) == std::string::npos);
  }
  CHECK(absl::StrContains(doc.text, "Stern *."));  // An escaped star stays; the backslash goes.
  CHECK(absl::StrContains(doc.text, "*5. März*") == false);
  CHECK(absl::StrContains(doc.text, " 5. März "));

  // Front matter.
  CHECK(doc.title == "Haushalt: Stadtrat stimmt zu");
  CHECK(Day(doc) == "2024-03-05");
  CHECK(doc.published_from == "front_matter");
  CHECK(doc.lang == "de");
  CHECK_FALSE(doc.lang_detected);
  CHECK(doc.source == "Musterstädter Anzeiger");

  // Furniture: front matter, caption (image alt), two code blocks.
  std::vector<std::string> reasons;
  for (const Furniture& f : doc.furniture) reasons.push_back(f.reason);
  CHECK(reasons == std::vector<std::string>{"front_matter", "caption", "code_block", "code_block"});
  REQUIRE(doc.furniture.size() == 4);
  CHECK(doc.furniture[0].span.start == 0);
  CHECK(doc.furniture[0].span.end == file.find("---\n\n") + 3);
  CHECK(doc.text.substr(doc.furniture[1].span.start, doc.furniture[1].span.size()) == "Grafik der Ausgaben");
  CHECK(absl::StartsWith(doc.text.substr(doc.furniture[2].span.start), "```\nRohdaten"));
  CHECK(doc.text.substr(doc.furniture[3].span.start, doc.furniture[3].span.size()) ==
        "eingerückter Code ist auch kein Text");
  for (size_t i = 1; i < doc.furniture.size(); ++i) {
    CHECK(doc.furniture[i - 1].span.end <= doc.furniture[i].span.start);
  }
}

TEST_CASE("Markdown cases one by one", "[ingest]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"## Kopf ##\n", "   Kopf   \n"},
      {"Kopf\n====\n", "Kopf\n    \n"},
      {"a **b** _c_ ~~d~~\n", "a   b    c    d  \n"},
      {"snake_case und 5 * 3\n", "snake_case und 5 * 3\n"},
      {"[Text](http://x.de/a_b \"T\") ok\n", " Text                       ok\n"},
      {"[Text][ref]\n\n[ref]: http://x.de\n", " Text      \n\n                  \n"},
      {"<http://x.de> und <b>fett</b>\n", " http://x.de  und    fett    \n"},
      {"> > tief\n", "    tief\n"},
      {"* a\n+ b\n10) c\n", "  a\n  b\n    c\n"},
      {"`a *b*` c\n", " a *b*  c\n"},
      {"a\n\n***\n", "a\n\n   \n"},
      {"x<!-- a\nb -->y\n", "x      \n     y\n"},
      {"Fußnote[^1].\n", "Fußnote    .\n"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    auto doc = MakeDocument("case.md", c.in, InputFormat::kMarkdown, {});
    REQUIRE(doc.ok());
    CHECK(doc->text == c.out);
  }
}

TEST_CASE("HTML: article text, furniture, metadata and source map", "[ingest]") {
  const std::string path = FixturePath("en_article.html");
  const std::string file = ReadFileBytes(path);
  Document doc = ReadOne(path);
  CHECK(doc.format == InputFormat::kHtml);
  CHECK(doc.title == "Council approves budget – Sample Gazette");
  CHECK(doc.source == "Sample Gazette");
  CHECK(doc.lang == "en");
  CHECK(Day(doc) == "2024-03-05");
  CHECK(doc.published_from == "meta");
  // Script and style are not text; entities are decoded; blocks are paragraphs.
  CHECK_FALSE(absl::StrContains(doc.text, "tracking"));
  CHECK_FALSE(absl::StrContains(doc.text, "font-family"));
  CHECK(absl::StrContains(doc.text, "Council approves \"lean\" budget\n\nThe council approved the budget on Tuesday.\n"
                                    "Spending rises by about 1.5\u00A0million dollars & debt grows.\n\n"));
  // Nothing is lost: menus, captions, asides and footers are text marked as furniture.
  struct Expected {
    const char* text;
    const char* reason;
  };
  const Expected expected[] = {{"Home News Sport", "header"},
                               {"The town hall (Photo: Sample)", "caption"},
                               {"Read more: Another story", "aside"},
                               {"© 2024 Sample Gazette", "footer"}};
  REQUIRE(doc.furniture.size() == std::size(expected));
  for (size_t i = 0; i < doc.furniture.size(); ++i) {
    const Furniture& f = doc.furniture[i];
    CHECK(doc.text.substr(f.span.start, f.span.size()) == expected[i].text);
    CHECK(f.reason == expected[i].reason);
  }
  // Text offsets map back to the file.
  CheckSourceMap(doc, file);
  for (const char* word : {"approved", "Spending", "opposition", "Sport", "town hall"}) {
    INFO(word);
    CHECK(doc.SourceOffset(doc.text.find(word)) == file.find(word));
  }
  // Decoded entities map to the entity in the file.
  CHECK(file.compare(doc.SourceOffset(doc.text.find("& debt")), 5, "&amp;") == 0);
  CHECK(file.compare(doc.SourceOffset(doc.text.find("\"lean")), 6, "&quot;") == 0);
  CHECK(file.compare(doc.SourceOffset(doc.text.find("©")), 6, "&copy;") == 0);
}

TEST_CASE("HTML publication date from each of its three places", "[ingest]") {
  struct Case {
    const char* file;
    const char* day;
    const char* from;
    const char* source;
  };
  const Case cases[] = {{"en_article.html", "2024-03-05", "meta", "Sample Gazette"},
                        {"de_jsonld.html", "2019-04-18", "json_ld", "Beispielblatt"},
                        {"de_time.html", "2019-04-16", "time", ""}};
  for (const Case& c : cases) {
    INFO(c.file);
    Document doc = ReadOne(FixturePath(c.file));
    CHECK(Day(doc) == c.day);
    CHECK(doc.published_from == c.from);
    CHECK(doc.source == c.source);
  }
  // <time>: the nav is furniture, the article is prose.
  Document time_doc = ReadOne(FixturePath("de_time.html"));
  REQUIRE(time_doc.furniture.size() == 1);
  CHECK(time_doc.furniture[0].reason == "nav");
  CHECK(time_doc.lang == "de");
  CHECK(time_doc.lang_detected);
}

TEST_CASE("HTML without article uses main or body; outside text is furniture", "[ingest]") {
  auto doc = MakeDocument("x.html",
                          "<body><div id=menu>Menü A B</div><main><h2>Kopf</h2><p>Text eins.<p>Text zwei.</main>"
                          "<div>Werbung hier</div></body>",
                          InputFormat::kHtml, {});
  REQUIRE(doc.ok());
  CHECK(doc->text == "Menü A B\n\nKopf\n\nText eins.\n\nText zwei.\n\nWerbung hier");
  REQUIRE(doc->furniture.size() == 2);
  CHECK(doc->furniture[0].reason == "outside_article");
  CHECK(doc->text.substr(doc->furniture[1].span.start) == "Werbung hier");

  auto pre = MakeDocument("p.html", "<pre>a  b\n  c</pre><p>x &lt; y</p>", InputFormat::kHtml, {});
  REQUIRE(pre.ok());
  CHECK(pre->text == "a  b\n  c\n\nx < y");
}

TEST_CASE("HTML nested 100,000 deep is read without overflow", "[ingest]") {
  for (const char* tag : {"div", "span", "b", "table"}) {
    INFO(tag);
    std::string html = "<html><body><p>Anfang.</p>";
    for (int i = 0; i < 100000; ++i) html += std::string("<") + tag + ">";
    html += "Tief drinnen steht Text.";
    for (int i = 0; i < 100000; ++i) html += std::string("</") + tag + ">";
    html += "<p>Ende.</p></body></html>";
    auto doc = MakeDocument("deep.html", html, InputFormat::kHtml, {});
    REQUIRE(doc.ok());
    CHECK(absl::StrContains(doc->text, "Anfang."));
    CHECK(absl::StrContains(doc->text, "Tief drinnen steht Text."));
    CHECK(absl::StrContains(doc->text, "Ende."));
    CHECK(doc->SourceOffset(doc->text.find("Tief")) == html.find("Tief"));
  }
}

TEST_CASE("A single line of 1 MB", "[ingest]") {
  TempDir dir;
  std::string line;
  while (line.size() < (1 << 20)) line += "Der Rat tagt lange und ohne Pause ";
  Document doc = ReadOne(dir.Write("long.txt", line));
  CHECK(doc.text == line);
  CHECK(doc.lang == "de");
  Document json = ReadOne(dir.Write("long.jsonl", "{\"id\": \"lang\", \"text\": \"" + line + "\"}\n"));
  CHECK(json.text == line);
}

TEST_CASE("JSON Lines: documents and clusters", "[ingest]") {
  const std::string path = FixturePath("cluster.jsonl");
  auto clusters = ReadInput(path, {});
  REQUIRE(clusters.ok());
  REQUIRE(clusters->size() == 2);
  const Cluster& c1 = (*clusters)[0];
  CHECK(c1.id == "c1");
  CHECK(c1.is_cluster);
  REQUIRE(c1.docs.size() == 2);
  CHECK(c1.docs[0].id == "d1");
  CHECK(c1.docs[0].text == "Der Rat hat getagt.");
  CHECK(c1.docs[0].lang == "de");  // From the cluster.
  CHECK_FALSE(c1.docs[0].lang_detected);
  CHECK(Day(c1.docs[0]) == "2024-03-05");
  CHECK(c1.docs[0].published_from == "jsonl");
  CHECK(c1.docs[0].source == "Anzeiger");
  CHECK(c1.docs[0].path == path + ":1");
  CHECK(c1.docs[1].lang == "en");  // Its own.
  const Cluster& solo = (*clusters)[1];
  CHECK(solo.id == "solo");
  CHECK_FALSE(solo.is_cluster);
  REQUIRE(solo.docs.size() == 1);
  CHECK(solo.docs[0].lang == "de");
  CHECK(solo.docs[0].lang_detected);
  CHECK(solo.docs[0].path == path + ":3");  // Line 2 is blank.

  // --lang fills in where the record has none; --date overrides dct.
  IngestOptions options;
  options.lang = "en";
  options.date = absl::CivilDay(2020, 1, 2);
  auto with_flags = ReadInput(path, options);
  REQUIRE(with_flags.ok());
  CHECK((*with_flags)[0].docs[0].lang == "de");
  CHECK((*with_flags)[1].docs[0].lang == "en");
  CHECK(Day((*with_flags)[0].docs[0]) == "2020-01-02");
  CHECK((*with_flags)[0].docs[0].published_from == "flag");
}

TEST_CASE("JSON Lines: CRLF, BOM, numbers as ids, formats and lenient lines", "[ingest]") {
  TempDir dir;
  const std::string path = dir.Write(
      "x.jsonl",
      "\xEF\xBB\xBF{\"id\": 7, \"text\": \"Eins.\"}\r\n"
      "{\"id\": \"m\", \"format\": \"markdown\", \"text\": \"# Kopf\\n\\nText *hier*.\"}\r\n"
      "{\"id\": \"h\", \"format\": \"html\", \"text\": \"<p>Ein &amp; zwei</p>\"}\r\n");
  auto clusters = ReadInput(path, {});
  INFO(clusters.status().ToString());
  REQUIRE(clusters.ok());
  REQUIRE(clusters->size() == 3);
  CHECK((*clusters)[0].id == "7");
  CHECK((*clusters)[1].docs[0].text == "  Kopf\n\nText  hier .");
  CHECK((*clusters)[2].docs[0].text == "Ein & zwei");

  const std::string bad = dir.Write("bad.jsonl", "{\"id\": \"b\", \"text\": \"Gr\xFC\xDF" "e\"}\n");
  IngestOptions lenient;
  lenient.lenient = true;
  auto repaired = ReadInput(bad, lenient);
  REQUIRE(repaired.ok());
  CHECK((*repaired)[0].docs[0].text == std::string("Gr") + kReplacement + kReplacement + "e");
  REQUIRE((*repaired)[0].docs[0].warnings.size() == 1);

  // ParseJsonlRecord on its own.
  auto record = ParseJsonlRecord("{\"id\": \"r\", \"text\": \"The council met today.\"}", "in:9", {});
  REQUIRE(record.ok());
  CHECK(record->docs[0].lang == "en");
  CHECK(record->docs[0].path == "in:9");
}

TEST_CASE("JSON Lines: records read as nlohmann-json reads them", "[ingest]") {
  // ParseJsonlRecord reads the usual records without a JSON DOM and leaves
  // the rest to nlohmann-json; either way the fields must be the ones
  // nlohmann-json finds. Rows for both ways and for the edges between them.
  const char* const kLines[] = {
      // Escapes, a surrogate pair, "\/" and text in UTF-8.
      R"({"id": "e", "text": "Zeile\neins \"zwei\" \\ \/ \t\u00fc\u20ac \ud83d\ude00 ü", "lang": "de"})",
      R"({"id":"a\"b\\c\u0041","text":"x\r\ny\b\f","lang":"en","title":"T\u00e4"})",
      // White space between tokens, null fields, repeated keys (the last counts).
      " \t{ \"id\" : \"w\" , \"text\" : \"Raum.\" , \"lang\" : null , \"source\" : null } \t",
      R"({"id": "first", "text": "alt", "id": "second", "text": "Neu.", "lang": "de"})",
      // Ids as numbers, written back as nlohmann-json writes them.
      R"({"id": 12, "text": "Zwölf.", "lang": "de"})",
      R"({"id": -0, "text": "Null.", "lang": "de"})",
      R"({"id": -987654321012345678, "text": "Negativ.", "lang": "de"})",
      R"({"id": 12345678901234567890, "text": "Groß.", "lang": "de"})",
      R"({"id": 1.5e3, "text": "Exponent.", "lang": "de"})",
      // Fields nobody reads, of every kind.
      R"({"id": "x", "n": 1, "f": 2.5, "b": true, "z": null, "a": [1, {"k": []}], "o": {"p": "q"}, "text": "Mehr.", "lang": "de"})",
      // Formats, and a cluster with its language.
      R"({"id": "m", "format": null, "text": "Format null.", "lang": "de"})",
      R"({"id": "t", "format": "TXT", "text": "Format text.", "lang": "de"})",
      R"({"id": "c", "lang": "en", "text": "ignored", "docs": [{"id": "d", "text": "One."}, {"text": "Two.", "lang": "de"}]})",
  };
  for (const char* line : kLines) {
    INFO(line);
    auto cluster = ParseJsonlRecord(line, "t:1", {});
    INFO(cluster.status().ToString());
    REQUIRE(cluster.ok());
    const nlohmann::json record = nlohmann::json::parse(line);
    const bool is_cluster = record.contains("docs");
    CHECK(cluster->is_cluster == is_cluster);
    const nlohmann::json docs = is_cluster ? record["docs"] : nlohmann::json::array({record});
    REQUIRE(cluster->docs.size() == docs.size());
    for (size_t i = 0; i < docs.size(); ++i) {
      const nlohmann::json& d = docs[i];
      const Document& doc = cluster->docs[i];
      CHECK(doc.text == d["text"].get<std::string>());
      if (d.contains("id")) CHECK(doc.id == (d["id"].is_string() ? d["id"].get<std::string>() : d["id"].dump()));
      const nlohmann::json& lang = d.contains("lang") && !d["lang"].is_null() ? d["lang"] : record["lang"];
      if (lang.is_string()) CHECK(doc.lang == lang.get<std::string>());
      if (d.contains("title")) CHECK(doc.title == d["title"].get<std::string>());
    }
  }

  // Malformed lines: nlohmann-json's message.
  auto truncated = ParseJsonlRecord(R"({"id": "t", "text": "Ende)", "f:3", {});
  CHECK(truncated.status().message() ==
        "f:3: malformed JSON: column 26: syntax error while parsing value - invalid string: missing closing "
        "quote; last read: '\"Ende'");
  auto raw_tab = ParseJsonlRecord("{\"id\": \"t\", \"text\": \"a\tb\"}", "f:4", {});
  CHECK(absl::StartsWith(raw_tab.status().message(), "f:4: malformed JSON: "));
}

TEST_CASE("Language detection on short paragraphs", "[ingest]") {
  struct Case {
    const char* text;
    const char* lang;
  };
  const Case cases[] = {
      {"Die Polizei hat am Abend einen Mann festgenommen, der in der Innenstadt mehrere Autos beschädigt haben soll.",
       "de"},
      {"Nach Angaben der Stadt wird die Brücke noch bis zum Sommer gesperrt bleiben.", "de"},
      {"Sie sagte, dass es keine weiteren Verletzten gegeben habe.", "de"},
      {"Im Süden ist es heute sonnig.", "de"},
      {"Police arrested a man in the evening who is said to have damaged several cars in the city centre.", "en"},
      {"According to the city, the bridge will remain closed until the summer.", "en"},
      {"She said that there were no other injuries.", "en"},
      {"It is sunny in the south today.", "en"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    LanguageGuess guess = DetectLanguage(c.text);
    CHECK(guess.lang == c.lang);
    CHECK(guess.confidence > 0.5);
    CHECK(guess.confidence <= 1.0);
  }
  // No evidence at all: a guess, with the lowest confidence.
  LanguageGuess none = DetectLanguage("12345 67 890");
  CHECK(none.confidence == 0.5);
  // Longer text, more confidence.
  CHECK(DetectLanguage(cases[0].text).confidence > DetectLanguage("Die Stadt.").confidence);
  // The detector reads whatever language data it is given.
  CHECK(DetectLanguage("der die das", CLAIMDIFF_LEXICON_DIR).lang == "de");
}

TEST_CASE("ParseIsoDate", "[ingest]") {
  struct Case {
    const char* in;
    const char* out;  // "" = not a date.
  };
  const Case cases[] = {{"2019-04-18", "2019-04-18"},   {"2019-04-18T08:15:00+02:00", "2019-04-18"},
                        {" 2024-02-29 ", "2024-02-29"}, {"2019-04-18 10:00", "2019-04-18"},
                        {"2023-02-29", ""},             {"2019-13-01", ""},
                        {"18.04.2019", ""},             {"2019-4-18", ""},
                        {"2019-04-18x", ""},            {"", ""}};
  for (const Case& c : cases) {
    INFO(c.in);
    auto day = ParseIsoDate(c.in);
    CHECK((day ? absl::FormatCivilTime(*day) : std::string()) == c.out);
  }
}

}  // namespace
}  // namespace claimdiff
