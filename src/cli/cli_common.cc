#include "cli/cli_common.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "absl/strings/str_cat.h"

namespace claimdiff::cli {

void AddCommonOptions(CLI::App* cmd, CommonOptions* o, bool inputs_required) {
  auto* in = cmd->add_option("inputs", o->inputs, "Input files; - for standard input");
  if (inputs_required) in->required();
  cmd->add_option("-o,--output", o->output, "Write to FILE instead of standard output")
      ->type_name("FILE");
  cmd->add_option("--lang", o->lang, "Language of the documents (de, en, ...); default: detect")
      ->type_name("CODE");
  cmd->add_option("--date", o->date, "Publication date YYYY-MM-DD, overriding the file's")
      ->type_name("DATE");
  cmd->add_option("--source", o->source, "Source name (outlet) of the documents")->type_name("NAME");
  cmd->add_option("--encoding", o->encoding, "Input encoding (ICU converter name); default UTF-8")
      ->type_name("NAME");
  cmd->add_option("--input-format", o->input_format, "Input format; default: by extension")
      ->check(CLI::IsMember({"text", "markdown", "html", "jsonl"}))
      ->type_name("FORMAT");
  cmd->add_flag("--jsonl", o->jsonl, "Standard input is JSON Lines");
  cmd->add_flag("--lenient", o->lenient, "Replace invalid UTF-8 and warn instead of failing");
  cmd->add_option("--lexicon-dir", o->lexicon_dir, "Folder of language data")->type_name("DIR");
  cmd->add_option("--max-bytes", o->max_bytes, "Largest document accepted, in bytes (default 64 MiB)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 40))
      ->type_name("N");
  cmd->add_option("-j,--jobs", o->jobs, "Worker threads")->check(CLI::Range(1, 256))->type_name("N");
}

const Pipeline* MakeProcessPipeline(PipelineOptions options) {
  static std::mutex* const mu = new std::mutex;
  static auto* const pipelines = new std::vector<std::unique_ptr<Pipeline>>;
  std::lock_guard<std::mutex> lock(*mu);
  pipelines->push_back(std::make_unique<Pipeline>(std::move(options)));
  return pipelines->back().get();
}

absl::StatusOr<IngestOptions> MakeIngestOptions(const CommonOptions& o) {
  IngestOptions options;
  options.lang = o.lang;
  options.source = o.source;
  options.encoding = o.encoding;
  options.lenient = o.lenient;
  options.lexicon_dir = o.lexicon_dir;
  options.max_bytes = o.max_bytes;
  if (!o.date.empty()) {
    options.date = ParseIsoDate(o.date);
    if (!options.date) {
      return absl::InvalidArgumentError(absl::StrCat("--date: '", o.date, "' is not a date YYYY-MM-DD"));
    }
  }
  if (o.jsonl || o.input_format == "jsonl") options.format = InputFormat::kJsonl;
  else if (o.input_format == "text") options.format = InputFormat::kText;
  else if (o.input_format == "markdown") options.format = InputFormat::kMarkdown;
  else if (o.input_format == "html") options.format = InputFormat::kHtml;
  return options;
}

absl::StatusOr<std::vector<Cluster>> ReadAllInputs(const CommonOptions& o) {
  auto options = MakeIngestOptions(o);
  if (!options.ok()) return options.status();
  std::vector<Cluster> all;
  for (const std::string& path : o.inputs) {
    auto clusters = ReadInput(path, *options);
    if (!clusters.ok()) return clusters.status();
    for (Cluster& c : *clusters) {
      for (const Document& d : c.docs) {
        for (const std::string& w : d.warnings) Warn(absl::StrCat(d.path, ": ", w));
      }
      all.push_back(std::move(c));
    }
  }
  return all;
}

namespace {

constexpr size_t kOutputBlock = size_t{64} << 10;

}  // namespace

OutputSink::~OutputSink() {
  if (file_ == nullptr) return;
  if (to_stdout_) {
    Flush().IgnoreError();  // Uncommitted, as after an error: what was written still shows.
  } else if (temp_path_.empty()) {  // Written in place: what was written stays.
    Flush().IgnoreError();
    std::fclose(file_);
  } else {
    std::fclose(file_);
    std::remove(temp_path_.c_str());
  }
}

absl::Status OutputSink::Open(const std::string& path) {
  path_ = path;
  if (path == "-" || path.empty()) {
    to_stdout_ = true;
    terminal_ = ::isatty(STDOUT_FILENO) != 0;
    file_ = stdout;
    return absl::OkStatus();
  }
  // A device, FIFO or symbolic link (-o /dev/null, -o /dev/stdout) is
  // written through as it is: renaming a file over it would replace the
  // device or the link itself.
  struct stat existing;
  if (::lstat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode) && !S_ISDIR(existing.st_mode)) {
    file_ = std::fopen(path.c_str(), "wb");
    if (file_ == nullptr) {
      return absl::PermissionDeniedError(
          absl::StrCat(path, ": cannot write output (", std::strerror(errno), ")"));
    }
    terminal_ = ::isatty(::fileno(file_)) != 0;
    return absl::OkStatus();
  }
  std::filesystem::path target(path);
  std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  std::string templ = (dir / ("." + target.filename().string() + ".tmpXXXXXX")).string();
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd < 0) {
    return absl::PermissionDeniedError(
        absl::StrCat(path, ": cannot write output (", std::strerror(errno), ")"));
  }
  temp_path_ = buf.data();
  file_ = fdopen(fd, "wb");
  if (file_ == nullptr) {
    ::close(fd);
    std::remove(temp_path_.c_str());
    return absl::InternalError(absl::StrCat(path, ": cannot open output"));
  }
  return absl::OkStatus();
}

absl::Status OutputSink::Write(absl::string_view data) {
  if (file_ == nullptr) return absl::FailedPreconditionError("output not open");
  buffer_.append(data.data(), data.size());
  if (buffer_.size() >= kOutputBlock || terminal_) return Flush();
  return absl::OkStatus();
}

absl::Status OutputSink::Flush() {
  const bool ok = buffer_.empty() || std::fwrite(buffer_.data(), 1, buffer_.size(), file_) == buffer_.size();
  buffer_.clear();
  if (!ok) return absl::DataLossError(absl::StrCat(path_, ": write failed (", std::strerror(errno), ")"));
  return absl::OkStatus();
}

absl::Status OutputSink::Commit() {
  if (file_ == nullptr) return absl::FailedPreconditionError("output not open");
  if (auto s = Flush(); !s.ok()) return s;
  if (to_stdout_) {
    if (std::fflush(stdout) != 0) return absl::DataLossError("standard output: write failed");
    return absl::OkStatus();
  }
  bool ok = std::fflush(file_) == 0;
  ok = (std::fclose(file_) == 0) && ok;
  file_ = nullptr;
  if (temp_path_.empty()) {  // Written in place.
    return ok ? absl::OkStatus() : absl::DataLossError(absl::StrCat(path_, ": write failed"));
  }
  if (!ok) {
    std::remove(temp_path_.c_str());
    return absl::DataLossError(absl::StrCat(path_, ": write failed"));
  }
  // Keep the mode of a file we replace; a new file gets 0666 less umask.
  struct stat existing;
  mode_t mode;
  if (::stat(path_.c_str(), &existing) == 0) {
    mode = existing.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::chmod(temp_path_.c_str(), mode);
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    std::string err = std::strerror(errno);
    std::remove(temp_path_.c_str());
    return absl::PermissionDeniedError(absl::StrCat(path_, ": cannot write output (", err, ")"));
  }
  return absl::OkStatus();
}


int Fail(const absl::Status& status) {
  std::string message(status.message());
  std::fprintf(stderr, "claimdiff: error: %s\n", message.c_str());
  return kExitTrouble;
}

void Warn(absl::string_view message) {
  std::fprintf(stderr, "claimdiff: warning: %.*s\n", static_cast<int>(message.size()), message.data());
}

}  // namespace claimdiff::cli
