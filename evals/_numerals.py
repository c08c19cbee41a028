"""Readers for numbers written in words: Chinese numerals and English number words.

Both return exact ``Decimal`` values (never floats) or ``None`` when the words do not form a
number the grammar accepts. The caller decides whether a parsed run is a claim at all.
"""

from __future__ import annotations

from decimal import Decimal

from ._lexicon import ZH_BIG_UNITS, ZH_DIGITS, ZH_SMALL_UNITS, ZH_TENS

__all__ = ["parse_zh", "zh_precision", "parse_en_words", "EN_ONES", "EN_TENS", "EN_SCALE_WORDS"]

_TEN = Decimal(10)


def _parse_small(s: str) -> int | None:
    """A Chinese numeral below 10 000 (十/百/千 places), colloquial trailing digit included."""
    if not s:
        return None
    total = 0
    digit: int | None = None
    last_unit: int | None = None
    after_zero = False
    for i, c in enumerate(s):
        if c in ZH_DIGITS:
            d = ZH_DIGITS[c]
            if d == 0:
                if digit is not None:
                    return None
                after_zero = True
                continue
            if digit is not None:
                return None
            digit = d
        elif c in ZH_SMALL_UNITS:
            u = ZH_SMALL_UNITS[c]
            if last_unit is not None and u >= last_unit:
                return None
            if digit is None:
                if i != 0 or total:
                    if u != 10 or not after_zero:
                        return None
                digit = 1
            total += digit * u
            digit = None
            last_unit = u
            after_zero = False
        elif c in ZH_TENS:
            if i != 0:
                return None
            total = ZH_TENS[c]
            last_unit = 10
        else:
            return None
    if digit is not None:
        if last_unit is not None and not after_zero:
            total += digit * last_unit // 10
        else:
            total += digit
    return total


def _parse_int(s: str) -> int | None:
    if not s:
        return None
    if all(c in ZH_DIGITS for c in s):
        if len(s) == 1:
            return ZH_DIGITS[s]
        return int("".join(str(ZH_DIGITS[c]) for c in s))  # 二〇二六 -> 2026
    for big in ("兆", "亿", "万"):
        idx = s.find(big)
        if idx < 0:
            continue
        mult = ZH_BIG_UNITS[big]
        left, right = s[:idx], s[idx + 1 :]
        if left:
            lv = _parse_int(left)
            if lv is None:
                return None
        else:
            if idx != 0:
                return None
            lv = 1
        rv = 0
        if right:
            stripped = right.lstrip("零〇")
            if len(right) == 1 and right in ZH_DIGITS and ZH_DIGITS[right] != 0:
                rv = ZH_DIGITS[right] * mult // 10  # 三亿五 = 3.5亿
            elif stripped:
                got = _parse_int(stripped)
                if got is None or got >= mult:
                    return None
                rv = got
        return lv * mult + rv
    return _parse_small(s)


def parse_zh(run: str) -> tuple[Decimal, Decimal] | None:
    """Value and precision of a Chinese numeral run (``负`` sign and ``点`` decimals allowed).

    >>> parse_zh("两千四百五")
    (Decimal('2450'), Decimal('10'))
    >>> parse_zh("三点五亿")
    (Decimal('350000000.0'), Decimal('1.0E+7'))
    """
    neg = run.startswith("负")
    if neg:
        run = run[1:]
    if not run:
        return None
    if "点" in run:
        ip, _, rest = run.partition("点")
        k = 0
        while k < len(rest) and rest[k] in ZH_DIGITS:
            k += 1
        frac, tail = rest[:k], rest[k:]
        if not frac or any(c not in ZH_BIG_UNITS for c in tail):
            return None
        iv = _parse_int(ip) if ip else None
        if iv is None:
            return None
        mult = Decimal(1)
        for c in tail:
            mult *= ZH_BIG_UNITS[c]
        value = (Decimal(iv) + Decimal("0." + "".join(str(ZH_DIGITS[c]) for c in frac))) * mult
        precision = _TEN ** (-len(frac)) * mult
    else:
        iv = _parse_int(run)
        if iv is None:
            return None
        value = Decimal(iv)
        precision = zh_precision(iv)
    return (-value if neg else value), precision


def zh_precision(iv: int) -> Decimal:
    """Place value of the last digit written in a Chinese integer (no zeros are written last)."""
    if iv == 0:
        return Decimal(1)
    p = 0
    while iv % 10 == 0:
        iv //= 10
        p += 1
    return _TEN**p


EN_ONES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
EN_SCALE_WORDS: dict[str, int] = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
}


def parse_en_words(words: list[str]) -> int | None:
    """Integer value of English number words (``one hundred and twenty-three`` -> 123)."""
    total = 0
    current = 0
    seen = False
    last = ""
    for w in words:
        if w == "and":
            if not seen:
                return None
            continue
        if w in EN_ONES:
            if last in EN_ONES or (last in EN_TENS and EN_ONES[w] >= 10):
                return None
            current += EN_ONES[w]
        elif w in EN_TENS:
            if last in EN_ONES or last in EN_TENS:
                return None
            current += EN_TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in EN_SCALE_WORDS:
            total += (current or 1) * EN_SCALE_WORDS[w]
            current = 0
        else:
            return None
        seen = True
        last = w
    if not seen:
        return None
    return total + current
