#!/usr/bin/env bash
# Action step: posts the review to the pull request as one comment, edited in place on every later
# push. The comment is found by a marker on its first line and by its author: the login given as
# COMMENT_AUTHOR, else the token's own user, else github-actions[bot] (the workflow's own token is
# no user's). Anyone, person or bot, may post a comment that starts with the marker; editing the
# review into it would put the review under their name, for them to change afterwards.
set -euo pipefail
: "${MARKDOWN:?}" "${PULL_REQUEST:?}" "${GITHUB_REPOSITORY:?}" "${RUNNER_TEMP:?}"
marker='<!-- apionly review -->'
body="$RUNNER_TEMP/apionly-comment.md"
{
  echo "$marker"
  cat "$MARKDOWN"
} > "$body"
author="${COMMENT_AUTHOR:-}"
if [ -z "$author" ]; then
  author="$(gh api user --jq .login 2> /dev/null || true)"
fi
if [ -z "$author" ]; then
  if [ "${DEFAULT_TOKEN:-true}" != true ]; then
    # an app's installation token is no user's either, and its login cannot be asked for
    echo "::warning title=apionly::set the action's comment-author input to the login of the app" \
      "whose token posts the review (e.g. my-app[bot]); without it, its earlier review comment is" \
      "not found and a new one is posted"
  fi
  author="github-actions[bot]"
fi
# GitHub logins are compared ignoring case
existing="$(AUTHOR="$author" gh api --paginate \
  "repos/$GITHUB_REPOSITORY/issues/$PULL_REQUEST/comments" \
  --jq ".[] | select((.body | startswith(\"$marker\"))
    and (.user.login | ascii_downcase) == (env.AUTHOR | ascii_downcase)) | .id" \
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
