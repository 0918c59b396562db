#!/usr/bin/env bash
# Action step: posts the review to the pull request as one comment, edited in place on every later
# push. The comment is found by a marker on its first line, not by author, so another bot's comment
# is never overwritten.
set -euo pipefail
: "${MARKDOWN:?}" "${PULL_REQUEST:?}" "${GITHUB_REPOSITORY:?}" "${RUNNER_TEMP:?}"
marker='<!-- apionly review -->'
body="$RUNNER_TEMP/apionly-comment.md"
{
  echo "$marker"
  cat "$MARKDOWN"
} > "$body"
existing="$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$PULL_REQUEST/comments" \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)"
if [ -n "$existing" ]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" \
    -F "body=@$body" > /dev/null
  echo "updated the apionly review comment on pull request #$PULL_REQUEST"
else
  gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$PULL_REQUEST/comments" \
    -F "body=@$body" > /dev/null
  echo "posted the apionly review on pull request #$PULL_REQUEST"
fi
