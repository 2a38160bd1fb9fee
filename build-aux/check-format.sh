#!/bin/sh
# check-format.sh: fails when a C file under src/ or tests/ is not as .clang-format says (TAP).
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
files=$(find src tests -name '*.[ch]' | sort)
n=0
fail=0
echo "1..$(echo "$files" | wc -l)"
for f in $files; do
  n=$((n + 1))
  if clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "ok $n - $f"
  else
    echo "not ok $n - $f is not formatted (run: clang-format -i $f)"
    fail=1
  fi
done
exit $fail
