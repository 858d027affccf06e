#!/usr/bin/env bash
# Prints the directory of a Node.js binary of the version in .node-version, for the front of PATH: the machine's own when
# its major version matches, otherwise the official build the Node project's binaries are republished as on the npm
# registry (node-<os>-<arch>, the packages behind npm's `node` package), fetched once into ~/.cache/agora.
# CI (.ci/run) and `npm test` run on it: Node 20 reached its end of life in April 2026, and the server measured a third
# less CPU a request on Node 24 (README, "Operating Agora").
set -euo pipefail
cd "$(dirname "$0")/.."
want=$(tr -d ' \n' < .node-version)
if command -v node > /dev/null && [[ $(node -p 'process.versions.node.split(".")[0]') == "${want%%.*}" ]]; then
  dirname "$(command -v node)"
  exit 0
fi
case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) echo "Install Node.js $want (see .node-version): no build of it is fetched for $(uname -s)." >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "Install Node.js $want (see .node-version): no build of it is fetched for $(uname -m)." >&2; exit 1 ;;
esac
dir="${XDG_CACHE_HOME:-$HOME/.cache}/agora/node-v$want-$os-$arch"
if [[ ! -x "$dir/bin/node" ]]; then
  echo "Fetching Node.js $want ($os-$arch) from the npm registry…" >&2
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-$os-$arch@$want" > /dev/null && tar xzf "node-$os-$arch-$want.tgz")
  got=$("$tmp/package/bin/node" --version)
  if [[ $got != "v$want" ]]; then
    echo "The fetched Node.js says it is $got, not v$want." >&2
    exit 1
  fi
  mkdir -p "$(dirname "$dir")"
  # Another run may have put it there first: either copy is the same build.
  mv -T "$tmp/package" "$dir" 2> /dev/null || [[ -x "$dir/bin/node" ]]
fi
echo "$dir/bin"
