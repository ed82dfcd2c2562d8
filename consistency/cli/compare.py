"""`consistency compare "A" "B"` and `consistency compare --file PAIRS`: agree, contradict or unrelated."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from consistency.cli import app
from consistency.cli.config import CacheDirOption, DebugOption, NoCacheOption, reported_errors


@app.command()
def compare(
    a: Annotated[Optional[str], typer.Argument(help="First statement.")] = None,
    b: Annotated[Optional[str], typer.Argument(help="Second statement.")] = None,
    file: Annotated[Optional[Path], typer.Option(
        "--file", help="CSV (first two columns, header allowed) or JSONL with `a` and `b`.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per pair.")] = False,
    embedder: Annotated[str, typer.Option(
        help="Embedding backend for similarity: use, tfidf, e5, st:<model>, or none.")] = "use",
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
) -> None:
    """Say whether two statements agree, contradict or are unrelated, with the kind and spans."""
    if file is not None and (a is not None or b is not None):
        raise typer.BadParameter("give either two statements or --file, not both")
    if file is None and (a is None or b is None):
        raise typer.BadParameter("give two statements, or --file PAIRS")
    with reported_errors(debug):
        from consistency.compare.pairwise import compare_pairs

        pairs = read_pairs(file) if file is not None else [(a, b)]
        results = compare_pairs(pairs, embedder=_embedder(embedder, cache_dir, no_cache))
    for n, result in enumerate(results):
        if as_json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            if len(results) > 1:
                typer.echo(f"# pair {n + 1}" if n == 0 else f"\n# pair {n + 1}")
            typer.echo(_text(result))


def _embedder(spec: str, cache_dir: Path | None, no_cache: bool):
    if spec == "none":
        return False
    if cache_dir is None and not no_cache:
        return spec  # the library keeps one default-cached embedder per spec
    from consistency.embed import get_embedder

    return get_embedder(spec, cache_dir=cache_dir, use_cache=not no_cache)


def _text(result) -> str:
    lines = [f"label: {result.label}", f"kind: {result.kind or '-'}", f"reason: {result.reason}"]
    for span in result.spans:
        lines.append(f"span {span['side']} [{span['start']}:{span['end']}]: {span['text']}")
    if result.similarity is not None:
        lines.append(f"similarity: {result.similarity:.3f}")
    return "\n".join(lines)


# A first row is a header when its first two cells are column names, or a label column exists.
_HEADER_NAMES = {"s1", "s2", "a", "b", "text_a", "text_b", "text1", "text2", "sentence1",
                 "sentence2", "premise", "hypothesis", "t", "h", "claim_a", "claim_b",
                 "statement_a", "statement_b", "left", "right"}
_LABEL_NAMES = {"label", "stance", "gold", "gold_label", "label_name", "relation"}


def read_pairs(path: Path) -> list[tuple[str, str]]:
    """Statement pairs from a CSV (first two columns) or a JSONL file (`a` and `b`).

    Raises InputError naming the file and line of the first bad row.
    """
    from consistency.errors import InputError

    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot be read as UTF-8 text ({exc})") from None
    if not text.strip():
        raise InputError(str(path), "is empty")
    if Path(path).suffix.lower() in (".jsonl", ".json", ".ndjson") or text.lstrip().startswith("{"):
        pairs = _jsonl_pairs(str(path), text)
    else:
        pairs = _csv_pairs(str(path), text)
    if not pairs:
        raise InputError(str(path), "holds no statement pairs")
    return pairs


def _jsonl_pairs(path: str, text: str) -> list[tuple[str, str]]:
    from consistency.errors import InputError

    pairs = []
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"malformed JSON ({exc.msg})", line_no) from None
        if not isinstance(record, dict):
            raise InputError(path, "each line must be a JSON object with `a` and `b`", line_no)
        a, b = record.get("a"), record.get("b")
        if not isinstance(a, str) or not isinstance(b, str) or not a.strip() or not b.strip():
            raise InputError(path, "needs non-empty text fields `a` and `b`", line_no)
        pairs.append((a, b))
    return pairs


def _csv_pairs(path: str, text: str) -> list[tuple[str, str]]:
    from consistency.errors import InputError

    reader = csv.reader(io.StringIO(text, newline=""))
    pairs = []
    try:
        for row in reader:
            line_no = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if not pairs and line_no == _first_line(text) and _is_header(row):
                continue
            if len(row) < 2 or not row[0].strip() or not row[1].strip():
                raise InputError(path, "needs two non-empty statements in the first two columns",
                                 line_no)
            pairs.append((row[0], row[1]))
    except csv.Error as exc:
        raise InputError(path, f"malformed CSV ({exc})", reader.line_num) from None
    return pairs


def _first_line(text: str) -> int:
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            return n
    return 1


def _is_header(row: list[str]) -> bool:
    cells = [c.strip().lower() for c in row]
    return (len(cells) >= 2 and cells[0] in _HEADER_NAMES and cells[1] in _HEADER_NAMES) \
        or any(c in _LABEL_NAMES for c in cells[2:])
