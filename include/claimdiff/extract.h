// Stage 3: extract. Turns each sentence into a Statement whose parts (times,
// places, participants, quantities, certainty, attribution, event) can be
// compared across sources. Every part carries its byte span.
//
// All language knowledge comes from the Lexicon (src/lexicon/<lang>/) and the
// shared gazetteer (src/lexicon/common/).

#ifndef CLAIMDIFF_INCLUDE_CLAIMDIFF_EXTRACT_H_
#define CLAIMDIFF_INCLUDE_CLAIMDIFF_EXTRACT_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "claimdiff/ingest.h"
#include "claimdiff/lexicon.h"
#include "claimdiff/segment.h"

namespace claimdiff {

// A time expression (TIMEX3) with the interval it denotes.
struct Timex {
  Span span;
  std::string type;   // "DATE", "TIME", "DURATION", "SET".
  std::string value;  // TIMEX3 value: "2019-04-23", "2019-04", "2019-W17", "P3D", "PRESENT_REF", "XXXX-04-23".
  std::string mod;    // "" or TIMEX3 mod: "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "LESS_THAN", ...
  // Days covered, when the value is anchored (absolute, or resolved against
  // the publication date). Empty for durations, sets, and unanchored values.
  std::optional<absl::CivilDay> first_day;
  std::optional<absl::CivilDay> last_day;
  std::string granularity;   // "day", "week", "month", "half", "quarter", "year", "decade", "century", "time", "".
  bool relative = false;     // True when it needed a publication date that was unknown.
  int alternative_group = -1;// Timexes that are alternatives ("der 23. oder 24. April") share a group id.
  int sentence = -1;         // Index into Segmentation::sentences.
};

// A place found in the gazetteer.
struct Place {
  Span span;
  std::string id;        // Gazetteer id: "geo:2013348" (city), "country:RU", "region:RU.59", "continent:AS".
  std::string name;      // Canonical English name ("Vladivostok").
  std::string kind;      // "city", "region", "country", "continent".
  std::vector<std::string> within;  // Ids of the containing places, innermost first.
  // "event" (where it happens), "speaker" (where a statement was made:
  // "teilte der Kreml in Moskau mit"), "origin" (a nationality adjective:
  // "russische Medien"), "other".
  std::string role = "event";
};

// A person, organisation or medium taking part in the statement.
struct Participant {
  Span span;              // The name as written (without the title).
  std::string name;       // As written ("Wladimir Putin").
  std::string key;        // Normalized identity ("vladimir putin"); variants share a key.
  std::string kind;       // "person", "organisation", "media", "country".
  std::string title;      // Normalized title or role ("president", "head_of_government", "spokesperson"), "".
  std::string title_written;  // "Regierungschef", "Kremlchef", ...
  std::optional<Span> title_span;
  // Organisation key the title ties the person to ("Kreml-Sprecher" ->
  // "kremlin"), carried to later mentions of the same person; "".
  std::string affiliation;
  // Not named in the sentence: taken from an earlier sentence for a phrase
  // that refers back to two people ("die beiden Regierungschefs", "zwischen
  // beiden"); `span` and `name` are that phrase, `key` the person's.
  bool from_context = false;
};

// A number with what it counts.
struct Quantity {
  Span span;
  double value = 0;         // 10, 1.5e6, 5.9, ...
  double low = 0, high = 0; // Interval of values the text allows ("at least 10" -> [10, inf)).
  std::string approx;       // "exact", "about", "at_least", "at_most", "more_than", "less_than", "range", "vague".
  std::string unit;         // "magnitude", "EUR", "%", "" ...
  std::string counts;       // What is counted, normalized: "killed", "injured", "people", "meeting", "invitation", ...
  std::optional<Span> counts_span;
  bool ordinal = false;     // "das erste Treffen", "Putins zweite Einladung".
};

enum class Certainty {
  kAsserted,     // Plain statement of fact.
  kConfirmed,    // "bestätigte", "confirmed".
  kAnnounced,    // "teilte mit", "kündigte an", "announced".
  kReported,     // Konjunktiv I, "berichteten", "zufolge", "according to".
  kHedged,       // "soll", "offenbar", "könnte", "angeblich", "reportedly".
  kUnconfirmed,  // "Bestätigt ist das aber nicht".
  kDenied,       // "dementierte", "denied".
  kUnclear,      // "ist noch ungeklärt".
};
const char* CertaintyName(Certainty c);  // "asserted", "confirmed", ...

// Who says it.
struct Attribution {
  Span span;
  std::string source;      // As written ("Kreml-Sprecher Dmitri Peskow").
  std::string key;         // Normalized ("kremlin", "dmitry peskov", "russian media", "kcna").
  std::string kind;        // "official", "person", "media", "agency", "document", ...
  std::string cue;         // The cue that marks it ("teilte mit", "zufolge", "said").
  std::optional<absl::CivilDay> when;  // When the source spoke, where the text says.
  std::string where;       // Place id where the source spoke, "".
};

// The event or predicate of a statement.
struct EventMention {
  Span span;
  std::string trigger;  // As written ("Treffen", "besuchen").
  std::string lemma;    // Lexicon lemma ("treffen").
  std::string cls;      // Event class ("meeting", "visit", "test", "earthquake", "attack", ...).
};

struct Statement {
  int sentence = -1;  // Index into Segmentation::sentences.
  Span span;          // The sentence.
  std::vector<EventMention> events;
  std::vector<Participant> participants;
  std::vector<int> times;  // Indexes into Extraction::timex.
  std::vector<Place> places;
  std::vector<Quantity> quantities;
  Certainty certainty = Certainty::kAsserted;
  std::string certainty_cue;             // The cue as written, "".
  std::optional<Span> certainty_span;
  bool certainty_from_context = false;   // Set by a neighbour ("Bestätigt ist das aber nicht.").
  bool negated = false;
  std::optional<Span> negation_span;
  std::vector<Attribution> attributions;
  std::string tense;  // "past", "present", "future", "".
  // When the statement was made: the attribution's date, else the
  // publication date, else unknown.
  std::optional<absl::CivilDay> said_on;
};

struct Extraction {
  std::vector<Timex> timex;           // All time expressions of the document, sorted by start.
  std::vector<Statement> statements;  // One per sentence, same order as the sentences.
};

// A document with the results of every stage up to extraction: what the
// later stages consume.
struct AnalyzedDocument {
  Document doc;
  Segmentation seg;
  Extraction ext;
};

// The shared gazetteer (the "places" tables of src/lexicon/common/)
// compiled for place matching: the part of an extractor that is the same
// for every language and the costliest to build. Immutable and
// thread-safe; defined in src/extract_places.h.
class CompiledGazetteer;

// Compiles the gazetteer of `common` once, for Extractor::Create() of any
// number of languages. InvalidArgument "path:line: ..." on a malformed row.
absl::StatusOr<std::shared_ptr<const CompiledGazetteer>> CompileGazetteer(const Lexicon& common);

// An extractor for one language. Create() compiles the lexicon into
// matchers (costly); Extract() is const and thread-safe.
class Extractor {
 public:
  virtual ~Extractor() = default;
  // `common` holds the shared tables (gazetteer); may be the same lexicon.
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(const Lexicon& lexicon, const Lexicon& common);
  // The same with the gazetteer compiled before (CompileGazetteer()), which
  // the extractor shares: extractors of several languages then compile it
  // once between them.
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(
      const Lexicon& lexicon, std::shared_ptr<const CompiledGazetteer> gazetteer);
  virtual Extraction Extract(const Document& doc, const Segmentation& seg) const = 0;
};

}  // namespace claimdiff

#endif  // CLAIMDIFF_INCLUDE_CLAIMDIFF_EXTRACT_H_
