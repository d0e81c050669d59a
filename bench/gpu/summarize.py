"""Prints the GPU pack's table (issue 9): steady ms/step per case and the ratio graph on WebGPU ÷
PyTorch CUDA eager fp32 (goal ≤ 3), then the kernel profile's headline rows and the presets.
Usage: python3 summarize.py OUT   (reads OUT/results.json and OUT/torch.json)"""
import json
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "."


def load(name):
    try:
        with open(os.path.join(out, name)) as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        print(f"({name}: {type(e).__name__})")
        return {}


results, torch = load("results.json"), load("torch.json")
adapter = results.get("adapter") or {}
env = torch.get("env") or {}
print(f"WebGPU adapter: {adapter.get('vendor')} {adapter.get('architecture')} | {adapter.get('description')} | "
      f"{'SOFTWARE' if adapter.get('software') else 'hardware'}; node {adapter.get('node')}")
print(f"PyTorch {env.get('torch')} | GPU {env.get('gpu', 'none')} | CPU threads {env.get('threads')} | "
      f"BLAS {', '.join(os.path.basename(b) for b in env.get('blas', [])) or 'none found'}")


def ms(value):
    return f"{value:.2f}" if isinstance(value, (int, float)) else "-"


def row_of(run, case):
    row = (torch.get(run) or {}).get(case) or {}
    return row.get("msPerStep")


speed = results.get("speed") or {}
head = f"{'case':<11}{'graph':>10}{'library':>10}{'by hand':>10}{'cuda fp32':>11}{'compile':>10}{'torch cpu':>11}   graph ÷ cuda (≤ 3)"
print("\n" + head)
print("-" * len(head))
for case in ["mlp", "conv-bench", "conv-mnist"]:
    webgpu = (speed.get(case) or {}).get("msPerStep") or {}
    cuda, compiled, cpu = row_of("cuda", case), row_of("cuda-compile", case), row_of("cpu", case)
    graph = webgpu.get("graph")
    ratio = f"{graph / cuda:.1f}" if isinstance(graph, (int, float)) and cuda else "- (no CUDA)"
    print(f"{case:<11}{ms(graph):>10}{ms(webgpu.get('library')):>10}{ms(webgpu.get('careful')):>10}"
          f"{ms(cuda):>11}{ms(compiled):>10}{ms(cpu):>11}   {ratio}")
print("(steady ms/step; graph = train.fit through compile + Executor on WebGPU, library = src/score/train,"
      " by hand = the bench's hand-written tfjs loop; PyTorch: dsm_step.py, TF32 off)")
if adapter.get("software") is not False:
    print("NOTE: not a hardware adapter: these WebGPU figures are not GPU figures.")

profile = results.get("profile") or {}
rows = profile.get("rows", []) if isinstance(profile, dict) else profile
if rows:
    print("\nkernel profile (bench/node/profile.ts):")
for r in rows:
    if "programs per step" in r["name"] or "÷ forward" in r["name"] or "kernel time" in r["name"]:
        goal = f" (goal {r['goal']}: {'ok' if r.get('pass') else 'MISSED'})" if r.get("goal") else ""
        value = r["value"]
        print(f"  {r['name']}: {value:.4g} {r['unit']}{goal} — {r.get('detail', '')[:160]}")

presets = results.get("presets") or {}
for name, p in presets.items():
    summary = p.get("summary") or {}
    nodes = summary.get("nodes") or {}
    train = (nodes.get("train") or {})
    tsum = train.get("summary") or {}
    print(f"\n{name}: exit {p.get('code')} in {p.get('seconds', 0):.0f} s ({' '.join(p.get('sets', []))}); "
          f"train {train.get('seconds') or 0:.1f} s, {tsum.get('step')} steps, final loss {tsum.get('finalLoss')}; "
          f"images in {os.path.join(out, name)}/")
for key in [k for k in results if k.endswith("Error")]:
    print(f"stage error {key}: {results[key]}")
