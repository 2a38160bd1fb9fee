#!/bin/sh
# bench-cli.sh BUILDDIR [ARTICLE]: how long lede-analyze takes, start to finish, on one article.
# Uses hyperfine when it is installed, else times 50 runs itself.
set -eu
build="${1:-build}"
article="${2:-$(dirname "$0")/../../resources/core/sample/sample-article.txt}"
cli="$build/src/cli/lede-analyze"
printf 'article: %s (%s bytes)\n' "$article" "$(wc -c <"$article")"
if command -v hyperfine >/dev/null 2>&1; then
  exec hyperfine -N --warmup 5 --runs 50 "$cli --format=json $article"
fi
for i in 1 2 3 4 5; do "$cli" --format=json "$article" >/dev/null; done
start=$(date +%s%N)
for i in $(seq 50); do "$cli" --format=json "$article" >/dev/null; done
end=$(date +%s%N)
echo "mean $(( (end - start) / 50000 )) µs per run over 50 runs"
