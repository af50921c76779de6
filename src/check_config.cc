// The check command's config file (.claimdiff.ini) and baseline file.

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "claimdiff/check.h"
#include "nlohmann/json.hpp"

namespace claimdiff {

namespace {

// A path of the config file, relative to the config's folder, as the user
// sees it: relative to the working directory when it lies below it, as
// linters print paths, else as the config's folder is named.
std::string Resolve(const std::filesystem::path& base, const std::filesystem::path& p) {
  const std::filesystem::path full = (base / p).lexically_normal();
  std::error_code ec;
  const std::filesystem::path shown = std::filesystem::proximate(full, ec);
  if (ec || shown.empty() || *shown.begin() == "..") return full.string();
  return shown.string();
}

}  // namespace

absl::StatusOr<CheckConfig> ParseCheckConfig(absl::string_view contents, absl::string_view path) {
  CheckConfig config;
  config.path = std::string(path);
  std::string section;
  int line_number = 0;
  std::filesystem::path base = std::filesystem::path(std::string(path)).parent_path();
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    auto error = [&](absl::string_view what) {
      return absl::InvalidArgumentError(absl::StrCat(path, ":", line_number, ": ", what));
    };
    if (line.front() == '[') {
      if (line.back() != ']') return error("unterminated section header");
      section = absl::AsciiStrToLower(absl::StripAsciiWhitespace(line.substr(1, line.size() - 2)));
      if (section != "levels" && section != "ignore") {
        return error(absl::StrCat("unknown section [", section, "] (known: [levels], [ignore])"));
      }
      continue;
    }
    size_t eq = line.find('=');
    if (eq == absl::string_view::npos) {
      if (section == "ignore") {
        config.ignored.insert(std::string(line));
        continue;
      }
      return error("expected key = value");
    }
    std::string key = absl::AsciiStrToLower(absl::StripAsciiWhitespace(line.substr(0, eq)));
    std::string value(absl::StripAsciiWhitespace(line.substr(eq + 1)));
    if (section == "levels") {
      auto verdict = ParseVerdict(key);
      if (!verdict) return error(absl::StrCat("unknown finding kind '", key, "'"));
      auto level = ParseLevel(value);
      if (!level) return error(absl::StrCat("unknown level '", value, "' (error, warning, info, off)"));
      config.levels[*verdict] = *level;
    } else if (section == "ignore") {
      config.ignored.insert(key);
    } else if (key == "sources") {
      for (absl::string_view s : absl::StrSplit(value, absl::ByAnyChar(", "), absl::SkipEmpty())) {
        std::filesystem::path p{std::string(s)};
        config.sources.push_back(p.is_absolute() ? p.string() : Resolve(base, p));
      }
    } else if (key == "lang") {
      config.lang = value;
    } else if (key == "date") {
      config.date = value;
    } else if (key == "fail_on" || key == "fail-on") {
      if (!ParseLevel(value)) return error(absl::StrCat("unknown level '", value, "'"));
      config.fail_on = value;
    } else if (key == "baseline") {
      std::filesystem::path p{value};
      config.baseline = p.is_absolute() ? p.string() : Resolve(base, p);
    } else {
      return error(absl::StrCat("unknown setting '", key, "'"));
    }
  }
  return config;
}

absl::StatusOr<CheckConfig> FindCheckConfig(absl::string_view start_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(std::string(start_dir.empty() ? "." : start_dir)), ec);
  while (!dir.empty()) {
    fs::path candidate = dir / ".claimdiff.ini";
    if (fs::is_regular_file(candidate, ec)) {
      std::ifstream in(candidate, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return ParseCheckConfig(ss.str(), candidate.string());
    }
    if (fs::exists(dir / ".git", ec) || dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return CheckConfig{};
}

absl::StatusOr<std::set<std::string>> ParseBaseline(absl::string_view contents, absl::string_view path) {
  auto j = nlohmann::json::parse(contents, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return absl::InvalidArgumentError(absl::StrCat(path, ": not valid JSON"));
  if (!j.is_object() || !j.contains("fingerprints") || !j["fingerprints"].is_array()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": expected {\"version\": 1, \"fingerprints\": [...]}"));
  }
  std::set<std::string> out;
  for (const auto& f : j["fingerprints"]) {
    if (f.is_string()) {
      out.insert(f.get<std::string>());
    } else if (f.is_object() && f.contains("fingerprint") && f["fingerprint"].is_string()) {
      out.insert(f["fingerprint"].get<std::string>());
    } else {
      return absl::InvalidArgumentError(absl::StrCat(path, ": fingerprints must be strings"));
    }
  }
  return out;
}

std::string RenderBaseline(const CheckResult& result) {
  nlohmann::ordered_json j;
  j["version"] = 1;
  j["draft"] = result.draft_path;
  auto& list = j["fingerprints"] = nlohmann::ordered_json::array();
  for (const CheckFinding& f : result.findings) {
    list.push_back({{"fingerprint", f.fingerprint}, {"verdict", VerdictName(f.verdict)}, {"text", f.text}});
  }
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace claimdiff
