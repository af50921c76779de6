// claimdiff: compares news reports claim by claim.
//
// Flags -> subcommand -> library -> output -> exit status. Each subcommand
// lives in its own cmd_<name>.cc.

#include <cstdio>
#include <vector>

#include "CLI/CLI.hpp"
#include "cli/cli_common.h"

int main(int argc, char** argv) {
  using namespace claimdiff::cli;  // NOLINT: file-local in a main file.
  CLI::App app{"claimdiff: compare news reports about the same event, claim by claim.\n"
               "Exit status: 0 no findings at the failure level, 1 findings, 2 trouble.",
               "claimdiff"};
  app.set_version_flag("--version", std::string("claimdiff ") + CLAIMDIFF_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  std::vector<Command> commands = {
      AddSegmentCommand(&app), AddExtractCommand(&app), AddAlignCommand(&app),
      AddCompareCommand(&app), AddCheckCommand(&app),
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitTrouble;
  }
  for (Command& c : commands) {
    if (c.app->parsed()) return c.run();
  }
  return kExitTrouble;
}
