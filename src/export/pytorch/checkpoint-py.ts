/**
 * checkpoint.py of an exported project: scoregraph's checkpoint format (src/score/checkpoint.ts)
 * read and written from PyTorch, so weights trained by train.py load in the editor and the CLI
 * (model.load) and scoregraph checkpoints load into the exported network.
 */
export const CHECKPOINT_PY = `"""scoregraph's checkpoint format: <stem>.ckpt.json (header: kind, config, data shape, sigmas,
step, weight specs) + <stem>.ckpt.bin (float32 little-endian, in the header's order: the raw
weights "params/<name>", then the EMA weights "ema/<name>"). scoregraph keeps tensors in
TensorFlow's layouts and names them "<block>/w", "<block>/b": Linear weights are [in, out],
conv filters [k, k, in, out]; PyTorch's are [out, in] and [out, in, k, k]."""
import json
import os
from pathlib import Path

import numpy as np
import torch

from model import ARCHITECTURE

FORMAT, VERSION = "scoregraph-checkpoint", 1


def scoregraph_name(model, name):
    """"res1a.conv1.weight" → "res1a/conv1/w" ("res2.0.conv1/w" with PATH_SEPARATOR "."),
    after the model's RENAMES of module paths."""
    path, leaf = name.rsplit(".", 1)
    for torch_path, theirs in getattr(model, "RENAMES", {}).items():
        if path == torch_path or path.startswith(torch_path + "."):
            path = theirs + path[len(torch_path) :]
    path = path.replace(".", getattr(model, "PATH_SEPARATOR", "/"))
    return path + "/" + {"weight": "w", "bias": "b"}.get(leaf, leaf)


def to_scoregraph(name, t):
    t = t.detach().float().cpu()
    if name.endswith(".weight") and t.dim() == 2:
        return t.t()  # Linear [out, in] → [in, out]
    if name.endswith(".weight") and t.dim() == 4:
        return t.permute(2, 3, 1, 0)  # Conv2d [out, in, k, k] → [k, k, in, out]
    return t


def from_scoregraph(name, a, like):
    t = torch.from_numpy(a)
    if name.endswith(".weight") and t.dim() == 2:
        t = t.t()
    elif name.endswith(".weight") and t.dim() == 4:
        t = t.permute(3, 2, 0, 1)
    if t.shape != like.shape:
        raise ValueError(f"weight {name} has shape {list(a.shape)} in the checkpoint; the model's is {list(like.shape)}")
    return t.contiguous().to(like.device, like.dtype)


def save_checkpoint(stem, model, params, ema, step, sigmas):
    """Writes <stem>.ckpt.bin, then <stem>.ckpt.json (each atomically: readers never see half a file)."""
    specs, chunks = [], []
    for group, state in (("params", params), ("ema", ema)):
        for name, t in state.items():
            a = to_scoregraph(name, t).contiguous().numpy().astype("<f4")
            specs.append({"name": f"{group}/{scoregraph_name(model, name)}", "shape": list(a.shape), "dtype": "float32"})
            chunks.append(a.tobytes())
    header = {
        "format": FORMAT,
        "version": VERSION,
        **ARCHITECTURE,
        "shape": list(model.shape),
        "sigmas": [float(s) for s in sigmas],
        "step": int(step),
        "weightSpecs": specs,
    }
    stem = Path(stem)
    for suffix, data in ((".ckpt.bin", b"".join(chunks)), (".ckpt.json", json.dumps(header).encode())):
        tmp = stem.with_name(stem.name + suffix + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, stem.with_name(stem.name + suffix))


def load_checkpoint(stem_or_json, model):
    """(params, ema, header): two state dicts for \`model\` from a scoregraph checkpoint."""
    path = str(stem_or_json)
    stem = Path(path[: -len(".ckpt.json")] if path.endswith(".ckpt.json") else path)
    header = json.loads(stem.with_name(stem.name + ".ckpt.json").read_text())
    if header.get("format") != FORMAT or header.get("version") != VERSION:
        raise ValueError(f"{stem}.ckpt.json is not a scoregraph checkpoint (version {VERSION})")
    if header["kind"] != ARCHITECTURE["kind"] or list(header["shape"]) != list(model.shape):
        raise ValueError(
            f"the checkpoint holds a {header['kind']} network for items {header['shape']}; "
            f"this project's is a {ARCHITECTURE['kind']} for {list(model.shape)}"
        )
    blob = np.frombuffer(stem.with_name(stem.name + ".ckpt.bin").read_bytes(), dtype="<f4")
    arrays, offset = {}, 0
    for spec in header["weightSpecs"]:
        size = int(np.prod(spec["shape"]))
        arrays[spec["name"]] = blob[offset : offset + size].reshape(spec["shape"]).copy()
        offset += size
    groups = ({}, {})
    for name, like in model.state_dict().items():
        for group, state in zip(("params", "ema"), groups):
            key = f"{group}/{scoregraph_name(model, name)}"
            if key not in arrays:
                raise ValueError(f"the checkpoint has no weight {key}")
            state[name] = from_scoregraph(name, arrays[key], like)
    return groups[0], groups[1], header
`;
