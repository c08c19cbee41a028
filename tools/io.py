"""Reading datasets from files: the bundled seed data, a user's CSV/Parquet panel, or a folder.

This is the only module of the fact layer that touches the file system.
"""

from __future__ import annotations

import hashlib
import io
from importlib import resources
from pathlib import Path

import pandas as pd

from .dataset import Dataset, check_or_raise, validate_indices, validate_panel, validate_universe
from .errors import DataError, Problem

__all__ = ["load_seed", "load_dataset", "read_table", "SEED_NAME", "check_file"]

SEED_NAME = "etfwriter-seed (reconstruction)"
_PANEL_NAMES = ("panel.parquet", "panel.csv.gz", "panel.csv")


_TEXT_COLUMNS = {"date": str, "code": str, "index": str}


def read_table(data: bytes, name: str, *, all_text: bool = False) -> pd.DataFrame:
    """Parse CSV (optionally gzipped) or Parquet bytes.

    Key columns (date, code, index) stay text; other columns are parsed as numbers when every
    cell is numeric and left as text otherwise, so validation can name the bad cells.
    """
    try:
        if name.endswith(".parquet"):
            import pyarrow.parquet as pq

            table = pq.read_table(io.BytesIO(data))
            names = set(table.column_names)
            if "code" in names:  # read fund codes as a dictionary (categorical): one string per fund, not per row
                table = pq.read_table(io.BytesIO(data), read_dictionary=["code"]) if table.schema.field("code").type == "string" else table
            df = table.to_pandas(self_destruct=True, split_blocks=True)  # frees Arrow buffers as it converts
            del table
            keep = lambda c: pd.api.types.is_datetime64_any_dtype(df[c]) or isinstance(df[c].dtype, pd.CategoricalDtype)  # noqa: E731
            return df.astype({c: "string" for c in df.columns if (c in _TEXT_COLUMNS or all_text) and not keep(c)})
        compression = "gzip" if name.endswith(".gz") else None
        if all_text:
            return pd.read_csv(io.BytesIO(data), dtype=str, compression=compression, keep_default_na=False, na_values=[])
        return pd.read_csv(io.BytesIO(data), dtype=_TEXT_COLUMNS, compression=compression, keep_default_na=False, na_values=[""])
    except Exception as exc:  # pandas raises many types for a malformed file
        raise DataError([Problem(name, None, None, f"cannot read file: {exc}")]) from exc


def _seed_bytes(filename: str) -> bytes:
    return resources.files("etfwriter.seeds").joinpath("data", filename).read_bytes()


def _digest(parts: list[bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()[:16]


def _build(name: str, files: dict[str, tuple[str, bytes]], *, reconstruction: bool, source: str) -> Dataset:
    """files: role -> (display name, bytes). Roles: universe, panel, indices (optional)."""
    digest = _digest([b for _, b in files.values()])
    uni_name, uni_bytes = files["universe"]
    universe, problems = validate_universe(read_table(uni_bytes, uni_name, all_text=True), uni_name)
    check_or_raise(problems)
    panel_name, panel_bytes = files.pop("panel")
    table = read_table(panel_bytes, panel_name)
    del panel_bytes  # the raw file is no longer needed: keep peak memory near one copy of the panel
    panel, problems = validate_panel(table, set(universe["code"]), panel_name)
    del table
    check_or_raise(problems)
    if "indices" in files:
        idx_name, idx_bytes = files["indices"]
        indices, problems = validate_indices(read_table(idx_bytes, idx_name), idx_name)
        check_or_raise(problems)
    else:
        indices = pd.DataFrame({"date": pd.Series([], dtype="datetime64[ns]"), "index": pd.Series([], dtype="string"), "close": pd.Series([], dtype="float64")})
    universe = universe[universe["code"].isin(set(panel["code"].unique().astype(str)))].reset_index(drop=True)
    return Dataset(name=name, hash=digest, universe=universe, panel=panel, indices=indices,
                   reconstruction=reconstruction, source=source)


_SEED_CACHE: dict[str, Dataset] = {}


def load_seed() -> Dataset:
    """The bundled seed dataset (a reconstruction calibrated to published aggregates)."""
    if "seed" not in _SEED_CACHE:
        files = {
            "universe": ("seeds/data/universe.csv", _seed_bytes("universe.csv")),
            "panel": ("seeds/data/panel.csv.gz", _seed_bytes("panel.csv.gz")),
            "indices": ("seeds/data/indices.csv", _seed_bytes("indices.csv")),
        }
        _SEED_CACHE["seed"] = _build(SEED_NAME, files, reconstruction=True, source="bundled seed data")
    return _SEED_CACHE["seed"]


def load_dataset(path: str | Path | None = None) -> Dataset:
    """Load the seed (path None), a folder (panel.* + optional universe.csv, indices.csv) or a panel file.

    A lone panel file is checked against the bundled universe; put a universe.csv beside it in a
    folder to use funds the seed does not list. Index closes come only from an indices.csv in the
    folder (the seed's reconstructed index paths are never mixed with user data).
    """
    if path is None:
        return load_seed()
    p = Path(path)
    if not p.exists():
        raise DataError([Problem(str(p), None, None, "file or folder not found")])
    files: dict[str, tuple[str, bytes]] = {}
    if p.is_dir():
        panel = next((p / n for n in _PANEL_NAMES if (p / n).exists()), None)
        if panel is None:
            raise DataError([Problem(str(p), None, None, f"folder has no panel file ({', '.join(_PANEL_NAMES)})")])
        files["panel"] = (str(panel), panel.read_bytes())
        uni = p / "universe.csv"
        files["universe"] = (str(uni), uni.read_bytes()) if uni.exists() else ("seeds/data/universe.csv", _seed_bytes("universe.csv"))
        idx = p / "indices.csv"
        if idx.exists():
            files["indices"] = (str(idx), idx.read_bytes())
    else:
        files["panel"] = (str(p), p.read_bytes())
        files["universe"] = ("seeds/data/universe.csv", _seed_bytes("universe.csv"))
    return _build(p.name, files, reconstruction=False, source=str(p))


def check_file(path: str | Path) -> list[Problem]:
    """Validate a data file or folder; return every problem found (empty when it is good)."""
    try:
        load_dataset(path)
    except DataError as exc:
        return exc.problems
    return []
