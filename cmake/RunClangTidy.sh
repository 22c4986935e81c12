#!/bin/sh
# RunClangTidy.sh CLANG_TIDY BUILD_DIR SOURCE_DIR JOBS
# The `clang-tidy` lint test: clang-tidy over every .cpp of app/ and ui/ with the build's
# compile_commands.json, JOBS at a time; the checks and WarningsAsErrors are in .clang-tidy.
# Each file's report is printed whole, so two runs never interleave their lines.
set -eu
tidy=$1 build=$2 src=$3 jobs=$4
[ -f "$build/compile_commands.json" ] || { echo "no $build/compile_commands.json"; exit 1; }
cd "$src"
started=$(date +%s)
find app ui -name '*.cpp' | sort >"$build/clang-tidy-files.txt"
count=$(wc -l <"$build/clang-tidy-files.txt")
status=0
# shellcheck disable=SC2016 # $0 and $1 belong to the inner shell
xargs -P "$jobs" -n 1 sh -c 'out=$("$0" -p "'"$build"'" --quiet "$1" 2>&1) && exit 0
    printf "%s\n" "$out"; exit 1' "$tidy" <"$build/clang-tidy-files.txt" || status=1
echo "clang-tidy: $count files in $(($(date +%s) - started)) s, $jobs at a time$([ $status = 0 ] && echo ', clean' || echo ', FAILED')"
exit $status
