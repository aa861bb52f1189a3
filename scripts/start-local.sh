#!/usr/bin/env bash
# Starts Azurite and `churn serve` on this machine and imports the CDNOW data through the ingest path.
# Azurite keeps its data in .azurite/, so a second run finds what the first stored (and imports nothing twice).
# Running it again is safe: a running Azurite or churn serve is kept (with its pid and log), and the import stores
# nothing twice. Stop both with: kill $(cat .azurite/azurite.pid .azurite/churn.pid)
set -euo pipefail
cd "$(dirname "$0")/.."

cdnow=${CDNOW:-../shared/data/cdnow/CDNOW_master.txt}
url=${CHURN_URL:-http://127.0.0.1:7071}
mkdir -p .azurite
# Both hosts read local.settings.json; the sample's placeholder secrets are fine on a developer machine.
[ -f local.settings.json ] || cp local.settings.sample.json local.settings.json

# Azurite runs from node_modules, and the build bundles the dashboard's Chart.js from there.
[ -d node_modules/azurite ] && [ -d node_modules/chart.js ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build src/ChurnFunctions.SelfHost -c Release --nologo -v quiet
churn="dotnet src/ChurnFunctions.SelfHost/bin/Release/net10.0/churn.dll"

if ! (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  node node_modules/azurite/dist/src/azurite.js --silent --location .azurite \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --disableTelemetry --skipApiVersionCheck \
    > .azurite/azurite.log 2>&1 &
  echo $! > .azurite/azurite.pid
  until (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; do sleep 0.2; done
  echo "Azurite is up (data in .azurite/)."
else
  echo "Azurite is already answering on 127.0.0.1:10002; using it."
fi

# A second run finds the first one's server: it keeps that server, its pid and its log, and only imports again.
if curl -sf "$url/api/health" > /dev/null; then
  echo "churn serve is already running: $url/api (pid $(cat .azurite/churn.pid 2>/dev/null || echo unknown), log in .azurite/churn.log)."
elif [ -f .azurite/churn.pid ] && kill -0 "$(cat .azurite/churn.pid)" 2>/dev/null; then
  echo "churn serve (pid $(cat .azurite/churn.pid)) is starting; waiting for it."
  until curl -sf "$url/api/health" > /dev/null; do sleep 0.2; done
else
  $churn serve --urls "$url" > .azurite/churn.log 2>&1 &
  echo $! > .azurite/churn.pid
  until curl -sf "$url/api/health" > /dev/null; do sleep 0.2; done
  echo "churn serve is up: $url/api (log in .azurite/churn.log)."
fi

# Stores every row before it returns (bulk: rows grouped by buyer, several buyers at once) and ends with one summary:
# rows read, stored, duplicates skipped, refused with reasons. A second run stores nothing twice.
$churn import "$cdnow" --format cdnow
key=$(python3 -c "import json;print(json.load(open('local.settings.json'))['Values']['Api__Keys'].split(',')[0])")
echo "Try: curl -H 'x-api-key: $key' '$url/api/customers?platformId=cdnow:14048'"
echo "Dashboard: $url/ (sign in with a read key: Api__ReadKeys, or Api__Keys while that is unset)."
echo "Stop both: kill \$(cat .azurite/azurite.pid .azurite/churn.pid)"
