# Sourced by .ci/run: reads the README's commands, so that CI runs what a new user is told to run, not a copy of it.
#   readme_blocks          every line of the README's ```bash blocks, as "<block number><TAB><line>"
#   readme_command N       line N of the first block (1: the run command, 2: the test command), without its comment
#   readme_walkthrough     the blocks after the first, in order: the walkthrough of "Using the API"
# Each reads the whole README in one awk, with no early exit in a pipe (under pipefail, a reader that stops early
# kills its writer with SIGPIPE).

readme_blocks() {
  awk '/^```bash[[:space:]]*$/ {block++; inside = 1; next} /^```/ {inside = 0; next} inside {print block "\t" $0}' README.md
}

readme_command() {
  awk -v wanted="$1" '
    /^```bash[[:space:]]*$/ {block++; inside = 1; next}
    /^```/ {inside = 0; next}
    inside && block == 1 && ++line == wanted {sub(/[[:space:]]*#.*$/, ""); print}' README.md
}

readme_walkthrough() {
  awk '/^```bash[[:space:]]*$/ {block++; inside = 1; next} /^```/ {inside = 0; next} inside && block > 1 {print}' README.md
}
