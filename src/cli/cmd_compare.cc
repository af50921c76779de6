// claimdiff compare A B [C ...]: the files form one cluster (or each line
// of a JSON Lines input is a cluster) and get one report each, as text, JSON
// or HTML.
//
// Text and JSON run on the batch driver (cli/batch.h): each JSON Lines
// cluster line is a record (--jobs threads, output in input order, a bad
// cluster answered in-band), files given together form one record. HTML
// holds one cluster and reads its input whole.
//
// Exit status: 0 when no finding of a --fail-on kind exists (the default
// fails on nothing), 1 when one does, 2 on trouble.

#include <sys/ioctl.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "claimdiff/pipeline.h"
#include "claimdiff/report.h"
#include "cli/batch.h"
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

// The first plain-document input when the inputs mix plain documents with
// JSON Lines (as ReadInput tells them apart), else "".
std::string MixedPlainInput(const CommonOptions& options) {
  if (options.jsonl || options.input_format == "jsonl") return "";
  std::string plain;
  bool jsonl = false;
  for (const std::string& path : options.inputs) {
    if (absl::EndsWith(path, ".jsonl")) {
      jsonl = true;
    } else if (plain.empty()) {
      plain = path;
    }
  }
  return jsonl ? plain : "";
}

}  // namespace

Command AddCompareCommand(CLI::App* app) {
  auto flags = std::make_shared<CompareFlags>();  // Owned by the run function below.
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
    ReportOptions report;
    if (flags->format == "json") report.format = ReportFormat::kJson;
    if (flags->format == "html") report.format = ReportFormat::kHtml;
    std::set<FindingKind> fail_on;
    for (const std::string& k : flags->fail_on) {
      FindingKind kind;
      if (k == "any") {
        for (int i = 0; i <= static_cast<int>(FindingKind::kOnlyIn); ++i) fail_on.insert(static_cast<FindingKind>(i));
      } else if (ParseFindingKind(k, &kind)) {
        fail_on.insert(kind);
      }
    }
    PipelineOptions pipeline_options;
    pipeline_options.lexicon_dir = flags->common.lexicon_dir;
    pipeline_options.compare.include_agree = !flags->no_agree;

    if (report.format == ReportFormat::kHtml) {
      // One cluster per HTML page: read everything, then check.
      auto read = ReadAllInputs(flags->common);
      if (!read.ok()) return Fail(read.status());
      auto clusters = GroupInputs(*std::move(read), flags->cluster);
      if (!clusters.ok()) return Fail(clusters.status());
      if (clusters->size() > 1) {
        std::vector<std::string> ids;
        for (const Cluster& c : *clusters) ids.push_back(c.id);
        return Fail(absl::InvalidArgumentError(absl::StrCat(
            "an HTML report holds one cluster, the input has ", clusters->size(), " (",
            absl::StrJoin(ids, ", "), "); choose one with --cluster ID")));
      }
      OutputSink sink;
      if (auto s = sink.Open(flags->common.output); !s.ok()) return Fail(s);
      report.width = flags->width > 0 ? flags->width : TerminalWidth(sink.is_terminal());
      report.title = flags->title;
      report.json_indent = flags->pretty ? 2 : -1;
      const Pipeline* pipeline = MakeProcessPipeline(pipeline_options);
      Cluster& cluster = clusters->front();
      std::string name = cluster.is_cluster ? absl::StrCat("cluster '", cluster.id, "'") : cluster.docs[0].path;
      auto result = pipeline->Run(std::move(cluster));
      if (!result.ok()) {
        return Fail(absl::Status(result.status().code(), absl::StrCat(name, ": ", result.status().message())));
      }
      ReportInput input;
      input.id = result->id;
      input.docs = result->docs;
      input.alignment = &result->alignment;
      input.comparison = &result->comparison;
      if (auto s = sink.Write(RenderReport(input, report)); !s.ok()) return Fail(s);
      bool failed = false;
      for (const Finding& f : result->comparison.findings) failed = failed || fail_on.count(f.kind) > 0;
      if (auto s = sink.Commit(); !s.ok()) return Fail(s);
      return failed ? kExitFindings : kExitOk;
    }

    if (std::string plain = MixedPlainInput(flags->common); !plain.empty()) {
      return Fail(absl::InvalidArgumentError(
          absl::StrCat(plain, ": cannot mix single documents with JSON Lines clusters")));
    }
    OutputSink sink;
    if (auto s = sink.Open(flags->common.output); !s.ok()) return Fail(s);
    report.width = flags->width > 0 ? flags->width : TerminalWidth(sink.is_terminal());
    report.color = report.format == ReportFormat::kText && UseColor(flags->color, sink.is_terminal());
    report.title = flags->title;
    report.json_indent = flags->pretty ? 2 : -1;

    const Pipeline* pipeline = MakeProcessPipeline(pipeline_options);
    auto found = std::make_shared<std::atomic<bool>>(false);     // A cluster matched --cluster.
    auto findings = std::make_shared<std::atomic<bool>>(false);  // A --fail-on finding.
    const std::string only = flags->cluster;
    BatchOptions batch;
    batch.jobs = flags->common.jobs;
    batch.files_form_one_cluster = true;
    // Text reports are separated by a blank line, as before.
    if (report.format == ReportFormat::kText) batch.separator = "\n";
    auto fn = [pipeline, found, findings, only, report, fail_on](Cluster cluster) -> absl::StatusOr<std::string> {
      if (!only.empty() && cluster.id != only) return std::string();  // Not selected: no output.
      found->store(true);
      std::string name;
      if (cluster.is_cluster) {
        name = absl::StrCat("cluster '", cluster.id, "'");
      } else {
        // Files given together: an anonymous cluster, named by its first file.
        name = cluster.docs.empty() ? std::string("input") : cluster.docs.front().path;
        cluster.id.clear();
      }
      if (cluster.docs.size() < 2) {
        return absl::InvalidArgumentError(
            absl::StrCat(name, ": compare needs at least two documents, got ", cluster.docs.size()));
      }
      auto result = pipeline->Run(std::move(cluster));
      if (!result.ok()) {
        return absl::Status(result.status().code(), absl::StrCat(name, ": ", result.status().message()));
      }
      ReportInput input;
      input.id = result->id;
      input.docs = result->docs;
      input.alignment = &result->alignment;
      input.comparison = &result->comparison;
      for (const Finding& f : result->comparison.findings) {
        if (fail_on.count(f.kind) > 0) findings->store(true);
      }
      return RenderReport(input, report);
    };
    auto stats = RunBatch(flags->common, batch, fn, &sink);
    if (!stats.ok()) return Fail(stats.status());
    if (!only.empty() && !found->load()) {
      return Fail(absl::NotFoundError(absl::StrCat("--cluster: no cluster with id '", only, "'")));
    }
    if (stats->records == 0) return Fail(absl::InvalidArgumentError("compare needs at least two documents"));
    if (auto s = sink.Commit(); !s.ok()) return Fail(s);
    if (stats->failed > 0) {
      Warn(absl::StrCat(stats->failed, " of ", stats->records, " clusters failed"));
      return kExitTrouble;
    }
    return findings->load() ? kExitFindings : kExitOk;
  };
  return command;
}

}  // namespace claimdiff::cli
