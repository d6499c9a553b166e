#!/usr/bin/env bash
# Runs the Oreka platform in the foreground (Karaf console) with embedded Derby: builds it first when
# needed, and keeps configuration (etc/) and data (data/: database, recordings) in runtime/oreka across runs.
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh run

assembly=$(ls karaf-assembly/target/karaf-assembly-*.tar.gz 2>/dev/null | head -n 1 || true)
if [ -z "$assembly" ] || [ -n "$(find pom.xml plugins-sdk bundles features karaf-assembly/src karaf-assembly/pom.xml -newer "$assembly" -type f -print -quit)" ]; then
  echo "Building the distribution (tests skipped; ./test.sh runs them)..."
  mvn -B -q install -DskipTests -pl karaf-assembly -am
  assembly=$(ls karaf-assembly/target/karaf-assembly-*.tar.gz | head -n 1)
fi

home=runtime/oreka
if [ ! -d "$home" ] || [ "$assembly" -nt "$home/.installed" ]; then
  echo "Installing $assembly into $home (etc/ and data/ are kept)..."
  unpacked=$(mktemp -d)
  tar xzf "$assembly" -C "$unpacked"
  fresh=$(find "$unpacked" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  mkdir -p "$home/etc" "$home/data"
  rm -rf "$home/bin" "$home/lib" "$home/system" "$home/data/cache"
  cp -r "$fresh/bin" "$fresh/lib" "$fresh/system" "$home/"
  cp -rn "$fresh/etc/." "$home/etc/"
  cp -rn "$fresh/data/." "$home/data/" 2>/dev/null || true
  mkdir -p "$home/deploy"
  rm -rf "$unpacked"
  touch "$home/.installed"
fi

echo "Starting Oreka: recorder API http://localhost:59140/command?type=ping, OrkTrack http://localhost:8080/orktrack/command?cmd=ping,"
echo "OrkWeb http://localhost:8080/orkweb (first time: 'oreka:web-admin admin' at the console sets the administrator's password)"
exec "$home/bin/karaf" "$@"
