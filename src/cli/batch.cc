#include "cli/batch.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
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
  std::string cluster_id;  // The id of `cluster`, kept for an error line.
  std::string output;
  bool failed = false;
  std::string error;
  size_t bytes = 0;   // Input bytes, for the in-flight limit.
  bool done = false;  // Set by the worker, under the pipeline's lock.
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
  } else if (!record.cluster_id.empty()) {
    j["id"] = record.cluster_id;
  }
  j["error"] = {{"message", std::string(message)}, {"where", record.where}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Reads lines in blocks of 1 MiB: stdio's getline refills a 4 KiB buffer
// with one read(2) each time.
class LineReader {
 public:
  explicit LineReader(std::FILE* file) : fd_(::fileno(file)) {}

  // The next line, without its "\n"; false at the end of the input or on a
  // read error (then error() is true). The view lasts until the next call.
  bool Next(absl::string_view* line) {
    while (true) {
      const char* begin = buffer_.data() + start_;
      if (const void* nl = std::memchr(begin, '\n', end_ - start_)) {
        const size_t length = static_cast<size_t>(static_cast<const char*>(nl) - begin);
        *line = absl::string_view(begin, length);
        start_ += length + 1;
        return true;
      }
      if (at_end_ || error_) {
        if (start_ == end_) return false;
        *line = absl::string_view(begin, end_ - start_);  // The last line has no "\n".
        start_ = end_;
        return true;
      }
      Fill();
    }
  }

  bool error() const { return error_; }

 private:
  static constexpr size_t kBlock = size_t{1} << 20;

  // Keeps the unread part and reads a block after it.
  void Fill() {
    buffer_.erase(0, start_);
    end_ -= start_;
    start_ = 0;
    if (buffer_.size() < end_ + kBlock) buffer_.resize(end_ + kBlock);
    ssize_t n;
    do {
      n = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      error_ = true;
    } else if (n == 0) {
      at_end_ = true;
    } else {
      end_ += static_cast<size_t>(n);
    }
  }

  int fd_;
  std::string buffer_;
  size_t start_ = 0;  // The unread bytes are buffer_[start_, end_).
  size_t end_ = 0;
  bool at_end_ = false;
  bool error_ = false;
};

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

// Streams records through `jobs` worker threads. The reading thread adds
// records (Add) while the workers process earlier ones, and writes the
// finished results in input order as it goes; at most `max_records`
// records (and about `max_bytes` of input) are in flight, so memory stays
// bounded however long the stream. Reading, processing and writing overlap:
// there is no barrier between windows.
class RecordPipeline {
 public:
  using Writer = std::function<absl::Status(Record&)>;

  RecordPipeline(const IngestOptions& ingest, const RecordFn& fn, int jobs, size_t max_records, size_t max_bytes,
                 Writer writer)
      : ingest_(ingest), fn_(fn), max_records_(std::max<size_t>(max_records, 1)),
        max_bytes_(std::max<size_t>(max_bytes, 1)), writer_(std::move(writer)) {
    for (int t = 0; t < std::max(jobs, 1); ++t) workers_.emplace_back([this] { Work(); });
  }
  ~RecordPipeline() { Stop(); }

  // Queues a record; first writes finished records. When the pipeline is
  // full, waits until the older half of the records in flight is done and
  // writes it: the reading thread then wakes once per half window, not once
  // per record.
  absl::Status Add(Record record) {
    std::unique_lock<std::mutex> lock(mu_);
    if (auto s = WriteDoneLocked(lock); !s.ok()) return s;
    while (FullLocked() && !stop_) {
      WaitForOldestLocked(lock, (records_.size() + 1) / 2);
      if (auto s = WriteDoneLocked(lock); !s.ok()) return s;
    }
    record.bytes = record.line.size();
    bytes_ += record.bytes;
    records_.push_back(std::make_unique<Record>(std::move(record)));
    work_cv_.notify_one();
    return absl::OkStatus();
  }

  // Writes everything still in flight, in order, and stops the workers.
  absl::Status Finish() {
    std::unique_lock<std::mutex> lock(mu_);
    WaitForOldestLocked(lock, records_.size());
    if (auto s = WriteDoneLocked(lock); !s.ok()) return s;
    lock.unlock();
    Stop();
    return absl::OkStatus();
  }

 private:
  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    work_cv_.notify_all();
    written_cv_.notify_all();
    for (std::thread& t : workers_) {
      if (t.joinable()) t.join();
    }
  }

  bool FullLocked() const { return records_.size() >= max_records_ || (bytes_ > 0 && bytes_ >= max_bytes_); }

  // Waits until the oldest `count` records are done (or the pipeline
  // stops). A worker wakes this thread only when it finishes the record
  // waited for: the newest of them that was not done yet.
  void WaitForOldestLocked(std::unique_lock<std::mutex>& lock, size_t count) {
    for (size_t i = count; i > 0 && !stop_;) {
      Record* r = records_[i - 1].get();
      if (r->done) {
        --i;
        continue;
      }
      awaited_ = r;
      written_cv_.wait(lock, [this, r] { return r->done || stop_; });
      awaited_ = nullptr;
    }
  }

  // Writes (outside the lock) the finished records at the head of the queue.
  absl::Status WriteDoneLocked(std::unique_lock<std::mutex>& lock) {
    while (!records_.empty() && records_.front()->done) {
      std::unique_ptr<Record> r = std::move(records_.front());
      records_.pop_front();
      --next_;  // Indices into records_ shift by one.
      bytes_ -= r->bytes;
      lock.unlock();
      absl::Status s = writer_(*r);
      r.reset();
      lock.lock();
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }

  void Work() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      work_cv_.wait(lock, [this] { return stop_ || next_ < records_.size(); });
      if (stop_) return;
      Record* r = records_[next_++].get();
      lock.unlock();
      Process(*r);
      lock.lock();
      r->done = true;
      if (r == awaited_) written_cv_.notify_one();
    }
  }

  void Process(Record& r) const {
    absl::StatusOr<std::string> out;
    if (r.cluster) {
      r.cluster_id = r.cluster->id;
      out = fn_(*std::move(r.cluster));
      r.cluster.reset();
    } else {
      auto cluster = ParseJsonlRecord(r.line, r.where, ingest_);
      if (cluster.ok()) {
        out = fn_(*std::move(cluster));
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
    std::string().swap(r.line);
  }

  const IngestOptions& ingest_;
  const RecordFn& fn_;
  const size_t max_records_;
  const size_t max_bytes_;
  Writer writer_;
  std::mutex mu_;
  std::condition_variable work_cv_;     // A record was queued, or stop.
  std::condition_variable written_cv_;  // The awaited record is done, or stop.
  std::deque<std::unique_ptr<Record>> records_;  // In input order.
  size_t next_ = 0;   // Index in records_ of the next record to process.
  size_t bytes_ = 0;  // Input bytes of the records in flight.
  const Record* awaited_ = nullptr;  // The record the reading thread waits for, if any.
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace

absl::StatusOr<BatchStats> RunBatch(const CommonOptions& options, const BatchOptions& batch, const RecordFn& fn,
                                    OutputSink* sink) {
  auto ingest = MakeIngestOptions(options);
  if (!ingest.ok()) return ingest.status();
  BatchStats stats;
  size_t bytes_read = 0;
  size_t total_bytes = 0;
  for (const std::string& path : options.inputs) {
    struct stat st;
    if (path != "-" && ::stat(path.c_str(), &st) == 0) total_bytes += static_cast<size_t>(st.st_size);
  }
  Progress progress(batch.progress, total_bytes);

  // Runs on the reading thread (inside Add and Finish), in input order.
  bool wrote_any = false;
  auto write = [&](Record& r) -> absl::Status {
    ++stats.records;
    if (r.failed) {
      ++stats.failed;
      Warn(r.error);
    }
    if (!r.output.empty()) {
      if (r.output.back() != '\n') r.output.push_back('\n');
      if (wrote_any && !batch.separator.empty()) {
        if (auto s = sink->Write(batch.separator); !s.ok()) return s;
      }
      wrote_any = true;
      if (auto s = sink->Write(r.output); !s.ok()) return s;
    }
    progress.Update(stats.records, bytes_read);
    return absl::OkStatus();
  };
  // Two windows in flight: the workers never wait for the reader to refill.
  RecordPipeline pipeline(*ingest, fn, std::max(batch.jobs, 1), 2 * batch.window, 2 * batch.window_bytes, write);

  Cluster combined;
  for (const std::string& path : options.inputs) {
    if (IsJsonlInput(path, *ingest)) {
      std::FILE* in = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
      if (in == nullptr) {
        return absl::NotFoundError(absl::StrCat(path, ": cannot open (", std::strerror(errno), ")"));
      }
      LineReader reader(in);
      absl::string_view line;
      size_t line_number = 0;
      absl::Status status;
      while (reader.Next(&line)) {
        ++line_number;
        bytes_read += line.size() + 1;
        while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == absl::string_view::npos) continue;
        Record r;
        r.line = std::string(line);
        r.where = absl::StrCat(path == "-" ? "<stdin>" : path, ":", line_number);
        status = pipeline.Add(std::move(r));
        if (!status.ok()) break;
      }
      bool error = status.ok() && reader.error();
      if (in != stdin) std::fclose(in);
      if (!status.ok()) return status;
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
      if (auto s = pipeline.Add(std::move(r)); !s.ok()) return s;
    }
  }
  if (!combined.docs.empty()) {
    // Not a JSON Lines cluster line: is_cluster stays false, so that a
    // command can tell files given together from a cluster record.
    Record r;
    r.where = combined.docs.front().path;
    r.cluster = std::move(combined);
    if (auto s = pipeline.Add(std::move(r)); !s.ok()) return s;
  }
  if (auto s = pipeline.Finish(); !s.ok()) return s;
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
