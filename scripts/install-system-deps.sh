#!/usr/bin/env bash
# System packages the test suite needs beyond npm, installed from Debian when missing (root + apt-get):
#   chromium                         — e2e tests (Playwright drives Debian's Chromium)
#   python3-torch, python3-numpy     — the PyTorch twin, export parity and .npy tests
#   libopenblas0-pthread             — an optimised BLAS for that PyTorch (else the reference BLAS)
#   mesa-vulkan-drivers (Mesa ≥ 25) — lavapipe, a software Vulkan driver for Dawn (WebGPU in Node);
#                                      Debian 12's Mesa 22.3 is refused by Dawn, bookworm-backports' works.
# Without root or apt-get it says what is missing and exits 0: the tests that need a package skip and say so.
set -uo pipefail

missing=()
[ -x /usr/bin/chromium ] || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
/usr/bin/python3 -c 'import torch, numpy' 2>/dev/null || missing+=(python3-torch python3-numpy)
ls /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 >/dev/null 2>&1 || missing+=(libopenblas0-pthread)
lavapipe_ok() { ls /usr/share/vulkan/icd.d/lvp_icd*.json >/dev/null 2>&1 && dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null | grep -qE '^(2[5-9]|[3-9][0-9])\.'; }
lavapipe_ok || need_vulkan=1

if [ ${#missing[@]} -eq 0 ] && [ -z "${need_vulkan:-}" ]; then
  echo "system deps: all present"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "system deps: missing ${missing[*]} ${need_vulkan:+mesa-vulkan-drivers(>=25, bookworm-backports)} — install them as root; tests that need them will skip"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if [ -n "${need_vulkan:-}" ] && grep -qs bookworm /etc/os-release; then
  # The backports suite on the same mirror as the machine's other Debian sources.
  mirror=$( { sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources; sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p' /etc/apt/sources.list; } 2>/dev/null \
    | grep -v security | head -n 1)
  mirror=${mirror:-http://deb.debian.org/debian}
  if ! grep -rqs '^[^#]*bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$mirror" \
      >/etc/apt/sources.list.d/bookworm-backports.sources
  fi
fi
apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  apt-get install -y -qq --no-install-recommends "${missing[@]}" || echo "system deps: could not install ${missing[*]}"
fi
if [ -n "${need_vulkan:-}" ]; then
  apt-get install -y -qq --no-install-recommends -t bookworm-backports mesa-vulkan-drivers libvulkan1 \
    || apt-get install -y -qq --no-install-recommends mesa-vulkan-drivers libvulkan1 \
    || echo "system deps: could not install a Vulkan driver"
fi
echo "system deps: done"
