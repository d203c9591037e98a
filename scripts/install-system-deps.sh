#!/usr/bin/env bash
# Installs the Debian packages CNN Lab builds and tests with, when any is missing.
set -euo pipefail
packages=(libzmq3-dev libssl-dev zlib1g-dev libopenblas-dev libpng-dev libturbojpeg0-dev libfreetype-dev pkg-config python3-venv chromium chromium-driver fonts-dejavu-core fonts-nanum
  dataset-fashion-mnist node-configurable-http-proxy)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
