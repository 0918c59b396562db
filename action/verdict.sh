#!/usr/bin/env bash
# Action step: fails the job when a gate did, naming each; after the upload and the comment, so a
# failing run still shows its findings. Exit codes are apionly's: 1 a gate, 2 bad input.
set -euo pipefail
failed=0
report() {
  local code="$1" what="$2"
  if [ -n "$code" ] && [ "$code" != 0 ]; then
    echo "::error title=apionly::$what (exit $code)"
    failed=1
  fi
}
report "${CHECK_EXIT:-}" "generated metadata is out of date with the specs: run 'apionly generate' and commit the result"
report "${LINT_EXIT:-}" "lint found errors: see the code-scanning alerts or run 'apionly lint'"
report "${REVIEW_EXIT:-}" "the change gives access at or above the fail-on level, or review could not read the specs"
exit "$failed"
