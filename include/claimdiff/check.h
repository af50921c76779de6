// claimdiff check: holds every claim of an editorial draft against its
// source articles, as a linter holds code against rules, and reports claims
// that are contradicted, overstated, understated or unsupported, with the
// draft's line and column and the evidence from the sources.

#ifndef CLAIMDIFF_INCLUDE_CLAIMDIFF_CHECK_H_
#define CLAIMDIFF_INCLUDE_CLAIMDIFF_CHECK_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "claimdiff/align.h"
#include "claimdiff/compare.h"
#include "claimdiff/extract.h"

namespace claimdiff {

enum class Verdict { kSupported, kContradicted, kOverstated, kUnderstated, kUnsupported };
const char* VerdictName(Verdict v);  // "supported", "contradicted", ...
std::optional<Verdict> ParseVerdict(absl::string_view name);

enum class Level { kOff, kInfo, kWarning, kError };
const char* LevelName(Level l);  // "off", "info", "warning", "error"
std::optional<Level> ParseLevel(absl::string_view name);

// A position in a file: 1-based line and column (columns count Unicode code
// points), plus the byte offset.
struct FilePosition {
  int line = 1;
  int column = 1;
  size_t offset = 0;
};

struct CheckEvidence {
  int source = 0;          // Index into the sources (0-based).
  std::string path;        // The source's file.
  Span span;               // Sentence, in the source's text.
  FilePosition begin;      // In the source file.
  std::string text;        // The sentence.
  std::string certainty;   // Its certainty ("reported", "unconfirmed", ...).
  std::string note;        // What this evidence shows ("time 2019-04-23 reported by russian media").
};

struct CheckFinding {
  Verdict verdict = Verdict::kSupported;
  Level level = Level::kOff;
  int sentence = -1;       // Index into the draft's sentences.
  Span span;               // The draft sentence.
  FilePosition begin, end; // In the draft file.
  std::string text;        // The draft sentence.
  std::string message;     // One line.
  std::vector<CheckEvidence> evidence;
  std::string fingerprint; // Stable across line moves: verdict + normalized sentence text.
  std::string rule() const { return std::string("claimdiff.") + VerdictName(verdict); }
};

struct CheckOptions {
  // Level of each verdict. Defaults: contradicted and overstated are errors,
  // unsupported a warning, understated info, supported off.
  std::map<Verdict, Level> levels = {{Verdict::kContradicted, Level::kError},
                                     {Verdict::kOverstated, Level::kError},
                                     {Verdict::kUnsupported, Level::kWarning},
                                     {Verdict::kUnderstated, Level::kInfo},
                                     {Verdict::kSupported, Level::kOff}};
  // Fingerprints of accepted findings (baseline and config "ignore").
  std::set<std::string> ignored;
  // Only report findings that touch these 1-based draft lines (empty: all).
  std::set<int> only_lines;
  bool restrict_to_lines = false;
};

struct CheckResult {
  std::string draft_path;
  std::vector<CheckFinding> findings;  // Sorted by position; Level::kOff ones dropped.
  int claims = 0;                      // Claim-bearing sentences looked at.
  int suppressed = 0;                  // Dropped by inline suppression, baseline or line filter.
};

// Maps byte offsets of a file to lines and columns.
class LineIndex {
 public:
  explicit LineIndex(absl::string_view contents);
  FilePosition Position(size_t offset) const;

 private:
  std::string contents_;
  std::vector<size_t> line_starts_;
};

// Inline suppression comments in a Markdown/HTML/text draft:
// "<!-- claimdiff-disable-next-line -->" (optionally followed by verdict
// names), "<!-- claimdiff-disable -->" ... "<!-- claimdiff-enable -->".
// Returns, per 1-based line, the verdicts suppressed there (empty set = all).
std::map<int, std::set<std::string>> FindSuppressions(absl::string_view contents);

// The new-file line numbers a unified diff (git diff -U0) touches, per file
// path as the diff names it ("b/" prefix removed).
std::map<std::string, std::set<int>> ChangedLines(absl::string_view unified_diff);

// Classifies each claim-bearing sentence of `docs[0]` (the draft) against
// docs[1..]. `draft_file` and `source_files` are the raw bytes of the files,
// for line and column mapping.
CheckResult CheckDraft(absl::Span<const AnalyzedDocument> docs, const Alignment& alignment,
                       const Comparison& comparison, absl::string_view draft_file,
                       absl::Span<const std::string> source_files, const CheckOptions& options);

enum class CheckFormat { kHuman, kJson, kSarif, kGithub, kJunit };
std::optional<CheckFormat> ParseCheckFormat(absl::string_view name);

struct CheckRenderOptions {
  CheckFormat format = CheckFormat::kHuman;
  bool color = false;
  // GitHub shows at most this many annotations of one level per step; the
  // rest are summarised in one annotation.
  int github_limit = 10;
};

std::string RenderCheck(const CheckResult& result, const CheckRenderOptions& options);

// Escaping of GitHub Actions workflow commands.
std::string EscapeGithubData(absl::string_view s);
std::string EscapeGithubProperty(absl::string_view s);

// Settings from a config file (.claimdiff.ini, found by walking up from the
// draft's folder), INI syntax:
//   sources = a.md, b.md       (relative to the config file)
//   lang = de
//   date = 2019-04-20
//   fail_on = error
//   baseline = .claimdiff-baseline.json
//   [levels]
//   overstated = warning
//   [ignore]
//   <fingerprint> = reason
struct CheckConfig {
  std::string path;  // Where it was read from; "" when none.
  std::vector<std::string> sources;
  std::string lang;
  std::string date;
  std::string fail_on;
  std::string baseline;
  std::map<Verdict, Level> levels;
  std::set<std::string> ignored;
};
absl::StatusOr<CheckConfig> ParseCheckConfig(absl::string_view contents, absl::string_view path);
// Looks for .claimdiff.ini from `start_dir` up to the file system root (or a
// folder holding .git). Returns an empty config when there is none.
absl::StatusOr<CheckConfig> FindCheckConfig(absl::string_view start_dir);

// Baseline files: {"version": 1, "fingerprints": ["...", ...]}.
absl::StatusOr<std::set<std::string>> ParseBaseline(absl::string_view contents, absl::string_view path);
std::string RenderBaseline(const CheckResult& result);

}  // namespace claimdiff

#endif  // CLAIMDIFF_INCLUDE_CLAIMDIFF_CHECK_H_
