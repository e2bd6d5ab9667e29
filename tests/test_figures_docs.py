"""README.md and the model cards carry the figures of docs/figures.json, written by scripts/figures.py
(no benchmark runs here: the documents are rendered from the JSON and compared)."""
import importlib.util
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("figures_script", ROOT / "scripts" / "figures.py")
figures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(figures)


def _copy_docs(dest: Path) -> Path:
    for rel in [*figures.BLOCKS, "newsdossier/models/incidents/config.json", "docs/figures.json"]:
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, dest / rel)
    return dest


def test_figures_docs_agree_with_the_json():
    assert figures.stale() == [], "run: python scripts/figures.py --render"


def test_figures_docs_follow_a_changed_measurement(tmp_path):
    root = _copy_docs(tmp_path)
    figs = json.loads((root / "docs/figures.json").read_text())
    figs["benchmarks"]["muc4_dev"]["result"]["micro"].update(f1=12.34, p=56.78, r=9.87)
    figs["benchmarks"]["gva_held_out"]["result"]["both_acc"] = 43.21
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(figs))
    assert set(figures.stale(root, changed)) == {"README.md", "newsdossier/models/incidents/MODEL_CARD.md"}
    for path, text in figures.render(root, figs).items():
        path.write_text(text)
    readme = (root / "README.md").read_text()
    assert "**12.34** (P 56.78, R 9.87)" in readme and "| 43.21% (killed" in readme
    card = (root / "newsdossier/models/incidents/MODEL_CARD.md").read_text()
    assert "| 56.78 | 9.87 | **12.34** |" in card and "is not reached" in card
    assert figures.stale(root, changed) == []


def test_figures_below_floor_is_reported():
    figs = json.loads((ROOT / "docs/figures.json").read_text())
    figs["benchmarks"]["gva_all"]["result"]["both_acc"] = figs["floors"]["gva_all.both_acc"] - 0.01
    assert [line.split(" =")[0] for line in figures.below_floor(figs)] == ["gva_all.both_acc"]
