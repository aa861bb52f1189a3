#!/usr/bin/env bash
# Builds and lints infra/main.bicep with the Bicep CLI that infra/bicep/Bicep.proj pins (a NuGet package, so a clean
# clone needs only the .NET SDK). Bicep exits 0 on warnings, so any diagnostic it prints fails this script: a warning
# here (a name that may be too long, an unused parameter) is a failed or wrong deployment later.
# Usage: scripts/check-infra.sh [dir]  -- with a dir, the compiled ARM template is kept as <dir>/main.json (the deploy
# job deploys that file, so what runs in Azure is what this script checked).
set -euo pipefail
cd "$(dirname "$0")/.."

proj=infra/bicep/Bicep.proj
version=$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' "$proj")
[ -n "$version" ] || { echo "check-infra: no Bicep version found in $proj" >&2; exit 1; }

packages=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
# The restore only downloads the package; once it is in the global packages folder there is nothing to do.
[ -f "$bicep" ] || dotnet restore "$proj" --nologo -v quiet
# NuGet does not always keep the executable bit when it extracts a package.
[ -x "$bicep" ] || chmod u+x "$bicep"

if [ $# -gt 0 ]; then
  out=$1
  mkdir -p "$out"
else
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi

# Fails on a non-zero exit and on any output: clean, both commands print nothing.
check() {
  local diagnostics status=0
  diagnostics=$("$bicep" "$@" 2>&1) || status=$?
  if [ "$status" -ne 0 ] || [ -n "$diagnostics" ]; then
    printf '%s\n' "$diagnostics" >&2
    echo "check-infra: bicep $1 infra/main.bicep: exit $status, diagnostics above" >&2
    return 1
  fi
}

# Side by side: each is mostly the CLI starting up.
check build infra/main.bicep --outfile "$out/main.json" &
build=$!
check lint infra/main.bicep &
lint=$!
failed=0
wait "$build" || failed=1
wait "$lint" || failed=1
[ "$failed" -eq 0 ] || exit 1
echo "check-infra: infra/main.bicep builds and lints with no diagnostic (Bicep $version)"
