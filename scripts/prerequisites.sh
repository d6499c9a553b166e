#!/usr/bin/env bash
# Installs the Debian packages the platform needs to run (run) or to be tested (test), if missing.
# Usage: scripts/prerequisites.sh run|test
set -euo pipefail

# ffmpeg: OrkRfb encodes screen recordings with it. The codecs' libraries: libgsm1 (GSM), libspandsp2 (G.722,
# G.726), libbcg729-0 (G.729), libopus0 (Opus), libspeex1 (Speex).
run_packages=(libpcap0.8 ffmpeg libgsm1 libspandsp2 libbcg729-0 libopus0 libspeex1)
# iLBC is decoded by FFmpeg's libavcodec, whose package is named by its soname: the release's own (Debian 12: 59).
libavcodec=libavcodec59
for candidate in libavcodec61 libavcodec60 libavcodec59; do
  if apt-cache policy "$candidate" 2>/dev/null | grep -q 'Candidate: [0-9]'; then libavcodec=$candidate; break; fi
done
run_packages+=("$libavcodec")
# xvfb, x11vnc, x11-xserver-utils (xsetroot): the real desktop and VNC server of ScreenRecordingIT; chromium and
# chromium-driver: OrkWeb's browser tests; openssh-client: they set the first admin over Karaf's ssh console.
test_packages=("${run_packages[@]}" sip-tester postgresql xvfb x11vnc x11-xserver-utils chromium chromium-driver openssh-client)

case "${1:-run}" in
  run) wanted=("${run_packages[@]}") ;;
  test) wanted=("${test_packages[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
for tool in java mvn; do
  command -v "$tool" >/dev/null || { echo "$tool is required (JDK 17 and Maven); install them first" >&2; exit 1; }
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
