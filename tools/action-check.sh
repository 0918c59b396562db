#!/usr/bin/env bash
# Runs the GitHub Action's steps (action/*.sh, in action.yml's order) as a runner would, on a
# pull request in a temporary repository whose path has spaces: installs apionly by building this
# checkout, checks, lints, reviews with a fail-on gate, posts the comment twice (the second edits
# the first) through a stand-in for gh that records its calls, and reaches the verdict. Then the
# same gates on a spec changed without generating. Exits non-zero at the first expectation missed.
# Usage: bash tools/action-check.sh   (from anywhere; takes a few minutes: it runs mvn package)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
root="$scratch/a runner's temp"
mkdir -p "$root/tmp" "$root/fake-bin"
export RUNNER_TEMP="$root/tmp" GITHUB_ACTION_PATH="$repo" GITHUB_REPOSITORY="acme/salesforce"
export GITHUB_PATH="$root/path" GITHUB_OUTPUT="$root/output"
: > "$GITHUB_PATH"

fail() {
  echo "action-check: $*" >&2
  exit 1
}
output() { # the last value a step gave the output $1
  sed -n "s/^$1=//p" "$GITHUB_OUTPUT" | tail -n 1
}

# Install: the build-from-source path (no ARCHIVE).
ARCHIVE="" bash "$repo/action/install.sh"
apionly_bin="$(cat "$GITHUB_PATH")"
[ -x "$apionly_bin/apionly" ] || fail "install put no apionly in $apionly_bin"
export PATH="$root/fake-bin:$apionly_bin:$PATH"

# A repository with main on a remote, and a pull request that gives an object delete access.
git init --quiet --bare "$root/origin.git"
work="$root/workspace"
git init --quiet -b main "$work"
cd "$work"
git config user.email ci@acme.example
git config user.name CI
cp "$repo/sfdx-project.json" .
mkdir specs
cp "$repo"/examples/*.yaml specs/
cp -R "$repo/examples/certs" specs/
apionly generate --quiet specs
git add -A
git commit --quiet -m base
git remote add origin "$root/origin.git"
git push --quiet origin main
git checkout --quiet -b widen
perl -0pi -e 's/  Product2:\n    access: read\n/  Product2:\n    access: [read, delete]\n    justification: Old rows are purged.\n/' \
  specs/warehouse-extract.yaml
grep -q "delete" specs/warehouse-extract.yaml || fail "the fixture edit did not apply"
apionly generate --quiet specs
git commit --quiet -am widen
export GITHUB_WORKSPACE="$work"

# Gates, as the pull request's run does them.
: > "$GITHUB_OUTPUT"
SPECS=specs CHECK=true LINT=true BASE_REF=main FAIL_ON=HIGH bash "$repo/action/gates.sh"
[ "$(output check)" = 0 ] || fail "generate --check: $(output check), expected 0"
[ "$(output lint)" = 0 ] || fail "lint: $(output lint), expected 0"
[ "$(output review)" = 1 ] || fail "review --fail-on HIGH: $(output review), expected 1 (tripped)"
sarif="$(output sarif)"
grep -q '"version": "2.1.0"' "$sarif" || fail "no SARIF in $sarif"
if grep -q '"ruleId": "implied-grant"' "$sarif"; then fail "notes in the SARIF without include-notes"; fi
markdown="$(output markdown)"
grep -q 'tripped' "$markdown" || fail "the review does not say the gate tripped: $(cat "$markdown")"

# With include-notes, the implied grants, named relative to the checkout as code scanning wants.
: > "$GITHUB_OUTPUT"
SPECS=specs CHECK=false LINT=true INCLUDE_NOTES=true bash "$repo/action/gates.sh"
grep -q '"ruleId": "implied-grant"' "$(output sarif)" || fail "include-notes uploads no notes"
grep -q '"uri": "specs/' "$(output sarif)" || fail "SARIF paths are not relative to the checkout"

# The comment: posted once, then edited. The stand-in answers the comment search by running the
# step's own --jq filter (with jq) over the pull request's comments: first a contributor's that
# starts with the marker (a forged review, which must never be edited into the real one's place),
# another bot's that does too, then, once posted, the bot's own as id 4242.
cat > "$root/fake-bin/gh" <<'GH'
#!/usr/bin/env bash
echo "$*" >> "$RUNNER_TEMP/gh-calls"
if [[ "$*" == *--paginate* ]]; then
  filter=""
  while [ $# -gt 0 ]; do
    if [ "$1" = --jq ]; then filter="$2"; fi
    shift
  done
  comments='[{"id": 1111, "user": {"login": "mallory", "type": "User"},
    "body": "<!-- apionly review -->\nNo change in access."},
    {"id": 3333, "user": {"login": "other-app[bot]", "type": "Bot"},
    "body": "<!-- apionly review -->\nAnother bot'"'"'s comment."}'
  if [ -f "$RUNNER_TEMP/gh-posted" ]; then
    comments="$comments"', {"id": 4242, "user": {"login": "github-actions[bot]", "type": "Bot"},
      "body": "<!-- apionly review -->\nthe review"}'
  fi
  echo "$comments]" | jq -r "$filter"
elif [[ "$*" == "api user"* ]]; then
  exit 1 # as for the workflow's own token, which is no user's
elif [[ "$*" == *"--method POST"* ]]; then
  touch "$RUNNER_TEMP/gh-posted"
fi
GH
chmod +x "$root/fake-bin/gh"
for _ in 1 2; do
  MARKDOWN="$markdown" PULL_REQUEST=7 bash "$repo/action/comment.sh"
done
calls="$RUNNER_TEMP/gh-calls"
[ "$(grep -c -- '--method POST repos/acme/salesforce/issues/7/comments' "$calls")" = 1 ] \
  || fail "expected one new comment: $(cat "$calls")"
[ "$(grep -c -- '--method PATCH repos/acme/salesforce/issues/comments/4242' "$calls")" = 1 ] \
  || fail "expected the second run to edit the first comment: $(cat "$calls")"
if grep -q -- 'comments/1111\|comments/3333' "$calls"; then
  fail "the review was written over another's comment that carries the marker: $(cat "$calls")"
fi
head -n 1 "$RUNNER_TEMP/apionly-comment.md" | grep -q '<!-- apionly review -->' \
  || fail "the comment does not start with its marker"
# comment-author in another letter case still finds the bot's own comment; an app's token without
# comment-author is warned about
: > "$calls"
COMMENT_AUTHOR='GitHub-Actions[bot]' MARKDOWN="$markdown" PULL_REQUEST=7 \
  bash "$repo/action/comment.sh" > /dev/null
grep -q -- '--method PATCH repos/acme/salesforce/issues/comments/4242' "$calls" \
  || fail "comment-author in another case did not find the comment: $(cat "$calls")"
DEFAULT_TOKEN=false MARKDOWN="$markdown" PULL_REQUEST=7 bash "$repo/action/comment.sh" \
  > "$root/app-token" 2>&1
grep -q '::warning title=apionly::set the action.s comment-author' "$root/app-token" \
  || fail "no warning for an app token without comment-author: $(cat "$root/app-token")"

# The verdict fails the job on the tripped gate, naming it.
if CHECK_EXIT=0 LINT_EXIT=0 REVIEW_EXIT=1 bash "$repo/action/verdict.sh" > "$root/verdict"; then
  fail "the verdict passed a tripped gate"
fi
grep -q '::error title=apionly::the change gives access' "$root/verdict" || fail "$(cat "$root/verdict")"
CHECK_EXIT=0 LINT_EXIT=0 REVIEW_EXIT=0 bash "$repo/action/verdict.sh" || fail "the verdict failed clean gates"

# A spec changed without generating: the check gate trips; no base, so no review.
echo "apexClasses: [Extra_Handler]" >> specs/warehouse-extract.yaml
: > "$GITHUB_OUTPUT"
SPECS=specs CHECK=true LINT=false BASE_REF="" bash "$repo/action/gates.sh" > /dev/null
[ "$(output check)" = 1 ] || fail "generate --check after an edit: $(output check), expected 1"
[ -z "$(output review)" ] || fail "review ran without a base"
echo "action-check: the action's steps work end to end"
