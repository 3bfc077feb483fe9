#include <malloc.h>

#include <iostream>

#include "cli/commands.h"
#include "match/score_tsv.h"

namespace taawun::cli {

void add_score_command(CLI::App& app) {
  auto* command = app.add_subcommand(
      "score",
      "Score name pairs: TSV on stdin with columns left_name, left_dob, right_name, right_dob; "
      "one 'score<TAB>decision' line per pair on stdout");
  command->callback([] {
    std::ios::sync_with_stdio(false);
    // The scoring threads allocate and free prepared names chunk after chunk; growing and trimming
    // their heaps in 64 MiB steps instead of page by page saves a quarter of the run (measured).
    mallopt(M_TOP_PAD, 64 << 20);
    std::cin.tie(nullptr);  // no flush of the output before every line read
    const int status = match::score_tsv(std::cin, std::cout, std::cerr);
    std::cout.flush();
    if (status != 0) throw CLI::RuntimeError(status);
  });
}

}  // namespace taawun::cli
