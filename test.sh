#!/usr/bin/env bash
# Runs every test: unit tests, feature verification, and the Pax Exam tests against the assembled distribution.
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh test
exec mvn -B install "$@"
