#!/bin/sh
# test-cli.sh: lede-analyze as a user runs it, bad input included (TAP).
cli="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0

ok () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}

# check NAME EXPECTED_STATUS STDERR_PATTERN ARGS...: one clear line on stderr and the status
check () {
  name="$1"; want="$2"; pattern="$3"; shift 3
  "$cli" "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
  lines=$(wc -l <"$tmp/err")
  if [ "$status" -eq "$want" ] && grep -q -- "$pattern" "$tmp/err" && [ "$lines" -le 1 ]; then
    ok 0 "$name"
  else
    ok 1 "$name (status $status, stderr: $(head -c 300 "$tmp/err"))"
  fi
}

printf 'Council approves budget\n\nThe city council approved a budget of $4 million on Tuesday, Mayor Lena Ortiz said.\n' >"$tmp/good.txt"
mkdir "$tmp/dir"
printf 'Bad \303\050 byte\n' >"$tmp/bad-utf8.txt"
printf '\177ELF\002\001\001\000\000\000' >"$tmp/binary.bin"
: >"$tmp/empty.txt"
head -c 3000 /dev/zero | tr '\0' 'a' >"$tmp/big.txt"

echo "1..14"
check "missing file" 1 "no such file" "$tmp/missing.txt"
check "directory" 1 "is a directory" "$tmp/dir"
check "invalid UTF-8 says where" 1 "invalid UTF-8 at line 1, column 5" "$tmp/bad-utf8.txt"
check "binary file" 1 "binary file" "$tmp/binary.bin"
check "empty file" 1 "empty" "$tmp/empty.txt"
check "too large" 1 "too large" --max-size=2K "$tmp/big.txt"
check "bad format" 2 "unknown format" --format=xml "$tmp/good.txt"
check "bad size" 2 "not a size" --max-size=lots "$tmp/good.txt"

"$cli" --format=json "$tmp/missing.txt" "$tmp/good.txt" "$tmp/empty.txt" "$tmp/good.txt" >"$tmp/out" 2>"$tmp/err"
status=$?
docs=$(grep -c '^{"schema":"lede.analysis/1"' "$tmp/out")
errs=$(wc -l <"$tmp/err")
[ "$status" -eq 1 ] && [ "$docs" -eq 2 ] && [ "$errs" -eq 2 ]
ok $? "other files are still analysed (JSON Lines), failures reported, status 1"

"$cli" --format=text "$tmp/good.txt" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] && grep -q "Council approves budget" "$tmp/out" && grep -q "Actors" "$tmp/out" && [ ! -s "$tmp/err" ]
ok $? "text summary"

"$cli" --format=json --pretty - <"$tmp/good.txt" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] && grep -q '^  "schema": "lede.analysis/1",$' "$tmp/out"
ok $? "pretty JSON from standard input"

"$cli" --help >"$tmp/out" 2>&1
[ $? -eq 0 ] && grep -q -- "--format" "$tmp/out" && grep -q -- "--max-size" "$tmp/out" && grep -q "Exit status" "$tmp/out"
ok $? "--help describes options and exit status"

"$cli" --version >"$tmp/out" 2>&1
[ $? -eq 0 ] && grep -q "^lede-analyze [0-9]" "$tmp/out"
ok $? "--version"

"$cli" </dev/null >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "empty" "$tmp/err"
ok $? "empty standard input"

exit $fail
