// -o FILE through the real binary when FILE is not a plain file: a symbolic
// link or a FIFO is written through and stays what it was (renaming the
// temporary file over it, as for a plain file, would replace it; run as
// root on -o /dev/null, that replaced the device).

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "testing/run_cli.h"

namespace claimdiff {
namespace {

namespace fs = std::filesystem;

fs::path FreshDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / "claimdiff_tests" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path WriteInput(const fs::path& dir) {
  fs::path input = dir / "a.txt";
  std::ofstream(input, std::ios::binary) << "Der Kreml teilte am Donnerstag mit, Kim werde erwartet.\n";
  return input;
}

TEST_CASE("Output through a symbolic link (-o) writes its target and keeps the link", "[cli]") {
  const fs::path dir = FreshDir("output_symlink");
  const fs::path input = WriteInput(dir);
  const fs::path target = dir / "target.jsonl";
  const fs::path link = dir / "link.jsonl";
  std::ofstream(target, std::ios::binary) << "OLD\n";
  fs::create_symlink(target, link);

  auto r = testing::RunClaimdiff(absl::StrCat("segment '", input.string(), "' -o '", link.string(), "'"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(fs::is_symlink(link));
  const std::string written = Slurp(target);
  CHECK(written.rfind("{\"id\":\"a\"", 0) == 0);
  CHECK(written.find("OLD") == std::string::npos);
}

TEST_CASE("Output to a FIFO (-o) goes into it and keeps the FIFO", "[cli]") {
  const fs::path dir = FreshDir("output_fifo");
  const fs::path input = WriteInput(dir);
  const fs::path fifo = dir / "out.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Opened for reading and writing, so that neither this open nor the
  // command's blocks; the line fits in the pipe's buffer.
  const int fd = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
  REQUIRE(fd >= 0);

  auto r = testing::RunClaimdiff(absl::StrCat("segment '", input.string(), "' -o '", fifo.string(), "'"));
  std::string received;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) received.append(buffer, static_cast<size_t>(n));
  ::close(fd);
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(fs::is_fifo(fifo));
  CHECK(received.rfind("{\"id\":\"a\"", 0) == 0);
}

}  // namespace
}  // namespace claimdiff
