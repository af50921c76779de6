// Opens generated HTML reports in headless Chromium: the findings render,
// the page script runs (filters and keyboard navigation work) and no
// console error is logged. Skipped with a warning when /usr/bin/chromium is
// absent.

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "claimdiff/report.h"
#include "testing/report_builders.h"

namespace claimdiff {
namespace {

namespace fs = std::filesystem;

constexpr char kChromium[] = "/usr/bin/chromium";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct BrowserRun {
  int status = -1;
  std::string dom;
  std::string log;
};

// Loads `html` from a file in a fresh profile, with a time limit, and
// returns the serialized DOM after scripts ran plus Chromium's log.
BrowserRun RunChromium(const std::string& html) {
  char templ[] = "/tmp/claimdiff-browser-XXXXXX";
  REQUIRE(mkdtemp(templ) != nullptr);
  fs::path dir(templ);
  {
    std::ofstream out(dir / "report.html", std::ios::binary);
    out << html;
  }
  fs::create_directories(dir / "profile");
  std::string cmd = std::string("timeout 120 ") + kChromium +
                    " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                    " --disable-background-networking --disable-component-update --disable-sync"
                    " --enable-logging=stderr --v=0 --user-data-dir='" +
                    (dir / "profile").string() + "' --dump-dom 'file://" + (dir / "report.html").string() + "' > '" +
                    (dir / "dom.html").string() + "' 2> '" + (dir / "log.txt").string() + "'";
  BrowserRun run;
  run.status = std::system(cmd.c_str());
  run.dom = ReadFile(dir / "dom.html");
  run.log = ReadFile(dir / "log.txt");
  fs::remove_all(dir);
  return run;
}

// Console messages Chromium logged: uncaught exceptions and console.error
// both appear as "CONSOLE" lines ("Uncaught ..." for exceptions).
std::vector<std::string> ConsoleErrors(const std::string& log) {
  std::vector<std::string> out;
  std::istringstream in(log);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("CONSOLE") != std::string::npos || line.find("Uncaught") != std::string::npos) {
      out.push_back(line);
    }
  }
  return out;
}

// Appended after the report's own script: drives the page like a user
// (hide one kind, press j twice) and writes what it saw into the DOM.
constexpr char kHarness[] = R"(<script>
(function () {
  var box = document.querySelector('.filter input[data-kind="agree"]');
  box.checked = false;
  box.dispatchEvent(new Event('change'));
  var visible = document.querySelectorAll('.finding:not([hidden])').length;
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
  var cur = document.querySelector('.finding.current');
  document.body.setAttribute('data-harness', 'visible=' + visible + ';current=' + (cur ? cur.id : 'none'));
})();
</script>
</body>)";

bool HaveChromium() { return ::access(kChromium, X_OK) == 0; }

TEST_CASE("The HTML report renders in headless Chromium without console errors", "[report][browser]") {
  if (!HaveChromium()) {
    WARN("skipped: " << kChromium << " not installed (scripts/setup --with-browser)");
    return;
  }
  testing::ReportBuilder b = testing::GermanTwoSources();
  ReportOptions options;
  options.format = ReportFormat::kHtml;
  std::string html = RenderReport(b.Input(), options);
  const size_t body_end = html.rfind("</body>");
  REQUIRE(body_end != std::string::npos);
  html.replace(body_end, 7, kHarness);

  BrowserRun run = RunChromium(html);
  INFO("chromium log:\n" << run.log);
  REQUIRE(run.status == 0);
  REQUIRE(!run.dom.empty());
  const size_t n = b.comparison().findings.size();
  // The report's script ran to the end.
  CHECK(run.dom.find("data-ready=\"" + std::to_string(n) + "\"") != std::string::npos);
  // Every finding is in the rendered DOM with its label.
  size_t rendered = 0;
  for (size_t pos = run.dom.find("<li class=\"finding "); pos != std::string::npos;
       pos = run.dom.find("<li class=\"finding ", pos + 1)) {
    ++rendered;
  }
  CHECK(rendered == n);
  CHECK(run.dom.find("contradict</span>") != std::string::npos);
  // The article's <script> is text, never run.
  CHECK(run.dom.find("&lt;script&gt;alert('x')&lt;/script&gt;") != std::string::npos);
  // Filtering out the two agreements and pressing j twice selects the second finding.
  CHECK(run.dom.find("data-harness=\"visible=" + std::to_string(n - 2) + ";current=f2\"") != std::string::npos);
  std::vector<std::string> errors = ConsoleErrors(run.log);
  INFO("console: " << ::Catch::Detail::stringify(errors));
  CHECK(errors.empty());
}

TEST_CASE("The browser check notices a page that throws", "[report][browser]") {
  if (!HaveChromium()) {
    WARN("skipped: " << kChromium << " not installed");
    return;
  }
  BrowserRun run = RunChromium(
      "<!DOCTYPE html><html><body><p>x</p><script>undefinedFunctionForTest();</script></body></html>");
  INFO("chromium log:\n" << run.log);
  REQUIRE(run.status == 0);
  CHECK(!ConsoleErrors(run.log).empty());
}

}  // namespace
}  // namespace claimdiff
