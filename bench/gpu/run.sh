#!/usr/bin/env bash
# scoregraph GPU pack driver: one command on a bare Linux GPU machine (no Node needed).
#   bash run.sh                 # full: issue 9's table, kernel profile, preset samples (~12 min)
#   SG_TINY=1 bash run.sh       # tiny sizes (a software adapter, CI-like smoke)
# Env: OUT (default ./out), SG_WORK (default ${TMPDIR:-/tmp}/sg-gpu), SG_TOTAL_S (default 900),
#      SG_STAGES (default probe,speed,profile,presets,torch,compile,cpu), SG_DAWN_FLAGS (Dawn toggles,
#      ';'-separated), NODE (a node binary to use instead of the packed one), PYTHON (default python3),
#      VK_DRIVER_FILES / VK_ICD_FILENAMES (the Vulkan driver's ICD json, when the loader misses it).
# Every stage runs under `timeout` inside the total budget; results land in $OUT as they come.
set -u
PACK="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(mkdir -p "${OUT:-out}" && cd "${OUT:-out}" && pwd)"
W=${SG_WORK:-${TMPDIR:-/tmp}/sg-gpu}
TOTAL=${SG_TOTAL_S:-900}
STAGES=",${SG_STAGES:-probe,speed,profile,presets,torch,compile,cpu},"
TINY=${SG_TINY:-0}
# The first Python that has torch (PATH's python3 may be another one than the system's).
PY=${PYTHON:-}
for p in python3 /usr/bin/python3; do
  [ -z "$PY" ] && "$p" -c 'import torch' 2>/dev/null && PY=$p
done
PY=${PY:-python3}
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp} PYTHONUNBUFFERED=1
say() { echo "=== [${SECONDS}s] $*"; }
# Seconds for a stage: at most $1, leaving $2 for the stages after it (never under 10).
cap() { local t=$1 left=$((TOTAL - SECONDS - $2)); ((left < t)) && t=$left; ((t < 10)) && t=10; echo "$t"; }
want() { [[ $STAGES == *",$1,"* ]]; }
tiny() { [ "$TINY" = 1 ] && echo "$1"; }

say "machine: $(uname -srm), $(nproc) cores"
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv,noheader 2>/dev/null || echo "no nvidia-smi"
echo "VK_DRIVER_FILES=${VK_DRIVER_FILES:-unset} VK_ICD_FILENAMES=${VK_ICD_FILENAMES:-unset}; python: $PY"

say "unpack into $W"
rm -rf "$W" && mkdir -p "$W/node_modules/webgpu/dist/linux-x64"
if [ -n "${NODE:-}" ]; then
  ln -s "$(command -v "$NODE")" "$W/node"
else
  tar -xzf "$PACK/node.tgz" -C "$W" package/bin/node && mv "$W/package/bin/node" "$W/node" && rm -rf "$W/package"
fi
cp "$PACK/webgpu/index.js" "$PACK/webgpu/package.json" "$W/node_modules/webgpu/"
cp "$PACK/webgpu/dawn.node" "$W/node_modules/webgpu/dist/linux-x64/"
cp -r "$PACK/harness.mjs" "$PACK/public" "$PACK/graphs" "$W/"
(cd "$PACK" && sha256sum -c --quiet SHA256SUMS) && echo "checksums OK"
# The Vulkan loader and GLVND dispatch libraries (Debian 12's), only where the system lacks them.
mkdir -p "$W/lib"
for f in "$PACK"/lib/*; do
  ldconfig -p 2>/dev/null | grep -q "$(basename "$f") " || { ln -s "$f" "$W/lib/"; echo "using the packed $(basename "$f")"; }
done
export LD_LIBRARY_PATH="$W/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# NVIDIA containers put the Vulkan ICD outside the loader's search path.
if [ -z "${VK_DRIVER_FILES:-}${VK_ICD_FILENAMES:-}" ]; then
  for d in /usr/local/nvidia/share/vulkan/icd.d /usr/local/share/vulkan/icd.d; do
    [ -f "$d/nvidia_icd.json" ] && export VK_DRIVER_FILES="$d/nvidia_icd.json" VK_ICD_FILENAMES="$d/nvidia_icd.json"
  done
  echo "VK_DRIVER_FILES=${VK_DRIVER_FILES:-unset, the loader searches its defaults}"
fi
echo "node $("$W/node" --version)"

harness() { # stage, seconds
  (cd "$W" && timeout -k 5 "$2" ./node harness.mjs --stage="$1" --out="$OUT" --budget-s=$(($2 - 15)) $(tiny --tiny)) ||
    say "stage $1 exited with rc $?"
}
want probe && { say "probe"; harness probe "$(cap 60 600)"; }
want speed && { say "speed (WebGPU: graph, library, hand-written)"; harness speed "$(cap 300 480)"; }
want profile && { say "kernel profile"; harness profile "$(cap 150 330)"; }
want presets && { say "presets (toy-swissroll, mnist-ncsnv2; steps capped)"; harness presets "$(cap 200 150)"; }
twin() { # plan, seconds
  (cd "$PACK/torch" && timeout -k 5 "$2" "$PY" gpu_twin.py --out "$OUT/torch.json" --plan "$1" $(tiny --tiny) \
    --seconds "$([ "$TINY" = 1 ] && echo 1 || echo 3)") || say "PyTorch $1 exited with rc $?"
}
want torch && { say "PyTorch CUDA eager (fp32, TF32 off)"; twin cuda "$(cap 90 60)"; }
want compile && { say "PyTorch torch.compile"; twin cuda-compile "$(cap 120 40)"; }
want cpu && { say "PyTorch CPU ($(nproc) threads)"; twin cpu "$(cap 90 5)"; }
say "summary"
"$PY" "$PACK/summarize.py" "$OUT"
say "done in ${SECONDS} s; everything is in $OUT"
