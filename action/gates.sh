#!/usr/bin/env bash
# Action step: runs apionly's gates on SPECS and records each exit code as a step output (the
# verdict step fails the job after the SARIF upload and the comment, which need these files):
#   generate --check   committed metadata in sync with the specs        (CHECK=true)
#   lint --format sarif  findings for code scanning, in RUNNER_TEMP      (LINT=true)
#   review --base origin/BASE_REF  the change in access, as Markdown     (BASE_REF set)
set -uo pipefail
: "${RUNNER_TEMP:?}" "${GITHUB_OUTPUT:?}" "${SPECS:?}"

if [ "${CHECK:-true}" = true ]; then
  apionly generate --check "$SPECS"
  echo "check=$?" >> "$GITHUB_OUTPUT"
fi

if [ "${LINT:-true}" = true ]; then
  sarif="$RUNNER_TEMP/apionly.sarif"
  notes=()
  if [ "${INCLUDE_NOTES:-false}" = true ]; then
    notes=(--include-notes)
  fi
  # from the checkout root, so the SARIF names files relative to it, as code scanning expects
  specs="$(cd "$SPECS" && pwd)"
  (cd "${GITHUB_WORKSPACE:-.}" && apionly lint "$specs" --format sarif ${notes[@]+"${notes[@]}"}) \
    > "$sarif"
  echo "lint=$?" >> "$GITHUB_OUTPUT"
  echo "sarif=$sarif" >> "$GITHUB_OUTPUT"
fi

if [ -n "${BASE_REF:-}" ]; then
  # the default checkout holds one commit: fetch the base branch's tip for review to read
  if ! git rev-parse --verify --quiet "refs/remotes/origin/$BASE_REF" > /dev/null; then
    git fetch --quiet --no-tags --depth=1 origin \
      "+refs/heads/$BASE_REF:refs/remotes/origin/$BASE_REF"
  fi
  gate=()
  if [ -n "${FAIL_ON:-}" ]; then
    gate=(--fail-on "$FAIL_ON")
  fi
  markdown="$RUNNER_TEMP/apionly-review.md"
  apionly review --base "origin/$BASE_REF" "$SPECS" --format markdown ${gate[@]+"${gate[@]}"} \
    > "$markdown"
  echo "review=$?" >> "$GITHUB_OUTPUT"
  echo "markdown=$markdown" >> "$GITHUB_OUTPUT"
fi
exit 0
