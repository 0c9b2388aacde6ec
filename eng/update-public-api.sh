#!/usr/bin/env bash
# Adds every undeclared public symbol (RS0016) of the given library projects to PublicAPI.Unshipped.txt and removes
# every declared-but-missing one (RS0017). `dotnet format analyzers` does not apply this fix to the multi-target
# projects here, so the names are taken from the analyzer's SARIF properties instead.
# Usage: bash eng/update-public-api.sh src/MedInsurance.Payment.Core [src/...]
set -euo pipefail
for project in "$@"; do
  for tfm in netstandard2.0 net8.0 net10.0; do
    sarif=$(mktemp --suffix .sarif)
    dotnet build "$project" -c Release -f "$tfm" -p:ErrorLog="$sarif%2Cversion=2.1" -p:TreatWarningsAsErrors=false >/dev/null 2>&1 || true
    python3 - "$project" "$tfm" "$sarif" <<'PY'
import json, os, sys
project, tfm, sarif = sys.argv[1:4]
try:
    runs = json.load(open(sarif, encoding="utf-8-sig"))["runs"]
except Exception:
    sys.exit(0)
add, remove = set(), set()
for run in runs:
    for r in run.get("results", []):
        props = r.get("properties", {}).get("customProperties", {})
        if r.get("ruleId") == "RS0016" and "APIName" in props:
            add.add(props["APIName"])
            for s in filter(None, props.get("ApiNamesOfSiblingsToRemove", "").split(";")):
                remove.add(s)
        elif r.get("ruleId") == "RS0017":
            msg = r["message"]["text"]
            if msg.startswith("Symbol '"):
                remove.add(msg[len("Symbol '"):msg.rindex("' is part of")])
per_tfm = os.path.join(project, "PublicAPI", tfm, "PublicAPI.Unshipped.txt")
root = os.path.join(project, "PublicAPI.Unshipped.txt")
def load(p):
    return open(p, encoding="utf-8").read().splitlines() if os.path.exists(p) else []
files = {p: load(p) for p in (root, per_tfm) if os.path.exists(p)}
for p, lines in files.items():
    kept = [l for l in lines if l not in remove]
    if kept != lines:
        files[p] = kept
present = set(l for lines in files.values() for l in lines)
new = sorted(a for a in add if a not in present)
# Signatures that differ by framework (CalendarDate is DateOnly on net10.0, DateTime on netstandard2.0) belong in the
# per-framework file when the project has one.
def framework_specific(a):
    return "System.DateOnly" in a or "System.DateTime" in a
for a in new:
    target = per_tfm if os.path.exists(per_tfm) and framework_specific(a) else root
    files[target] = files.get(target, ["#nullable enable"]) + [a]
for p, lines in files.items():
    header = [l for l in lines if l.startswith("#")]
    body = sorted(set(l for l in lines if l and not l.startswith("#")), key=lambda s: s.replace("~", ""))
    open(p, "w", encoding="utf-8").write("\n".join(header + body) + "\n")
print(f"{project} {tfm}: +{len(new)} -{len(remove)}")
PY
    rm -f "$sarif"
  done
done
