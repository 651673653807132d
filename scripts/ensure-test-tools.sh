#!/usr/bin/env bash
# ensure-test-tools.sh: make sure the tools the end-to-end tests drive are
# installed: tmux (the dashboard test runs the real binary in a tmux pane)
# and ssh from openssh-client (the SSH server's tests). `make test` calls it
# first, so `bash .ci/run` works on a fresh machine.
#
# It installs what is missing with apt-get when it can (as root, or through
# sudo without a password); otherwise it says what to install and exits 0:
# the tests that need a missing tool skip with a message saying so.
set -uo pipefail

missing=()
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v ssh >/dev/null 2>&1 || missing+=(openssh-client)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "ensure-test-tools: missing ${missing[*]} and no apt-get here; install them with your package manager (tests that need them will skip)" >&2
	exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		sudo="sudo -n"
	else
		echo "ensure-test-tools: missing ${missing[*]}; run 'sudo apt-get install -y ${missing[*]}' (tests that need them will skip)" >&2
		exit 0
	fi
fi

echo "ensure-test-tools: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
	{ $sudo apt-get update -qq >/dev/null 2>&1 &&
		$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; }; then
	echo "ensure-test-tools: could not install ${missing[*]} (tests that need them will skip)" >&2
fi
exit 0
