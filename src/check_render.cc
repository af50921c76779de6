// Output formats of `claimdiff check`: compiler-style text, JSON, SARIF
// 2.1.0, GitHub Actions workflow commands and JUnit XML.

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "claimdiff/check.h"
#include "nlohmann/json.hpp"

namespace claimdiff {

namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

const char* SarifLevel(Level l) {
  switch (l) {
    case Level::kError: return "error";
    case Level::kWarning: return "warning";
    case Level::kInfo: return "note";
    case Level::kOff: return "none";
  }
  return "none";
}

std::string OneLine(absl::string_view s, size_t max_chars = 160) {
  std::string out = absl::StrReplaceAll(s, {{"\r", " "}, {"\n", " "}, {"\t", " "}});
  if (out.size() > max_chars) {
    size_t cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary.
    out = absl::StrCat(out.substr(0, cut), "…");
  }
  return out;
}

std::string RenderHuman(const CheckResult& r, bool color) {
  std::string out;
  auto paint = [&](const char* code, absl::string_view s) {
    return color ? absl::StrCat("\033[", code, "m", s, "\033[0m") : std::string(s);
  };
  std::map<Level, int> counts;
  for (const CheckFinding& f : r.findings) {
    ++counts[f.level];
    const char* level_color = f.level == Level::kError ? "1;31" : f.level == Level::kWarning ? "1;33" : "1;36";
    absl::StrAppend(&out, paint("1", absl::StrCat(r.draft_path, ":", f.begin.line, ":", f.begin.column, ":")), " ",
                    paint(level_color, absl::StrCat(LevelName(f.level), ":")), " ", f.message, " [", f.rule(),
                    "]\n");
    absl::StrAppend(&out, "    | ", OneLine(f.text), "\n");
    for (const CheckEvidence& e : f.evidence) {
      absl::StrAppend(&out, "    = ", e.path, ":", e.begin.line, ":", e.begin.column, ": ", e.note, ": \"",
                      OneLine(e.text, 120), "\"\n");
    }
  }
  auto count = [](int n, absl::string_view noun) { return absl::StrCat(n, " ", noun, n == 1 ? "" : "s"); };
  absl::StrAppend(&out, count(r.claims, "claim"), " checked: ", count(counts[Level::kError], "error"), ", ",
                  count(counts[Level::kWarning], "warning"), ", ", count(counts[Level::kInfo], "note"));
  if (r.suppressed > 0) absl::StrAppend(&out, ", ", r.suppressed, " suppressed");
  absl::StrAppend(&out, "\n");
  return out;
}

Json PositionJson(const FilePosition& p) { return Json{{"line", p.line}, {"column", p.column}, {"offset", p.offset}}; }

std::string RenderJson(const CheckResult& r) {
  Json j;
  j["schema"] = "claimdiff.check/1";
  j["draft"] = r.draft_path;
  j["claims"] = r.claims;
  j["suppressed"] = r.suppressed;
  Json& findings = j["findings"] = Json::array();
  for (const CheckFinding& f : r.findings) {
    Json fj;
    fj["verdict"] = VerdictName(f.verdict);
    fj["level"] = LevelName(f.level);
    fj["rule"] = f.rule();
    fj["line"] = f.begin.line;
    fj["column"] = f.begin.column;
    fj["end"] = PositionJson(f.end);
    fj["span"] = {f.span.start, f.span.end};
    fj["text"] = f.text;
    fj["message"] = f.message;
    fj["fingerprint"] = f.fingerprint;
    Json& ev = fj["evidence"] = Json::array();
    for (const CheckEvidence& e : f.evidence) {
      ev.push_back(Json{{"source", e.source}, {"path", e.path}, {"start", e.span.start}, {"end", e.span.end},
                        {"line", e.begin.line}, {"column", e.begin.column}, {"certainty", e.certainty},
                        {"note", e.note}, {"text", e.text}});
    }
    findings.push_back(std::move(fj));
  }
  return Dump(j, -1) + "\n";
}

std::string RenderSarif(const CheckResult& r) {
  Json rules = Json::array();
  for (Verdict v : {Verdict::kContradicted, Verdict::kOverstated, Verdict::kUnderstated, Verdict::kUnsupported,
                    Verdict::kSupported}) {
    static const std::map<Verdict, const char*> kHelp = {
        {Verdict::kContradicted, "The draft states something the sources contradict."},
        {Verdict::kOverstated, "The draft states more firmly than any source supports (sources only report, hedge or call it unconfirmed)."},
        {Verdict::kUnderstated, "The draft hedges what the sources state firmly."},
        {Verdict::kUnsupported, "No source covers this claim."},
        {Verdict::kSupported, "The sources support this claim."}};
    rules.push_back(Json{{"id", absl::StrCat("claimdiff.", VerdictName(v))},
                         {"name", VerdictName(v)},
                         {"shortDescription", {{"text", kHelp.at(v)}}}});
  }
  Json results = Json::array();
  for (const CheckFinding& f : r.findings) {
    Json res;
    res["ruleId"] = f.rule();
    res["level"] = SarifLevel(f.level);
    res["message"] = {{"text", f.message}};
    res["locations"] = Json::array({Json{{"physicalLocation",
                                          {{"artifactLocation", {{"uri", r.draft_path}}},
                                           {"region",
                                            {{"startLine", f.begin.line},
                                             {"startColumn", f.begin.column},
                                             {"endLine", f.end.line},
                                             {"endColumn", f.end.column},
                                             {"snippet", {{"text", f.text}}}}}}}}});
    Json related = Json::array();
    int id = 0;
    for (const CheckEvidence& e : f.evidence) {
      related.push_back(Json{{"id", id++},
                             {"message", {{"text", e.note}}},
                             {"physicalLocation",
                              {{"artifactLocation", {{"uri", e.path}}},
                               {"region", {{"startLine", e.begin.line}, {"startColumn", e.begin.column},
                                           {"snippet", {{"text", e.text}}}}}}}});
    }
    if (!related.empty()) res["relatedLocations"] = related;
    res["partialFingerprints"] = {{"claimdiff/v1", f.fingerprint}};
    results.push_back(std::move(res));
  }
  Json sarif;
  sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  sarif["version"] = "2.1.0";
  sarif["runs"] = Json::array({Json{{"tool",
                                     {{"driver",
                                       {{"name", "claimdiff"},
                                        {"version", CLAIMDIFF_VERSION},
                                        {"informationUri", "https://example.invalid/claimdiff"},
                                        {"rules", rules}}}}},
                                    {"columnKind", "unicodeCodePoints"},
                                    {"results", results}}});
  return Dump(sarif, 2) + "\n";
}

std::string XmlEscape(absl::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // Control characters other than TAB, LF, CR are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string RenderJunit(const CheckResult& r) {
  int failures = 0;
  for (const CheckFinding& f : r.findings) failures += f.level >= Level::kWarning ? 1 : 0;
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  absl::StrAppend(&out, "<testsuites name=\"claimdiff check\" tests=\"", std::max<size_t>(r.findings.size(), 1),
                  "\" failures=\"", failures, "\">\n");
  absl::StrAppend(&out, "  <testsuite name=\"", XmlEscape(r.draft_path), "\" tests=\"",
                  std::max<size_t>(r.findings.size(), 1), "\" failures=\"", failures, "\" errors=\"0\">\n");
  if (r.findings.empty()) {
    absl::StrAppend(&out, "    <testcase classname=\"claimdiff.check\" name=\"", XmlEscape(r.draft_path),
                    "\"/>\n");
  }
  for (const CheckFinding& f : r.findings) {
    absl::StrAppend(&out, "    <testcase classname=\"", XmlEscape(f.rule()), "\" name=\"",
                    XmlEscape(absl::StrCat(r.draft_path, ":", f.begin.line, ":", f.begin.column)),
                    "\" file=\"", XmlEscape(r.draft_path), "\" line=\"", f.begin.line, "\">");
    std::string body = absl::StrCat(f.text, "\n");
    for (const CheckEvidence& e : f.evidence) {
      absl::StrAppend(&body, e.path, ":", e.begin.line, ":", e.begin.column, ": ", e.note, ": ", e.text, "\n");
    }
    if (f.level >= Level::kWarning) {
      absl::StrAppend(&out, "\n      <failure type=\"", VerdictName(f.verdict), "\" message=\"",
                      XmlEscape(f.message), "\">", XmlEscape(body), "</failure>\n    </testcase>\n");
    } else {
      absl::StrAppend(&out, "\n      <system-out>", XmlEscape(absl::StrCat(f.message, "\n", body)),
                      "</system-out>\n    </testcase>\n");
    }
  }
  absl::StrAppend(&out, "  </testsuite>\n</testsuites>\n");
  return out;
}

std::string RenderGithub(const CheckResult& r, int limit) {
  std::string out;
  std::map<Level, int> shown, hidden;
  for (const CheckFinding& f : r.findings) {
    const char* command = f.level == Level::kError ? "error" : f.level == Level::kWarning ? "warning" : "notice";
    if (shown[f.level] >= limit) {
      ++hidden[f.level];
      continue;
    }
    ++shown[f.level];
    std::string message = f.message;
    for (const CheckEvidence& e : f.evidence) {
      absl::StrAppend(&message, "\n", e.path, ":", e.begin.line, ": ", e.note, ": ", e.text);
    }
    absl::StrAppend(&out, "::", command, " file=", EscapeGithubProperty(r.draft_path),
                    ",line=", f.begin.line, ",col=", f.begin.column, ",endLine=", f.end.line,
                    ",endColumn=", f.end.column, ",title=", EscapeGithubProperty(absl::StrCat("claimdiff ", VerdictName(f.verdict))),
                    "::", EscapeGithubData(message), "\n");
  }
  for (const auto& [level, n] : hidden) {
    const char* command = level == Level::kError ? "error" : level == Level::kWarning ? "warning" : "notice";
    absl::StrAppend(&out, "::", command, " title=", EscapeGithubProperty("claimdiff: more findings"), "::",
                    EscapeGithubData(absl::StrCat(n, " more ", LevelName(level),
                                                  " findings not shown as annotations (GitHub shows ", limit,
                                                  " per step); run claimdiff check locally for the full list")),
                    "\n");
  }
  return out;
}

}  // namespace

std::string EscapeGithubData(absl::string_view s) {
  return absl::StrReplaceAll(s, {{"%", "%25"}, {"\r", "%0D"}, {"\n", "%0A"}});
}

std::string EscapeGithubProperty(absl::string_view s) {
  return absl::StrReplaceAll(s, {{"%", "%25"}, {"\r", "%0D"}, {"\n", "%0A"}, {":", "%3A"}, {",", "%2C"}});
}

std::optional<CheckFormat> ParseCheckFormat(absl::string_view name) {
  if (name == "human" || name == "text") return CheckFormat::kHuman;
  if (name == "json") return CheckFormat::kJson;
  if (name == "sarif") return CheckFormat::kSarif;
  if (name == "github") return CheckFormat::kGithub;
  if (name == "junit") return CheckFormat::kJunit;
  return std::nullopt;
}

std::string RenderCheck(const CheckResult& result, const CheckRenderOptions& options) {
  switch (options.format) {
    case CheckFormat::kHuman: return RenderHuman(result, options.color);
    case CheckFormat::kJson: return RenderJson(result);
    case CheckFormat::kSarif: return RenderSarif(result);
    case CheckFormat::kGithub: return RenderGithub(result, options.github_limit);
    case CheckFormat::kJunit: return RenderJunit(result);
  }
  return "";
}

}  // namespace claimdiff
