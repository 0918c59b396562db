#!/usr/bin/env bash
# Action step: puts apionly on the PATH of the job's later steps. From ARCHIVE (a path or an https
# URL of a distribution archive, apionly-VERSION.tar.gz) when given, else built from the action's
# own checkout (GITHUB_ACTION_PATH: the apionly sources at the ref the workflow names) with Maven.
set -euo pipefail
: "${RUNNER_TEMP:?}" "${GITHUB_PATH:?}" "${GITHUB_ACTION_PATH:?}"
work="$RUNNER_TEMP/apionly-install"
rm -rf "$work"
mkdir -p "$work"
archive="${ARCHIVE:-}"
if [ -z "$archive" ]; then
  mvn -B -ntp -q -DskipTests -f "$GITHUB_ACTION_PATH/pom.xml" package
  archives=("$GITHUB_ACTION_PATH"/target/apionly-*.tar.gz)
  if [ "${#archives[@]}" -ne 1 ] || [ ! -f "${archives[0]}" ]; then
    echo "apionly action: expected one target/apionly-*.tar.gz after the build, found: ${archives[*]}" >&2
    exit 2
  fi
  archive="${archives[0]}"
elif [[ "$archive" == https://* ]]; then
  curl -fsSL --retry 3 -o "$work/apionly.tar.gz" "$archive"
  archive="$work/apionly.tar.gz"
fi
tar xzf "$archive" -C "$work"
unpacked=("$work"/apionly-*/)
"${unpacked[0]}install.sh" "$RUNNER_TEMP/apionly"
echo "$RUNNER_TEMP/apionly/bin" >> "$GITHUB_PATH"
