#!/usr/bin/env bash
# Publishes src/ChurnFunctions and zips it into the package the deploy job sends to Azure (Flex Consumption runs the
# pre-built zip; there is no remote build). Fails if the package lacks what the Functions host needs to start the worker
# and index the functions, or if it holds a local.settings.json (developer secrets).
# Usage: scripts/publish-functions.sh [--no-build] [output dir, default artifacts]
#   -> <dir>/functions/ and <dir>/churnfunctions.zip. --no-build reuses a Release build of the solution (as .ci/run
#   does after the tests): the package is the same, in a fraction of the time.
set -euo pipefail
cd "$(dirname "$0")/.."

build=()
if [ "${1:-}" = --no-build ]; then build=(--no-build); shift; fi
out=${1:-artifacts}
app="$out/functions"
rm -rf "$app" "$out/churnfunctions.zip"
mkdir -p "$out"
zip=$(cd "$out" && pwd)/churnfunctions.zip

# NU1603 (the mirror resolves a nearby version) is silenced in Directory.Build.props, but that does not reach the
# WorkerExtensions project the Functions SDK generates and restores in obj/.
dotnet publish src/ChurnFunctions -c Release -o "$app" --nologo -v quiet -nowarn:NU1603 "${build[@]}"

missing=()
# host.json: the host's configuration; worker.config.json + ChurnFunctions.dll: how it starts the worker;
# functions.metadata: the function index; extensions.json + .azurefunctions/: the host-side binding extensions.
for file in host.json worker.config.json ChurnFunctions.dll functions.metadata extensions.json; do
  [ -s "$app/$file" ] || missing+=("$file")
done
[ -n "$(ls -A "$app/.azurefunctions" 2>/dev/null)" ] || missing+=(".azurefunctions/")
if [ "${#missing[@]}" -ne 0 ]; then
  echo "publish-functions: $app lacks ${missing[*]}" >&2
  exit 1
fi
if [ -n "$(find "$app" -name 'local.settings*.json' -print -quit)" ]; then
  echo "publish-functions: $app holds $(find "$app" -name 'local.settings*.json' | tr '\n' ' ')(settings stay local)" >&2
  exit 1
fi

# Zipped from inside the folder: host.json must sit at the package root. -X leaves out extra file attributes.
(cd "$app" && zip -qrX "$zip" .)
echo "publish-functions: $out/churnfunctions.zip ($(du -k "$zip" | cut -f1) KiB, $(find "$app" -type f | wc -l) files)"
