// claimdiff compare A B [C ...]: the files form one cluster (or each line
// of a JSON Lines input is a cluster) and get one report each, as text, JSON
// or HTML.
//
// Exit status: 0 when no finding of a --fail-on kind exists (the default
// fails on nothing), 1 when one does, 2 on trouble.

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <set>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "claimdiff/pipeline.h"
#include "claimdiff/report.h"
#include "cli/cli_common.h"

namespace claimdiff::cli {

namespace {

struct CompareFlags {
  CommonOptions common;
  std::string format = "text";
  std::string color = "auto";
  int width = 0;  // 0 = terminal width.
  std::vector<std::string> fail_on;
  std::string cluster;
  std::string title;
  bool pretty = false;
  bool no_agree = false;
};

// Columns of the terminal when writing to one, else $COLUMNS, else 100.
int TerminalWidth(bool terminal) {
  struct winsize ws;
  if (terminal && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  int columns = 0;
  const char* env = std::getenv("COLUMNS");
  if (env != nullptr && absl::SimpleAtoi(env, &columns) && columns > 0) return columns;
  return 100;
}

bool UseColor(const std::string& mode, bool terminal) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string(term) == "dumb") return false;
  return terminal;
}

// The clusters to report on: JSON Lines clusters as they are, plain files
// together as one cluster.
absl::StatusOr<std::vector<Cluster>> GroupInputs(std::vector<Cluster> read, const std::string& only) {
  std::vector<Cluster> clusters;
  Cluster files;
  std::vector<std::string> file_ids;
  for (Cluster& c : read) {
    if (c.is_cluster) {
      clusters.push_back(std::move(c));
    } else {
      for (Document& d : c.docs) {
        file_ids.push_back(d.id);
        files.docs.push_back(std::move(d));
      }
    }
  }
  if (!clusters.empty() && !files.docs.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(files.docs.front().path, ": cannot mix single documents with JSON Lines clusters"));
  }
  if (!files.docs.empty()) clusters.push_back(std::move(files));
  if (!only.empty()) {
    std::vector<Cluster> selected;
    for (Cluster& c : clusters) {
      if (c.id == only) selected.push_back(std::move(c));
    }
    if (selected.empty()) return absl::NotFoundError(absl::StrCat("--cluster: no cluster with id '", only, "'"));
    clusters = std::move(selected);
  }
  for (const Cluster& c : clusters) {
    if (c.docs.size() < 2) {
      std::string where = c.is_cluster ? absl::StrCat("cluster '", c.id, "'")
                                       : (c.docs.empty() ? std::string("input") : c.docs.front().path);
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": compare needs at least two documents, got ", c.docs.size()));
    }
  }
  if (clusters.empty()) return absl::InvalidArgumentError("compare needs at least two documents");
  return clusters;
}

}  // namespace

Command AddCompareCommand(CLI::App* app) {
  auto* flags = new CompareFlags();  // Lives as long as the process.
  Command command;
  command.app = app->add_subcommand(
      "compare",
      "Compare reports claim by claim: agree, refine, contradict, certainty or attribution differs, only in one.\n"
      "Files form one cluster; a JSON Lines input gives one report per cluster line.\n"
      "Exit status: 0 no finding of a --fail-on kind, 1 such findings, 2 trouble.");
  AddCommonOptions(command.app, &flags->common);
  command.app->add_option("-f,--format", flags->format, "Report format: text, json (one line per cluster) or html")
      ->check(CLI::IsMember({"text", "json", "html"}))
      ->type_name("FORMAT");
  command.app->add_option("--width", flags->width, "Text width in columns; default: the terminal's, $COLUMNS, or 100")
      ->check(CLI::Range(1, 10000))
      ->type_name("N");
  command.app->add_option("--color", flags->color, "Colour in text: auto (terminal and no NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
  command.app
      ->add_option("--fail-on", flags->fail_on,
                   "Exit 1 when findings of these kinds exist (comma-separated): contradict, certainty_differs, "
                   "attribution_differs, refine, only_in, agree, any")
      ->delimiter(',')
      ->check(CLI::IsMember({"contradict", "certainty_differs", "attribution_differs", "refine", "only_in", "agree",
                             "any", "none"}))
      ->type_name("KINDS");
  command.app->add_option("--cluster", flags->cluster, "Report only the JSON Lines cluster with this id")
      ->type_name("ID");
  command.app->add_option("--title", flags->title, "Report title; default: the sources' names")->type_name("TEXT");
  command.app->add_flag("--pretty", flags->pretty, "Indent JSON (then it is no longer one line per cluster)");
  command.app->add_flag("--no-agree", flags->no_agree, "Leave agreements out of the report");

  command.run = [flags]() -> int {
    auto read = ReadAllInputs(flags->common);
    if (!read.ok()) return Fail(read.status());
    auto clusters = GroupInputs(*std::move(read), flags->cluster);
    if (!clusters.ok()) return Fail(clusters.status());
    ReportOptions report;
    if (flags->format == "json") report.format = ReportFormat::kJson;
    if (flags->format == "html") report.format = ReportFormat::kHtml;
    if (report.format == ReportFormat::kHtml && clusters->size() > 1) {
      std::vector<std::string> ids;
      for (const Cluster& c : *clusters) ids.push_back(c.id);
      return Fail(absl::InvalidArgumentError(absl::StrCat(
          "an HTML report holds one cluster, the input has ", clusters->size(), " (",
          absl::StrJoin(ids, ", "), "); choose one with --cluster ID")));
    }
    std::set<FindingKind> fail_on;
    for (const std::string& k : flags->fail_on) {
      FindingKind kind;
      if (k == "any") {
        for (int i = 0; i <= static_cast<int>(FindingKind::kOnlyIn); ++i) fail_on.insert(static_cast<FindingKind>(i));
      } else if (ParseFindingKind(k, &kind)) {
        fail_on.insert(kind);
      }
    }

    OutputSink sink;
    if (auto s = sink.Open(flags->common.output); !s.ok()) return Fail(s);
    report.width = flags->width > 0 ? flags->width : TerminalWidth(sink.is_terminal());
    report.color = report.format == ReportFormat::kText && UseColor(flags->color, sink.is_terminal());
    report.title = flags->title;
    report.json_indent = flags->pretty ? 2 : -1;

    PipelineOptions pipeline_options;
    pipeline_options.lexicon_dir = flags->common.lexicon_dir;
    pipeline_options.compare.include_agree = !flags->no_agree;
    Pipeline pipeline(pipeline_options);
    bool failed = false;
    for (size_t i = 0; i < clusters->size(); ++i) {
      Cluster& cluster = (*clusters)[i];
      std::string name = cluster.is_cluster ? absl::StrCat("cluster '", cluster.id, "'") : cluster.docs[0].path;
      auto result = pipeline.Run(std::move(cluster));
      if (!result.ok()) {
        return Fail(absl::Status(result.status().code(), absl::StrCat(name, ": ", result.status().message())));
      }
      ReportInput input;
      input.id = result->id;
      input.docs = result->docs;
      input.alignment = &result->alignment;
      input.comparison = &result->comparison;
      std::string out = RenderReport(input, report);
      if (report.format == ReportFormat::kText && i > 0) out = absl::StrCat("\n", out);
      if (auto s = sink.Write(out); !s.ok()) return Fail(s);
      for (const Finding& f : result->comparison.findings) failed = failed || fail_on.count(f.kind) > 0;
    }
    if (auto s = sink.Commit(); !s.ok()) return Fail(s);
    return failed ? kExitFindings : kExitOk;
  };
  return command;
}

}  // namespace claimdiff::cli
