#include "testing/report_builders.h"

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"

namespace claimdiff::testing {

namespace {

std::optional<absl::CivilDay> Day(const std::string& s) {
  absl::CivilDay day;
  if (!s.empty() && absl::ParseCivilTime(s, &day)) return day;
  return std::nullopt;
}

}  // namespace

int ReportBuilder::AddDoc(const std::string& id, const std::string& source, const std::string& lang,
                          const std::string& dct, const std::vector<std::string>& pieces) {
  AnalyzedDocument d;
  d.doc.id = id;
  d.doc.source = source;
  d.doc.path = id;
  d.doc.lang = lang;
  d.doc.published = Day(dct);
  int paragraph = 0;
  for (const std::string& piece : pieces) {
    if (!d.doc.text.empty()) d.doc.text += "\n";
    const bool furniture = piece.rfind("[F] ", 0) == 0;
    std::string body = furniture ? piece.substr(4) : piece;
    Span span{d.doc.text.size(), d.doc.text.size() + body.size()};
    d.doc.text += body;
    if (furniture) {
      d.seg.furniture.push_back({span, "boilerplate"});
      continue;
    }
    Sentence s;
    s.span = span;
    s.paragraph = paragraph++;
    s.headline = !body.empty() && body.back() != '.';
    d.seg.sentences.push_back(s);
    Statement st;
    st.sentence = static_cast<int>(d.seg.sentences.size()) - 1;
    st.span = span;
    st.said_on = d.doc.published;
    d.ext.statements.push_back(st);
  }
  d.doc.furniture = d.seg.furniture;
  docs_.push_back(std::move(d));
  return static_cast<int>(docs_.size()) - 1;
}

Span ReportBuilder::Find(int doc, const std::string& needle, int nth) const {
  const std::string& text = docs_.at(static_cast<size_t>(doc)).doc.text;
  size_t pos = text.find(needle);
  for (int i = 0; i < nth && pos != std::string::npos; ++i) pos = text.find(needle, pos + 1);
  INFO("doc " << doc << " needle '" << needle << "'");
  REQUIRE(pos != std::string::npos);
  return {pos, pos + needle.size()};
}

int ReportBuilder::SentenceOf(int doc, const std::string& needle) const {
  Span span = Find(doc, needle);
  const auto& sentences = docs_.at(static_cast<size_t>(doc)).seg.sentences;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (sentences[i].span.start <= span.start && span.end <= sentences[i].span.end) return static_cast<int>(i);
  }
  INFO("needle '" << needle << "' is not inside one sentence");
  REQUIRE(false);
  return -1;
}

void ReportBuilder::AddTime(int doc, const std::string& written, const std::string& value,
                            const std::string& first_day, const std::string& last_day) {
  AnalyzedDocument& d = docs_.at(static_cast<size_t>(doc));
  Timex t;
  t.span = Find(doc, written);
  t.type = "DATE";
  t.value = value;
  t.first_day = Day(first_day);
  t.last_day = Day(last_day);
  t.granularity = "day";
  t.sentence = SentenceOf(doc, written);
  d.ext.timex.push_back(t);
  d.ext.statements[static_cast<size_t>(t.sentence)].times.push_back(static_cast<int>(d.ext.timex.size()) - 1);
}

void ReportBuilder::AddPlace(int doc, const std::string& written, const std::string& name, const std::string& id) {
  Place p;
  p.span = Find(doc, written);
  p.id = id;
  p.name = name;
  p.kind = "city";
  docs_.at(static_cast<size_t>(doc)).ext.statements[static_cast<size_t>(SentenceOf(doc, written))].places.push_back(p);
}

void ReportBuilder::AddQuantity(int doc, const std::string& written, double value, const std::string& counts) {
  Quantity q;
  q.span = Find(doc, written);
  q.value = value;
  q.low = q.high = value;
  q.approx = "exact";
  q.counts = counts;
  docs_.at(static_cast<size_t>(doc))
      .ext.statements[static_cast<size_t>(SentenceOf(doc, written))]
      .quantities.push_back(q);
}

void ReportBuilder::AddPerson(int doc, const std::string& written, const std::string& key, const std::string& title) {
  Participant p;
  p.span = Find(doc, written);
  p.name = written;
  p.key = key;
  p.kind = "person";
  p.title = title;
  docs_.at(static_cast<size_t>(doc))
      .ext.statements[static_cast<size_t>(SentenceOf(doc, written))]
      .participants.push_back(p);
}

void ReportBuilder::Link(int doc_a, const std::string& a, int doc_b, const std::string& b, double score) {
  claimdiff::Link l;
  l.doc_a = doc_a;
  l.sentence_a = SentenceOf(doc_a, a);
  l.doc_b = doc_b;
  l.sentence_b = SentenceOf(doc_b, b);
  l.score = score;
  l.reasons = {"built by test"};
  alignment_.links.push_back(l);
}

void ReportBuilder::AddFinding(FindingKind kind, const std::string& slot, const std::vector<BuiltValue>& values,
                               const std::string& reason, bool update) {
  Finding f;
  f.kind = kind;
  f.slot = slot;
  f.reason = reason;
  f.update = update;
  for (const BuiltValue& v : values) {
    FindingValue fv;
    fv.doc = v.doc;
    fv.span = Find(v.doc, v.written);
    fv.sentence = SentenceOf(v.doc, v.written);
    fv.written = v.written;
    fv.normalized = v.normalized;
    f.values.push_back(fv);
    f.evidence.push_back({v.doc, docs_[static_cast<size_t>(v.doc)].seg.sentences[static_cast<size_t>(fv.sentence)].span});
  }
  comparison_.findings.push_back(std::move(f));
}

void ReportBuilder::AddOnlyIn(int doc, const std::string& sentence_text, const std::string& reason) {
  Finding f;
  f.kind = FindingKind::kOnlyIn;
  f.slot = "statement";
  f.reason = reason;
  int s = SentenceOf(doc, sentence_text);
  Span span = docs_[static_cast<size_t>(doc)].seg.sentences[static_cast<size_t>(s)].span;
  f.values.push_back({doc, s, span, sentence_text, ""});
  f.evidence.push_back({doc, span});
  comparison_.findings.push_back(std::move(f));
}

ReportInput ReportBuilder::Input() const {
  ReportInput input;
  input.id = id_;
  input.docs = docs_;
  input.alignment = &alignment_;
  input.comparison = &comparison_;
  return input;
}

ReportBuilder GermanTwoSources() {
  ReportBuilder b("de-brueckeneinsturz");
  int a = b.AddDoc("a_abendblatt", "Abendblatt Nord", "de", "2024-05-16",
                   {"Brückeneinsturz: Zahl der Verletzten steigt",
                    "[F] (Foto: dpa)",
                    "Beim Einsturz der Elbbrücke in Dresden sind am Mittwoch mindestens zwölf Menschen verletzt "
                    "worden, teilte die Feuerwehr mit.",
                    "Die Stadtverwaltung bestätigte am Donnerstag, dass die Brücke seit 2019 als "
                    "sanierungsbedürftig galt.",
                    "Oberbürgermeister Jan Keller sprach von einem schwarzen Tag.",
                    "Ein Leser schrieb uns: <script>alert('x')</script> & mehr.",
                    "[F] Zur Startseite"});
  int c = b.AddDoc("b_elbebote", "Elbe-Bote", "de", "2024-05-15",
                   {"Elbbrücke in Dresden eingestürzt",
                    "Beim Einsturz der Elbbrücke in Sachsen wurden am Mittwoch acht Menschen verletzt, wie die "
                    "Polizei mitteilte.",
                    "Die Brücke soll seit Jahren als marode gegolten haben.",
                    "Bürgermeister Jan Keller sprach von einem schwarzen Tag für die Stadt.",
                    "Die Ursache ist noch ungeklärt.",
                    "[F] Lesen Sie mehr zum Thema"});
  b.AddTime(a, "am Mittwoch", "2024-05-15", "2024-05-15", "2024-05-15");
  b.AddTime(c, "am Mittwoch", "2024-05-15", "2024-05-15", "2024-05-15");
  b.AddTime(a, "seit 2019", "2019", "2019-01-01", "2019-12-31");
  b.AddPlace(a, "Dresden", "Dresden", "geo:2935022");
  b.AddPlace(c, "Sachsen", "Saxony", "region:DE.13");
  b.AddQuantity(a, "mindestens zwölf", 12, "injured");
  b.AddQuantity(c, "acht", 8, "injured");
  b.AddPerson(a, "Jan Keller", "jan keller", "mayor");
  b.AddPerson(c, "Jan Keller", "jan keller", "mayor");
  b.Link(a, "mindestens zwölf", c, "acht Menschen", 0.72);
  b.Link(a, "sanierungsbedürftig", c, "marode", 0.41);
  b.Link(a, "Oberbürgermeister", c, "Bürgermeister Jan", 0.88);
  b.AddFinding(FindingKind::kContradict, "quantity",
               {{a, "mindestens zwölf", ">=12 injured"}, {c, "acht", "8 injured"}},
               "both count the injured of the same collapse: at least 12 against 8");
  b.AddFinding(FindingKind::kAgree, "time", {{a, "am Mittwoch", "2024-05-15"}, {c, "am Mittwoch", "2024-05-15"}},
               "the same day");
  b.AddFinding(FindingKind::kRefine, "place", {{a, "Dresden", "geo:2935022"}, {c, "Sachsen", "region:DE.13"}},
               "Dresden lies in Saxony: A is more specific");
  b.AddFinding(FindingKind::kAttributionDiffers, "attribution",
               {{a, "teilte die Feuerwehr mit", "fire brigade"}, {c, "wie die Polizei mitteilte", "police"}},
               "the same toll from different sources");
  b.AddFinding(FindingKind::kCertaintyDiffers, "status",
               {{a, "bestätigte", "confirmed"}, {c, "soll", "hedged"}},
               "confirmed by the city in A, only hedged in B");
  b.AddFinding(FindingKind::kAgree, "participant",
               {{a, "Jan Keller", "jan keller"}, {c, "Jan Keller", "jan keller"}}, "the same person");
  b.AddOnlyIn(a, "Ein Leser schrieb uns: <script>alert('x')</script> & mehr.", "only A quotes a reader");
  b.AddOnlyIn(c, "Die Ursache ist noch ungeklärt.", "only B says the cause is unknown");
  return b;
}

ReportBuilder EnglishThreeSources() {
  ReportBuilder b("en-tonga-quake");
  int a = b.AddDoc("a_herald", "Coastal Herald", "en", "2025-03-05",
                   {"Strong quake shakes Pacific kingdom",
                    "A magnitude 6.1 earthquake struck off the coast of Tonga on Tuesday, killing at least 10 "
                    "people, officials said.",
                    "The quake hit at a depth of 10 kilometres, according to the US Geological Survey.",
                    "Prime Minister Sione Fifita visited the damaged harbour on Wednesday.",
                    "[F] Photo: Reuters"});
  int w = b.AddDoc("b_wire", "Pacific Wire", "en", "2025-03-04",
                   {"A 5.9-magnitude quake hit Tonga on Tuesday, killing at least three people.",
                    "The quake struck at a depth of 10 kilometres.",
                    "Rescue teams were still searching the rubble."});
  int c = b.AddDoc("c_island", "Island Daily", "en", "2025-03-04",
                   {"An earthquake of magnitude 6.1 struck near Tonga's capital Nuku'alofa on Tuesday.",
                    "No casualties have been reported so far.",
                    "[F] Advertisement",
                    "Schools will stay closed until further notice, the ministry said."});
  for (int d : {a, w, c}) b.AddTime(d, "on Tuesday", "2025-03-04", "2025-03-04", "2025-03-04");
  b.AddTime(a, "on Wednesday", "2025-03-05", "2025-03-05", "2025-03-05");
  b.AddQuantity(a, "6.1", 6.1, "magnitude");
  b.AddQuantity(w, "5.9", 5.9, "magnitude");
  b.AddQuantity(c, "6.1", 6.1, "magnitude");
  b.AddQuantity(a, "at least 10", 10, "killed");
  b.AddQuantity(w, "at least three", 3, "killed");
  b.AddPlace(a, "Tonga", "Tonga", "country:TO");
  b.AddPlace(c, "Nuku'alofa", "Nuku'alofa", "geo:4032402");
  b.AddPerson(a, "Sione Fifita", "sione fifita", "prime_minister");
  b.Link(a, "magnitude 6.1", w, "5.9-magnitude", 0.81);
  b.Link(a, "magnitude 6.1", c, "magnitude 6.1", 0.77);
  b.Link(w, "5.9-magnitude", c, "magnitude 6.1", 0.69);
  b.Link(a, "depth of 10", w, "depth of 10", 0.9);
  b.Link(a, "killing at least 10", c, "No casualties", 0.35);
  b.AddFinding(FindingKind::kContradict, "quantity",
               {{a, "6.1", "6.1 magnitude"}, {w, "5.9", "5.9 magnitude"}, {c, "6.1", "6.1 magnitude"}},
               "the same quake cannot measure 6.1 and 5.9");
  b.AddFinding(FindingKind::kContradict, "quantity",
               {{a, "at least 10", ">=10 killed"}, {w, "at least three", ">=3 killed"}},
               "death tolls of the same quake differ");
  b.AddFinding(FindingKind::kRefine, "quantity",
               {{c, "No casualties have been reported so far", "0 killed (reported so far)"},
                {a, "at least 10", ">=10 killed"}},
               "the later report gives a toll where the earlier one had none", true);
  b.AddFinding(FindingKind::kRefine, "place", {{a, "Tonga", "country:TO"}, {c, "Nuku'alofa", "geo:4032402"}},
               "Nuku'alofa is in Tonga: C is more specific");
  b.AddFinding(FindingKind::kAgree, "quantity", {{a, "10 kilometres", "10 km"}, {w, "10 kilometres", "10 km"}},
               "the same depth");
  b.AddFinding(FindingKind::kAttributionDiffers, "attribution",
               {{a, "according to the US Geological Survey", "usgs"}, {w, "The quake struck", "unattributed"}},
               "A names the source of the depth, B does not");
  b.AddOnlyIn(a, "Prime Minister Sione Fifita visited the damaged harbour on Wednesday.", "only A");
  b.AddOnlyIn(w, "Rescue teams were still searching the rubble.", "only B");
  b.AddOnlyIn(c, "Schools will stay closed until further notice, the ministry said.", "only C");
  return b;
}

}  // namespace claimdiff::testing
