#!/usr/bin/env bash
# Installs what the real-VS-Code tests and `npm start` (without desktop VS Code) need, from Debian's packages and the
# npm registry only: Debian's chromium, ripgrep and libkrb5-dev, and code-server (VS Code 1.100.3 in a browser).
# Idempotent: does nothing when everything is already there. Output goes to .vscode-test/install.log.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HOME_DIR=$ROOT/.vscode-test
# 4.100.3 is the newest code-server whose engines accept Node 20 (later releases need Node 22 or 24).
CS_VERSION=${CS_VERSION:-4.100.3}
CS_DIR=$HOME_DIR/code-server
CS_BIN=$CS_DIR/node_modules/.bin/code-server
mkdir -p "$HOME_DIR"

need_apt=()
for pkg in chromium ripgrep libkrb5-dev; do dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg"); done
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "[install] apt-get install ${need_apt[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "[install] missing Debian packages: ${need_apt[*]} (run: sudo apt-get install -y ${need_apt[*]})" >&2; exit 1
  fi
fi

if [ -x "$CS_BIN" ] && [ "$(XDG_CONFIG_HOME="$HOME_DIR/xdg" XDG_DATA_HOME="$HOME_DIR/xdg" "$CS_BIN" --version 2>/dev/null | head -1 | cut -d' ' -f1)" = "$CS_VERSION" ]; then
  exit 0
fi
echo "[install] code-server $CS_VERSION into $CS_DIR (about a minute; native modules build from source)"
# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the tarball; seed the cache
# with Debian's rg (1.15.11 / v13.0.0-10 are the versions code-server 4.100.3 pins).
TMP=$HOME_DIR/tmp
RG_CACHE=$TMP/vscode-ripgrep-cache-1.15.11
if [ ! -f "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
  mkdir -p "$RG_CACHE" "$HOME_DIR/rgstage" && cp /usr/bin/rg "$HOME_DIR/rgstage/rg"
  tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$HOME_DIR/rgstage" rg
fi
mkdir -p "$CS_DIR"
[ -f "$CS_DIR/package.json" ] || echo '{"name":"cnc-code-server","private":true}' > "$CS_DIR/package.json"
# unsafe_perm: code-server's postinstall refuses to run as root otherwise;
# yes: node-pty's postinstall runs `npx node-gyp`, and ~/.npmrc may say yes=false.
if ! (cd "$CS_DIR" && TMPDIR=$TMP npm_config_yes=true npm_config_unsafe_perm=true \
      npm install --no-audit --no-fund --no-save "code-server@$CS_VERSION" > "$HOME_DIR/install.log" 2>&1); then
  tail -40 "$HOME_DIR/install.log" >&2; exit 1
fi
echo "[install] $(XDG_CONFIG_HOME="$HOME_DIR/xdg" XDG_DATA_HOME="$HOME_DIR/xdg" "$CS_BIN" --version | head -1)"
