"""Fine-tune all-MiniLM-L6-v2 as the role tagger (step 2 of `newsdossier.train.roles_tagger`).

A standalone script: it needs torch and numpy only (not the project, not spaCy), so it runs on a GPU
machine that reaches no package registry. Run it as a file:

    python roles_tagger_fit.py --data roles_tagger_data.jsonl.gz --base minilm/ --out OUT \
        --variant lr=1e-4,epochs=12,muc4=1.0 [--variant ...]

Each variant is trained from the base weights; after each epoch it is scored on the dev windows
(MUC-4 dev: exact spans; WikiEvents dev: last piece of the span, as its gold arguments are head
words), and the epoch with the best mean of the two is kept. OUT gets, per variant, its weights in
two float16 files (`NAME.0.npz`: embeddings but the word pieces' and layers 0-2; `NAME.1.npz`: layers
3-5 and the classifier) and `metrics.json`. The encoder below is the same computation as the numpy
one that runs it at extraction time (`reconcile/embed.MiniLM`): post-norm BERT, exact GELU.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

N_LABELS = 11  # O + B-/I- of PerpInd, PerpOrg, Target, Victim, Weapon (train/roles_tagger.LABELS)
FROZEN = "embeddings.word_embeddings.weight"


class Tagger(nn.Module):
    def __init__(self, base: dict[str, np.ndarray], config: dict, dropout: float = 0.1):
        super().__init__()
        self.heads = config["num_attention_heads"]
        self.layers = config["num_hidden_layers"]
        self.p = nn.ParameterDict({k.replace(".", "__"): nn.Parameter(torch.tensor(v.astype(np.float32)))
                                   for k, v in base.items() if not k.startswith("pooler.")})
        self.p[FROZEN.replace(".", "__")].requires_grad_(False)
        d = config["hidden_size"]
        self.p["classifier__weight"] = nn.Parameter(torch.randn(N_LABELS, d) * 0.02)
        self.p["classifier__bias"] = nn.Parameter(torch.zeros(N_LABELS))
        self.drop = nn.Dropout(dropout)

    def w(self, name):
        return self.p[name.replace(".", "__")]

    def lin(self, x, name):
        return F.linear(x, self.w(name + ".weight"), self.w(name + ".bias"))

    def ln(self, x, name):
        return F.layer_norm(x, x.shape[-1:], self.w(name + ".weight"), self.w(name + ".bias"), eps=1e-12)

    def forward(self, ids, mask):
        n, t = ids.shape
        x = (F.embedding(ids, self.w(FROZEN)) + self.w("embeddings.position_embeddings.weight")[:t][None]
             + self.w("embeddings.token_type_embeddings.weight")[0])
        x = self.drop(self.ln(x, "embeddings.LayerNorm"))
        d = x.shape[-1]
        hd = d // self.heads
        bias = (1.0 - mask[:, None, None, :].float()) * -1e9
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            split = lambda h: h.view(n, t, self.heads, hd).transpose(1, 2)
            q, k, v = (split(self.lin(x, p + f"attention.self.{m}")) for m in ("query", "key", "value"))
            att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(hd) + bias, -1)
            ctx = (self.drop(att) @ v).transpose(1, 2).reshape(n, t, d)
            x = self.ln(x + self.drop(self.lin(ctx, p + "attention.output.dense")), p + "attention.output.LayerNorm")
            h = F.gelu(self.lin(x, p + "intermediate.dense"))
            x = self.ln(x + self.drop(self.lin(h, p + "output.dense")), p + "output.LayerNorm")
        return self.lin(self.drop(x), "classifier")


def read(path: Path):
    rows = [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
    return [r for r in rows if r["split"] == "train"], [r for r in rows if r["split"] == "dev"]


def batches(rows, size, cls, sep, device, shuffle, rng):
    order = list(range(len(rows)))
    if shuffle:
        rng.shuffle(order)
    else:
        order.sort(key=lambda i: len(rows[i]["ids"]))
    for s in range(0, len(order), size):
        chunk = [rows[i] for i in order[s:s + size]]
        t = max(len(r["ids"]) for r in chunk) + 2
        ids = torch.zeros(len(chunk), t, dtype=torch.long)
        mask = torch.zeros(len(chunk), t, dtype=torch.long)
        lab = torch.full((len(chunk), t), -100, dtype=torch.long)
        wt = torch.tensor([r.get("weight", 1.0) for r in chunk])
        for j, r in enumerate(chunk):
            k = len(r["ids"])
            ids[j, :k + 2] = torch.tensor([cls] + r["ids"] + [sep])
            mask[j, :k + 2] = 1
            lab[j, 1:k + 1] = torch.tensor([y if y >= 0 else -100 for y in r["labels"]])
        yield chunk, ids.to(device), mask.to(device), lab.to(device), wt.to(device)


def spans(labels) -> set:
    """(start, end, role) of the B-/I- runs; an I- after another role or O starts a span."""
    out, cur = set(), None
    for k, y in enumerate(list(labels) + [0]):
        role = (y - 1) // 2 if y else None
        begin = y and (y - 1) % 2 == 0
        if cur and (not y or begin or role != cur[2]):
            out.add((cur[0], k, cur[2]))
            cur = None
        if y and cur is None:
            cur = (k, None, role)
    return out


def evaluate(model, dev, cls, sep, device) -> dict:
    model.eval()
    stats = {}
    with torch.no_grad():
        for chunk, ids, mask, lab, _ in batches(dev, 64, cls, sep, device, False, None):
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
                pred = model(ids, mask).float().argmax(-1).cpu().numpy()
            for j, r in enumerate(chunk):
                k = len(r["ids"])
                g, p = spans(r["labels"]), spans(pred[j, 1:k + 1])
                if r["source"] == "wikievents":   # gold arguments are head words: compare last pieces
                    g = {(e - 1, role) for s, e, role in g}
                    p = {(e - 1, role) for s, e, role in p}
                st = stats.setdefault(r["source"], [0, 0, 0])
                st[0] += len(g & p)
                st[1] += len(p)
                st[2] += len(g)
    model.train()
    out = {}
    for src, (tp, np_, ng) in stats.items():
        pr, rc = tp / max(np_, 1), tp / max(ng, 1)
        out[src] = round(200 * pr * rc / max(pr + rc, 1e-9), 2)
    out["mean"] = round(sum(out.values()) / max(len(out), 1), 2)
    return out


def train_variant(name, opts, train, dev, base, config, vocab, device, seed):
    torch.manual_seed(seed)
    rng = random.Random(seed)
    cls, sep = vocab.index("[CLS]"), vocab.index("[SEP]")
    for r in train:
        r["weight"] = opts["muc4"] if r["source"] == "muc4" else 1.0
    model = Tagger(base, config).to(device)
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for p in params if p.dim() > 1]
    rest = [p for p in params if p.dim() <= 1]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": rest, "weight_decay": 0.0}],
                            lr=opts["lr"])
    steps = opts["epochs"] * math.ceil(len(train) / opts["batch"])
    warm = max(1, int(0.1 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(steps - warm, 1))))
    best, best_state, history = -1.0, None, []
    t0 = time.time()
    for epoch in range(opts["epochs"]):
        total = 0.0
        for _, ids, mask, lab, wt in batches(train, opts["batch"], cls, sep, device, True, rng):
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
                logits = model(ids, mask)
            loss = F.cross_entropy(logits.float().transpose(1, 2), lab, reduction="none", ignore_index=-100)
            loss = ((loss * wt[:, None]).sum() / (lab != -100).sum())
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            total += loss.item()
        scores = evaluate(model, dev, cls, sep, device)
        history.append({"epoch": epoch + 1, "loss": round(total, 3), **scores, "seconds": round(time.time() - t0, 1)})
        print(name, history[-1], flush=True)
        if scores["mean"] > best:
            best = scores["mean"]
            best_state = {k.replace("__", "."): v.detach().float().cpu().numpy().astype(np.float16)
                          for k, v in model.p.items() if k != FROZEN.replace(".", "__")}
    return best, best_state, history


def save(out: Path, name: str, state: dict) -> None:
    first = {k: v for k, v in state.items() if k.startswith("embeddings.") or
             any(k.startswith(f"encoder.layer.{i}.") for i in range(3))}
    np.savez(out / f"{name}.0.npz", **first)
    np.savez(out / f"{name}.1.npz", **{k: v for k, v in state.items() if k not in first})


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--base", type=Path, required=True, help="folder of base.npz, config.json, vocab.txt")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--variant", action="append", default=[],
                    help="name:lr=..,epochs=..,muc4=..,batch=.. (repeatable)")
    ap.add_argument("--keep", type=int, default=2, help="variants whose weights are written (best dev first)")
    ap.add_argument("--limit", type=int, default=0, help="train on this many windows only (a smoke test)")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train, dev = read(args.data)
    if args.limit:
        train, dev = train[:args.limit], dev[:args.limit]
    with np.load(args.base / "base.npz") as z:
        base = {k: z[k] for k in z.files}
    config = json.loads((args.base / "config.json").read_text())
    vocab = (args.base / "vocab.txt").read_text(encoding="utf-8").splitlines()
    args.out.mkdir(parents=True, exist_ok=True)
    results = {}
    for spec in args.variant or ["default:lr=1e-4,epochs=10,muc4=1.0,batch=32"]:
        name, _, kv = spec.partition(":")
        opts = {"lr": 1e-4, "epochs": 10, "muc4": 1.0, "batch": 32}
        opts.update({k: float(v) for k, v in (p.split("=") for p in kv.split(",") if p)})
        opts["epochs"], opts["batch"] = int(opts["epochs"]), int(opts["batch"])
        best, state, history = train_variant(name, opts, train, dev, base, config, vocab, device, args.seed)
        results[name] = {"options": opts, "best": best, "history": history, "state": state}
        # written as each variant ends, so a run stopped at its time limit still leaves the best so far
        ranked = sorted(results, key=lambda n: -results[n]["best"])
        for n in ranked[args.keep:]:
            for part in args.out.glob(f"{n}.*.npz"):
                part.unlink()
        if name in ranked[:args.keep]:
            save(args.out, name, state)
        (args.out / "metrics.json").write_text(json.dumps(
            {"device": str(device), "torch": torch.__version__, "train_windows": len(train),
             "dev_windows": len(dev), "kept": ranked[:args.keep],
             "variants": {n: {k: v for k, v in r.items() if k != "state"} for n, r in results.items()}}, indent=1))
    print("kept", ranked[:args.keep], flush=True)


if __name__ == "__main__":
    main()
