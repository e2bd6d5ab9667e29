"""Write the adversarial texts used to measure the pipeline's time and memory bounds (README, Limits).

Every text is made up here (no dataset text): runs of quote marks, a short quoted statement
repeated, one long sentence without punctuation, thousands of numbers, one name repeated for the
coreference stage, many short lines, and long prose made of the repository's own example article.

    python scripts/adversarial_inputs.py OUTDIR
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def texts() -> dict[str, str]:
    prose_seed = (ROOT / "examples" / "marrowby-station-bombing.txt").read_text(encoding="utf-8")
    words = ("the convoy moved slowly past the old mill while residents watched from their doorways "
             "and children ran beside the trucks ").split()
    out = {
        "quotes-20k.txt": '"' * 20_000,
        "quotes-50k.txt": '"' * 50_000,
        "quotes-500k.txt": '"' * 500_000,
        "quotes-1m.txt": '"' * 1_000_000,
        "long-sentence-100k.txt": " ".join(words[i % len(words)] for i in range(18_000))[:100_000],
        "numbers-100k.txt": " ".join(str(7 * i % 997) for i in range(30_000))[:100_000],
        "names-100k.txt": ("Dana Rooke said the road was closed. Rooke added that she had seen it. "
                           "She left. ") * 1_150,
        "short-lines-1.2m.txt": "Short line.\n" * 100_000,
        "prose-340k.txt": _repeat(prose_seed.strip() + "\n\n", 340_000),
        "prose-500k.txt": _repeat(prose_seed.strip() + "\n\n", 500_000),
    }
    out["dense-news-100k.txt"] = _dense_news(100_000)
    for n in (10_000, 30_000, 100_000):
        out[f"he-said-{n // 1000}k.txt"] = ('"He said" ' * (n // 10 + 1))[:n]
    return out


def _repeat(text: str, size: int) -> str:
    return (text * (size // len(text) + 1))[:size]


def _dense_news(size: int) -> str:
    """Made-up report sentences that every extractor acts on (names, places, dates, figures,
    claims, quotations), varied so that each sentence names new people and places."""
    first = ["Dana", "Ivo", "Mira", "Tomas", "Lena", "Arno", "Sela", "Koen", "Ruth", "Emil"]
    last = ["Rooke", "Vantler", "Osk", "Braddon", "Mirel", "Quist", "Haldane", "Tove", "Ferro", "Lusk"]
    towns = ["Dorvik", "Marrowby", "Tessane", "Olvar", "Keddle", "Brannock", "Vellora", "Strand"]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    parts, k = [], 0
    while sum(map(len, parts)) < size:
        a = f"{first[k % 10]} {last[(k // 10) % 10]}"
        b = f"{first[(k + 3) % 10]} {last[(k // 7) % 10]}"
        town, day, n = towns[k % 8], days[k % 7], 3 + k % 40
        parts.append(
            f"Gunmen killed {n} people and wounded {n + 5} in {town} on {day}, police chief {a} said. "
            f"The Northern Front claimed responsibility for the attack, according to {b}. "
            f"\"We will not stop,\" the group said in a statement. He said the army was deployed "
            f"to {towns[(k + 1) % 8]} after {n - 1} soldiers died.\n")
        k += 1
    return "".join(parts)[:size]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts().items():
        (folder / name).write_text(text, encoding="utf-8")
        print(f"{folder / name}: {len(text):,} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
