#!/usr/bin/env bash
# Action step: posts the review to the pull request as one comment, edited in place on every later
# push. The comment is found by a marker on its first line, so another bot's comment is never
# overwritten, and by its author: a bot (the workflow's token) or the token's own user. Anyone may
# post a comment that starts with the marker; editing the review into it would put the review under
# that person's name, for them to change afterwards.
set -euo pipefail
: "${MARKDOWN:?}" "${PULL_REQUEST:?}" "${GITHUB_REPOSITORY:?}" "${RUNNER_TEMP:?}"
marker='<!-- apionly review -->'
body="$RUNNER_TEMP/apionly-comment.md"
{
  echo "$marker"
  cat "$MARKDOWN"
} > "$body"
# the workflow's own token is no user's: the call fails, and only a bot's comment is taken
me="$(gh api user --jq .login 2> /dev/null || true)"
existing="$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$PULL_REQUEST/comments" \
  --jq ".[] | select((.body | startswith(\"$marker\"))
    and (.user.type == \"Bot\" or (\"$me\" != \"\" and .user.login == \"$me\"))) | .id" \
  | head -n 1)"
if [ -n "$existing" ]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" \
    -F "body=@$body" > /dev/null
  echo "updated the apionly review comment on pull request #$PULL_REQUEST"
else
  gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$PULL_REQUEST/comments" \
    -F "body=@$body" > /dev/null
  echo "posted the apionly review on pull request #$PULL_REQUEST"
fi
