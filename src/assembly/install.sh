#!/bin/sh
# Installs this unpacked apionly distribution under PREFIX (default: ~/.local):
#   PREFIX/share/apionly/              the launcher, jar, README and LICENSE, and a class-data
#                                      archive made here for the installed jar and this java
#                                      ($JAVA, else java on the PATH), which halves start-up
#   PREFIX/bin/apionly                 a link to the launcher (put PREFIX/bin on your PATH)
#   PREFIX/share/bash-completion/completions/apionly   completion, loaded by bash-completion
# Usage: ./install.sh [PREFIX]. Running it again replaces an earlier install under that PREFIX.
set -eu

here="$(cd "$(dirname "$0")" && pwd)"
prefix="${1:-${HOME:?HOME is not set; give a PREFIX}/.local}"
case "$prefix" in
  /*) ;;
  *) prefix="$(pwd)/$prefix" ;;
esac
share="$prefix/share/apionly"

if [ ! -f "$here/lib/apionly.jar" ] || [ ! -f "$here/bin/apionly" ]; then
  echo "install.sh: $here is not an unpacked apionly distribution (no lib/apionly.jar)" >&2
  exit 2
fi
if [ "$here" = "$share" ]; then
  echo "install.sh: already installed in $share" >&2
  exit 2
fi

mkdir -p "$share/bin" "$share/lib" "$prefix/bin" "$prefix/share/bash-completion/completions"
# copy beside, then move in, so an apionly running from an earlier install never reads a half file
for file in bin/apionly lib/apionly.jar lib/apionly.classlist README.md LICENSE; do
  cp "$here/$file" "$share/$file.new"
  mv -f "$share/$file.new" "$share/$file"
done
chmod 755 "$share/bin/apionly"

# The archive names the jar by path and modification time and fits one JVM build: made now, for
# the installed jar. Without it (no java yet, or one that cannot dump) apionly runs as well, slower.
rm -f "$share/lib/apionly.jsa"
if "${JAVA:-java}" -Xshare:dump -XX:SharedClassListFile="$share/lib/apionly.classlist" \
  -XX:SharedArchiveFile="$share/lib/apionly.jsa.new" -XX:+UseSerialGC -Xlog:cds=off \
  -cp "$share/lib/apionly.jar" >/dev/null 2>&1; then
  mv -f "$share/lib/apionly.jsa.new" "$share/lib/apionly.jsa"
else
  rm -f "$share/lib/apionly.jsa.new"
  echo "install.sh: no class-data archive made (is java 17 or later on the PATH?); apionly starts slower" >&2
fi
cp "$here/share/bash-completion/completions/apionly" \
  "$prefix/share/bash-completion/completions/apionly"
ln -sf "$share/bin/apionly" "$prefix/bin/apionly"

echo "installed apionly in $share"
echo "linked $prefix/bin/apionly"
case ":${PATH:-}:" in
  *":$prefix/bin:"*) ;;
  *) echo "add $prefix/bin to your PATH, e.g. export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
