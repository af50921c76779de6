// claimdiff check DRAFT --against SOURCE...: lints a draft's claims against
// its sources. Exit status 0 (nothing at or above --fail-on), 1 (findings at
// or above it), 2 (trouble).

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <memory>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "claimdiff/check.h"
#include "claimdiff/pipeline.h"
#include "cli/cli_common.h"

namespace claimdiff::cli {

namespace {

struct CheckFlags {
  CommonOptions common;
  std::vector<std::string> against;
  std::string format = "human";
  std::string fail_on;
  std::vector<std::string> levels;  // verdict=level
  std::string config;
  std::string baseline;
  std::string write_baseline;
  std::string diff;
  std::string changed_since;
  std::string color = "auto";
  int github_limit = 10;
};

absl::StatusOr<std::string> ReadFileBytes(const std::string& path) {
  if (path == "-") {
    std::stringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

absl::StatusOr<std::string> RunGitDiff(const std::string& ref, const std::string& path) {
  for (char c : ref) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || absl::StrContains("-_./~^@{}", c))) {
      return absl::InvalidArgumentError(absl::StrCat("--changed-since: '", ref, "' is not a git revision"));
    }
  }
  std::filesystem::path p(path);
  std::string dir = p.has_parent_path() ? p.parent_path().string() : ".";
  std::string command = absl::StrCat("git -C '", dir, "' diff --no-color -U0 ", ref, " -- '",
                                     p.filename().string(), "' 2>&1");
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return absl::InternalError("cannot run git");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  int status = ::pclose(pipe);
  if (status != 0) return absl::InvalidArgumentError(absl::StrCat("git diff ", ref, " failed: ", out));
  return out;
}

int RunCheck(const CheckFlags& flags) {
  if (flags.common.inputs.size() != 1) {
    return Fail(absl::InvalidArgumentError("check takes exactly one draft (sources go after --against)"));
  }
  const std::string& draft_path = flags.common.inputs[0];

  // Config: --config, else .claimdiff.ini found from the draft's folder.
  absl::StatusOr<CheckConfig> config;
  if (!flags.config.empty()) {
    auto bytes = ReadFileBytes(flags.config);
    if (!bytes.ok()) return Fail(bytes.status());
    config = ParseCheckConfig(*bytes, flags.config);
  } else {
    std::filesystem::path p(draft_path);
    config = FindCheckConfig(draft_path == "-" ? "." : (p.has_parent_path() ? p.parent_path().string() : "."));
  }
  if (!config.ok()) return Fail(config.status());

  CommonOptions common = flags.common;
  if (common.lang.empty()) common.lang = config->lang;
  if (common.date.empty()) common.date = config->date;
  std::vector<std::string> sources = flags.against.empty() ? config->sources : flags.against;
  if (sources.empty()) {
    return Fail(absl::InvalidArgumentError("no sources: give --against SOURCE... or sources = ... in .claimdiff.ini"));
  }

  CheckOptions options;
  for (const auto& [verdict, level] : config->levels) options.levels[verdict] = level;
  for (const std::string& spec : flags.levels) {
    std::vector<std::string> parts = absl::StrSplit(spec, '=');
    auto verdict = parts.size() == 2 ? ParseVerdict(parts[0]) : std::nullopt;
    auto level = parts.size() == 2 ? ParseLevel(parts[1]) : std::nullopt;
    if (!verdict || !level) {
      return Fail(absl::InvalidArgumentError(absl::StrCat(
          "--level: '", spec, "' is not KIND=LEVEL (kinds: contradicted, overstated, understated, unsupported, "
          "supported; levels: error, warning, info, off)")));
    }
    options.levels[*verdict] = *level;
  }
  options.ignored = config->ignored;
  std::string baseline_path = flags.baseline.empty() ? config->baseline : flags.baseline;
  if (!baseline_path.empty() && flags.write_baseline.empty()) {
    auto bytes = ReadFileBytes(baseline_path);
    if (!bytes.ok()) return Fail(bytes.status());
    auto accepted = ParseBaseline(*bytes, baseline_path);
    if (!accepted.ok()) return Fail(accepted.status());
    options.ignored.insert(accepted->begin(), accepted->end());
  }
  if (!flags.diff.empty() || !flags.changed_since.empty()) {
    absl::StatusOr<std::string> diff =
        flags.diff.empty() ? RunGitDiff(flags.changed_since, draft_path) : ReadFileBytes(flags.diff);
    if (!diff.ok()) return Fail(diff.status());
    options.restrict_to_lines = true;
    std::string name = std::filesystem::path(draft_path).filename().string();
    for (const auto& [file, lines] : ChangedLines(*diff)) {
      if (file == draft_path || absl::EndsWith(file, "/" + name) || file == name ||
          absl::EndsWith(draft_path, "/" + file)) {
        options.only_lines.insert(lines.begin(), lines.end());
      }
    }
  }
  std::string fail_on_name = !flags.fail_on.empty() ? flags.fail_on : !config->fail_on.empty() ? config->fail_on : "error";
  auto fail_on = ParseLevel(fail_on_name);
  if (!fail_on) {
    return Fail(absl::InvalidArgumentError(absl::StrCat("--fail-on: unknown level '", fail_on_name, "'")));
  }
  auto format = ParseCheckFormat(flags.format);
  if (!format) return Fail(absl::InvalidArgumentError(absl::StrCat("--format: unknown format '", flags.format, "'")));

  // Read the draft and the sources.
  auto ingest = MakeIngestOptions(common);
  if (!ingest.ok()) return Fail(ingest.status());
  std::vector<Document> docs;
  std::vector<std::string> raw;
  std::vector<std::string> paths = {draft_path};
  paths.insert(paths.end(), sources.begin(), sources.end());
  for (const std::string& path : paths) {
    auto clusters = ReadInput(path, *ingest);
    if (!clusters.ok()) return Fail(clusters.status());
    if (clusters->size() != 1 || (*clusters)[0].docs.size() != 1) {
      return Fail(absl::InvalidArgumentError(absl::StrCat(path, ": check needs one document per file")));
    }
    for (const std::string& w : (*clusters)[0].docs[0].warnings) Warn(absl::StrCat(path, ": ", w));
    docs.push_back(std::move((*clusters)[0].docs[0]));
    if (path != "-") {
      auto bytes = ReadFileBytes(path);
      if (!bytes.ok()) return Fail(bytes.status());
      raw.push_back(*std::move(bytes));
    } else {
      raw.push_back(docs.back().text);
    }
  }

  PipelineOptions pipeline_options;
  pipeline_options.lexicon_dir = common.lexicon_dir;
  pipeline_options.align.find_unmatched_words = true;  // Details of the draft no source mentions.
  const Pipeline* pipeline = MakeProcessPipeline(pipeline_options);
  auto analyzed = pipeline->AnalyzeAll(std::move(docs));
  if (!analyzed.ok()) return Fail(analyzed.status());
  auto alignment = pipeline->Align(*analyzed);
  if (!alignment.ok()) return Fail(alignment.status());
  auto comparison = pipeline->Compare(*analyzed, *alignment);
  if (!comparison.ok()) return Fail(comparison.status());

  std::vector<std::string> source_raw(raw.begin() + 1, raw.end());
  CheckResult result = CheckDraft(*analyzed, *alignment, *comparison, raw[0], source_raw, options);

  if (!flags.write_baseline.empty()) {
    OutputSink baseline;
    if (auto s = baseline.Open(flags.write_baseline); !s.ok()) return Fail(s);
    if (auto s = baseline.Write(RenderBaseline(result)); !s.ok()) return Fail(s);
    if (auto s = baseline.Commit(); !s.ok()) return Fail(s);
  }

  OutputSink sink;
  if (auto s = sink.Open(flags.common.output); !s.ok()) return Fail(s);
  CheckRenderOptions render;
  render.format = *format;
  render.github_limit = flags.github_limit;
  render.color = flags.color == "always" ||
                 (flags.color == "auto" && sink.is_terminal() && std::getenv("NO_COLOR") == nullptr);
  if (auto s = sink.Write(RenderCheck(result, render)); !s.ok()) return Fail(s);
  if (auto s = sink.Commit(); !s.ok()) return Fail(s);

  if (*fail_on == Level::kOff) return kExitOk;
  for (const CheckFinding& f : result.findings) {
    if (f.level >= *fail_on) return kExitFindings;
  }
  return kExitOk;
}

}  // namespace

Command AddCheckCommand(CLI::App* app) {
  auto flags = std::make_shared<CheckFlags>();  // Owned by the run function below.
  Command command;
  command.app = app->add_subcommand(
      "check", "Check a draft's claims against its sources (exit 1 on findings at or above --fail-on)");
  AddCommonOptions(command.app, &flags->common);
  command.app->add_option("--against", flags->against, "Source articles to check the draft against")
      ->type_name("SOURCE...");
  command.app->add_option("--format", flags->format, "Output format")
      ->check(CLI::IsMember({"human", "text", "json", "sarif", "github", "junit"}));
  command.app->add_option("--fail-on", flags->fail_on, "Exit 1 when a finding has this level or higher (default error)")
      ->check(CLI::IsMember({"error", "warning", "info", "none", "off"}));
  command.app->add_option("--level", flags->levels, "Set a finding kind's level, e.g. overstated=warning")
      ->type_name("KIND=LEVEL");
  command.app->add_option("--config", flags->config, "Config file (default: .claimdiff.ini found upwards)")
      ->type_name("FILE");
  command.app->add_option("--baseline", flags->baseline, "Accepted findings: report only new ones")
      ->type_name("FILE");
  command.app->add_option("--write-baseline", flags->write_baseline, "Write the current findings as a baseline")
      ->type_name("FILE");
  command.app->add_option("--diff", flags->diff, "Only lines a unified diff touches (git diff -U0 output)")
      ->type_name("FILE");
  command.app->add_option("--changed-since", flags->changed_since, "Only lines changed since a git revision")
      ->type_name("REV");
  command.app->add_option("--color", flags->color, "Colour: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command.app->add_option("--github-limit", flags->github_limit, "Annotations per level before summarising")
      ->check(CLI::Range(1, 1000));
  command.run = [flags]() -> int { return RunCheck(*flags); };
  return command;
}

}  // namespace claimdiff::cli
