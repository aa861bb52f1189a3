#!/usr/bin/env bash
# Publishes `churn-fit`, the fit command alone as a native AOT executable: no runtime start-up and no JIT, so a fit of
# the CDNOW file from the shell costs little more than the fit itself. Same options and output as `churn fit`.
# Usage: scripts/publish-fit.sh [output dir, default artifacts/churn-fit] -> <dir>/churn-fit
# Native AOT links with clang by default; where clang is missing (as on this project's machines), gcc does it.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-artifacts/churn-fit}
linker=()
if ! command -v clang > /dev/null; then
  command -v gcc > /dev/null || { echo "publish-fit: native AOT needs clang or gcc (apt-get install clang)" >&2; exit 1; }
  linker=(-p:CppCompilerAndLinker=gcc)
fi

rid=linux-x64
[ "$(uname -m)" = aarch64 ] && rid=linux-arm64
dotnet publish src/ChurnFunctions.Fit -c Release -r "$rid" -o "$out" --nologo -v quiet "${linker[@]}"
echo "publish-fit: $out/churn-fit"
