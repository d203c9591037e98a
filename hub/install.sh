#!/usr/bin/env bash
# Installs what every learner's server runs into PREFIX: a venv with JupyterHub, JupyterLab,
# nbgrader and the idle culler (requirements.txt and hub/requirements.txt), the kernel binaries
# in its bin/, and the CNN Lab kernelspecs naming them there.
#
#     hub/install.sh PREFIX BUILD_DIR      (BUILD_DIR holds the release build's binaries)
#
# As root, `make hub-venv` gives PREFIX=/opt/cnnlab-hub: each learner's server runs as that
# learner's Unix user, who cannot be assumed to reach the checkout (a clone under /root is
# closed to everyone else). The binaries carry the Swift runtime and load only Debian's
# libraries, so nothing in PREFIX points back into the checkout. Without root the servers
# run as the caller, and PREFIX is the checkout's .venv-hub.
#
# A second run with nothing changed only compares files. Runs on the same PREFIX wait for
# each other, so that two checkouts testing at once do not install over each other.
set -euo pipefail
prefix=$1
build=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
umask 022   # everything here is read by the learners' users, whatever the caller's umask

mkdir -p "$prefix"
exec 9>"$prefix/.install-lock"
flock 9

# Debian's python3, not whichever comes first on PATH: an interpreter under a private home
# (pyenv's in /root) cannot be run by the learners' users.
[ -x "$prefix/bin/python" ] || /usr/bin/python3 -m venv "$prefix"
wanted=$(cat "$repo/requirements.txt" "$repo/hub/requirements.txt" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$prefix/.requirements-sha256" 2>/dev/null)" != "$wanted" ]; then
  "$prefix/bin/python" -m pip install --quiet --upgrade pip
  "$prefix/bin/python" -m pip install --quiet -r "$repo/requirements.txt" \
    -r "$repo/hub/requirements.txt"
  echo "$wanted" >"$prefix/.requirements-sha256"
fi

# Replaced by a rename, so that a kernel starting meanwhile runs the old binary or the new one.
for binary in cnnlab cnnlab-kernel; do
  if ! cmp -s "$build/$binary" "$prefix/bin/$binary"; then
    install -m 0755 "$build/$binary" "$prefix/bin/.$binary.new"
    mv -f "$prefix/bin/.$binary.new" "$prefix/bin/$binary"
  fi
done
"$prefix/bin/cnnlab" install --prefix "$prefix" >/dev/null
