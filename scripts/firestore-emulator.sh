#!/usr/bin/env bash
# Starts Google's Firestore emulator on 127.0.0.1 for local use, and prints how to point the portal at it.
# Usage: scripts/firestore-emulator.sh [port]      (default 8686; Ctrl+C stops it)
set -euo pipefail
port="${1:-8686}"

if ! command -v gcloud >/dev/null 2>&1 || [[ ! -d "$(gcloud info --format='value(installation.sdk_root)' 2>/dev/null)/platform/cloud-firestore-emulator" ]]; then
  echo "Google's Firestore emulator is missing: install the Debian package google-cloud-cli-firestore-emulator" >&2
  exit 1
fi

cat >&2 <<EOT
Firestore emulator on 127.0.0.1:$port. In another terminal, run the portal against it:

  Firestore__EmulatorHost=127.0.0.1:$port Firestore__ProjectId=demo-sessions dotnet run --project Sessions.Web

EOT
exec gcloud emulators firestore start --host-port="127.0.0.1:$port"
