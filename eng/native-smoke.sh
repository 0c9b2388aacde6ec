#!/usr/bin/env bash
# The native medpay (Native AOT, `-p:MedpayNative=true`, docs/performance.md "A native medpay") must write exactly what
# the framework-dependent build writes. Publishes it, makes the benchmark files (1 000 000 cases with their compiled
# CHS-DRG 1.1 pack, hospitals and DIP catalog; 500 000 outpatient item lines), runs the batch commands with both builds
# and compares every output file byte for byte and every exit code. Needs ../shared, the Release build (.ci/run builds
# it first) and a C toolchain for the native link (gcc or clang).
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "native: publish"
dotnet publish src/MedInsurance.Payment.Cli -c Release -r linux-x64 -p:MedpayNative=true -o "$work/native" --nologo -v quiet
jit=(dotnet "$PWD/src/MedInsurance.Payment.Cli/bin/Release/net10.0/medpay.dll")
native=("$work/native/medpay")

echo "native: input files"
dotnet run -c Release --no-build --project benchmarks/MedInsurance.Payment.Benchmarks -- write-case-files "$work/in" >/dev/null
dotnet run -c Release --no-build --project benchmarks/MedInsurance.Payment.Benchmarks -- write-outpatient-files "$work/op" 500000 >/dev/null

run() {
  local name=$1 out=$2; shift 2
  mkdir -p "$out"
  step() { # step <label> <folder> <arguments…>: runs medpay there and records its exit code
    local label=$1 dir=$2 rc=0; shift 2
    (cd "$dir" && "${medpay[@]}" "$@" 2>/dev/null) || rc=$?
    echo "$label $rc" >>"$out/exit"
  }
  local medpay=("$@")
  step "drg group" "$work/in" drg group -r pack.json -e chs-drg-1.1 -i cases.csv -o "$out/drg.csv"
  step "dip score" "$work/in" dip score --catalog catalog.json --hospitals hospitals.csv --profile national-dip-1.0 -i cases.csv -o "$out/dip.csv" --trace "$out/dip-trace.csv"
  step "cases check" "$work/in" cases check -i cases.csv -o "$out/cases-check.csv"
  step "monitor" "$work/in" monitor --cases cases.csv --results "$out/drg.csv" --hospitals hospitals.csv --output "$out/monitor"
  step "outpatient group" "$work/op" outpatient group --table table.json --hospitals hospitals.csv --input items.csv --output "$out/outpatient"
  echo "native: $name exit codes: $(tr '\n' ';' <"$out/exit")"
}

run framework-dependent "$work/out-jit" "${jit[@]}"
run native "$work/out-native" "${native[@]}"

if ! diff -r "$work/out-jit" "$work/out-native" >/dev/null; then
  echo "native: outputs differ:"
  diff -rq "$work/out-jit" "$work/out-native" || true
  exit 1
fi

files=$(find "$work/out-jit" -type f | wc -l)
echo "native: the native build wrote the same $files files and exit codes as the framework-dependent build"
