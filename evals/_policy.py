"""The checking policy: how close a written number must be to a fact, as fixed constants.

Nothing here is a parameter. `check` and `check_mentions` take no tolerance argument, so a caller
cannot widen a band to make an article pass; changing a band means changing this file (and its
tests). Every report carries the policy it was checked under (`EvalReport.policy`).

Exact numbers (no hedge word)
    The fact, rounded to the place value of the last digit written (ROUND_HALF_UP; an exact tie
    also accepts ROUND_HALF_EVEN), must equal the written value: 2126亿 is supported by
    212,617,000,000 yuan, 2130亿 is not. When the extractor gives no precision, the place value
    of the last non-zero digit is used.

Hedged numbers (magnitudes; w = written, f = fact)
    over   (超, 超过, 逾, more than, over)      w < f <= over_upper(w) = max(w x (1 + OVER_BAND), w + L)
           where L is the place value of w's leading digit (超300亿 covers up to 400亿, 超2000亿 up to 3000亿)
    nearly (近, 接近, 将近, nearly, almost)      w x (1 - NEARLY_BAND) <= f < w
    under  (不到, 不足, less than, under)        w x (1 - UNDER_BAND) <= f < w
    about  (约, 大约, 左右, about, around)       |f - w| <= max(w x ABOUT_BAND, precision / 2)

    "over" is open-ended in plain language, but writers round down to a round figure ("超百亿" for
    150亿); the upper bound (the next step of the leading digit, at least 25%) keeps "超1亿" from
    being supported by a 2000亿 fact that happens to be larger: a hedge must still point at the figure.

Direction
    A number with a printed sign is compared by sign; a number whose direction is given by a
    word (净流入/净流出, inflow/outflow) is compared by magnitude and the word must agree with the
    sign of the fact. An unsigned number with no direction word reads as positive. Counts and star
    ratings are magnitudes and carry no sign.

Deciding that a wrong number is about a known fact (mismatched, not unsupported)
    Within PLAUSIBLE_BAND of the fact, or one digit edit away from it (insert, delete, substitute or
    swap neighbours, when at least EDIT_MIN_DIGITS digits are written), or the same digits at a power
    of ten a unit slip produces (SCALE_EXPONENTS; a hedged number only the unit-word slips
    HEDGED_SCALE_EXPONENTS; at least SCALE_MIN_DIGITS digits written for an exact number), or the
    same value with the opposite sign, another hedge, percent vs percentage points, or a confusable
    unit (yuan / units / foreign currency). Dates within DATE_WINDOW_DAYS of a known date and outside
    the period described are mismatched; other unknown dates are unsupported.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Final

__all__ = [
    "ABOUT_BAND",
    "NEARLY_BAND",
    "UNDER_BAND",
    "OVER_BAND",
    "PLAUSIBLE_BAND",
    "EDIT_MIN_DIGITS",
    "SCALE_MIN_DIGITS",
    "SCALE_EXPONENTS",
    "HEDGED_SCALE_EXPONENTS",
    "DATE_WINDOW_DAYS",
    "NEAREST_SHOWN",
    "Policy",
    "POLICY",
    "over_upper",
]

ABOUT_BAND: Final = Decimal("0.05")
"""约 / about: the fact may differ from the written value by 5% of it (or half a written unit)."""

NEARLY_BAND: Final = Decimal("0.10")
"""近 / nearly: the fact is below the written value by at most 10% of it."""

UNDER_BAND: Final = Decimal("0.10")
"""不到 / under: the fact is below the written value by at most 10% of it."""

OVER_BAND: Final = Decimal("0.25")
"""超 / over: the fact is above the written value by at least this much room (see `over_upper`)."""

PLAUSIBLE_BAND: Final = Decimal("0.15")
"""A wrong number within 15% of a fact of the same unit and sign is taken to be about that fact."""

EDIT_MIN_DIGITS: Final = 3
"""A one-digit edit links a number to a fact only when at least this many digits are written."""

SCALE_MIN_DIGITS: Final = 2
"""Equal digits at another power of ten link a number to a fact only with this many digits written."""

SCALE_EXPONENTS: Final = MappingProxyType({
    "amount": (1, 3, 4, 8, 12),
    "pct": (2,),
})
"""Powers of ten a unit slip produces, by unit family: for amounts 亿 vs billion (1), thousand /
million / billion (3), 万 vs 亿 and 亿 vs 万亿 (4), 元 vs 亿 (8), 元 vs 万亿 (12); for percentages
a fraction written as a percent (2). Other units (ratios, points, counts, stars) have none."""

HEDGED_SCALE_EXPONENTS: Final = (3, 4)
"""For a hedged number ("超30万"), only a swapped unit word links it to a fact at another scale."""

DATE_WINDOW_DAYS: Final = 7
"""An unknown date this close to a known date (and outside the period described) is mismatched."""

NEAREST_SHOWN: Final = 3
"""How many nearest facts an unsupported number's reason lists."""


def over_upper(w: Decimal) -> Decimal:
    """Largest fact an "over w" claim covers: the next step of w's leading digit, at least w x 1.25."""
    if w <= 0:
        return w
    lead = Decimal(1).scaleb(w.adjusted())
    return max(w * (1 + OVER_BAND), w + lead)


@dataclass(frozen=True)
class Policy:
    """The bands in force, as a read-only record attached to every report."""

    about_band: Decimal = ABOUT_BAND
    nearly_band: Decimal = NEARLY_BAND
    under_band: Decimal = UNDER_BAND
    over_band: Decimal = OVER_BAND
    plausible_band: Decimal = PLAUSIBLE_BAND
    edit_min_digits: int = EDIT_MIN_DIGITS
    scale_min_digits: int = SCALE_MIN_DIGITS
    scale_exponents: tuple = (("amount", SCALE_EXPONENTS["amount"]), ("pct", SCALE_EXPONENTS["pct"]))
    hedged_scale_exponents: tuple = HEDGED_SCALE_EXPONENTS
    date_window_days: int = DATE_WINDOW_DAYS

    def as_dict(self) -> dict:
        out: dict = {}
        for k, v in self.__dict__.items():
            out[k] = format(v, "f") if isinstance(v, Decimal) else (dict(v) if k == "scale_exponents" else v)
        return out


POLICY: Final = Policy()
