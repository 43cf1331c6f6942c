# Shared helpers for the end-to-end scripts: checks that count, and a closing "N passed, N failed" line.
passed=0
failed=0
check() {  # check "description" command...
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   $what"
  else
    failed=$((failed + 1))
    echo "FAIL $what"
  fi
}
finish() {
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
}
