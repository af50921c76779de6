// claimdiff align: placeholder until its issue lands; fails with status 2.

#include "cli/cli_common.h"

namespace claimdiff::cli {

Command AddAlignCommand(CLI::App* app) {
  auto* options = new CommonOptions();
  Command command;
  command.app = app->add_subcommand("align", "(not yet available)");
  AddCommonOptions(command.app, options, false);
  command.run = []() -> int { return Fail(absl::UnimplementedError("align is not implemented yet")); };
  return command;
}

}  // namespace claimdiff::cli
