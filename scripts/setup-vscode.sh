#!/usr/bin/env bash
# Install a real VS Code (code-server 4.100.3 = VS Code 1.100, runs on Node 20) plus Debian's Chromium,
# ripgrep and a CJK font (fonts-wqy-zenhei), for the end-to-end tests (test/e2e) and `npm run demo:vscode`.
#
# Idempotent: a stamp file records a finished install; a second run only checks and exits.
# Needs only the npm registry and Debian's apt mirrors: the ordinary `npm install -g code-server` downloads
# ripgrep from the internet (and refuses to run its postinstall as root), and @vscode/test-electron downloads
# VS Code itself at run time, so neither works where only those two are reachable.
#
#   bash scripts/setup-vscode.sh            # install what is missing
#   EP_VSCODE_DIR=/some/dir bash scripts/...  # install somewhere else (default: <repo>/.vscode-test)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="${EP_VSCODE_DIR:-$ROOT/.vscode-test}"
DEST="$BASE/code-server"
PKG="$DEST/package"
STAMP="$DEST/.installed-$CODE_SERVER_VERSION"
start=$(date +%s)

log() { printf '[setup-vscode] %s\n' "$*" >&2; }

# --- Debian packages: chromium (driven by playwright-core), ripgrep (VS Code's file search), … ----------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
# a C++ toolchain: argon2 (code-server's password hashing, loaded at start-up) is built from source here,
# since its prebuilt binary would come from GitHub (only needed until code-server is installed)
if [ ! -f "$STAMP" ]; then
  command -v g++ >/dev/null 2>&1 || missing+=(g++)
  command -v make >/dev/null 2>&1 || missing+=(make)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
fi
# a CJK font, so Chinese text renders in the workbench, the panel and the screenshots (not as boxes)
{ command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh | grep -q .; } || missing+=(fonts-wqy-zenhei)
if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null 2>&1; then
    log "missing ${missing[*]} and no apt-get: install them yourself"; exit 1
  fi
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
RG="$(command -v rg)"

link_rg() {
  local bin="$PKG/lib/vscode/node_modules/@vscode/ripgrep/bin"
  mkdir -p "$bin"
  ln -sfn "$RG" "$bin/rg"
}

if [ -f "$STAMP" ] && [ -f "$PKG/out/node/entry.js" ]; then
  link_rg # cheap; keeps the link right if rg moved
  log "code-server $CODE_SERVER_VERSION already installed in $DEST ($(( $(date +%s) - start ))s)"
  exit 0
fi

# --- code-server, installed by hand (its postinstall wants --unsafe-perm as root and downloads ripgrep) --
log "installing code-server $CODE_SERVER_VERSION into $DEST"
rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null
tar -xzf "code-server-$CODE_SERVER_VERSION.tgz"
rm -f "code-server-$CODE_SERVER_VERSION.tgz"

npm_install() { # dir
  log "npm install in ${1#"$DEST"/}"
  (cd "$1" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
}
npm_install "$PKG"
log "npm rebuild argon2 (native, needed at start-up)"
(cd "$PKG" && npm rebuild argon2 --build-from-source --loglevel=error >/dev/null)
npm_install "$PKG/lib/vscode"
npm_install "$PKG/lib/vscode/extensions"
ln -sfn node_modules "$PKG/lib/vscode/node_modules.asar"
link_rg

# smoke check: the server prints its version without starting
node "$PKG/out/node/entry.js" --version >/dev/null

touch "$STAMP"
log "done in $(( $(date +%s) - start ))s"
