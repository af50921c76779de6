#include "cli/batch.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"

namespace claimdiff::cli {

namespace {

// One unit of work: a JSON Lines line still to be parsed, or a cluster
// already read from document files.
struct Record {
  std::string line;   // JSON text, when from JSON Lines.
  std::string where;  // "file:line".
  std::optional<Cluster> cluster;
  std::string output;
  bool failed = false;
  std::string error;
};

bool IsJsonlInput(const std::string& path, const IngestOptions& ingest) {
  if (ingest.format == InputFormat::kJsonl) return true;
  return ingest.format == InputFormat::kAuto && absl::EndsWith(path, ".jsonl");
}

std::string ErrorLine(const Record& record, absl::string_view message) {
  nlohmann::ordered_json j;
  j["id"] = nullptr;
  if (!record.line.empty()) {
    // Best effort: recover the id of a record that parses as JSON.
    auto parsed = nlohmann::json::parse(record.line, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_object() && parsed.contains("id") && (parsed["id"].is_string() || parsed["id"].is_number())) {
      j["id"] = parsed["id"];
    }
  } else if (record.cluster) {
    j["id"] = record.cluster->id;
  }
  j["error"] = {{"message", std::string(message)}, {"where", record.where}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

class Progress {
 public:
  Progress(bool enabled, size_t total_bytes)
      : enabled_(enabled && ::isatty(STDERR_FILENO)), total_bytes_(total_bytes),
        start_(std::chrono::steady_clock::now()), last_(start_) {}
  ~Progress() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }
  void Update(size_t records, size_t bytes) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double rate = secs > 0 ? records / secs : 0;
    std::string eta;
    if (total_bytes_ > 0 && bytes > 0 && bytes <= total_bytes_) {
      double left = secs * (static_cast<double>(total_bytes_) / bytes - 1);
      eta = absl::StrFormat(", %.0fs left", left);
    }
    std::fprintf(stderr, "\r\033[Kclaimdiff: %zu records, %.0f/s%s", records, rate, eta.c_str());
    shown_ = true;
  }

 private:
  bool enabled_;
  size_t total_bytes_;
  std::chrono::steady_clock::time_point start_, last_;
  bool shown_ = false;
};

void ProcessWindow(std::vector<Record>& window, const IngestOptions& ingest, const RecordFn& fn, int jobs) {
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i = next.fetch_add(1); i < window.size(); i = next.fetch_add(1)) {
      Record& r = window[i];
      absl::StatusOr<std::string> out;
      if (r.cluster) {
        out = fn(*std::move(r.cluster));
      } else {
        auto cluster = ParseJsonlRecord(r.line, r.where, ingest);
        if (cluster.ok()) {
          out = fn(*std::move(cluster));
        } else {
          out = cluster.status();
        }
      }
      if (out.ok()) {
        r.output = *std::move(out);
      } else {
        r.failed = true;
        std::string message(out.status().message());
        if (!absl::StartsWith(message, r.where)) message = absl::StrCat(r.where, ": ", message);
        r.output = ErrorLine(r, message);
        r.error = message;
      }
      r.line.clear();
      r.line.shrink_to_fit();
    }
  };
  std::vector<std::thread> threads;
  int extra = std::min<int>(jobs - 1, static_cast<int>(window.size()) - 1);
  for (int t = 0; t < extra; ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
}

}  // namespace

absl::StatusOr<BatchStats> RunBatch(const CommonOptions& options, const BatchOptions& batch, const RecordFn& fn,
                                    OutputSink* sink) {
  auto ingest = MakeIngestOptions(options);
  if (!ingest.ok()) return ingest.status();
  BatchStats stats;
  std::vector<Record> window;
  size_t window_bytes = 0;
  size_t bytes_read = 0;
  size_t total_bytes = 0;
  for (const std::string& path : options.inputs) {
    struct stat st;
    if (path != "-" && ::stat(path.c_str(), &st) == 0) total_bytes += static_cast<size_t>(st.st_size);
  }
  Progress progress(batch.progress, total_bytes);

  auto flush = [&]() -> absl::Status {
    ProcessWindow(window, *ingest, fn, batch.jobs);
    for (Record& r : window) {
      ++stats.records;
      if (r.failed) {
        ++stats.failed;
        Warn(r.error);
      }
      if (!r.output.empty() && r.output.back() != '\n') r.output.push_back('\n');
      if (auto s = sink->Write(r.output); !s.ok()) return s;
    }
    window.clear();
    window_bytes = 0;
    progress.Update(stats.records, bytes_read);
    return absl::OkStatus();
  };

  Cluster combined;
  for (const std::string& path : options.inputs) {
    if (IsJsonlInput(path, *ingest)) {
      std::FILE* in = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
      if (in == nullptr) {
        return absl::NotFoundError(absl::StrCat(path, ": cannot open (", std::strerror(errno), ")"));
      }
      char* buf = nullptr;
      size_t cap = 0;
      ssize_t n;
      size_t line_number = 0;
      while ((n = ::getline(&buf, &cap, in)) >= 0) {
        ++line_number;
        bytes_read += static_cast<size_t>(n);
        absl::string_view line(buf, static_cast<size_t>(n));
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == absl::string_view::npos) continue;
        Record r;
        r.line = std::string(line);
        r.where = absl::StrCat(path == "-" ? "<stdin>" : path, ":", line_number);
        window_bytes += r.line.size();
        window.push_back(std::move(r));
        if (window.size() >= batch.window || window_bytes >= batch.window_bytes) {
          if (auto s = flush(); !s.ok()) {
            std::free(buf);
            if (in != stdin) std::fclose(in);
            return s;
          }
        }
      }
      std::free(buf);
      bool error = std::ferror(in) != 0;
      if (in != stdin) std::fclose(in);
      if (error) return absl::DataLossError(absl::StrCat(path, ": read error"));
      continue;
    }
    auto clusters = ReadInput(path, *ingest);
    if (!clusters.ok()) return clusters.status();
    for (Cluster& c : *clusters) {
      for (const Document& d : c.docs) {
        for (const std::string& w : d.warnings) Warn(absl::StrCat(d.path, ": ", w));
      }
      if (batch.files_form_one_cluster) {
        if (!combined.id.empty()) combined.id += "+";
        combined.id += c.id;
        for (Document& d : c.docs) combined.docs.push_back(std::move(d));
        continue;
      }
      Record r;
      r.where = path;
      r.cluster = std::move(c);
      window.push_back(std::move(r));
      if (window.size() >= batch.window) {
        if (auto s = flush(); !s.ok()) return s;
      }
    }
  }
  if (!combined.docs.empty()) {
    combined.is_cluster = true;
    Record r;
    r.where = combined.id;
    r.cluster = std::move(combined);
    window.push_back(std::move(r));
  }
  if (!window.empty()) {
    if (auto s = flush(); !s.ok()) return s;
  }
  return stats;
}

int RunBatchCommand(const CommonOptions& options, const BatchOptions& batch, const RecordFn& fn) {
  OutputSink sink;
  if (auto s = sink.Open(options.output); !s.ok()) return Fail(s);
  auto stats = RunBatch(options, batch, fn, &sink);
  if (!stats.ok()) return Fail(stats.status());
  if (auto s = sink.Commit(); !s.ok()) return Fail(s);
  if (stats->failed > 0) {
    Warn(absl::StrCat(stats->failed, " of ", stats->records, " records failed"));
    return kExitTrouble;
  }
  return kExitOk;
}

}  // namespace claimdiff::cli
