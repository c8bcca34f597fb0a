#!/usr/bin/env bash
# Token building, ours against Agora's npm reference (agora-token, pinned in Sessions.Benchmarks/node-reference) in one
# run on this machine: each builds RTC publisher tokens in a tight loop on one thread pinned to the same core, in turns,
# ROUNDS times. Prints both figures per round and writes them to docs/tokens.json (docs/performance.md, "Issue #7").
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="$(mktemp -d)"
seconds="${SECONDS_PER_RUN:-10}"
rounds="${ROUNDS:-3}"
core="${CORE:-1}"
source scripts/portal.sh

echo "==> Building (Release) and installing the Node reference"
dotnet build Sessions.Benchmarks -c Release -v quiet -nologo -clp:ErrorsOnly
npm ci --prefix Sessions.Benchmarks/node-reference --no-audit --no-fund --loglevel=error > /dev/null

wait_for_quiet_machine
for round in $(seq "$rounds"); do
  taskset -c "$core" dotnet Sessions.Benchmarks/bin/Release/net10.0/Sessions.Benchmarks.dll throughput "$seconds" | tee -a "$work/dotnet.jsonl"
  (cd Sessions.Benchmarks/node-reference && taskset -c "$core" node token-throughput.mjs "$seconds") | tee -a "$work/node.jsonl"
done

python3 - "$work" "$core" "$(cat "$work/load.txt")" > docs/tokens.json <<'PY'
import json, sys, statistics
work, core, load = sys.argv[1:]
def runs(name):
    return [json.loads(line) for line in open(f"{work}/{name}.jsonl")]
result = {"scenario": "tokens", "pinnedToCore": int(core), "loadBefore": load}
for name in ("dotnet", "node"):
    rounds = runs(name)
    result[name] = {"builder": rounds[0]["builder"], "tokensPerSecond": [r["tokensPerSecond"] for r in rounds],
                    "median": statistics.median(r["tokensPerSecond"] for r in rounds)}
result["ratio"] = round(result["dotnet"]["median"] / result["node"]["median"], 2)
print(json.dumps(result, indent=2))
PY
cat docs/tokens.json
