"""Build the bundled seed dataset of etfwriter (a reconstruction, not exchange data).

Run from the repository root::

    python seeds/build.py

Writes ``seeds/data/universe.csv``, ``seeds/data/panel.csv.gz``, ``seeds/data/indices.csv`` and
``seeds/README.md``, then re-reads the written files, recomputes every calibration target from them
and prints a table. The output is byte-identical from run to run (fixed random seed, fixed number
formats, sorted rows, gzip header without a timestamp).

How the panel is made
---------------------
1. Calendar: every SSE/SZSE trading day from 2024-01-02 to 2026-01-23 (weekends and the exchanges'
   published holiday closures removed).
2. Index closes: piecewise paths through anchor levels close to the real ones (key days such as the
   2024-09-24 rally, 2025-04-07 and January 2026 are anchored day by day), joined by Brownian
   bridges whose shocks share a market factor.
3. NAVs: broad-index ETFs follow their index (scale, small tracking drift, the 510310 consolidation
   and the 510300 dividend); other ETFs follow a path of their own theme; money ETFs stay near 100.
4. Units outstanding: for every fund the daily creations/redemptions are chosen as the smallest
   weighted change to a noisy baseline (flows that lean against index moves for broad ETFs, with a
   common weekly factor) subject to exact linear constraints: published fund sizes and units on given
   days, published flows over given windows, and the flows chosen for calibration weeks and
   episodes. Category and family totals are met by allocating them to member funds first.
5. Prices, turnover and volume are derived from NAV with a small premium and a turnover rate.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import math
import sys
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent
OUT = ROOT / "data"
SEED = 20260116
YI = 1e8
D = dt.date

# ---------------------------------------------------------------------------------------------
# 1. Calendar
# ---------------------------------------------------------------------------------------------

FIRST_DAY = D(2024, 1, 2)
LAST_DAY = D(2026, 1, 23)


def _span(a: dt.date, b: dt.date) -> list[dt.date]:
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]


# Weekday closures of the Shanghai and Shenzhen exchanges (published holiday schedules).
CLOSURES = set(
    [D(2024, 1, 1)]
    + _span(D(2024, 2, 9), D(2024, 2, 16))        # Spring Festival
    + [D(2024, 4, 4), D(2024, 4, 5)]               # Qingming
    + _span(D(2024, 5, 1), D(2024, 5, 3))          # Labour Day
    + [D(2024, 6, 10)]                             # Dragon Boat
    + [D(2024, 9, 16), D(2024, 9, 17)]             # Mid-Autumn
    + _span(D(2024, 10, 1), D(2024, 10, 7))        # National Day
    + [D(2025, 1, 1)]
    + _span(D(2025, 1, 28), D(2025, 2, 4))         # Spring Festival
    + [D(2025, 4, 4)]                              # Qingming
    + [D(2025, 5, 1), D(2025, 5, 2), D(2025, 5, 5)]  # Labour Day
    + [D(2025, 6, 2)]                              # Dragon Boat
    + _span(D(2025, 10, 1), D(2025, 10, 8))        # National Day and Mid-Autumn
    + [D(2026, 1, 1), D(2026, 1, 2)]               # New Year
)

DAYS: list[dt.date] = [d for d in _span(FIRST_DAY, LAST_DAY) if d.weekday() < 5 and d not in CLOSURES]
T = len(DAYS)
POS = {d: i for i, d in enumerate(DAYS)}


def p(s: str) -> int:
    """Position of a trading day given as YYYY-MM-DD (must be a trading day)."""
    d = dt.date.fromisoformat(s)
    if d not in POS:
        raise KeyError(f"{s} is not a trading day")
    return POS[d]


def p_on_or_before(s: str) -> int:
    d = dt.date.fromisoformat(s)
    while d not in POS:
        d -= dt.timedelta(days=1)
    return POS[d]


def p_on_or_after(s: str) -> int:
    d = dt.date.fromisoformat(s)
    while d not in POS:
        d += dt.timedelta(days=1)
    return POS[d]


def span_pos(a: str, b: str) -> list[int]:
    return list(range(p_on_or_after(a), p_on_or_before(b) + 1))


# ---------------------------------------------------------------------------------------------
# 2. Universe
# ---------------------------------------------------------------------------------------------

def build_universe() -> list[dict]:
    """The fund list (embedded at the end of this file), sorted by code."""
    rows = list(csv.DictReader(io.StringIO(UNIVERSE_CSV)))
    rows.sort(key=lambda r: r["code"])
    return rows


# ---------------------------------------------------------------------------------------------
# 3. Index and theme paths
# ---------------------------------------------------------------------------------------------

def _anchors(text: str) -> list[tuple[int, float]]:
    """'YYYY-MM-DD level; ...' -> [(position, level)] (dates must be trading days)."""
    out = []
    for part in text.replace("\n", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        day, level = part.split()
        out.append((p(day), float(level)))
    out.sort()
    return out


def bridge(anchors: list[tuple[int, float]], shocks: np.ndarray, vol: float) -> np.ndarray:
    """Log-path through the anchor levels; between anchors a Brownian bridge driven by `shocks`."""
    w = np.concatenate([[0.0], np.cumsum(vol * shocks[1:])])
    logp = np.empty(T)
    pts = anchors
    if pts[0][0] != 0:
        pts = [(0, pts[0][1] * math.exp(w[0] - w[pts[0][0]]))] + pts
    if pts[-1][0] != T - 1:
        last_pos, last_lvl = pts[-1]
        pts = pts + [(T - 1, last_lvl * math.exp(w[T - 1] - w[last_pos]))]
    dedup = []
    for pos, lvl in pts:
        if dedup and dedup[-1][0] == pos:
            dedup[-1] = (pos, lvl)
        else:
            dedup.append((pos, lvl))
    for (a, la), (b, lb) in zip(dedup[:-1], dedup[1:]):
        la, lb = math.log(la), math.log(lb)
        seg = np.arange(a, b + 1)
        frac = (seg - a) / (b - a)
        logp[seg] = la + (w[seg] - w[a]) - frac * (w[b] - w[a] - (lb - la))
    return np.exp(logp)


# Index anchors: approximate real closing levels, day by day around the key episodes.
INDEX_ANCHORS = {
    "csi300": """
2024-01-02 3386.35; 2024-01-22 3218.00; 2024-01-31 3286.06; 2024-02-02 3179.63; 2024-02-05 3200.94; 2024-02-06 3306.65;
2024-02-07 3350.00; 2024-02-08 3364.00; 2024-02-29 3516.08; 2024-03-29 3537.48; 2024-04-30 3604.39;
2024-05-20 3690.00; 2024-05-31 3579.92; 2024-06-28 3461.65; 2024-07-31 3442.08; 2024-08-30 3321.43;
2024-09-13 3159.25; 2024-09-18 3171.00; 2024-09-19 3185.00; 2024-09-20 3190.00; 2024-09-23 3201.00;
2024-09-24 3351.92; 2024-09-25 3374.00; 2024-09-26 3510.00; 2024-09-27 3703.68; 2024-09-30 4017.85;
2024-10-08 4256.10; 2024-10-09 3955.98; 2024-10-10 3982.00; 2024-10-11 3887.00; 2024-10-31 3891.00;
2024-11-29 3916.58; 2024-12-31 3934.91; 2025-01-13 3732.00; 2025-01-27 3817.00; 2025-02-28 3890.05;
2025-03-18 4010.00; 2025-03-31 3887.31; 2025-04-03 3861.00; 2025-04-07 3589.44; 2025-04-08 3650.00;
2025-04-30 3770.57; 2025-05-30 3840.23; 2025-06-13 3864.00; 2025-06-17 3870.00; 2025-06-18 3865.00;
2025-06-30 3936.08; 2025-07-31 4075.59; 2025-08-29 4496.77; 2025-09-23 4560.00; 2025-09-26 4580.00;
2025-09-30 4640.69; 2025-10-15 4618.00; 2025-10-24 4660.00; 2025-10-31 4640.00; 2025-11-14 4628.00; 2025-11-26 4517.00; 2025-11-28 4526.66; 2025-12-05 4584.00; 2025-12-16 4497.00;
2025-12-24 4640.00; 2025-12-25 4650.00; 2025-12-26 4657.24; 2025-12-31 4629.94; 2026-01-05 4720.00;
2026-01-06 4735.00; 2026-01-07 4748.00; 2026-01-08 4752.00; 2026-01-09 4760.00; 2026-01-12 4765.00;
2026-01-13 4745.00; 2026-01-14 4760.00; 2026-01-15 4740.00; 2026-01-16 4731.50; 2026-01-19 4725.00;
2026-01-20 4705.00; 2026-01-21 4715.00; 2026-01-22 4698.00; 2026-01-23 4708.00""",
    "sse_composite": """
2024-01-02 2962.28; 2024-01-22 2756.34; 2024-02-02 2730.15; 2024-02-05 2702.19; 2024-02-06 2789.49;
2024-02-07 2829.70; 2024-02-08 2865.90; 2024-02-29 3015.17; 2024-03-29 3041.17; 2024-04-30 3104.82;
2024-05-20 3171.15; 2024-05-31 3086.81; 2024-06-28 2967.40; 2024-07-31 2938.75; 2024-08-30 2842.21;
2024-09-13 2704.09; 2024-09-18 2717.28; 2024-09-23 2748.92; 2024-09-24 2863.13; 2024-09-25 2896.31;
2024-09-26 3000.95; 2024-09-27 3087.53; 2024-09-30 3336.50; 2024-10-08 3489.78; 2024-10-09 3258.86;
2024-10-10 3301.93; 2024-10-11 3217.74; 2024-10-31 3279.82; 2024-11-29 3326.46; 2024-12-31 3351.76;
2025-01-13 3160.76; 2025-01-27 3250.60; 2025-02-28 3320.90; 2025-03-18 3429.76; 2025-03-31 3335.75;
2025-04-03 3342.01; 2025-04-07 3096.58; 2025-04-08 3145.55; 2025-04-30 3279.03; 2025-05-30 3347.49;
2025-06-17 3385.00; 2025-06-30 3444.43; 2025-07-31 3573.21; 2025-08-29 3857.93; 2025-09-26 3828.11;
2025-09-30 3882.78; 2025-10-31 3954.79; 2025-11-26 3864.18; 2025-11-28 3888.60; 2025-12-15 3867.92;
2025-12-16 3824.81; 2026-01-12 4165.29; 2026-01-13 4138.76; 2026-01-14 4126.09; 2026-01-15 4112.60;
2026-01-16 4101.91; 2026-01-19 4114.00; 2026-01-20 4113.65; 2026-01-21 4116.94; 2026-01-22 4122.58;
2026-01-23 4136.16""",
    "sse50": """
2024-01-02 2397.00; 2024-02-05 2290.00; 2024-02-08 2400.00; 2024-02-29 2470.00; 2024-05-20 2580.00;
2024-09-13 2370.00; 2024-09-23 2400.00; 2024-09-24 2510.00; 2024-09-26 2620.00; 2024-09-27 2750.00;
2024-09-30 2990.00; 2024-10-08 3140.00; 2024-10-09 2930.00; 2024-10-10 2960.00; 2024-12-31 2710.00;
2025-01-13 2600.00; 2025-04-03 2700.00; 2025-04-07 2530.00; 2025-06-13 2720.00; 2025-06-30 2750.00;
2025-08-29 2950.00; 2025-09-26 3000.00; 2025-12-26 3060.00; 2026-01-09 3110.00; 2026-01-12 3115.00;
2026-01-13 3104.00; 2026-01-14 3110.00; 2026-01-15 3095.00; 2026-01-16 3087.00; 2026-01-19 3083.00;
2026-01-20 3070.00; 2026-01-21 3078.00; 2026-01-22 3072.00; 2026-01-23 3080.00""",
    "csi500": """
2024-01-02 5310.00; 2024-01-22 4680.00; 2024-02-05 4380.00; 2024-02-08 4800.00; 2024-02-29 5250.00;
2024-05-20 5690.00; 2024-06-28 5040.00; 2024-08-30 4630.00; 2024-09-13 4460.00; 2024-09-23 4550.00;
2024-09-24 4770.00; 2024-09-26 4990.00; 2024-09-27 5240.00; 2024-09-30 5740.00; 2024-10-08 6180.00;
2024-10-09 5800.00; 2024-10-10 5850.00; 2024-12-31 5740.00; 2025-01-13 5350.00; 2025-04-03 5750.00;
2025-04-07 5250.00; 2025-06-30 5910.00; 2025-08-29 6900.00; 2025-09-30 7410.00; 2025-11-28 7000.00;
2025-12-26 7420.00; 2026-01-09 7920.00; 2026-01-12 7990.00; 2026-01-13 7950.00; 2026-01-14 8010.00;
2026-01-15 7985.00; 2026-01-16 8020.00; 2026-01-19 8080.00; 2026-01-20 8060.00; 2026-01-21 8120.00;
2026-01-22 8180.00; 2026-01-23 8250.00""",
    "csi1000": """
2024-01-02 5750.00; 2024-01-22 4980.00; 2024-02-05 4270.00; 2024-02-08 4850.00; 2024-02-29 5330.00;
2024-05-20 5880.00; 2024-06-28 5010.00; 2024-08-30 4620.00; 2024-09-13 4480.00; 2024-09-23 4700.00;
2024-09-24 4930.00; 2024-09-26 5170.00; 2024-09-27 5450.00; 2024-09-30 6040.00; 2024-10-08 6420.00;
2024-10-09 6010.00; 2024-10-10 5936.00; 2024-12-31 6200.00; 2025-01-13 5650.00; 2025-04-03 6300.00;
2025-04-07 5450.00; 2025-06-30 6350.00; 2025-08-29 7330.00; 2025-09-30 7560.00; 2025-11-28 7300.00;
2025-12-26 7600.00; 2026-01-09 8050.00; 2026-01-12 8120.00; 2026-01-13 8070.00; 2026-01-14 8130.00;
2026-01-15 8100.00; 2026-01-16 8150.00; 2026-01-19 8210.00; 2026-01-20 8180.00; 2026-01-21 8240.00;
2026-01-22 8300.00; 2026-01-23 8380.00""",
    "csi2000": """
2024-01-02 2480.00; 2024-02-05 1650.00; 2024-02-08 1960.00; 2024-02-29 2250.00; 2024-05-20 2450.00;
2024-08-30 1900.00; 2024-09-13 1850.00; 2024-09-23 1930.00; 2024-09-30 2500.00; 2024-10-08 2720.00;
2024-10-10 2600.00; 2024-12-31 2750.00; 2025-01-13 2450.00; 2025-04-07 2420.00; 2025-06-30 2800.00;
2025-08-29 3100.00; 2025-09-30 3150.00; 2025-12-26 3180.00; 2026-01-09 3380.00; 2026-01-12 3410.00;
2026-01-16 3430.00; 2026-01-23 3500.00""",
    "a500": """
2024-01-02 4150.00; 2024-02-05 3850.00; 2024-02-29 4280.00; 2024-05-20 4480.00; 2024-09-13 3900.00;
2024-09-23 3960.00; 2024-09-30 5000.00; 2024-10-08 5300.00; 2024-10-10 4980.00; 2024-10-15 4850.00;
2024-12-31 4820.00; 2025-04-07 4450.00; 2025-06-30 4880.00; 2025-08-29 5550.00; 2025-09-30 5750.00;
2025-12-26 5800.00; 2026-01-09 5960.00; 2026-01-12 5972.00; 2026-01-13 5950.00; 2026-01-14 5968.00;
2026-01-15 5948.00; 2026-01-16 5950.00; 2026-01-19 5946.00; 2026-01-20 5930.00; 2026-01-21 5945.00;
2026-01-22 5938.00; 2026-01-23 5960.00""",
    "chinext": """
2024-01-02 1877.00; 2024-01-22 1640.00; 2024-02-05 1539.00; 2024-02-08 1680.00; 2024-02-29 1780.00;
2024-05-20 1860.00; 2024-06-28 1600.00; 2024-08-30 1563.00; 2024-09-13 1560.00; 2024-09-23 1620.00;
2024-09-24 1720.00; 2024-09-26 1840.00; 2024-09-27 1980.00; 2024-09-30 2175.00; 2024-10-08 2496.00;
2024-10-09 2221.00; 2024-10-10 2183.00; 2024-12-31 2141.00; 2025-01-13 2000.00; 2025-04-03 2120.00;
2025-04-07 1820.00; 2025-06-30 2150.00; 2025-08-29 2890.00; 2025-09-30 3238.00; 2025-11-28 3050.00;
2025-12-26 3243.00; 2026-01-09 3330.00; 2026-01-12 3350.00; 2026-01-16 3360.00; 2026-01-23 3330.00""",
    "star50": """
2024-01-02 857.00; 2024-02-05 690.00; 2024-02-29 800.00; 2024-05-20 790.00; 2024-09-13 690.00;
2024-09-23 720.00; 2024-09-30 870.00; 2024-10-08 1000.00; 2024-10-10 960.00; 2024-12-31 980.00;
2025-03-18 1110.00; 2025-04-07 950.00; 2025-06-30 980.00; 2025-08-29 1320.00; 2025-09-30 1450.00;
2025-11-28 1300.00; 2025-12-26 1340.00; 2026-01-09 1460.00; 2026-01-12 1480.00; 2026-01-13 1470.00;
2026-01-14 1462.00; 2026-01-15 1450.00; 2026-01-16 1445.00; 2026-01-19 1455.00; 2026-01-20 1460.00;
2026-01-21 1475.00; 2026-01-22 1490.00; 2026-01-23 1500.00""",
}
INDEX_VOL = {"sse_composite": 0.009, "csi300": 0.010, "sse50": 0.0095, "csi500": 0.013, "csi1000": 0.016,
             "csi2000": 0.019, "a500": 0.0105, "chinext": 0.017, "star50": 0.018}
INDEX_RHO = {"sse_composite": 0.97, "csi300": 0.97, "sse50": 0.93, "csi500": 0.85, "csi1000": 0.80,
             "csi2000": 0.75, "a500": 0.97, "chinext": 0.80, "star50": 0.70}
INDEX_ORDER = ["sse_composite", "csi300", "sse50", "csi500", "csi1000", "csi2000", "a500", "chinext", "star50"]

# Theme paths (level 1.0 on 2024-01-02): (anchors, daily vol, correlation with the market factor).
THEME_ANCHORS = {
    "software": ("""2024-02-05 0.62; 2024-09-23 0.62; 2024-10-08 1.05; 2024-12-31 1.15; 2025-04-07 0.98;
        2025-08-29 1.25; 2025-12-26 1.20; 2026-01-05 1.22; 2026-01-09 1.32; 2026-01-12 1.35; 2026-01-13 1.39;
        2026-01-14 1.40; 2026-01-15 1.42; 2026-01-16 1.355; 2026-01-19 1.33; 2026-01-20 1.29; 2026-01-21 1.29;
        2026-01-22 1.31; 2026-01-23 1.33""", 0.022, 0.6),
    "satellite": ("""2024-02-05 0.70; 2024-09-23 0.72; 2024-10-08 1.00; 2024-12-31 1.05; 2025-04-07 0.95;
        2025-08-29 1.35; 2025-12-26 1.75; 2026-01-05 1.85; 2026-01-09 2.05; 2026-01-12 2.20; 2026-01-13 2.30;
        2026-01-14 2.25; 2026-01-15 2.15; 2026-01-16 2.10; 2026-01-19 2.06; 2026-01-20 2.00; 2026-01-21 2.00;
        2026-01-22 2.03; 2026-01-23 2.05""", 0.025, 0.55),
    "nonferrous": ("""2024-05-20 1.20; 2024-09-13 0.95; 2024-10-08 1.20; 2024-12-31 1.05; 2025-04-07 0.95;
        2025-08-29 1.45; 2025-12-26 1.90; 2026-01-09 2.05; 2026-01-16 2.12; 2026-01-23 2.20""", 0.018, 0.55),
    "ai": ("""2024-02-05 0.65; 2024-09-23 0.70; 2024-10-08 1.10; 2024-12-31 1.10; 2025-04-07 0.95;
        2025-08-29 1.50; 2025-12-26 1.60; 2026-01-09 1.72; 2026-01-12 1.74; 2026-01-13 1.76; 2026-01-14 1.77;
        2026-01-15 1.775; 2026-01-16 1.79; 2026-01-23 1.74""", 0.022, 0.6),
    "grid": ("""2024-02-05 0.80; 2024-05-20 1.05; 2024-09-23 0.90; 2024-10-08 1.10; 2024-12-31 1.05;
        2025-04-07 0.95; 2025-08-29 1.30; 2025-11-20 1.55; 2025-12-26 1.75; 2026-01-08 1.86; 2026-01-09 1.90;
        2026-01-12 1.93; 2026-01-13 2.072; 2026-01-14 2.06; 2026-01-15 2.04; 2026-01-16 2.05; 2026-01-23 2.15""", 0.018, 0.55),
    "robot": ("""2024-02-05 0.70; 2024-10-08 1.10; 2024-12-31 1.20; 2025-03-18 1.50; 2025-04-07 1.25;
        2025-08-29 1.60; 2025-12-26 1.65; 2026-01-23 1.80""", 0.020, 0.6),
    "photovoltaic": ("""2024-02-05 0.70; 2024-05-20 0.85; 2024-09-13 0.65; 2024-10-08 0.95; 2024-12-31 0.85;
        2025-04-07 0.70; 2025-08-29 0.85; 2025-12-26 0.95; 2026-01-23 1.00""", 0.020, 0.55),
    "defense": ("""2024-02-05 0.75; 2024-09-13 0.75; 2024-10-08 1.05; 2024-12-31 1.05; 2025-05-15 1.30;
        2025-08-29 1.45; 2025-12-26 1.40; 2026-01-16 1.55; 2026-01-23 1.60""", 0.018, 0.6),
    "real_estate": ("""2024-02-05 0.85; 2024-05-20 1.05; 2024-09-13 0.80; 2024-10-08 1.20; 2024-12-31 1.00;
        2025-12-26 0.85; 2026-01-23 0.88""", 0.018, 0.65),
    "semiconductor": ("""2024-02-05 0.70; 2024-09-13 0.80; 2024-10-08 1.20; 2024-12-31 1.25; 2025-04-07 1.05;
        2025-08-29 1.60; 2025-12-26 1.70; 2026-01-16 1.85; 2026-01-23 1.90""", 0.023, 0.6),
    "chips": ("""2024-02-05 0.70; 2024-09-13 0.82; 2024-10-08 1.22; 2024-12-31 1.27; 2025-04-07 1.05;
        2025-08-29 1.62; 2025-12-26 1.72; 2026-01-16 1.86; 2026-01-23 1.92""", 0.023, 0.6),
    "securities": ("""2024-02-05 0.82; 2024-09-13 0.80; 2024-10-08 1.40; 2024-12-31 1.20; 2025-04-07 1.05;
        2025-08-29 1.35; 2025-12-26 1.30; 2026-01-09 1.40; 2026-01-16 1.32; 2026-01-23 1.30""", 0.018, 0.75),
    "broker": ("""2024-02-05 0.82; 2024-09-13 0.80; 2024-10-08 1.42; 2024-12-31 1.22; 2025-04-07 1.05;
        2025-08-29 1.36; 2025-12-26 1.31; 2026-01-09 1.41; 2026-01-16 1.33; 2026-01-23 1.31""", 0.018, 0.75),
    "liquor": ("""2024-05-20 1.05; 2024-09-13 0.70; 2024-10-08 1.00; 2024-12-31 0.85; 2025-12-26 0.70;
        2026-01-23 0.68""", 0.016, 0.6),
    "bank": ("""2024-05-20 1.15; 2024-09-13 1.10; 2024-10-08 1.30; 2024-12-31 1.35; 2025-07-10 1.60;
        2025-12-26 1.55; 2026-01-23 1.50""", 0.010, 0.6),
    "cloud": ("""2024-02-05 0.64; 2024-09-23 0.64; 2024-10-08 1.05; 2024-12-31 1.12; 2025-04-07 0.97;
        2025-08-29 1.28; 2025-12-26 1.25; 2026-01-16 1.40; 2026-01-23 1.36""", 0.022, 0.6),
    "media": ("""2024-02-05 0.70; 2024-10-08 1.00; 2024-12-31 1.10; 2025-12-26 1.40; 2026-01-16 1.65;
        2026-01-23 1.60""", 0.022, 0.55),
    "hstech": ("""2024-01-22 0.84; 2024-05-20 1.10; 2024-09-13 0.93; 2024-09-30 1.45; 2024-10-08 1.35;
        2024-12-31 1.25; 2025-03-18 1.65; 2025-04-07 1.25; 2025-09-30 1.80; 2025-12-26 1.60; 2026-01-23 1.66""", 0.022, 0.3),
    "hk_internet": ("""2024-01-22 0.85; 2024-05-20 1.12; 2024-09-13 0.95; 2024-09-30 1.42; 2024-12-31 1.28;
        2025-03-18 1.62; 2025-04-07 1.27; 2025-09-30 1.78; 2025-12-26 1.58; 2026-01-23 1.64""", 0.021, 0.3),
    "china_internet": ("""2024-01-22 0.86; 2024-05-20 1.10; 2024-09-13 0.95; 2024-09-30 1.38; 2024-12-31 1.25;
        2025-03-18 1.55; 2025-04-07 1.20; 2025-09-30 1.65; 2025-12-26 1.52; 2026-01-23 1.56""", 0.020, 0.3),
    "nasdaq100": ("""2024-07-10 1.25; 2024-08-05 1.10; 2024-12-31 1.30; 2025-04-07 1.05; 2025-08-29 1.45;
        2025-12-26 1.60; 2026-01-23 1.62""", 0.012, 0.1),
    "hk_innovative_drug": ("""2024-09-13 0.75; 2024-10-08 1.00; 2024-12-31 0.85; 2025-03-18 1.00; 2025-08-29 1.70;
        2025-09-11 1.75; 2025-12-26 1.50; 2026-01-16 1.60; 2026-01-23 1.55""", 0.023, 0.3),
    "gold": ("""2024-04-12 1.17; 2024-10-30 1.33; 2024-12-31 1.30; 2025-04-21 1.65; 2025-08-29 1.70;
        2025-10-20 2.05; 2025-12-26 2.10; 2026-01-12 2.18; 2026-01-21 2.30; 2026-01-23 2.32""", 0.009, 0.0),
    "convertible_bond": ("""2024-02-05 0.93; 2024-09-23 0.95; 2024-12-31 1.05; 2025-12-26 1.22; 2026-01-23 1.25""", 0.0045, 0.4),
    "policy_financial_bond": ("""2024-12-31 1.045; 2025-12-26 1.065; 2026-01-23 1.066""", 0.0006, -0.1),
    "urban_investment_bond": ("""2024-12-31 1.038; 2025-12-26 1.068; 2026-01-23 1.070""", 0.0003, -0.1),
    "short_term_financing_bond": ("""2024-12-31 1.021; 2025-12-26 1.040; 2026-01-23 1.0415""", 0.0001, 0.0),
    "star100": ("""2024-02-05 0.72; 2024-09-23 0.78; 2024-10-08 1.15; 2024-12-31 1.20; 2025-04-07 1.08;
        2025-08-29 1.55; 2025-12-26 1.62; 2026-01-23 1.78""", 0.019, 0.75),
    "star_composite": ("""2024-02-05 0.74; 2024-09-23 0.80; 2024-10-08 1.14; 2024-12-31 1.16; 2025-04-07 1.06;
        2025-08-29 1.50; 2025-12-26 1.55; 2026-01-09 1.68; 2026-01-16 1.66; 2026-01-23 1.72""", 0.018, 0.75),
}


def _sse_streak_anchors(rng: np.random.Generator) -> list[tuple[int, float]]:
    """SSE Composite closes 2025-12-17 .. 2026-01-12: 17 rising closes ending at 4165.29."""
    a, b = p("2025-12-16"), p("2026-01-12")
    n = b - a
    assert n == 17, n
    weights = rng.gamma(2.0, 1.0, n) + 0.3
    steps = weights / weights.sum() * math.log(4165.29 / 3824.81)
    levels = 3824.81 * np.exp(np.cumsum(steps))
    levels[-1] = 4165.29
    return [(a + i + 1, round(float(levels[i]), 2)) for i in range(n)]


def build_paths(rng: np.random.Generator) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], np.ndarray]:
    market = rng.standard_normal(T)
    indices = {}
    for key in INDEX_ORDER:
        rho = INDEX_RHO[key]
        shocks = rho * market + math.sqrt(1 - rho * rho) * rng.standard_normal(T)
        anchors = _anchors(INDEX_ANCHORS[key])
        if key == "sse_composite":
            anchors = sorted(anchors + _sse_streak_anchors(rng))
        indices[key] = np.round(bridge(anchors, shocks, INDEX_VOL[key]), 2)
    # exact published anchor
    assert indices["sse_composite"][p("2026-01-12")] == 4165.29
    themes = {}
    for key, (text, vol, rho) in THEME_ANCHORS.items():
        shocks = rho * market + math.sqrt(1 - rho * rho) * rng.standard_normal(T)
        anchors = [(0, 1.0)] + _anchors(text)
        themes[key] = bridge(anchors, shocks, vol)
    # CNI 2000 follows the CSI 2000 closely
    themes["cni2000"] = indices["csi2000"] / indices["csi2000"][0] * np.exp(np.cumsum(rng.normal(0, 0.002, T)))
    return indices, themes, market


# ---------------------------------------------------------------------------------------------
# 4. Fund specifications
# ---------------------------------------------------------------------------------------------

# code: planned AUM in 亿 at listing (A0), on 2024-12-31 (A1) and on 2025-12-26 (A2) ("-" = not
# planned: published anchors decide), and the NAV at listing (nav0; "-" = set by NAV anchors).
# Sizes follow published figures where there is one and are order-of-magnitude estimates otherwise.
SPEC_TEXT = """
510300 - - - -
510310 480 - - -
510330 500 1900 - -
159919 450 1750 - -
159925 40 85 100 4.35
510360 20 50 60 1.49
515330 12 25 30 1.08
510320 8 14 15 0.98
510350 10 16 20 4.03
510380 20 40 45 4.12
510390 10 20 25 4.09
515380 10 16 20 4.21
515390 6 12 15 1.02
515660 5 8 10 1.07
159300 6 15 20 1.12
159673 10 22 30 0.96
159330 2 5 8 0.92
563520 2 4 6 0.95
510050 530 - 1700 2.41
510100 25 35 40 2.35
510710 8 12 15 2.48
530000 6 10 12 0.97
510500 450 900 1150 5.95
512500 80 115 130 6.10
510510 20 30 35 5.55
510580 15 25 30 5.80
159922 30 50 60 5.70
159968 10 20 25 5.65
512510 15 25 30 5.50
159820 8 15 20 0.92
512100 250 720 900 2.28
159845 120 350 450 2.20
159633 50 180 260 1.92
560010 30 140 220 1.88
159629 30 130 200 1.90
512050 20 200 300 1.0
159338 20 190 290 1.0
563360 20 220 260 1.0
159361 20 180 225 1.0
159352 20 170 200 1.0
159351 20 140 170 1.0
563800 20 130 155 1.0
159339 20 120 145 1.0
159353 20 80 100 1.0
560530 20 70 90 1.0
560510 20 60 80 1.0
563220 20 100 125 1.0
563880 15 80 100 1.0
560610 15 70 90 1.0
512020 15 80 100 1.0
159362 15 60 80 1.0
159357 15 80 100 1.0
159358 15 50 65 1.0
159359 15 80 100 1.0
159360 15 50 65 1.0
159356 15 50 65 1.0
563500 15 60 80 1.0
512080 10 30 65 1.0
159215 10 - 45 1.0
159915 330 1150 1150 1.93
159952 60 140 120 1.00
159948 40 80 70 2.63
159957 30 65 60 2.05
159977 25 55 50 2.10
159908 20 40 35 2.00
159964 15 32 30 1.01
159958 12 25 22 1.98
159971 12 28 25 1.05
159205 5 14 30 0.98
588000 600 720 700 0.88
588080 300 420 450 0.87
588050 40 55 60 0.86
588090 30 45 50 0.87
588060 15 25 30 0.84
588180 12 18 20 0.85
588870 8 13 15 0.82
588940 6 10 12 0.78
589850 2 6 10 0.80
563300 10 30 40 0.82
159531 8 22 30 0.85
562660 0.5 8 15 0.80
159552 5 15 20 0.88
159628 5 10 15 0.83
588030 20 45 60 0.86
588120 10 22 30 0.88
588190 15 30 40 0.84
588220 8 15 20 0.83
588800 10 22 30 0.85
588900 5 11 15 0.80
589000 40 - 120 1.0
589800 30 - 100 1.0
589680 20 - 60 1.0
589880 15 - 50 1.0
159852 20 40 - -
515230 15 30 - -
562930 5 10 15 0.72
159899 3 6 8 0.68
159590 3 6 8 0.75
159107 1 4 8 0.80
159206 3 8 - -
563230 3 8 25 0.95
159218 2 6 20 0.98
563530 2 5 12 1.00
512630 3 6 10 0.90
512400 60 90 230 1.07
159876 5 8 20 0.92
159871 4 7 15 0.95
159880 5 8 20 1.10
159652 5 8 18 0.88
516650 5 9 20 0.85
560860 3 5 12 0.90
561330 3 5 10 0.82
159690 3 5 10 0.78
159819 15 25 40 0.85
515070 20 30 40 1.15
515980 20 40 - -
512930 10 15 20 1.20
588730 5 12 25 0.70
588930 5 10 20 0.68
589010 2 6 15 0.75
159326 2 5 - -
561380 5 10 40 0.95
159320 3 8 25 0.98
562500 30 80 150 0.72
159770 10 30 70 0.75
159530 5 20 60 0.78
159526 5 15 30 0.80
560770 3 10 20 0.70
159213 1 3 30 0.95
159559 3 8 15 0.74
515790 150 120 100 0.95
159857 40 35 30 0.70
515370 20 18 15 0.68
159864 20 18 15 0.72
516880 15 12 10 0.62
562970 6 6 5 0.58
516290 10 9 8 0.65
159123 3 4 5 0.70
512660 100 110 110 1.05
512680 50 55 60 1.12
512810 40 45 45 0.78
512670 30 32 35 0.85
512560 10 12 15 0.95
512710 30 30 30 0.88
512200 20 30 35 0.55
515060 10 13 15 0.60
512480 120 180 250 0.95
512880 350 500 580 0.88
512000 250 380 430 0.92
512690 50 120 180 0.75
512800 80 110 150 1.10
159995 150 200 250 0.98
516630 30 45 60 0.85
516190 10 20 40 0.70
513180 100 250 420 0.48
513130 100 220 350 0.50
159740 50 100 150 0.52
513010 50 100 150 0.55
513330 200 400 600 0.45
159792 100 250 420 0.50
513050 250 350 500 0.95
513100 150 180 200 1.20
159941 150 250 350 0.95
513300 80 150 200 1.40
159501 50 100 150 1.05
159659 40 80 120 1.25
159570 5 20 150 -
518880 300 500 930 4.75
511380 60 150 400 10.50
511520 100 300 600 108.0
511220 30 80 150 10.20
511360 150 350 600 107.0
511990 900 850 800 100.0
511880 700 720 750 100.35
511660 200 190 180 100.0
159001 150 130 120 100.0
"""

BROAD_INDEX = {"csi300", "sse50", "csi500", "csi1000", "csi2000", "a500", "chinext", "star50"}
FLAT_MONEY = {"511990", "511660", "159001"}


def _num(x: str):
    return None if x == "-" else float(x)


class Fund:
    def __init__(self, row: dict, spec: tuple):
        self.code = row["code"]
        self.cat = row["category"]
        self.theme = row["theme"]
        self.first = POS[dt.date.fromisoformat(row["listed"])]
        self.A0, self.A1, self.A2, self.nav0 = spec
        self.nav = np.full(T, np.nan)
        self.ratio = np.ones(T)          # split ratio per day (1 = none)
        self.dividend = np.zeros(T)
        self.nav_anchors: list[tuple[int, float]] = []
        self.nav_from_aum: list[tuple[int, float]] = []   # (pos, AUM yuan): NAV there = AUM / units
        self.share_anchors: list[tuple[int, float]] = []  # (pos, units)
        self.aum_anchors: list[tuple[int, float]] = []    # (pos, AUM yuan)
        self.windows: list[tuple[int, int, float]] = []   # (a, b, flow yuan) inclusive
        self.shape_windows: list[tuple[int, int, float, np.ndarray]] = []  # baseline daily shape
        self.S0 = None                   # units on the listing day
        self.x = None                    # solved units change per day
        self.S = None
        self.big = False

    @property
    def idx(self) -> np.ndarray:
        return np.arange(self.first, T)

    def pin(self, day: str, flow_yi: float) -> None:
        i = p(day)
        self.windows.append((i, i, flow_yi * YI))

    def window(self, a: str, b: str, flow_yi: float, shape: np.ndarray | None = None) -> None:
        ia, ib = p_on_or_after(a), p_on_or_before(b)
        self.windows.append((ia, ib, flow_yi * YI))
        if shape is not None:
            self.shape_windows.append((ia, ib, flow_yi * YI, np.asarray(shape, dtype=float)))


def load_specs() -> dict[str, tuple]:
    out = {}
    for line in SPEC_TEXT.strip().splitlines():
        code, a0, a1, a2, nav0 = line.split()
        out[code] = (_num(a0), _num(a1), _num(a2), _num(nav0))
    return out


# ---------------------------------------------------------------------------------------------
# 5. NAV paths
# ---------------------------------------------------------------------------------------------

def shape_for(f: Fund, indices: dict, themes: dict) -> np.ndarray:
    if f.cat == "broad" and f.theme in BROAD_INDEX:
        return indices[f.theme]
    return themes[f.theme]


def build_nav(f: Fund, indices: dict, themes: dict, noise: np.ndarray) -> None:
    """NAV of the fund on every day from listing (4 decimals)."""
    if f.cat == "money":
        if f.code in FLAT_MONEY:
            f.nav[:] = 100.0
        else:
            f.nav[:] = np.round(f.nav0 * (1 + 0.014 / 244) ** np.arange(T), 4)
        return
    shape = shape_for(f, indices, themes).astype(float)
    drift = {"broad": 0.02, "sector_theme": 0.01}.get(f.cat, 0.0) / 244
    base = shape * np.exp(drift * np.arange(T) + noise)
    R = np.cumprod(f.ratio)
    base = base / R                        # a consolidation raises the NAV per unit
    if f.nav_anchors:
        pts = sorted(f.nav_anchors)
        ex = np.flatnonzero(f.dividend)
        if len(ex):
            # one cash dividend: NAV(t) = c * base(t) - d * base(t)/base(ex) for t >= ex
            e = ex[0]
            d = f.dividend[e]
            a, target = pts[-1]
            c = (target + d * base[a] / base[e]) / base[a] if a >= e else target / base[a]
            nav = c * base
            nav[e:] = c * base[e:] * (1 - d / (c * base[e]))
            f.nav[:] = np.round(nav, 4)
            return
        logcorr = np.array([math.log(v / base[i]) for i, v in pts])
        corr = np.interp(np.arange(T), [i for i, _ in pts], logcorr)
        f.nav[:] = np.round(base * np.exp(corr), 4)
    else:
        f.nav[:] = np.round(f.nav0 * base / base[f.first], 4)
    f.nav[: f.first] = np.nan


# ---------------------------------------------------------------------------------------------
# 6. Solving for units outstanding
# ---------------------------------------------------------------------------------------------

def interp_log(points: list[tuple[int, float]]) -> np.ndarray:
    pts = sorted(points)
    xs = [i for i, _ in pts]
    ys = [math.log(v) for _, v in pts]
    return np.exp(np.interp(np.arange(T), xs, ys))


def reference_units(f: Fund) -> np.ndarray:
    """A rough units path through every size anchor (used to scale noise and allocations)."""
    pts = [(i, s) for i, s in f.share_anchors] + [(i, a / f.nav[i]) for i, a in f.aum_anchors]
    pts.append((f.first, f.S0))
    R = np.cumprod(f.ratio)
    # anchors are in units of their own day; express in listing-day units, interpolate, convert back
    pts = [(i, s / R[i]) for i, s in pts]
    return interp_log(pts) * R


def solve_units(f: Fund, x0: np.ndarray, v: np.ndarray) -> None:
    """Smallest weighted change to the baseline x0 (units per day) that meets every constraint."""
    idx = f.idx
    R = np.cumprod(f.ratio)
    rows, rhs = [], []
    for a, b, flow in f.windows:
        row = np.zeros(T)
        row[a: b + 1] = f.nav[a: b + 1]
        rows.append(row)
        rhs.append(flow)
    anchors = list(f.share_anchors) + [(i, a / f.nav[i]) for i, a in f.aum_anchors]
    for d, units in anchors:
        row = np.zeros(T)
        row[f.first + 1: d + 1] = R[d] / R[f.first + 1: d + 1]
        rows.append(row)
        rhs.append(units - f.S0 * R[d] / R[f.first])
    xs = x0.copy()
    xs[: f.first + 1] = 0.0
    if rows:
        A = np.array(rows)[:, idx[1:]]
        b = np.array(rhs)
        vv = v[idx[1:]]
        base = xs[idx[1:]]
        sq = np.sqrt(vv)
        norm = np.linalg.norm(A * sq, axis=1)[:, None]
        y = np.linalg.lstsq(A * sq / norm, (b - A @ base) / norm[:, 0], rcond=1e-12)[0]
        sol = base + sq * y
        resid = A @ sol - b
        scale = np.maximum(np.abs(b), 1.0)
        if np.max(np.abs(resid) / scale) > 1e-6:
            raise RuntimeError(f"{f.code}: constraints not met (max rel residual {np.max(np.abs(resid) / scale):.2e})")
        xs[idx[1:]] = sol
    f.x = xs
    S = np.zeros(T)
    s = f.S0
    for i in idx:
        if i > f.first:
            s = s * f.ratio[i] + xs[i]
        S[i] = s
    f.S = S


# ---------------------------------------------------------------------------------------------
# 7. Calibration plan
# ---------------------------------------------------------------------------------------------

W12 = ["2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15", "2026-01-16"]
W19 = ["2026-01-19", "2026-01-20", "2026-01-21", "2026-01-22", "2026-01-23"]
W05 = ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09"]

# Named daily flows (亿元) for the weeks of 2026-01-12 and 2026-01-19 (ten values: W12 then W19).
# Chosen so that the published weekly, window and one-day figures hold (see README).
NAMED_BROAD = {
    "510300": [-14, -24, -50, -202, -185.15, -180, -60, -50.68, -190, -185],
    "510330": [-10, -25, -20, -120, -105, -100, -35, -29.86, -200, -195],
    "510310": [4, 8, -12, -70, -60, -115, -37, -32.83, -230, -225],
    "159919": [-1, 8, -8, -48, -41, -106.49, -36, -37.72, -160, -155.8],
    "510050": [-5, -10, -25, -85, -75, -150, -60, -50, -50, -41.49],
    "588080": [-10, -16, -45, -85, -80, -6, -3, -1, 2, 1],
    "512100": [4, 2, -4, -13, -11.35, -170, -90, -70, -50, -40],
    "510500": [-1, -2, -4, -9, -9, -70, -40, -24.65, -20, -15],
    "159915": [0, -3, -5, -12, -10, -45, -25, -17.7, 20, 15],
    "512050": [1, -2, -3, -8, -8, -45, -26, -20, 15, 12],
    "588000": [-1, -1, -3, -5, -5, -3, -2, -1, -1, -1],
}
CSI300_SMALL_DAILY = [-12, -14, -10, -12, -10.66, 5, 8, 10.02, -20, -15]
# Pools of the other broad ETFs: (week-of-01-12 total, week-of-01-19 total) by family.
BROAD_POOLS = {
    "sse50": (-9, -10), "csi500": (-60, 19.65), "csi1000": (-45, -365.14), "a500": (None, 264),
    "chinext": (-40, 112.7), "star50": (4, -5), "csi2000": (3, 15), "cni2000": (-1, 2), "star100": (-45, 20),
    "star_composite": (-60, 62.42),
}
NAMED_SECTOR_W12 = {
    "159206": [8, 10, 9, 9, 9], "512400": [7, 9, 8, 9, 7], "159326": [3.5, 5, 4, 3.5, 3],
    "159819": [2.5, 3.5, 3.0, 3.4, 2.5], "588730": [0.3, 0.3, 0.3, 0.2, 0.2],
    "561380": [-1, -2.5, -2, -1.5, -0.5], "159320": [-0.5, -1.5, -1, -1, -0.5],
}
LAGGARDS_W12 = {"512800": -6.0, "512690": -4.0, "512200": -1.5, "515060": -0.5}   # bank, liquor, real estate
OTHER_W12 = {  # weekly totals (亿) of cross-border, commodity, bond and money ETFs
    "513180": 35, "513130": 25, "159740": 13, "513010": 12, "513330": 40, "159792": 25, "513050": 15,
    "159570": 24.2, "513100": 8, "159941": 10, "513300": 7, "159501": 6, "159659": 4.57,
    "518880": 25, "511380": -20, "511520": -15, "511220": -25, "511360": -80,
    "511990": -110, "511880": -90, "511660": -30, "159001": -18.58,
}
THEME_PULL = {"media": 2.0, "defense": 1.6, "semiconductor": 1.5, "chips": 1.5, "software": 1.3, "nonferrous": 1.3,
              "ai": 1.2, "satellite": 1.2, "securities": 1.2, "broker": 1.2, "cloud": 1.2, "robot": 1.0,
              "photovoltaic": 0.6, "real_estate": 0.5, "liquor": 0.6, "bank": 0.4, "grid": 0.8}
SECTOR_CAP = 17.5     # no other sector ETF may take in more than the five named leaders in the week
BROAD_CAP = 18.0      # no other broad ETF may lose more than the 10th-largest named outflow


def allocate(total: float, weights: dict[str, float], cap: float | None = None) -> dict[str, float]:
    """Split `total` in proportion to `weights`; with `cap`, every share stays below |cap| in size
    (a smooth saturation x*cap/(x+cap), scaled so that the shares still add up to the total)."""
    keys = list(weights)
    w = np.array([max(weights[k], 1e-9) for k in keys])
    w = w / w.sum()
    if cap is None:
        return dict(zip(keys, total * w))
    mag = abs(total)
    assert mag < cap * len(keys), (total, cap, len(keys))
    g = lambda s: (cap * s * w / (s * w + cap))
    lo, hi = 0.0, mag
    while g(hi).sum() < mag:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if g(mid).sum() < mag else (lo, mid)
    vals = g(hi) * mag / g(hi).sum()
    return dict(zip(keys, math.copysign(1.0, total) * vals))


def jitter(rng: np.random.Generator, weights: dict[str, float], sigma: float = 0.35) -> dict[str, float]:
    return {k: v * math.exp(sigma * rng.standard_normal()) for k, v in weights.items()}


class Plan:
    """All constraints, built on planned fund sizes."""

    def __init__(self, funds: "OrderedDict[str, Fund]", rng: np.random.Generator):
        self.funds = funds
        self.rng = rng
        self.daily: dict[tuple[str, str], float] = {}   # (code, day) -> flow 亿 for the calibration weeks

    def aum(self, code: str, day: str) -> float:
        f = self.funds[code]
        i = p_on_or_before(day)
        return f.Sref[i] * f.nav[i] / YI

    def members(self, pred) -> list[str]:
        return [c for c, f in self.funds.items() if pred(f)]

    def set_daily(self, code: str, days: list[str], values: list[float]) -> None:
        f = self.funds[code]
        for d, v in zip(days, values):
            f.pin(d, v)
            self.daily[(code, d)] = v

    def spread(self, code: str, days: list[str], total: float, profile: list[float]) -> None:
        prof = np.asarray(profile, dtype=float)
        self.set_daily(code, days, list(total * prof / prof.sum()))


def setup_funds(universe: list[dict], indices: dict, themes: dict, rng: np.random.Generator) -> "OrderedDict[str, Fund]":
    specs = load_specs()
    funds: OrderedDict[str, Fund] = OrderedDict((r["code"], Fund(r, specs[r["code"]])) for r in universe)
    F = funds
    # special events and NAV anchors
    F["510310"].ratio[p("2024-09-20")] = 0.49977589
    F["510310"].nav_anchors.append((p("2024-09-30"), 2634.50 / 655.46))
    F["510300"].dividend[p("2025-06-18")] = 0.088
    F["510300"].nav_anchors.append((p("2025-12-26"), 4.7450))
    F["510330"].nav_anchors.append((p("2025-12-24"), 2287.9 / 474.19))
    F["159919"].nav_anchors.append((p("2025-12-26"), 4.8000))
    F["159852"].nav_anchors.append((p("2026-01-14"), 136.27 / 129.27))
    F["515230"].nav_anchors += [(p("2026-01-13"), 46.02 / 43.84), (p("2026-01-21"), 60.79 / 61.57)]
    F["515980"].nav_anchors += [(p("2026-01-13"), 87.09 / 89.93), (p("2026-01-16"), 96.23 / 97.97)]
    F["159326"].nav_anchors.append((p("2026-01-16"), 85.75 / 50.93))
    F["159206"].nav_anchors.append((p("2026-01-09"), 1.8500))
    F["159570"].nav_anchors.append((p("2025-09-11"), 22.97 / 15.40))
    for f in F.values():
        kind = 0.0003 if f.cat == "broad" else 0.0025 if f.cat in ("sector_theme", "cross_border") else 0.0002
        noise = np.concatenate([[0.0], np.cumsum(rng.normal(0, kind, T - 1))])
        build_nav(f, indices, themes, noise)
        f.noise = noise
    return funds


def rebuild_nav(f: Fund, indices: dict, themes: dict) -> None:
    build_nav(f, indices, themes, f.noise)


def size_anchors(F: "OrderedDict[str, Fund]") -> None:
    for f in F.values():
        if f.A0 is not None:
            f.S0 = f.A0 * YI / f.nav[f.first]
        if f.A1 is not None and f.first < p("2024-12-31"):
            f.aum_anchors.append((p("2024-12-31"), f.A1 * YI))
        if f.A2 is not None:
            f.aum_anchors.append((p("2025-12-26"), f.A2 * YI))
    F["510300"].S0 = 374 * YI
    F["510300"].share_anchors += [(p("2024-06-28"), 607 * YI), (p("2024-12-31"), 894 * YI),
                                  (p("2025-09-26"), 896.63 * YI), (p("2025-11-26"), 902.70 * YI)]
    F["510300"].aum_anchors += [(p("2024-09-23"), 2914 * YI), (p("2024-10-10"), 4089 * YI),
                                (p("2025-12-26"), 4270.67 * YI), (p("2026-01-09"), 4394.4 * YI)]
    F["510310"].aum_anchors += [(p("2024-01-31"), 816 * YI), (p("2025-12-26"), 3029.96 * YI)]
    F["510310"].share_anchors.append((p("2024-09-30"), 655.46 * YI))
    F["510330"].share_anchors.append((p("2025-12-24"), 474.19 * YI))
    F["510330"].aum_anchors.append((p("2025-12-26"), 2302.9 * YI))
    F["159919"].aum_anchors.append((p("2025-12-26"), 1976.90 * YI))
    F["510050"].share_anchors.append((p("2025-01-15"), 553.37 * YI))
    F["510050"].aum_anchors.append((p("2025-06-13"), 1626.0 * YI))
    F["512100"].aum_anchors += [(p("2024-09-23"), 395 * YI), (p("2024-10-10"), 702 * YI)]
    F["159915"].aum_anchors += [(p("2024-09-23"), 620 * YI), (p("2024-10-10"), 1233 * YI)]
    F["159852"].aum_anchors += [(p("2026-01-05"), 61.27 * YI), (p("2026-01-15"), 143.30 * YI)]
    F["159852"].share_anchors.append((p("2026-01-14"), 129.27 * YI))
    F["515230"].share_anchors += [(p("2026-01-13"), 43.84 * YI), (p("2026-01-21"), 61.57 * YI)]
    F["515980"].share_anchors += [(p("2026-01-13"), 89.93 * YI), (p("2026-01-16"), 97.97 * YI)]
    F["159326"].share_anchors.append((p("2026-01-16"), 50.93 * YI))
    F["159326"].aum_anchors.append((p("2025-11-20"), 19 * YI))
    F["159206"].aum_anchors.append((p("2026-01-09"), 94.26 * YI))
    F["513180"].aum_anchors.append((p("2025-08-20"), 358.07 * YI))
    F["512400"].share_anchors.append((p("2026-01-23"), 173.71 * YI - 29.74 * YI / (414.44 / 173.71)))
    F["518880"].aum_anchors.append((p("2026-01-12"), 972.9 * YI))
    for f in F.values():
        f.Sref = reference_units(f)


SEP24 = ["2024-09-24", "2024-09-25", "2024-09-26", "2024-09-27", "2024-09-30", "2024-10-08", "2024-10-09", "2024-10-10"]
SEP24_PROFILE = [0.055, 0.11, 0.18, 0.24, 0.285, 0.145, -0.02, 0.005]


def build_plan(F: "OrderedDict[str, Fund]", rng: np.random.Generator) -> Plan:
    plan = Plan(F, rng)
    broad = lambda f: f.cat == "broad"

    # -- January to March 2024: the national team's purchases of large broad ETFs ------------
    jan = span_pos("2024-01-03", "2024-01-31")
    shape_jan = [1.6 if DAYS[i] >= D(2024, 1, 22) else 0.4 for i in jan]
    for code, v in {"510300": 450, "510310": 360, "510330": 200, "159919": 175, "510050": 100}.items():
        F[code].window("2024-01-03", "2024-01-31", v, shape_jan)
    fm = span_pos("2024-02-01", "2024-03-29")
    shape_fm = [3.0 if DAYS[i] <= D(2024, 2, 8) else 0.8 if DAYS[i] <= D(2024, 2, 29) else 0.25 for i in fm]
    for code, v in {"510300": 250, "510310": 401, "510330": 100, "159919": 368, "510050": 276}.items():
        F[code].window("2024-02-01", "2024-03-29", v, shape_fm)
    five = {"510300", "510310", "510330", "159919", "510050"}
    mult = {"csi1000": 1.6, "csi500": 1.4, "csi2000": 1.5, "cni2000": 1.2, "chinext": 1.0, "star50": 1.0,
            "star100": 1.0, "sse50": 0.8, "csi300": 0.6}
    w = {c: plan.aum(c, "2024-02-05") * mult[F[c].theme] for c in plan.members(lambda f: broad(f) and f.first == 0 and f.code not in five)}
    for code, v in allocate(600, w).items():
        F[code].window("2024-02-05", "2024-02-08", v, [0.2, 0.35, 0.3, 0.15])

    # -- 2024-09-24 .. 2024-10-10: the policy rally ------------------------------------------
    named = {"510300": 435, "510310": 560, "510330": 330, "159919": 210, "159915": 366, "512100": 191,
             "510050": 130, "510500": 120, "588000": 150, "588080": 80}
    pools = {("broad", "csi300"): 65, ("broad", "chinext"): 159, ("broad", "csi1000"): 69, ("broad", "sse50"): 20,
             ("broad", "csi500"): 50, ("broad", "star50"): 20, ("broad", "csi2000"): 20, ("broad", "star100"): 25,
             ("broad", "cni2000"): 3, ("sector_theme", None): 100, ("cross_border", None): -40, ("bond", None): -80,
             ("commodity", None): -30, ("money", None): -42}
    assert abs(sum(named.values()) + sum(pools.values()) - 2911) < 1e-9
    alloc = dict(named)
    for (cat, fam), total in pools.items():
        codes = plan.members(lambda f: f.cat == cat and (fam is None or f.theme == fam) and f.code not in named and f.first <= p("2024-09-23"))
        alloc.update(allocate(total, {c: plan.aum(c, "2024-09-23") for c in codes}))
    for code, v in alloc.items():
        prof = SEP24_PROFILE if v > 0 else [1.0] * len(SEP24)
        F[code].window(SEP24[0], SEP24[-1], v, [max(x, -0.05) for x in prof] if v > 0 else prof)

    # -- 2025-04-07: tariff shock, +660亿 into ETFs in one day --------------------------------
    named = {"510300": 150, "510310": 110, "510330": 60, "159919": 50, "510050": 36, "510500": 30, "512100": 30,
             "159915": 12, "588000": 8, "588080": 6}
    pools = {("broad", "csi300"): 10, ("broad", "star50"): 1, ("broad", "sse50"): 4, ("broad", "csi500"): 10, ("broad", "csi1000"): 15,
             ("broad", "a500"): 55, ("broad", "chinext"): 8, ("broad", "csi2000"): 2, ("broad", "cni2000"): 0.3,
             ("broad", "star100"): 1.5, ("broad", "star_composite"): 1.2, ("sector_theme", None): 30,
             ("cross_border", None): 15, ("bond", None): -5, ("commodity", None): 10, ("money", None): 10}
    assert abs(sum(named.values()) + sum(pools.values()) - 660) < 1e-9
    alloc = dict(named)
    for (cat, fam), total in pools.items():
        codes = plan.members(lambda f: f.cat == cat and (fam is None or f.theme == fam) and f.code not in named and f.first < p("2025-04-07"))
        alloc.update(allocate(total, {c: plan.aum(c, "2025-04-03") for c in codes}))
    for code, v in alloc.items():
        F[code].pin("2025-04-07", v)
    codes = plan.members(lambda f: broad(f) and f.first < p("2025-04-07"))
    for code, v in allocate(450, {c: plan.aum(c, "2025-04-03") for c in codes}).items():
        F[code].window("2025-04-08", "2025-04-10", v, [0.45, 0.35, 0.2])

    # -- September 2025: 510300's 20-day outflow streak ---------------------------------------
    f = F["510300"]
    streak = span_pos("2025-09-01", "2025-09-26")
    assert len(streak) == 20
    i23 = p("2025-09-23")
    units_23 = 16.22 * YI / f.nav[i23]
    rest = 21.47 * YI - units_23
    u = rng.gamma(3.0, 1.0, len(streak) - 1)
    u = u / u.sum() * rest
    k = 0
    for i in streak:
        if i == i23:
            f.pin("2025-09-23", -16.22)
        else:
            f.pin(DAYS[i].isoformat(), -u[k] * f.nav[i] / YI)
            k += 1
    f.pin("2025-08-29", 1.5)
    f.pin("2025-09-29", 3.0)
    F["159570"].pin("2025-09-11", 22.97)

    # -- weeks of 2026-01-12 and 2026-01-19: broad ETFs --------------------------------------
    for code, vals in NAMED_BROAD.items():
        plan.set_daily(code, W12 + W19, vals)
    small300 = plan.members(lambda f: f.theme == "csi300" and f.code not in NAMED_BROAD)
    w300 = {c: plan.aum(c, "2025-12-26") for c in small300}
    for d, total in zip(W12 + W19, CSI300_SMALL_DAILY):
        for c, v in allocate(total, w300).items():
            plan.set_daily(c, [d], [v])
    neg12, pos12 = [0.06, 0.08, 0.12, 0.40, 0.34], [0.25, 0.25, 0.2, 0.15, 0.15]
    neg19, pos19 = [0.25, 0.15, 0.12, 0.25, 0.23], [0.1, 0.15, 0.2, 0.3, 0.25]
    named_total = sum(sum(v[:5]) for v in NAMED_BROAD.values()) + sum(CSI300_SMALL_DAILY[:5])
    fixed12 = sum(t for t, _ in BROAD_POOLS.values() if t is not None)
    pool_a500 = -2126.17 - named_total - fixed12
    for fam, (t12, t19) in BROAD_POOLS.items():
        t12 = pool_a500 if t12 is None else t12
        codes = plan.members(lambda f: f.theme == fam and f.code not in NAMED_BROAD)
        w = jitter(rng, {c: plan.aum(c, "2025-12-26") for c in codes})
        for c, v in allocate(t12, w, cap=BROAD_CAP).items():
            plan.spread(c, W12, v, neg12 if t12 < 0 else pos12)
        for c, v in allocate(t19, w).items():
            plan.spread(c, W19, v, neg19 if t19 < 0 else pos19)
    bday = {d: sum(v for (c, dd), v in plan.daily.items() if dd == d and F[c].cat == "broad") for d in W12 + W19}

    # -- week of 2026-01-12: sector/theme ETFs ------------------------------------------------
    s1516 = -1545.6 - (bday[W12[3]] + bday[W12[4]])
    s_day = dict(zip(W12, list((693 - s1516) * np.array([0.31, 0.37, 0.32])) + [0.56 * s1516, 0.44 * s1516]))
    for code, vals in NAMED_SECTOR_W12.items():
        plan.set_daily(code, W12, vals)
    plan.set_daily("159852", W12[:3], [12.00, 31.67, 15.87])
    F["159852"].window(W12[0], W12[-1], 66.0)
    F["515980"].window(W12[0], W12[-1], 20.35)
    planned = {W12[3]: 5.0 + 2.6, W12[4]: 1.46 + 2.64, W12[0]: 6.0, W12[1]: 6.51, W12[2]: 2.6}
    named_day = {d: sum(v for (c, dd), v in plan.daily.items() if dd == d and F[c].cat == "sector_theme") + planned.get(d, 0)
                 + 0.2 * sum(LAGGARDS_W12.values()) for d in W12}
    resid = np.array([s_day[d] - named_day[d] for d in W12])
    assert (resid > 0).all(), resid
    for code, v in LAGGARDS_W12.items():
        plan.spread(code, W12, v, [0.2] * 5)
    special = set(NAMED_SECTOR_W12) | {"159852", "515980"} | set(LAGGARDS_W12)
    pool = plan.members(lambda f: f.cat == "sector_theme" and f.code not in special)
    pool_total = 693 - sum(sum(v) for v in NAMED_SECTOR_W12.values()) - 66.0 - 20.35 - sum(LAGGARDS_W12.values())
    w = jitter(rng, {c: plan.aum(c, "2025-12-26") * THEME_PULL.get(F[c].theme, 1.0) for c in pool})
    for c, v in allocate(pool_total, w, cap=SECTOR_CAP).items():
        plan.spread(c, W12, v, list(resid))
    for code, v in OTHER_W12.items():
        plan.spread(code, W12, v, [0.22, 0.2, 0.2, 0.19, 0.19])

    # -- week of 2026-01-19: everything but broad ---------------------------------------------
    plan.set_daily("159206", W19, [6, 5, 4, 3, 3])
    # 512400: 144.74亿 over the 17 trading days to 01-27 with a peak day of 18.11亿 leaves at most 36.22亿 for
    # 01-26/27, so 01-05..01-23 carry 115亿; units on 01-23 follow from 173.71亿份 on 01-27.
    plan.set_daily("512400", W19, [5, 6, 7, 6, 6])
    pool = plan.members(lambda f: f.cat == "sector_theme" and f.code not in ("159206", "515230", "512400"))
    w = jitter(rng, {c: plan.aum(c, "2025-12-26") * THEME_PULL.get(F[c].theme, 1.0) for c in pool})
    for c, v in allocate(200 - 21 - 30, w).items():
        plan.spread(c, W19, v, [0.24, 0.22, 0.2, 0.18, 0.16])
    # all ETFs in the week: -3264.7亿 (the passive-ETF figure of a broker weekly)
    for cat, total in (("cross_border", 80), ("bond", -120), ("commodity", 45), ("money", -139.13)):
        codes = plan.members(lambda f: f.cat == cat)
        for c, v in allocate(total, {c: plan.aum(c, "2025-12-26") for c in codes}).items():
            plan.spread(c, W19, v, [0.2] * 5)

    # -- week of 2026-01-05 -------------------------------------------------------------------
    broad_19_21 = sum(bday[d] for d in W19[:3])
    b05 = -3499 + 2126.17 - broad_19_21        # broad flows 2026-01-05..01-21 add up to -3499亿
    plan.b05 = b05
    F["510300"].window(W05[0], W05[-1], 25.0, [0.3, 0.25, 0.2, 0.15, 0.1])
    codes = plan.members(lambda f: broad(f) and f.code != "510300")
    for c, v in allocate(b05 - 25.0, {c: plan.aum(c, "2025-12-26") for c in codes}).items():
        plan.spread(c, W05, v, [0.3, 0.25, 0.2, 0.15, 0.1])
    F["159206"].window(W05[0], W05[-1], 18.64)
    plan.set_daily("159206", W05[3:], [5.0, 5.87])
    plan.set_daily("159326", W05[3:], [15.62, 6.0])
    F["563230"].window(W05[0], W05[-1], 11.5)
    F["159218"].window(W05[0], W05[-1], 10.8)
    plan.set_daily("512400", [W05[2]], [18.11])
    F["512400"].window(W05[0], W05[-1], 45.0)
    special = {"159206", "159326", "563230", "159218", "512400", "159852", "515230", "515980"}
    pool = plan.members(lambda f: f.cat == "sector_theme" and f.code not in special)
    w = jitter(rng, {c: plan.aum(c, "2025-12-26") * THEME_PULL.get(F[c].theme, 1.0) for c in pool})
    for c, v in allocate(120, w).items():
        plan.spread(c, W05, v, [0.2] * 5)
    for cat, total in (("cross_border", 60), ("bond", -30), ("commodity", 15), ("money", 50)):
        codes = plan.members(lambda f: f.cat == cat)
        for c, v in allocate(total, {c: plan.aum(c, "2025-12-26") for c in codes}).items():
            plan.spread(c, W05, v, [0.2] * 5)
    return plan


# ---------------------------------------------------------------------------------------------
# 8. Baseline flows and the solve
# ---------------------------------------------------------------------------------------------

NOISE = {  # (idiosyncratic, common, response to the fund's own path, lag)
    "broad": (0.0045, 0.0012, -0.06, 0),
    "sector_theme": (0.008, 0.003, 0.06, 1),
    "cross_border": (0.006, 0.0025, -0.03, 0),
    "bond": (0.006, 0.003, 0.0, 0),
    "commodity": (0.004, 0.0025, 0.03, 1),
    "money": (0.012, 0.008, 0.0, 0),
}


def baselines(F: "OrderedDict[str, Fund]", rng: np.random.Generator) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    common = {}
    for cat in NOISE:
        e = rng.standard_normal(T)
        a = np.zeros(T)
        for t in range(1, T):
            a[t] = 0.75 * a[t - 1] + 0.66 * e[t]
        common[cat] = a
    out = {}
    for f in F.values():
        sig_i, sig_c, kappa, lag = NOISE[f.cat]
        i = p("2025-12-26")
        if f.cat == "broad" and f.Sref[i] * f.nav[i] >= 500 * YI:
            sig_i = 0.0015
        nav = np.where(np.isnan(f.nav), np.nanmean(f.nav), f.nav) * np.cumprod(f.ratio)
        r = np.concatenate([[0.0], np.diff(np.log(nav))])
        if lag:
            r = np.concatenate([[0.0], r[:-1]])
        idio = np.clip(rng.standard_t(4, T) / math.sqrt(2.0), -4.0, 4.0)
        rel = sig_c * common[f.cat] + sig_i * idio + kappa * r
        x0 = f.Sref * rel
        for a, b, total, shape in f.shape_windows:
            sh = shape / shape.sum()
            x0[a: b + 1] = total * sh / f.nav[a: b + 1] + 0.3 * x0[a: b + 1]
        v = f.Sref.copy()
        out[f.code] = (x0, v)
    return out


def solve_all(F: "OrderedDict[str, Fund]", base: dict, indices: dict, themes: dict) -> None:
    for f in F.values():
        solve_units(f, *base[f.code])
    # NAV anchors that are defined by a published size (iterate: units depend on NAV)
    for _ in range(4):
        f = F["159206"]
        i = p("2026-01-21")
        f.nav_anchors = [a for a in f.nav_anchors if a[0] != i] + [(i, 150.53 * YI / f.S[i])]
        rebuild_nav(f, indices, themes)
        solve_units(f, *base[f.code])
        f = F["159852"]
        i9, i16 = p("2026-01-09"), p("2026-01-16")
        target = (f.S[i9] * f.nav[i9] + 64.13 * YI) / f.S[i16]
        f.nav_anchors = [a for a in f.nav_anchors if a[0] != i16] + [(i16, target)]
        rebuild_nav(f, indices, themes)
        solve_units(f, *base[f.code])


def integer_units(f: Fund) -> np.ndarray:
    S = np.zeros(T, dtype=np.int64)
    s = int(round(f.S0))
    for i in f.idx:
        if i > f.first:
            s = int(round(s * f.ratio[i] + f.x[i]))
        S[i] = s
    return S


# ---------------------------------------------------------------------------------------------
# 9. Prices, turnover and the files
# ---------------------------------------------------------------------------------------------

PREMIUM = {"broad": 0.0004, "sector_theme": 0.0008, "cross_border": 0.003, "commodity": 0.0008, "bond": 0.0004, "money": 0.00002}
TURNOVER = {"broad": 0.05, "sector_theme": 0.08, "cross_border": 0.10, "commodity": 0.03, "bond": 0.10, "money": 0.25}
RECORD_TURNOVER_510330 = 226.37 * YI   # 2026-01-16, "record turnover >220亿"


def _close_with_return(nav_prev: float, ret: float) -> tuple[float, float]:
    """Two 3-decimal closes near nav_prev whose ratio is 1+ret as closely as possible."""
    best = None
    for k in range(-30, 31):
        c0 = round(nav_prev + k / 1000, 3)
        c1 = round(c0 * (1 + ret), 3)
        err = abs(c1 / c0 - 1 - ret)
        if best is None or err < best[0]:
            best = (err, c0, c1)
    return best[1], best[2]


def market_columns(f: Fund, S: np.ndarray, rng: np.random.Generator) -> dict[str, np.ndarray]:
    idx = f.idx
    nav = f.nav[idx]
    n = len(idx)
    e = rng.normal(0, 1, n)
    prem = np.zeros(n)
    for k in range(1, n):
        prem[k] = 0.8 * prem[k - 1] + 0.6 * e[k]
    mean_prem = 0.004 if f.cat == "cross_border" else 0.0
    close = np.round(nav * (1 + mean_prem + PREMIUM[f.cat] * prem), 3)
    if f.code == "561380":
        k12 = p("2026-01-12") - f.first
        close[k12], close[k12 + 1] = _close_with_return(float(close[k12]), 0.0737)
    units = S[idx].astype(float)
    aum = units * nav
    prev = np.concatenate([[units[0]], units[:-1]])
    flow = np.abs(units - prev * f.ratio[idx]) * nav
    adj = nav * np.cumprod(f.ratio)[idx]
    r = np.abs(np.concatenate([[0.0], np.diff(np.log(adj))]))
    base = TURNOVER[f.cat]
    if f.cat == "broad" and aum[-1] > 500 * YI:
        base = 0.02
    rate = base * np.exp(rng.normal(0, 0.25, n)) * (1 + 3 * flow / np.maximum(aum, 1) + 10 * r)
    amount = rate * aum
    if f.code == "510330":
        k16 = p("2026-01-16") - f.first
        amount = np.minimum(amount, 0.95 * RECORD_TURNOVER_510330)
        amount[k16] = RECORD_TURNOVER_510330
    vwap = close * (1 + rng.normal(0, 0.0008, n))
    volume = np.maximum(np.round(amount / vwap), 100).astype(np.int64)
    amount = np.round(volume * vwap, 2)
    if f.code == "510330":
        amount[k16] = round(RECORD_TURNOVER_510330, 2)
        volume[k16] = int(round(RECORD_TURNOVER_510330 / close[k16]))
    return {"close": close, "amount": amount, "volume": volume}


def panel_frame(F: "OrderedDict[str, Fund]", rng: np.random.Generator) -> pd.DataFrame:
    parts = []
    for f in F.values():
        S = integer_units(f)
        f.S_int = S
        idx = f.idx
        cols = market_columns(f, S, rng)
        split = np.where(f.ratio[idx] != 1.0, np.char.mod("%.8f", f.ratio[idx]), "")
        div = np.where(f.dividend[idx] != 0.0, np.char.mod("%.3f", f.dividend[idx]), "")
        parts.append(pd.DataFrame({
            "date": [DAYS[i].isoformat() for i in idx],
            "code": f.code,
            "shares": S[idx].astype(str),
            "nav": np.char.mod("%.4f", f.nav[idx]),
            "close": np.char.mod("%.3f", cols["close"]),
            "amount": np.char.mod("%.2f", cols["amount"]),
            "volume": cols["volume"].astype(str),
            "split_ratio": split,
            "dividend": div,
        }))
    panel = pd.concat(parts, ignore_index=True)
    return panel.sort_values(["date", "code"], kind="stable").reset_index(drop=True)


def csv_bytes(header: list[str], rows) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


def gzip_bytes(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    return buf.getvalue()


def write_outputs(universe: list[dict], panel: pd.DataFrame, indices: dict[str, np.ndarray]) -> dict[str, str]:
    OUT.mkdir(parents=True, exist_ok=True)
    ucols = ["code", "exchange", "name_zh", "name_en", "manager", "index_code", "index_name", "category", "theme", "family", "listed", "tag"]
    files = {
        "universe.csv": csv_bytes(ucols, ([r[c] for c in ucols] for r in universe)),
        "panel.csv.gz": gzip_bytes(csv_bytes(list(panel.columns), panel.itertuples(index=False, name=None))),
        "indices.csv": csv_bytes(["date", "index", "close"],
                                 ([d.isoformat(), key, f"{indices[key][i]:.2f}"] for i, d in enumerate(DAYS) for key in sorted(indices))),
    }
    digests = {}
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        digests[name] = hashlib.sha256(data).hexdigest()
    return digests


# ---------------------------------------------------------------------------------------------
# 10. Re-check from the written files
# ---------------------------------------------------------------------------------------------

class Files:
    """The written files, read back with pandas only (no etfwriter code), with flows recomputed."""

    def __init__(self) -> None:
        self.universe = pd.read_csv(OUT / "universe.csv", dtype=str, keep_default_na=False)
        raw = pd.read_csv(OUT / "panel.csv.gz", dtype=str, keep_default_na=False)
        ind = pd.read_csv(OUT / "indices.csv", dtype=str, keep_default_na=False)
        self.raw = raw
        pn = pd.DataFrame({
            "date": pd.to_datetime(raw["date"]), "code": raw["code"],
            "shares": raw["shares"].astype("int64").astype(float), "nav": raw["nav"].astype(float),
            "close": raw["close"].astype(float), "amount": raw["amount"].astype(float),
            "volume": raw["volume"].astype("int64").astype(float),
            "ratio": pd.to_numeric(raw["split_ratio"].replace("", np.nan)).fillna(1.0),
            "dividend": pd.to_numeric(raw["dividend"].replace("", np.nan)).fillna(0.0),
        }).sort_values(["code", "date"]).reset_index(drop=True)
        first = pn["code"].ne(pn["code"].shift())
        prev = pn["shares"].shift()
        pn["delta"] = np.where(first, 0.0, pn["shares"] - prev * pn["ratio"])
        pn["flow"] = pn["delta"] * pn["nav"]
        pn["aum"] = pn["shares"] * pn["nav"]
        self.panel = pn
        self.dates = pd.DatetimeIndex(sorted(pn["date"].unique()))
        wide = lambda col: pn.pivot(index="date", columns="code", values=col)
        self.flow_w, self.aum_w, self.sh_w, self.nav_w = wide("flow"), wide("aum"), wide("shares"), wide("nav")
        self.delta_w, self.amount_w, self.close_w = wide("delta"), wide("amount"), wide("close")
        self.idx = ind.assign(close=ind["close"].astype(float), date=pd.to_datetime(ind["date"])).pivot(index="date", columns="index", values="close")
        u = self.universe.set_index("code")
        self.cat, self.theme = u["category"], u["theme"]

    def codes(self, cat=None, theme=None) -> list[str]:
        u = self.universe
        m = np.ones(len(u), dtype=bool)
        if cat is not None:
            m &= u["category"].isin([cat] if isinstance(cat, str) else cat).to_numpy()
        if theme is not None:
            m &= u["theme"].isin([theme] if isinstance(theme, str) else theme).to_numpy()
        return list(u["code"][m])

    def days(self, a: str, b: str) -> pd.DatetimeIndex:
        return self.dates[(self.dates >= pd.Timestamp(a)) & (self.dates <= pd.Timestamp(b))]

    def flow(self, codes, a, b) -> float:
        return float(self.flow_w.loc[pd.Timestamp(a): pd.Timestamp(b), list(codes)].sum().sum())

    def per_fund_flow(self, codes, a, b) -> pd.Series:
        return self.flow_w.loc[pd.Timestamp(a): pd.Timestamp(b), list(codes)].sum()

    def asof(self, d) -> pd.Timestamp:
        """The trading day d, or the last one before it."""
        return self.dates[self.dates <= pd.Timestamp(d)][-1]

    def aum(self, codes, d) -> float:
        return float(self.aum_w.loc[self.asof(d), list(codes)].sum())

    def shares(self, code, d) -> float:
        return float(self.sh_w.loc[self.asof(d), code])

    def before(self, d) -> pd.Timestamp:
        return self.dates[self.dates < pd.Timestamp(d)][-1]

    def scale_change(self, codes, a, b) -> float:
        d0 = self.before(a)
        d1 = self.days(a, b)[-1]
        return float(self.aum_w.loc[d1, list(codes)].fillna(0).sum() - self.aum_w.loc[d0, list(codes)].fillna(0).sum())

    def weekly(self, codes) -> pd.Series:
        s = self.flow_w[list(codes)].sum(axis=1)
        iso = s.index.isocalendar()
        key = iso["year"].astype(int) * 100 + iso["week"].astype(int)
        out = s.groupby(key.to_numpy()).sum()
        starts = pd.Series(s.index, index=s.index).groupby(key.to_numpy()).min()
        out.index = [d.date() for d in starts]
        return out


def target_rows() -> list[dict]:
    return list(csv.DictReader(io.StringIO(TARGETS_CSV)))


UNIT_SCALE = {"yi_cny": YI, "cny_bn": 1e9, "yi_shares": YI, "points": 1.0, "count": 1.0, "pct": 1.0, "ratio": 1.0}
NOT_IN_RANGE = "outside the panel range (2024-01-02 to 2026-01-23)"
MARKET = "market-wide figure (about 1,400 ETFs); the seed lists 176 funds"
HOLDER = "a holder's position or estimate (Central Huijin / national team / institutions), not a fund total"

# Point-in-time figures whose date is published only approximately: the day used here.
APPROX_DAY = {
    "etf510300_shares_202509": "2025-09-26", "etf510300_aum_202509": "2025-09-26",
    "etf510300_shares_202312": "2024-01-02", "etf510300_shares_202406": "2024-06-28",
    "etf510300_shares_202412": "2024-12-31", "etf510300_aum_record_202601": "2026-01-09",
    "h_2024_510300_aum_record": "2024-09-25", "h_2024_510310_aum": "2024-09-26",
    "h_jan2024_510310_aum": "2024-01-31", "etf518880_aum_20260121": "2026-01-21",
    "h_2025start_all_etf_aum": "2024-12-31",
}
# Approximate windows: the days used here.
APPROX_WINDOW = {
    "h_sep2025_510300_share_change_20d": ("2025-09-01", "2025-09-26"),
    "hc_ytd_0123_broad_flow": ("2026-01-01", "2026-01-23"),
}
MAP_NOTE = {
    "fp_w0112_software_etf_scale": "", "fp_w0112_nonferrous_etf_scale": "read as 512400",
    "fp_w0112_satellite_etf_scale": "read as 159206", "fp_w0112_idx_software_scale": "all software ETFs of the seed",
    "fp_w0112_idx_nonferrous_scale": "all non-ferrous ETFs of the seed",
}
EXPLAIN = {
    "category_broad_flow_ytd_20260112": "not reproduced: +2546亿 equals the growth of total ETF AUM over the same days "
        "(6.02 to 6.27万亿), so it reads as a scale change; as a flow it contradicts the −2126亿 week and −3499亿 YTD to 01-21",
    "dg_w0112_stock_flow": "not reproduced: broad −2126.17 and sector/theme +693 fix broad+sector at −1433.17; the vendor's "
        "stock-ETF total also holds strategy/other equity ETFs outside the seed",
    "em_w0112_stock_ex_xb_flow": "not reproduced: same reason as dg_w0112_stock_flow (broad+sector = −1433.17 here)",
    "em_w0112_stock_ex_xb_flow_wow": "not reproduced: depends on the previous week's vendor total",
    "notes_w0112_hk_xb_theme_flow": "not reproduced: ≈204 adds the lower bound of HK ETFs (>100) to the cross-border "
        "theme figure; the seed's HK ETFs took in more, and cross-border as a whole is +224.77 (= −1208.4 − stock)",
    "notes_w0112_510300_share_change": "approximate: −475.15亿 at the week's NAVs",
    "n163_0116_0122_top10_broad_flow": "not reproduced: inconsistent with the 01-14…01-21 top-10 (−3146.43) and the "
        "Dongguan weekly figures under one calculation (the two windows share four days)",
    "hc_ytd_0123_csi300_flow": "not reproduced: with the CSI 300 weeks at −1033.81 and −2373.36 it would need +734亿 of "
        "CSI 300 inflows in 01-05…01-09; the seed keeps that week modest",
    "hc_ytd_0123_csi1000_flow": "not reproduced: YTD figures of this report (end date uncertain) conflict with the weekly ones",
    "hc_ytd_0123_star50_flow": "not reproduced: YTD figures of this report (end date uncertain) conflict with the weekly ones",
    "hc_ytd_0123_sse50_flow": "not reproduced: YTD figures of this report (end date uncertain) conflict with the weekly ones",
    "hc_ytd_0123_chinext_flow": "not reproduced: YTD figures of this report (end date uncertain) conflict with the weekly ones",
    "h_20250923_510300_share_change": "not reproduced: −2.89亿份 and −16.22亿 imply a price of 5.61, but 510300's NAV was "
        "≈4.7; the flow (−16.22亿) is kept",
    "family_a500_count_202509": "not reproduced: the seed lists 24 of the ~40 A500 ETFs",
    "h_jan2024_five_etfs_vs_jul2015": "not reproduced: July 2015 is " + NOT_IN_RANGE,
    "fp_w0112_idx_semi_materials_scale": "not reproduced: no 半导体材料设备 ETF in the seed",
    "group_scitech_bond_aum_20251226": "not reproduced: no 科创债 ETF in the seed",
    "hg_ytd_aaa_scitech_bond_flow": "not reproduced: no 科创债 ETF in the seed",
    "family_gold_aum_20251226": "not reproduced: 518880 is the only gold ETF in the seed",
    "h_0924_1010_index_funds_flow": "not reproduced: includes index funds that are not ETFs",
    "cj_margin_min_20260114": "context (margin rule), not a data figure",
    "yc_0101_0126_stock_adv": "not reproduced: " + MARKET,
    "yc_0101_0126_stock_adv_yoy": "not reproduced: " + MARKET,
}


def _fmt(v: float, unit: str) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if unit in ("count",):
        return f"{v:.0f}"
    if unit in ("pct",):
        return f"{v:.2f}"
    if unit == "ratio":
        return f"{v:.8g}" if abs(v) < 1 else f"{v:.4f}" if abs(v) < 10 else f"{v:.2f}"
    return f"{v:.2f}"


def _check(value: float, target: float, hedge: str, approx: bool) -> bool:
    if hedge == "over":
        return value * (1 if target >= 0 else -1) > abs(target) if target != 0 else value > 0
    if hedge == "nearly":
        return 0.9 * abs(target) <= abs(value) <= abs(target) * 1.0001 and value * target > 0
    tol = 0.05 if (hedge == "about" or approx) else 0.01
    return abs(value - target) <= tol * abs(target) + 1e-9


def evaluate(fs: Files, r: dict) -> tuple[float | None, str]:
    """(value in the row's unit or None, status text)."""
    rid, scope, measure, unit, hedge = r["id"], r["scope"], r["measure"], r["unit"], r["hedge"]
    a, b = r["period_start"], r["period_end"]
    target = float(r["value"])
    approx = "approx" in r["notes"]
    scale = UNIT_SCALE[unit]
    kind, _, key = scope.partition(":")
    if rid in EXPLAIN and EXPLAIN[rid].startswith(("not reproduced", "context")):
        value = None
        try:
            value = _value(fs, r, kind, key, measure, a, b, rid)
        except Exception:
            pass
        return (None if value is None else value / scale), EXPLAIN[rid]
    if kind in ("huijin",) or (kind == "national_team" and key == "equity_etfs") or rid.startswith("etf510300_inst_holders") \
            or rid in ("h_sep2025_huijin_510300_share", "h_2024start_huijin_aum", "h_2024q2_huijin_aum", "h_2024q2_huijin_share_of_stock"):
        return None, "not reproduced: " + HOLDER
    last = LAST_DAY.isoformat()
    if rid not in APPROX_DAY and rid not in APPROX_WINDOW:
        if a > last:
            return None, "not reproduced: " + NOT_IN_RANGE
        if b < FIRST_DAY.isoformat() and rid not in APPROX_DAY:
            return None, "not reproduced: " + NOT_IN_RANGE
    partial = b > last
    try:
        value = _value(fs, r, kind, key, measure, a, b, rid)
    except KeyError as exc:
        return None, f"not reproduced: {exc.args[0]}"
    if value is None:
        return None, "not reproduced: not computable from the seed"
    v = value / scale
    market = kind in ("market", "manager") and measure in ("aum", "count", "scale_change", "ratio") \
        or (kind == "category" and measure in ("aum",) and key in ("stock",)) or rid.startswith("category_stock_share") \
        or rid in ("h_2024q2_stock_aum", "group_aum_over_100yi_count_20251226", "h_2025_all_etf_growth", "h_2025_all_etf_scale_change",
                   "category_cross_border_aum_20251226", "category_bond_aum_20251226", "category_commodity_aum_20251226")
    ok = _check(v, target, hedge, approx)
    if partial:
        return v, f"not reproduced: window ends after the panel; value to {last} shown"
    if ok:
        note = MAP_NOTE.get(rid, "")
        if rid in APPROX_DAY:
            note = (note + "; " if note else "") + f"on {APPROX_DAY[rid]}"
        if rid in APPROX_WINDOW:
            note = (note + "; " if note else "") + f"over {APPROX_WINDOW[rid][0]}…{APPROX_WINDOW[rid][1]}"
        if kind == "national_team":
            note = (note + "; " if note else "") + "as the fund's total net flow"
        if measure == "scale_change":
            note = (note + "; " if note else "") + "AUM change, includes market moves"
        return v, "reproduced" + (f" ({note})" if note else "")
    if market:
        return v, "not reproduced: " + MARKET
    diff = (v - target) / abs(target) * 100 if target else float("nan")
    if measure == "scale_change":
        return v, f"approximate: AUM change, includes market moves ({diff:+.1f}%)"
    return v, f"not reproduced ({diff:+.1f}%)"


def _top10(fs: Files, a: str, b: str) -> float:
    s = fs.per_fund_flow(fs.codes("broad"), a, b)
    s = s[s < 0].sort_values()
    return float(s.head(10).sum())


def _value(fs: Files, r: dict, kind: str, key: str, measure: str, a: str, b: str, rid: str):
    if rid in APPROX_WINDOW:
        a, b = APPROX_WINDOW[rid]
    a = max(a, FIRST_DAY.isoformat())
    b_eff = min(b, LAST_DAY.isoformat())
    day = APPROX_DAY.get(rid, b_eff)
    # the funds a scope refers to
    codes = None
    if kind == "etf":
        codes = [key]
    elif kind == "etf_name":
        codes = {"有色金属ETF": ["512400"], "卫星ETF": ["159206"]}[key]
    elif kind == "family":
        theme = {"中证软件": "software", "有色金属": "nonferrous"}.get(key, key)
        if theme not in set(fs.theme):
            raise KeyError(f"no {key} ETF in the seed")
        codes = fs.codes(theme=theme)
    elif kind == "theme":
        codes = fs.codes(theme=key)
    elif kind == "category":
        cats = {"stock": ["broad", "sector_theme"], "stock_ex_cross_border": ["broad", "sector_theme"],
                "stock_plus_cross_border": ["broad", "sector_theme", "cross_border"]}.get(key, [key])
        codes = fs.codes(cat=cats)
    elif kind == "market":
        codes = list(fs.universe["code"])
    elif kind == "manager":
        codes = list(fs.universe["code"][fs.universe["manager"] == key])
    elif kind == "national_team":
        codes = {"four_products": ["510300", "510310", "159919", "510050"]}.get(key, [key])
    elif kind == "group":
        groups = {
            "hk_etfs": fs.codes(theme=["hstech", "hk_internet", "hk_innovative_drug"]),
            "cross_border_sector_theme": fs.codes(theme=["hk_internet", "china_internet", "hk_innovative_drug"]),
            "credit_bond_etfs": ["511220", "511360"],
            "securities_company_index_etfs": ["512880", "512000"],
            "jan2024_five_broad_etfs": ["510300", "510310", "510330", "159919", "510050"],
            "passive_etfs": list(fs.universe["code"]),
        }
        if key == "top10_broad":
            return _top10(fs, a, b_eff)
        if key == "etfs_aum_over_1000yi":
            return float((fs.aum_w.loc[pd.Timestamp(day)] > 1000 * YI).sum())
        if key == "etfs_aum_over_100yi":
            return float((fs.aum_w.loc[pd.Timestamp(day)] > 100 * YI).sum())
        if key == "etfs_outflow_over_100yi":
            s = fs.per_fund_flow(fs.universe["code"], a, b_eff)
            return float((s <= -100 * YI).sum())
        if key == "hk_plus_cross_border_sector_theme":
            return fs.flow(groups["hk_etfs"], a, b_eff) + fs.flow(groups["cross_border_sector_theme"], a, b_eff)
        if key == "csi300_and_chinext_families":
            return fs.flow(fs.codes(theme=["csi300", "chinext"]), a, b_eff) / fs.flow(fs.universe["code"], a, b_eff) * 100
        if key == "bloomberg_8_etfs":
            big = fs.aum_w.loc[fs.before("2024-09-24"), fs.codes("broad")].sort_values(ascending=False).index[:8]
            return fs.flow(big, a, b_eff)
        if key not in groups:
            raise KeyError(f"the group {key} is not defined in the seed")
        codes = groups[key]
    elif kind == "index":
        s = fs.idx[key]
        if measure == "index_close":
            return float(s.loc[pd.Timestamp(day)])
        if measure == "count":
            up = (s.diff() > 0).loc[: pd.Timestamp(day)].to_numpy()[::-1]
            n = 0
            for x in up:
                if not x:
                    break
                n += 1
            return float(n)
        if measure == "price_return":
            return (float(s.loc[pd.Timestamp(b_eff)]) / float(s.loc[fs.before(a)]) - 1) * 100
    elif kind == "policy":
        return None
    if codes is None:
        return None
    codes = [c for c in codes if c in fs.flow_w.columns]
    if measure == "net_flow":
        if kind == "etf" and "peak day" in r["notes"] or "largest single-day" in r["notes"]:
            return float(fs.flow_w.loc[pd.Timestamp(a): pd.Timestamp(b_eff), codes].max().max())
        return fs.flow(codes, a, b_eff)
    if measure == "aum":
        return fs.aum(codes, day)
    if measure == "shares":
        return fs.shares(codes[0], day)
    if measure == "share_change":
        return float(fs.delta_w.loc[pd.Timestamp(a): pd.Timestamp(b_eff), codes].sum().sum())
    if measure == "scale_change":
        return fs.scale_change(codes, a, b_eff)
    if measure == "turnover":
        if kind == "category":
            raise KeyError(MARKET)
        return float(fs.amount_w.loc[pd.Timestamp(day), codes[0]])
    if measure == "price_return":
        c = fs.close_w[codes[0]]
        return (float(c.loc[pd.Timestamp(day)]) / float(c.loc[fs.before(day)]) - 1) * 100
    if measure == "net_flow_wow_change":
        prev_a = fs.days("2026-01-05", "2026-01-09")
        return fs.flow(codes, a, b_eff) - fs.flow(codes, prev_a[0], prev_a[-1])
    if measure == "count":
        return None
    if measure == "ratio":
        if rid == "etf510310_consolidation_ratio_20240920":
            v = fs.raw.loc[(fs.raw["code"] == "510310") & (fs.raw["date"] == "2024-09-20"), "split_ratio"].iloc[0]
            return float(v)
        if rid == "gx_w0112_broad_to_theme_ratio":
            return -fs.flow(fs.codes("broad"), a, b_eff) / fs.flow(fs.codes("sector_theme"), a, b_eff)
        if rid in ("gx_w0112_csi300_share_of_broad", "gx_w0112_510300_share_of_broad"):
            return fs.flow(codes, a, b_eff) / fs.flow(fs.codes("broad"), a, b_eff) * 100
        if rid == "hg_0115_0119_csi300_share":
            return fs.flow(codes, "2026-01-15", "2026-01-19") / fs.flow(codes, "2026-01-14", "2026-01-21") * 100
        if rid == "h_jan2024_510310_aum_growth":
            return (fs.aum(codes, "2024-01-31") / fs.aum(codes, "2024-01-02") - 1) * 100
        if rid == "h_2024_510300_aum_ytd_growth":
            return (fs.aum(codes, APPROX_DAY["h_2024_510300_aum_record"]) / fs.aum(codes, "2024-01-02") - 1) * 100
        if rid == "category_stock_share_20251226":
            return fs.aum(codes, day) / fs.aum(list(fs.universe["code"]), day) * 100
        if rid == "h_2025_all_etf_growth":
            return (fs.aum(codes, "2025-12-31") / fs.aum(codes, "2024-12-31") - 1) * 100
        if rid == "h_0924_1010_csi300_chinext_share":
            return fs.flow(fs.codes(theme=["csi300", "chinext"]), a, b_eff) / fs.flow(fs.universe["code"], a, b_eff) * 100
        return None
    return None


def structural_checks(fs: Files) -> list[tuple[str, str, bool]]:
    """(check, value found, ok) for the properties the seed is built to have."""
    out = []
    w12a, w12b = "2026-01-12", "2026-01-16"
    yi = lambda x: f"{x / YI:+.2f}亿"
    broad = fs.codes("broad")
    # index anchors
    sse = fs.idx["sse_composite"]
    out.append(("SSE Composite close on 2026-01-12 is 4165.29", f"{sse.loc['2026-01-12']:.2f}", round(sse.loc["2026-01-12"], 2) == 4165.29))
    c300 = fs.idx["csi300"]
    chg = c300.loc["2026-01-16"] / c300.loc["2026-01-09"] - 1
    out.append(("CSI 300 fell in the week 2026-01-12…16", f"{chg * 100:+.2f}%", chg < 0))
    # families
    fam = fs.per_fund_flow(broad, w12a, w12b).groupby(fs.theme).sum()
    infl = sorted(k for k, v in fam.items() if v > 0)
    out.append(("only broad family with a net inflow in the week of 2026-01-12: csi2000", ", ".join(infl) + f" ({yi(fam['csi2000'])})", infl == ["csi2000"]))
    # record week
    wk = fs.weekly(broad)
    cur = D(2026, 1, 12)
    before = wk[[d < cur for d in wk.index]]
    prev_d = before.idxmin()
    out.append(("week of 2026-01-12 is the largest calendar-week broad outflow so far",
                f"{yi(wk[cur])}; previous record {yi(before.min())} (week of {prev_d})", wk[cur] < before.min()))
    out.append(("week of 2026-01-19 sets a new record", yi(wk[D(2026, 1, 19)]), wk[D(2026, 1, 19)] < wk[cur]))
    n_in = int((before > 100 * YI).sum())
    n_out = int((before < -100 * YI).sum())
    n_q = int((before.abs() <= 100 * YI).sum())
    out.append(("history has inflow, outflow and quiet weeks (broad, before 2026-01-12)",
                f"{n_in} weeks >+100亿, {n_out} weeks <−100亿, {n_q} weeks within ±100亿 (of {len(before)})", n_in > 5 and n_out > 5 and n_q > 5))
    # 510300 record day
    f300 = fs.flow_w["510300"]
    out.append(("510300 on 2026-01-15 is its largest one-day outflow in the data", f"{yi(f300.loc['2026-01-15'])}; next largest {yi(f300.drop(pd.Timestamp('2026-01-15')).min())}",
                f300.idxmin() == pd.Timestamp("2026-01-15")))
    # categories
    cat = fs.per_fund_flow(fs.universe["code"], w12a, w12b).groupby(fs.cat).sum()
    out.append(("cross-border ETFs, week of 2026-01-12 (≈ +224.77亿)", yi(cat["cross_border"]), abs(cat["cross_border"] / YI - 224.77) < 2.25))
    other = cat["bond"] + cat["commodity"] + cat["money"]
    out.append(("bond + commodity + money ETFs, week of 2026-01-12 (≈ −363.58亿)", yi(other), abs(other / YI + 363.58) < 3.64))
    out.append(("bond ETFs out more than 100亿 in the week", yi(cat["bond"]), cat["bond"] < -100 * YI))
    th = fs.per_fund_flow(fs.universe["code"], w12a, w12b).groupby(fs.theme).sum()
    for theme, lo, hi in (("software", 30, None), ("satellite", 25, None), ("nonferrous", 20, None), ("ai", 10, None), ("grid", 6.7, 7.3)):
        v = th[theme] / YI
        ok = v > lo and (hi is None or v < hi)
        out.append((f"theme {theme} in the week ({'>' + str(lo) if hi is None else '7±0.3'}亿)", f"{v:+.2f}亿", ok))
    sec = fs.per_fund_flow(fs.codes("sector_theme"), w12a, w12b).sort_values(ascending=False)
    top5 = list(sec.index[:5])
    out.append(("largest sector/theme inflows in the week", ", ".join(f"{c} {sec[c] / YI:+.2f}" for c in top5),
                top5[:3] == ["159852", "159206", "512400"] and "159326" in top5))
    # unit jumps
    pn = fs.panel
    same = pn["code"].eq(pn["code"].shift())
    prev = pn["shares"].shift()
    fac = pn["shares"] / prev
    jump = same & (pn["ratio"] == 1.0) & (prev >= 1e7) & ((fac > 5) | (fac < 0.2))
    out.append(("no day's units change by more than 5× without a split_ratio", f"{int(jump.sum())} such rows; largest daily factor {fac[same & (pn['ratio'] == 1.0)].max():.2f}", not jump.any()))
    # split and dividend
    n310 = fs.nav_w["510310"]
    r = n310.loc["2024-09-20"] / n310.loc["2024-09-19"]
    s310 = fs.sh_w["510310"]
    out.append(("510310 consolidation on 2024-09-20 (ratio 0.49977589): NAV about doubles, units about halve",
                f"NAV ×{r:.3f}, units ×{s310.loc['2024-09-20'] / s310.loc['2024-09-19']:.4f}", 1.9 < r < 2.1))
    n300 = fs.nav_w["510300"]
    idx_move = c300.loc["2025-06-18"] / c300.loc["2025-06-17"]
    drop = n300.loc["2025-06-17"] * idx_move - n300.loc["2025-06-18"]
    out.append(("510300 dividend 0.088 on 2025-06-18: NAV below the index-implied value by the dividend", f"{drop:.4f}", abs(drop - 0.088) < 0.002))
    # listings
    lst = fs.universe.set_index("code")["listed"]
    a500 = lst[fs.codes(theme="a500")]
    sc = lst[fs.codes(theme="star_composite")]
    out.append(("A500 ETFs list from late 2024; 科创综指 ETFs in 2025", f"A500 {a500.min()}…{a500.max()}; 科创综指 {sc.min()}…{sc.max()}",
                a500.min() >= "2024-10-01" and sc.min() >= "2025-01-01"))
    first = pn.groupby("code")["date"].min().dt.strftime("%Y-%m-%d")
    out.append(("no rows before a fund's listing date", f"{int((first != lst[first.index]).sum())} mismatches", bool((first == lst[first.index]).all())))
    days = pn.groupby("code")["date"].count()
    expected = {c: int((fs.dates >= pd.Timestamp(lst[c])).sum()) for c in days.index}
    gaps = sum(int(days[c] != expected[c]) for c in days.index)
    out.append(("one row per listed fund per trading day, no gaps", f"{len(pn)} rows, {len(fs.dates)} trading days, {gaps} funds with gaps", gaps == 0))
    return out


SOURCE_TEXT = {
    "links in §3.3": "market-level sources (reportify.cn/social-media/756658339869521; caiding5.cn/bitcoin/37282230.html)",
    "reference notes §4.1 (derived)": "derived from the Eastmoney Securities weekly (fxbaogao.com/detail/5232807)",
}


SOURCE_BY_ID = {
    "notes_w0112_510300_share_change": "derived: −475.15亿 (ginlix.ai 2026-01-17) at a NAV of about 4.8",
    "notes_w0112_hk_xb_theme_flow": "derived: HK ETFs >100亿 + cross-border theme 104.2亿 (fxbaogao.com/detail/5232807)",
}


def fmt_target(r: dict) -> str:
    h = {"none": "", "over": ">", "about": "≈", "nearly": "近"}[r["hedge"]]
    unit = {"yi_cny": "亿", "yi_shares": "亿份", "cny_bn": " bn CNY", "points": "", "count": "", "pct": "%", "ratio": "×"}[r["unit"]]
    return f"{h}{r['value']}{unit}"


def period_text(r: dict) -> str:
    return r["period_start"] if r["period_start"] == r["period_end"] else f"{r['period_start']}…{r['period_end']}"


def write_readme(results, checks, digests: dict, fs: Files, panel_rows: int) -> None:
    n_ok = sum(1 for _, _, st in results if st.startswith("reproduced"))
    lines = []
    add = lines.append
    add("# Seed data (bundled)")
    add("")
    add("**This panel is a reconstruction calibrated to published aggregates, not exchange data.** The fund codes,")
    add("names, managers and tracked indices are real; the daily units outstanding, NAVs, prices, turnover and index")
    add("closes are generated so that the published figures listed below hold. Between those figures the daily data")
    add("are plausible, not real. Do not quote a daily number from this data as a fact about the market; use your own")
    add("exchange or vendor data (`--data PATH`) for anything you publish.")
    add("")
    add("## Files")
    add("")
    add("| file | rows | content |")
    add("|---|---|---|")
    add(f"| `data/universe.csv` | {len(fs.universe)} | one row per ETF: `code,exchange,name_zh,name_en,manager,index_code,index_name,category,theme,family,listed,tag` |")
    add(f"| `data/panel.csv.gz` | {panel_rows} | one row per listed fund and trading day: `date,code,shares,nav,close,amount,volume,split_ratio,dividend` |")
    add(f"| `data/indices.csv` | {len(fs.idx) * len(fs.idx.columns)} | `date,index,close` for {', '.join(sorted(fs.idx.columns))} |")
    add("")
    add(f"Trading days: {len(fs.dates)} (every SSE/SZSE trading day from {FIRST_DAY} to {LAST_DAY}; weekends and the exchanges'")
    add("holiday closures of 2024, 2025 and 2026-01-01/02 are excluded). SHA-256 of the files as built:")
    add("")
    for name, d in digests.items():
        add(f"- `{name}`: `{d}`")
    add("")
    add("### Columns and formats")
    add("")
    add("- `universe.csv`: 172 ETFs named in public sources (exchange English short names from the HKEX Stock Connect")
    add("  eligible-ETF lists where available) plus 4 money-market ETFs (511880, 511990, 511660, 159001). `category` is one of broad, sector_theme, cross_border, bond, commodity, money; `theme` is the index")
    add("  family of a broad ETF (csi300, sse50, …) or the theme of any other ETF; `family` = `theme`. `listed` is the")
    add("  fund's first row in the panel (2024-01-02 when it was already listed then). `tag` is `V` where code, name,")
    add("  manager and index come from a verified list, `E` where a field was composed or estimated (names composed as")
    add("  manager + family, English names written out, index names implied by the exchange English name, listing dates).")
    add("- `panel.csv.gz`: sorted by date, then code; `\\n` line ends. `shares` = units outstanding after the day (份, whole")
    add("  units); `nav` 4 decimals; `close` 3 decimals; `amount` = turnover in yuan, 2 decimals; `volume` = units traded")
    add("  (amount / volume ≈ close). `split_ratio` is empty except on a split or consolidation day (S(t−1) × ratio is")
    add("  comparable to S(t)); `dividend` is empty except on an ex-date (cash per unit; the NAV drops by it).")
    add("- `indices.csv`: sorted by date, then index key; closes with 2 decimals.")
    add("")
    add("## Price convention and calculation")
    add("")
    add("Every figure below is computed, and was calibrated, with the tool's default convention:")
    add("")
    add("    flow(i,t) = (S(t) − S(t−1) × split_ratio(t)) × NAV(t)      (ratio 1 when empty; 0 on a fund's first day)")
    add("    period flow = Σ daily flows;  AUM(t) = S(t) × NAV(t);  category / family / theme flow = Σ member funds")
    add("    stock = broad + sector_theme;  stock + cross-border = stock + cross_border;  1亿 = 1e8 yuan")
    add("")
    add("Closing prices carry a small premium or discount to NAV (larger for cross-border ETFs), so `--price close` or")
    add("`--price vwap` give slightly different flows from the NAV figures in this file.")
    add("")
    add("## How the data were built (`python seeds/build.py`)")
    add("")
    add("1. **Index closes** follow anchor levels close to the real ones (dense around 2024-02, 2024-09-24…10-10,")
    add("   2025-04-07 and January 2026) joined by Brownian bridges driven by a common market factor. The SSE Composite")
    add("   rises on each of the 17 trading days 2025-12-17…2026-01-12 to close at exactly 4165.29 (it fell on 12-16).")
    add("2. **NAVs**: a broad-index ETF's NAV follows its index (a constant scale, a small dividend-accrual drift and a")
    add("   small tracking noise); ETFs of other categories follow a path of their own theme; money ETFs stay at about 100.")
    add("   Where a published size and a published unit count fall on the same day, the NAV is their ratio.")
    add("3. **Units outstanding**: for every fund, the daily creations/redemptions are the smallest weighted change to a")
    add("   noisy baseline (broad ETFs lean against index moves, with a common weekly factor) that meets, exactly, a set")
    add("   of linear constraints: published sizes and unit counts on given days, published flows over given windows,")
    add("   and the per-fund flows chosen for the calibration weeks and episodes. Category, family and group totals")
    add("   are met by allocating them to member funds first (in proportion to size, with caps so that the named")
    add("   leaders stay the leaders). Units are then rounded to whole units day by day.")
    add("4. **Episodes** built in: national-team buying of the large CSI 300 / SSE 50 ETFs in Jan–Mar 2024 and broad")
    add("   small-cap buying on 2024-02-05…08; the 2024-09-24…10-10 rally; A500 launches from 2024-10-15 and their inflows;")
    add("   +660亿 on 2025-04-07 and inflows on the following days; 510300's 20-day outflow streak in September 2025;")
    add("   theme inflows in early January 2026; the record broad outflows of the weeks of 2026-01-12 and 2026-01-19.")
    add("   Other weeks carry modest, mixed flows.")
    add("5. **Prices, turnover, volume** are derived from NAV (premium), size and the day's flow and index move.")
    add("")
    add("Events in the data: 510310 consolidates its units on 2024-09-20 (`split_ratio` 0.49977589); 510300 pays 0.088")
    add("per unit, ex-date 2025-06-18. A500 ETFs list between 2024-10-15 and 2025-02-20 and 科创综指 ETFs between")
    add("2025-01-20 and 2025-02-07 (listing dates are estimates, tagged E). The 1.23 yuan per 10 units dividend of 510300")
    add("announced in January 2026 is not included (ex-date unknown).")
    add("")
    add("Figures dated after 2026-01-23 lie outside the panel, but the data are kept compatible with some of them:")
    add("512400 takes in 115亿 from 01-05 to 01-23 with a peak day of 18.11亿 (01-07), leaving 29.74亿 for 01-26/27 to")
    add("reach the published 17-day 144.74亿, and its units on 01-23 are set so that 173.71亿份 on 01-27 follows.")
    add("")
    add("## Calibration targets")
    add("")
    add(f"Every row of the project's `calibration_targets.csv` ({len(results)} rows), recomputed from the written files.")
    add(f"{n_ok} rows are reproduced. Flows and sizes are in the row's unit; negative = outflow. A row counts as reproduced")
    add("within 1% (5% for ≈ and for approximately dated rows); for >, 近 the hedge must hold. Where a figure depends")
    add("on the roughly 1,400 ETFs of the whole market, on a holder's position (Central Huijin, the national team,")
    add("institutions), or on dates after 2026-01-23, it cannot be reproduced by this seed and the row says so.")
    add("")
    add("| id | scope | measure | period | published | source | seed | status |")
    add("|---|---|---|---|---|---|---|---|")
    for r, v, st in results:
        src = SOURCE_BY_ID.get(r["id"], SOURCE_TEXT.get(r["source"], r["source"])).replace("|", "/") or "—"
        add(f"| {r['id']} | {r['scope']} | {r['measure']} | {period_text(r)} | {fmt_target(r)} | {src} | {_fmt(v, r['unit'])} | {st} |")
    add("")
    add("## Other properties checked")
    add("")
    add("| check | found | ok |")
    add("|---|---|---|")
    for name, val, ok in checks:
        add(f"| {name} | {val} | {'yes' if ok else 'NO'} |")
    add("")
    add("## Rebuilding")
    add("")
    add("`python seeds/build.py` (from the repository root) rewrites the three data files and this README and prints the")
    add("table above. It uses pandas and numpy only, a fixed random seed, fixed number formats, sorted rows and a gzip")
    add("header without a timestamp, so two runs give byte-identical files.")
    add("")
    (ROOT / "README.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    rng = np.random.default_rng(SEED)
    universe = build_universe()
    indices, themes, _ = build_paths(rng)
    F = setup_funds(universe, indices, themes, rng)
    size_anchors(F)
    build_plan(F, rng)
    base = baselines(F, rng)
    solve_all(F, base, indices, themes)
    for f in F.values():
        low = f.S[f.idx].min()
        if low <= 1e6:
            raise RuntimeError(f"{f.code}: units fall to {low:.0f}")
    panel = panel_frame(F, rng)
    digests = write_outputs(universe, panel, indices)
    fs = Files()
    results = [(r, *evaluate(fs, r)) for r in target_rows()]
    checks = structural_checks(fs)
    write_readme(results, checks, digests, fs, len(panel))
    width = 44
    print(f"{'id':<{width}} {'published':>16} {'seed':>14}  status")
    for r, v, st in results:
        print(f"{r['id']:<{width}} {fmt_target(r):>16} {_fmt(v, r['unit']):>14}  {st}")
    print()
    for name, val, ok in checks:
        print(f"[{'ok' if ok else 'FAIL'}] {name}: {val}")
    n_ok = sum(1 for _, _, st in results if st.startswith("reproduced"))
    print(f"\n{n_ok} of {len(results)} targets reproduced; {sum(ok for *_, ok in checks)} of {len(checks)} checks ok")
    for name, d in digests.items():
        size = (OUT / name).stat().st_size
        print(f"{name}: {size:,} bytes sha256 {d}")
    return 0 if all(ok for *_, ok in checks) else 1


# ---------------------------------------------------------------------------------------------
# 11. Embedded reference tables
# ---------------------------------------------------------------------------------------------

# The fund list (codes, names, managers, tracked indices, categories; tag E = composed or estimated field).
UNIVERSE_CSV = """\
code,exchange,name_zh,name_en,manager,index_code,index_name,category,theme,family,listed,tag
159001,SZ,易方达保证金货币ETF,E FUND MARGIN MONEY MARKET ETF,易方达,,,money,money_market,money_market,2024-01-02,E
159107,SZ,富国创业板软件ETF,FG CHINEXT SOFTWARE,富国,,,sector_theme,software,software,2024-01-02,V
159123,SZ,嘉实光伏ETF,PHOTOVOLTAICS ETF,嘉实,,,sector_theme,photovoltaic,photovoltaic,2024-01-02,V
159205,SZ,东财创业板ETF,CYBETFDC,东财,399006,创业板指,broad,chinext,chinext,2024-01-02,V
159206,SZ,永赢国证商用卫星通信产业ETF,SATELLITE ETF,永赢,980018,国证商用卫星通信产业,sector_theme,satellite,satellite,2024-01-02,V
159213,SZ,汇添富机器人ETF,CUAM CSI ROBOT ETF,汇添富,,中证机器人,sector_theme,robot,robot,2024-01-02,E
159215,SZ,平安中证A500ETF,CSIA500ETFINDEXFUND,平安,000510,中证A500,broad,a500,a500,2025-02-20,E
159218,SZ,招商中证卫星产业ETF,SATELLITE INDUSTRY,招商,,中证卫星产业,sector_theme,satellite,satellite,2024-01-02,V
159300,SZ,富国沪深300ETF,300ETF,富国,000300,沪深300,broad,csi300,csi300,2024-01-02,V
159320,SZ,广发电网设备ETF,GF HSCAUPG ETF,广发,,恒生A股电网设备,sector_theme,grid,grid,2024-01-02,V
159326,SZ,华夏中证电网设备主题ETF,GRID EQUIPMENT ETF,华夏,931994,中证电网设备主题,sector_theme,grid,grid,2024-01-02,V
159330,SZ,东财沪深300ETF,HS300ETFDC,东财,000300,沪深300,broad,csi300,csi300,2024-01-02,V
159338,SZ,国泰中证A500ETF,CSI A500 ETF,国泰,000510,中证A500,broad,a500,a500,2024-11-05,E
159339,SZ,银华中证A500ETF,A500ETF,银华,000510,中证A500,broad,a500,a500,2024-10-15,E
159351,SZ,嘉实中证A500ETF,A500 ETF,嘉实,000510,中证A500,broad,a500,a500,2024-10-15,E
159352,SZ,南方中证A500ETF,CS CSI A500 ETF,南方,000510,中证A500,broad,a500,a500,2024-10-15,E
159353,SZ,景顺长城中证A500ETF,IGW CSI A500 ETF,景顺长城,000510,中证A500,broad,a500,a500,2024-10-15,E
159356,SZ,万家中证A500ETF,CSI A500 ETF WJ,万家,000510,中证A500,broad,a500,a500,2024-11-19,E
159357,SZ,博时中证A500ETF,CSI A500 ETF BOSERA,博时,000510,中证A500,broad,a500,a500,2024-11-15,E
159358,SZ,大成中证A500ETF,CSI A500ETF DC,大成,000510,中证A500,broad,a500,a500,2024-11-15,E
159359,SZ,华安中证A500ETF,CSI A500ETF,华安,000510,中证A500,broad,a500,a500,2024-11-19,E
159360,SZ,天弘中证A500ETF,CSI A500 ETF TH,天弘,000510,中证A500,broad,a500,a500,2024-11-19,E
159361,SZ,易方达中证A500ETF,E FUND CSI A500 ETF,易方达,000510,中证A500,broad,a500,a500,2024-10-15,E
159362,SZ,工银中证A500ETF,A500 INDEX,工银,000510,中证A500,broad,a500,a500,2024-11-12,E
159501,SZ,嘉实纳斯达克100ETF,HARVEST NASDAQ-100 ETF,嘉实,,纳斯达克100,cross_border,nasdaq100,nasdaq100,2024-01-02,E
159526,SZ,嘉实机器人ETF,CSI ROBOT ETF,嘉实,,中证机器人,sector_theme,robot,robot,2024-01-02,E
159530,SZ,易方达机器人ETF,EFUND ROBOT INDUSTRY,易方达,,中证机器人,sector_theme,robot,robot,2024-01-02,E
159531,SZ,南方中证2000ETF,CS CSI 2000 ETF,南方,932000,中证2000,broad,csi2000,csi2000,2024-01-02,V
159552,SZ,招商中证2000增强ETF,2000ENHANCEDETF,招商,932000,中证2000,broad,csi2000,csi2000,2024-01-02,V
159559,SZ,景顺机器人ETF,IGW ROBOTICS ETF,景顺,,,sector_theme,robot,robot,2024-01-02,V
159570,SZ,广发中证香港创新药ETF,GF CSI HK INNOVATIVE DRUG ETF,广发,,,cross_border,hk_innovative_drug,hk_innovative_drug,2024-01-02,E
159590,SZ,汇添富软件ETF,CUAM SOFTWARE ETF,汇添富,,,sector_theme,software,software,2024-01-02,V
159628,SZ,万家国证2000ETF,CNI 2000 ETF,万家,,国证2000,broad,cni2000,cni2000,2024-01-02,V
159629,SZ,富国中证1000ETF,1000ETF,富国,000852,中证1000,broad,csi1000,csi1000,2024-01-02,V
159633,SZ,易方达中证1000ETF,E FUND CSI 1000 ETF,易方达,000852,中证1000,broad,csi1000,csi1000,2024-01-02,V
159652,SZ,汇添富有色ETF,NON-FERROUS METAL,汇添富,,,sector_theme,nonferrous,nonferrous,2024-01-02,V
159659,SZ,招商纳斯达克100ETF,CMF NASDAQ-100 ETF,招商,,纳斯达克100,cross_border,nasdaq100,nasdaq100,2024-01-02,E
159673,SZ,鹏华沪深300ETF,PENGHUA CSI 300 ETF,鹏华,000300,沪深300,broad,csi300,csi300,2024-01-02,E
159690,SZ,招商有色矿业,MINING ETF,招商,,,sector_theme,nonferrous,nonferrous,2024-01-02,V
159740,SZ,大成恒生科技ETF,DACHENG HANG SENG TECH ETF,大成,,恒生科技,cross_border,hstech,hstech,2024-01-02,E
159770,SZ,天弘机器人ETF,TH ROBOT ETF,天弘,,,sector_theme,robot,robot,2024-01-02,V
159792,SZ,富国港股通互联网ETF,FULLGOAL HK CONNECT INTERNET,富国,,中证港股通互联网,cross_border,hk_internet,hk_internet,2024-01-02,E
159819,SZ,易方达中证人工智能主题ETF,AI INTELLIGENCE,易方达,,中证人工智能主题,sector_theme,ai,ai,2024-01-02,V
159820,SZ,天弘中证500ETF,TH 500 ETF,天弘,000905,中证500,broad,csi500,csi500,2024-01-02,V
159845,SZ,华夏中证1000ETF,CSI 1000 ETF,华夏,000852,中证1000,broad,csi1000,csi1000,2024-01-02,V
159852,SZ,嘉实中证软件服务ETF,SOFTWARE ETF,嘉实,930601,中证软件服务,sector_theme,software,software,2024-01-02,V
159857,SZ,天弘光伏ETF,TH PV ETF,天弘,,,sector_theme,photovoltaic,photovoltaic,2024-01-02,V
159864,SZ,国泰光伏ETF,PHOTOVOLTAIC 50 ETF,国泰,,,sector_theme,photovoltaic,photovoltaic,2024-01-02,V
159871,SZ,银华有色ETF,NONFERROUSMETAL,银华,,,sector_theme,nonferrous,nonferrous,2024-01-02,V
159876,SZ,华宝有色ETF,NONFERROUS METAL ETF,华宝,,,sector_theme,nonferrous,nonferrous,2024-01-02,V
159880,SZ,鹏华有色ETF,NONFERROUS METALS 50,鹏华,,,sector_theme,nonferrous,nonferrous,2024-01-02,V
159899,SZ,招商软件ETF,SOFTWARE FUND,招商,,,sector_theme,software,software,2024-01-02,V
159908,SZ,博时创业板ETF,BOSERA CHINEXT ETF,博时,399006,创业板指,broad,chinext,chinext,2024-01-02,V
159915,SZ,易方达创业板ETF,CHINEXT ETF,易方达,399006,创业板指,broad,chinext,chinext,2024-01-02,V
159919,SZ,嘉实沪深300ETF,CSI300ETF,嘉实,000300,沪深300,broad,csi300,csi300,2024-01-02,V
159922,SZ,嘉实中证500ETF,CSI500ETF,嘉实,000905,中证500,broad,csi500,csi500,2024-01-02,V
159925,SZ,南方沪深300ETF,CS300ETF,南方,000300,沪深300,broad,csi300,csi300,2024-01-02,V
159941,SZ,广发纳斯达克100ETF,GF NASDAQ-100 ETF,广发,,纳斯达克100,cross_border,nasdaq100,nasdaq100,2024-01-02,E
159948,SZ,南方创业板ETF,CHINEXT ETF,南方,399006,创业板指,broad,chinext,chinext,2024-01-02,V
159952,SZ,广发创业板ETF,CYETF,广发,399006,创业板指,broad,chinext,chinext,2024-01-02,V
159957,SZ,华夏创业板ETF,CHINAAMC CHINEXT ETF,华夏,399006,创业板指,broad,chinext,chinext,2024-01-02,V
159958,SZ,工银创业板ETF,CHINEXT ET,工银,399006,创业板指,broad,chinext,chinext,2024-01-02,V
159964,SZ,平安创业板ETF,CHINEXT PA,平安,399006,创业板指,broad,chinext,chinext,2024-01-02,V
159968,SZ,博时中证500ETF,ZZ500ETF,博时,000905,中证500,broad,csi500,csi500,2024-01-02,V
159971,SZ,富国创业板ETF,CHINEXT 100,富国,399006,创业板指,broad,chinext,chinext,2024-01-02,V
159977,SZ,天弘创业板ETF,TH CHINEXT ETF,天弘,399006,创业板指,broad,chinext,chinext,2024-01-02,V
159995,SZ,芯片ETF,CHIPS ETF,华夏,,,sector_theme,chips,chips,2024-01-02,V
510050,SH,华夏上证50ETF,CHINAAMC SSE 50 ETF,华夏,000016,上证50,broad,sse50,sse50,2024-01-02,V
510100,SH,易方达上证50ETF,E FUND SSE 50 ETF,易方达,000016,上证50,broad,sse50,sse50,2024-01-02,V
510300,SH,华泰柏瑞沪深300ETF,HUATAI-PB CSI 300 ETF,华泰柏瑞,000300,沪深300,broad,csi300,csi300,2024-01-02,V
510310,SH,易方达沪深300ETF发起式,E FUND CSI 300 ETF,易方达,000300,沪深300,broad,csi300,csi300,2024-01-02,V
510320,SH,中金沪深300ETF,CICC CSI 300 ETF,中金,000300,沪深300,broad,csi300,csi300,2024-01-02,E
510330,SH,华夏沪深300ETF,CHINAAMC CSI 300 ETF,华夏,000300,沪深300,broad,csi300,csi300,2024-01-02,V
510350,SH,工银沪深300ETF,ICBCCS CSI 300 ETF,工银,000300,沪深300,broad,csi300,csi300,2024-01-02,E
510360,SH,广发沪深300ETF,GF CSI 300 ETF,广发,000300,沪深300,broad,csi300,csi300,2024-01-02,E
510380,SH,国寿安保沪深300ETF,CHINA LIFE AMP CSI 300 ETF,国寿安保,000300,沪深300,broad,csi300,csi300,2024-01-02,E
510390,SH,平安沪深300ETF,PING AN CSI 300 ETF,平安,000300,沪深300,broad,csi300,csi300,2024-01-02,E
510500,SH,南方中证500ETF,CHINA SOUTHERN CSI 500 ETF,南方,000905,中证500,broad,csi500,csi500,2024-01-02,V
510510,SH,广发中证500ETF,GF CSI 500 ETF,广发,000905,中证500,broad,csi500,csi500,2024-01-02,E
510580,SH,易方达中证500ETF,E FUND CSI 500 ETF,易方达,000905,中证500,broad,csi500,csi500,2024-01-02,E
510710,SH,博时上证50ETF,BOSERA SSE 50 INDEX ETF,博时,000016,上证50,broad,sse50,sse50,2024-01-02,V
511220,SH,城投债ETF,URBAN INVESTMENT BOND ETF,,,,bond,urban_investment_bond,urban_investment_bond,2024-01-02,E
511360,SH,短融ETF,HFT SHORT-TERM FINANCING BOND ETF,海富通,,,bond,short_term_financing_bond,short_term_financing_bond,2024-01-02,E
511380,SH,可转债ETF,BOSERA CONVERTIBLE BOND ETF,博时,,,bond,convertible_bond,convertible_bond,2024-01-02,E
511520,SH,政金债ETF,POLICY FINANCIAL BOND ETF,,,,bond,policy_financial_bond,policy_financial_bond,2024-01-02,E
511660,SH,建信添益ETF,CCB TIANYI MONEY MARKET ETF,建信,,,money,money_market,money_market,2024-01-02,E
511880,SH,银华日利ETF,YINHUA RILI MONEY MARKET ETF,银华,,,money,money_market,money_market,2024-01-02,E
511990,SH,华宝添益ETF,HWABAO TIANYI MONEY MARKET ETF,华宝,,,money,money_market,money_market,2024-01-02,E
512000,SH,券商ETF,HWABAO WP BROKER ETF,华宝,,,sector_theme,broker,broker,2024-01-02,V
512020,SH,鹏华中证A500ETF,PENGHUA CSI A500 ETF,鹏华,000510,中证A500,broad,a500,a500,2024-11-12,E
512050,SH,华夏中证A500ETF,CHINAAMC CSI A500 ETF,华夏,000510,中证A500,broad,a500,a500,2024-11-05,E
512080,SH,中金中证A500ETF,CICC CSI A500 ETF,中金,000510,中证A500,broad,a500,a500,2024-12-12,E
512100,SH,南方中证1000ETF,CHINA SOUTHERN CSI 1000 ETF,南方,000852,中证1000,broad,csi1000,csi1000,2024-01-02,V
512200,SH,南方中证全指房地产ETF,CHINA SOUTHERN REAL ESTATE ETF,南方,,中证全指房地产,sector_theme,real_estate,real_estate,2024-01-02,V
512400,SH,南方中证申万有色金属ETF,CHINA SOUTHERN CSI SWS NF METAL ETF,南方,,中证申万有色金属,sector_theme,nonferrous,nonferrous,2024-01-02,V
512480,SH,半导体ETF,CPIC SEMICON ETF,国联安/太保,,中证全指半导体,sector_theme,semiconductor,semiconductor,2024-01-02,E
512500,SH,华夏中证500ETF,CHINAAMC CSI 500 ETF,华夏,000905,中证500,broad,csi500,csi500,2024-01-02,V
512510,SH,华泰柏瑞中证500ETF,HUATAI-PB CSI 500 ETF,华泰柏瑞,000905,中证500,broad,csi500,csi500,2024-01-02,V
512560,SH,易方达军工ETF,E FUND CSI NATIONAL DEFENSE IND ETF,易方达,,中证军工,sector_theme,defense,defense,2024-01-02,E
512630,SH,广发中证卫星产业ETF,GF CSI SATELLITE INDUSTRY ETF,广发,,中证卫星产业,sector_theme,satellite,satellite,2024-01-02,V
512660,SH,国泰军工ETF,GUOTAI CSI NATION DEFENSE IND INDEX ETF,国泰,,中证军工,sector_theme,defense,defense,2024-01-02,E
512670,SH,鹏华军工ETF,PENGHUA CSI DEFENSE INDEX ETF,鹏华,,中证国防,sector_theme,defense,defense,2024-01-02,E
512680,SH,广发军工ETF,GF CSI NATIONAL DEFENSE INDUSTRY ETF,广发,,中证军工,sector_theme,defense,defense,2024-01-02,E
512690,SH,酒ETF,PENGHUA CSI ALCOHOLIC DRINK,鹏华,,中证酒,sector_theme,liquor,liquor,2024-01-02,E
512710,SH,富国军工ETF,FULLGOAL CSI AERO DEFENSE INDEX ETF,富国,,,sector_theme,defense,defense,2024-01-02,V
512800,SH,银行ETF,HWABAO WP BANK ETF,华宝,,,sector_theme,bank,bank,2024-01-02,V
512810,SH,华宝军工ETF,HWABAO CSI NATIONAL DEFENSE IND IDX ETF,华宝,,中证军工,sector_theme,defense,defense,2024-01-02,E
512880,SH,证券ETF,GUOTAI CSI ALL SHARE INDEX ETF,国泰,,中证全指证券公司,sector_theme,securities,securities,2024-01-02,E
512930,SH,平安AI ETF,PING AN CSI AI INDEX ETF,平安,,中证人工智能主题,sector_theme,ai,ai,2024-01-02,E
513010,SH,易方达恒生科技ETF,E FUND HANG SENG TECH ETF,易方达,,恒生科技,cross_border,hstech,hstech,2024-01-02,E
513050,SH,易方达中证海外中国互联网50ETF,E FUND CSI OVERSEAS CHINA INTERNET 50 ETF,易方达,,中证海外中国互联网50,cross_border,china_internet,china_internet,2024-01-02,E
513100,SH,国泰纳斯达克100ETF,GUOTAI NASDAQ-100 ETF,国泰,,纳斯达克100,cross_border,nasdaq100,nasdaq100,2024-01-02,E
513130,SH,华泰柏瑞恒生科技ETF,HUATAI-PB HANG SENG TECH ETF,华泰柏瑞,,恒生科技,cross_border,hstech,hstech,2024-01-02,E
513180,SH,华夏恒生科技ETF,CHINAAMC HANG SENG TECH ETF,华夏,,恒生科技,cross_border,hstech,hstech,2024-01-02,E
513300,SH,华夏纳斯达克100ETF,CHINAAMC NASDAQ-100 ETF,华夏,,纳斯达克100,cross_border,nasdaq100,nasdaq100,2024-01-02,E
513330,SH,华夏恒生互联网科技业ETF,CHINAAMC HS INTERNET TECH,华夏,,恒生互联网科技业,cross_border,hk_internet,hk_internet,2024-01-02,E
515060,SH,华夏中证全指房地产ETF,CHINAAMC CSI ALL SHARE REAL ESTATE ETF,华夏,,中证全指房地产,sector_theme,real_estate,real_estate,2024-01-02,V
515070,SH,华夏中证人工智能主题ETF,CHINAAMC CSI AI INDEX ETF,华夏,,中证人工智能主题,sector_theme,ai,ai,2024-01-02,V
515230,SH,国泰中证全指软件ETF,GUOTAI CSI ALL SHARE SOFTWARE INDEX ETF,国泰,H30202,中证全指软件,sector_theme,software,software,2024-01-02,V
515330,SH,天弘沪深300ETF,TH CSI 300 ETF,天弘,000300,沪深300,broad,csi300,csi300,2024-01-02,E
515370,SH,华夏光伏ETF,CHINAAMC CSI PHOTOVOLTAIC INDUSTRY ETF,华夏,,中证光伏产业,sector_theme,photovoltaic,photovoltaic,2024-01-02,E
515380,SH,泰康沪深300ETF,TAIKANG CSI 300 ETF,泰康,000300,沪深300,broad,csi300,csi300,2024-01-02,E
515390,SH,华安沪深300ETF,HUAAN CSI 300 ETF,华安,000300,沪深300,broad,csi300,csi300,2024-01-02,E
515660,SH,国联安沪深300ETF,CPIC CSI 300 ETF,国联安/太保,000300,沪深300,broad,csi300,csi300,2024-01-02,E
515790,SH,华泰柏瑞中证光伏产业ETF,HUATAI-PB CSI PHOTOVOLTAIC INDUSTRY ETF,华泰柏瑞,,中证光伏产业,sector_theme,photovoltaic,photovoltaic,2024-01-02,V
515980,SH,华富中证人工智能产业ETF,HARFOR CSI AI INDUSTRY ETF,华富,931071,中证人工智能产业,sector_theme,ai,ai,2024-01-02,V
516190,SH,传媒ETF华夏,CHINAAMC CSI MEDIA ETF,华夏,,,sector_theme,media,media,2024-01-02,E
516290,SH,汇添富光伏ETF,CUAM PHOTOVOLTAIC INDUSTRY ETF,汇添富,,中证光伏产业,sector_theme,photovoltaic,photovoltaic,2024-01-02,E
516630,SH,云计算ETF华夏,CHINAAMC CSI CLOUD COMP & BIG DATA ETF,华夏,,中证云计算与大数据,sector_theme,cloud,cloud,2024-01-02,E
516650,SH,华夏有色50,CHINAAMC CSI SUBD NON-FERROUS METAL ETF,华夏,,中证细分有色金属产业主题,sector_theme,nonferrous,nonferrous,2024-01-02,E
516880,SH,银华光伏ETF,YINHUA CSI PHOTOVOLTAIC INDUSTRY ETF,银华,,中证光伏产业,sector_theme,photovoltaic,photovoltaic,2024-01-02,E
518880,SH,华安黄金ETF,HUAAN GOLD ETF,华安,,上海金 Au99.99,commodity,gold,gold,2024-01-02,E
530000,SH,天弘上证50ETF,SSE 50 ETF TIANHONG,天弘,000016,上证50,broad,sse50,sse50,2024-01-02,V
560010,SH,广发中证1000ETF,GF CSI 1000 ETF,广发,000852,中证1000,broad,csi1000,csi1000,2024-01-02,V
560510,SH,泰康中证A500ETF,TAIKANG CSI A500 INDEX ETF,泰康,000510,中证A500,broad,a500,a500,2024-10-15,E
560530,SH,摩根中证A500ETF,JPMORGAN CSI A500 ETF,摩根,000510,中证A500,broad,a500,a500,2024-10-15,E
560610,SH,招商中证A500ETF,CMF CSI A500 INDEX ETF,招商,000510,中证A500,broad,a500,a500,2024-11-08,E
560770,SH,招商机器人ETF,CHINA MERCHANTS CSI ROBOT INDEX ETF,招商,,中证机器人,sector_theme,robot,robot,2024-01-02,E
560860,SH,万家工业有色,WANJIA CSI IND NON-FERROUS METAL ETF,万家,,中证工业有色金属主题,sector_theme,nonferrous,nonferrous,2024-01-02,E
561330,SH,国泰矿业,GUOTAI CSI NONFERROUS METAL MINING ETF,国泰,,中证有色金属矿业主题,sector_theme,nonferrous,nonferrous,2024-01-02,E
561380,SH,国泰恒生A股电网设备ETF,GUOTAI HS CN A POWER GRID EQPT IDX ETF,国泰,,恒生A股电网设备,sector_theme,grid,grid,2024-01-02,V
562500,SH,华夏中证机器人ETF,CHINAAMC CSI ROBOT ETF,华夏,,中证机器人,sector_theme,robot,robot,2024-01-02,V
562660,SH,华夏中证2000ETF,CHINAAMC CSI 2000 ETF,华夏,932000,中证2000,broad,csi2000,csi2000,2024-01-02,E
562930,SH,易方达软件ETF,E FUND CSI SOFTWARE AND SERVICES ETF,易方达,,中证软件服务,sector_theme,software,software,2024-01-02,E
562970,SH,易方达光伏ETF,E FUND CSI PHOTOVOLTAIC INDUSTRY ETF,易方达,,中证光伏产业,sector_theme,photovoltaic,photovoltaic,2024-01-02,E
563220,SH,富国中证A500ETF,FULLGOAL CSI A500 ETF,富国,000510,中证A500,broad,a500,a500,2024-10-15,E
563230,SH,富国中证卫星产业ETF,FULLGOAL CSI SATELLITE INDUSTRY ETF,富国,,中证卫星产业,sector_theme,satellite,satellite,2024-01-02,V
563300,SH,华泰柏瑞中证2000ETF,HUATAI-PB CSI 2000 ETF,华泰柏瑞,932000,中证2000,broad,csi2000,csi2000,2024-01-02,V
563360,SH,华泰柏瑞中证A500ETF,HUATAI-PB CSI A500 ETF,华泰柏瑞,000510,中证A500,broad,a500,a500,2024-10-15,E
563500,SH,华宝中证A500ETF,HUABAO CSI A500 ETF,华宝,000510,中证A500,broad,a500,a500,2024-11-22,E
563520,SH,永赢沪深300ETF,MAXWEALTH CSI 300 ETF,永赢,000300,沪深300,broad,csi300,csi300,2024-01-02,V
563530,SH,易方达中证卫星产业ETF,E FUND CSI SATELLITE INDUSTRY ETF,易方达,,中证卫星产业,sector_theme,satellite,satellite,2024-01-02,V
563800,SH,广发中证A500ETF,GF CSI A500 ETF,广发,000510,中证A500,broad,a500,a500,2024-10-15,E
563880,SH,汇添富中证A500ETF,CUAM CSI A 500ETF,汇添富,000510,中证A500,broad,a500,a500,2024-11-08,E
588000,SH,华夏上证科创板50成份ETF,CHINAAMC STAR 50 ETF,华夏,000688,科创50,broad,star50,star50,2024-01-02,V
588030,SH,博时科创100ETF,BOSERA STAR 100 ETF,博时,,科创100,broad,star100,star100,2024-01-02,E
588050,SH,工银科创50ETF,ICBCCS STAR 50 ETF,工银,000688,科创50,broad,star50,star50,2024-01-02,V
588060,SH,广发科创50ETF,GF STAR 50 ETF,广发,000688,科创50,broad,star50,star50,2024-01-02,V
588080,SH,易方达科创50ETF,E FUND STAR 50 ETF,易方达,000688,科创50,broad,star50,star50,2024-01-02,V
588090,SH,华泰柏瑞科创50ETF,HUATAI-PB STAR 50 ETF,华泰柏瑞,000688,科创50,broad,star50,star50,2024-01-02,V
588120,SH,国泰科创100ETF,GUOTAI STAR 100 ETF,国泰,,科创100,broad,star100,star100,2024-01-02,E
588180,SH,国联安科创50ETF,CPIC STAR 50 ETF,国联安/太保,000688,科创50,broad,star50,star50,2024-01-02,E
588190,SH,银华科创100ETF,YINHUA STAR 100 ETF,银华,,科创100,broad,star100,star100,2024-01-02,E
588220,SH,鹏华科创100ETF,PENGHUA STAR 100 ETF,鹏华,,科创100,broad,star100,star100,2024-01-02,E
588730,SH,易方达科创AI ETF,E FUND STAR AI ETF,易方达,,上证科创板人工智能,sector_theme,ai,ai,2024-01-02,E
588800,SH,华夏科创100ETF,CHINAAMC STAR 100 ETF,华夏,,科创100,broad,star100,star100,2024-01-02,E
588870,SH,汇添富科创50ETF,CUAM STAR 50 ETF,汇添富,000688,科创50,broad,star50,star50,2024-01-02,V
588900,SH,南方科创100ETF,CHINA SOUTHERN STAR 100 ETF,南方,,科创100,broad,star100,star100,2024-01-02,E
588930,SH,银华科创AI ETF,YINHUA SSE STAR ARTIFICIAL INTEL ETF,银华,,上证科创板人工智能,sector_theme,ai,ai,2024-01-02,E
588940,SH,富国科创50ETF,FULLGOAL STAR 50 ETF,富国,000688,科创50,broad,star50,star50,2024-01-02,E
589000,SH,华夏科创综指ETF,CHINAAMC SSE SCI&TECH INNOV BD COMP ETF,华夏,000680,科创综指,broad,star_composite,star_composite,2025-01-20,E
589010,SH,华夏科创AI ETF,CHINAAMC CN SCI&TECH INNOV BOARD AI ETF,华夏,,上证科创板人工智能,sector_theme,ai,ai,2024-01-02,E
589680,SH,鹏华科创综指ETF,PENGHUA STAR COMPOSITE ETF,鹏华,000680,科创综指,broad,star_composite,star_composite,2025-01-22,E
589800,SH,易方达科创综指ETF,E FUND STAR COMPOSITE ETF,易方达,000680,科创综指,broad,star_composite,star_composite,2025-01-20,E
589850,SH,东财科创50ETF,DONGCAI STAR 50 ETF,东财,000688,科创50,broad,star50,star50,2024-01-02,V
589880,SH,建信科创综指ETF,CCB STAR COMPOSITE ETF,建信,000680,科创综指,broad,star_composite,star_composite,2025-02-07,E
"""

# Published figures the seed is checked against (id, scope, measure, window, value, unit, hedge, source;
# notes: "approx" where the date is known only roughly, "largest single-day" for peak-day figures).
TARGETS_CSV = """\
id,scope,measure,period_start,period_end,value,unit,hedge,source,notes
etf510300_aum_20251226,etf:510300,aum,2025-12-26,2025-12-26,4270.67,yi_cny,none,reportify.cn/social-media/756658339869521,
etf510300_aum_record_202601,etf:510300,aum,2026-01-09,2026-01-09,4394.4,yi_cny,none,reportify.ai/news/1208170764172398592,approx
etf510300_shares_20251126,etf:510300,shares,2025-11-26,2025-11-26,902.70,yi_shares,none,SSE TOT_VOL,
etf510300_shares_202509,etf:510300,shares,2025-09-01,2025-09-30,896.63,yi_shares,none,http://www.tianjindaily.com.cn/ent/43784.html,approx
etf510300_aum_202509,etf:510300,aum,2025-09-01,2025-09-30,4200,yi_cny,about,http://www.tianjindaily.com.cn/ent/43784.html,approx
etf510300_inst_holders_202312,etf:510300,ratio,2023-12-01,2023-12-31,64.74,pct,none,,approx
etf510300_shares_202312,etf:510300,shares,2023-12-01,2023-12-31,374,yi_shares,none,,approx
etf510300_inst_holders_202406,etf:510300,ratio,2024-06-01,2024-06-30,79.40,pct,none,,approx
etf510300_shares_202406,etf:510300,shares,2024-06-01,2024-06-30,607,yi_shares,none,,approx
etf510300_inst_holders_202412,etf:510300,ratio,2024-12-01,2024-12-31,83.06,pct,none,,approx
etf510300_shares_202412,etf:510300,shares,2024-12-01,2024-12-31,894,yi_shares,none,,approx
etf510310_aum_20251226,etf:510310,aum,2025-12-26,2025-12-26,3029.96,yi_cny,none,,
etf510310_aum_20240930,etf:510310,aum,2024-09-30,2024-09-30,2634.50,yi_cny,none,fundf10,
etf510310_shares_20240930,etf:510310,shares,2024-09-30,2024-09-30,655.46,yi_shares,none,fundf10,
etf510310_consolidation_ratio_20240920,etf:510310,ratio,2024-09-20,2024-09-20,0.49977589,ratio,none,caifuhao.eastmoney.com post on 510310,
etf510330_aum_20251226,etf:510330,aum,2025-12-26,2025-12-26,2302.9,yi_cny,none,,
etf510330_shares_20251224,etf:510330,shares,2025-12-24,2025-12-24,474.19,yi_shares,none,https://tushare.pro/document/2?doc_id=408,
etf510330_aum_20251224,etf:510330,aum,2025-12-24,2025-12-24,2287.9,yi_cny,none,https://tushare.pro/document/2?doc_id=408,
etf510330_turnover_20260116,etf:510330,turnover,2026-01-16,2026-01-16,220,yi_cny,over,163.com KJPNVCCD05393CBK,
etf159919_aum_20251226,etf:159919,aum,2025-12-26,2025-12-26,1976.90,yi_cny,none,,
family_csi300_aum_20251226,family:csi300,aum,2025-12-26,2025-12-26,12000,yi_cny,about,,
etf510050_aum_20251226,etf:510050,aum,2025-12-26,2025-12-26,1000,yi_cny,over,,
etf510050_aum_20250613,etf:510050,aum,2025-06-13,2025-06-13,1626.0,yi_cny,none,bigquant 20250613,
etf510050_shares_20250115,etf:510050,shares,2025-01-15,2025-01-15,553.37,yi_shares,none,akshare doc (docs/data/fund/fund_public.md),
etf510500_aum_20251226,etf:510500,aum,2025-12-26,2025-12-26,1000,yi_cny,over,,
etf512100_aum_20240923,etf:512100,aum,2024-09-23,2024-09-23,395,yi_cny,none,https://bigquant.com/square/paper/298cacae-a967-4ea5-8039-a272c22424fd,
etf512100_aum_20241010,etf:512100,aum,2024-10-10,2024-10-10,702,yi_cny,none,https://bigquant.com/square/paper/298cacae-a967-4ea5-8039-a272c22424fd,
family_csi1000_aum_20251226,family:csi1000,aum,2025-12-26,2025-12-26,1000,yi_cny,over,,
family_a500_aum_20251226,family:a500,aum,2025-12-26,2025-12-26,3000,yi_cny,over,,
family_a500_count_202509,family:a500,count,2025-09-01,2025-09-30,40,count,none,http://www.hotlink.work/cn/info/6280,approx
etf159915_aum_20251226,etf:159915,aum,2025-12-26,2025-12-26,1000,yi_cny,over,,
etf159915_aum_20240923,etf:159915,aum,2024-09-23,2024-09-23,620,yi_cny,none,https://bigquant.com/square/paper/298cacae-a967-4ea5-8039-a272c22424fd,
etf159915_aum_20241010,etf:159915,aum,2024-10-10,2024-10-10,1233,yi_cny,none,https://bigquant.com/square/paper/298cacae-a967-4ea5-8039-a272c22424fd,
family_star50_aum_20251226,family:star50,aum,2025-12-26,2025-12-26,1000,yi_cny,over,,
etf159852_aum_20260105,etf:159852,aum,2026-01-05,2026-01-05,61.27,yi_cny,none,"newtimespace.com/en/etf/1362758, /1365937; 369kv.com/main/a/20260119/484065.shtml",
etf159852_aum_20260114,etf:159852,aum,2026-01-14,2026-01-14,136.27,yi_cny,none,"newtimespace.com/en/etf/1362758, /1365937; 369kv.com/main/a/20260119/484065.shtml",
etf159852_shares_20260114,etf:159852,shares,2026-01-14,2026-01-14,129.27,yi_shares,none,"newtimespace.com/en/etf/1362758, /1365937; 369kv.com/main/a/20260119/484065.shtml",
etf159852_flow_3d_20260114,etf:159852,net_flow,2026-01-12,2026-01-14,59.54,yi_cny,none,"newtimespace.com/en/etf/1362758, /1365937; 369kv.com/main/a/20260119/484065.shtml",
etf159852_flow_peakday_20260114,etf:159852,net_flow,2026-01-12,2026-01-14,31.67,yi_cny,none,"newtimespace.com/en/etf/1362758, /1365937; 369kv.com/main/a/20260119/484065.shtml",largest single-day
etf159852_aum_20260115,etf:159852,aum,2026-01-15,2026-01-15,143.30,yi_cny,none,"newtimespace.com/en/etf/1362758, /1365937; 369kv.com/main/a/20260119/484065.shtml",
etf515230_aum_20260113,etf:515230,aum,2026-01-13,2026-01-13,46.02,yi_cny,none,"newtimespace /1365476, /1367974",
etf515230_shares_20260113,etf:515230,shares,2026-01-13,2026-01-13,43.84,yi_shares,none,"newtimespace /1365476, /1367974",
etf515230_aum_20260121,etf:515230,aum,2026-01-21,2026-01-21,60.79,yi_cny,none,"newtimespace /1365476, /1367974",
etf515230_shares_20260121,etf:515230,shares,2026-01-21,2026-01-21,61.57,yi_shares,none,"newtimespace /1365476, /1367974",
etf159206_aum_20260109,etf:159206,aum,2026-01-09,2026-01-09,94.26,yi_cny,about,"reportify.ai/news/1207053032571932672; newtimespace /1367994, /1371734",approx
etf159206_flow_ytd_20260109,etf:159206,net_flow,2026-01-01,2026-01-09,18.64,yi_cny,none,"reportify.ai/news/1207053032571932672; newtimespace /1367994, /1371734",approx
etf159206_aum_20260121,etf:159206,aum,2026-01-21,2026-01-21,150.53,yi_cny,none,"reportify.ai/news/1207053032571932672; newtimespace /1367994, /1371734",
etf159206_flow_10d_20260121,etf:159206,net_flow,2026-01-08,2026-01-21,70.87,yi_cny,none,"reportify.ai/news/1207053032571932672; newtimespace /1367994, /1371734",
etf159206_aum_20260202,etf:159206,aum,2026-02-02,2026-02-02,176.18,yi_cny,none,"reportify.ai/news/1207053032571932672; newtimespace /1367994, /1371734",
etf159206_shares_20260202,etf:159206,shares,2026-02-02,2026-02-02,95.07,yi_shares,none,"reportify.ai/news/1207053032571932672; newtimespace /1367994, /1371734",
etf563230_flow_ytd_20260109,etf:563230,net_flow,2026-01-01,2026-01-09,10,yi_cny,over,reportify.ai/news/1207053032571932672,approx
etf159218_flow_ytd_20260109,etf:159218,net_flow,2026-01-01,2026-01-09,10,yi_cny,over,reportify.ai/news/1207053032571932672,approx
etf512400_aum_20260127,etf:512400,aum,2026-01-27,2026-01-27,414.44,yi_cny,none,newtimespace /1369735,
etf512400_shares_20260127,etf:512400,shares,2026-01-27,2026-01-27,173.71,yi_shares,none,newtimespace /1369735,
etf512400_flow_17d_20260127,etf:512400,net_flow,2026-01-05,2026-01-27,144.74,yi_cny,none,newtimespace /1369735,
etf512400_flow_peakday_20260127,etf:512400,net_flow,2026-01-05,2026-01-27,18.11,yi_cny,none,newtimespace /1369735,largest single-day
etf159819_flow_wk_20260116,etf:159819,net_flow,2026-01-12,2026-01-16,14.9,yi_cny,none,reportify.ai/news/1209614491805945856,
etf515980_aum_20260113,etf:515980,aum,2026-01-13,2026-01-13,87.09,yi_cny,none,"newtimespace /1365480, /1366728",
etf515980_shares_20260113,etf:515980,shares,2026-01-13,2026-01-13,89.93,yi_shares,none,"newtimespace /1365480, /1366728",
etf515980_aum_20260116,etf:515980,aum,2026-01-16,2026-01-16,96.23,yi_cny,none,"newtimespace /1365480, /1366728",
etf515980_shares_20260116,etf:515980,shares,2026-01-16,2026-01-16,97.97,yi_shares,none,"newtimespace /1365480, /1366728",
etf515980_flow_5d_20260116,etf:515980,net_flow,2026-01-12,2026-01-16,20.35,yi_cny,none,"newtimespace /1365480, /1366728",
etf588730_flow_wk_20260116,etf:588730,net_flow,2026-01-12,2026-01-16,1.3,yi_cny,none,,
etf561380_price_return_20260113,etf:561380,price_return,2026-01-13,2026-01-13,7.37,pct,none,reportify.ai/news/1208579595503276032,
etf159326_aum_20260116,etf:159326,aum,2026-01-16,2026-01-16,85.75,yi_cny,none,newtimespace /1366700,
etf159326_shares_20260116,etf:159326,shares,2026-01-16,2026-01-16,50.93,yi_shares,none,newtimespace /1366700,
etf159326_flow_7d_20260116,etf:159326,net_flow,2026-01-08,2026-01-16,40.62,yi_cny,none,newtimespace /1366700,
etf159326_flow_peakday_20260116,etf:159326,net_flow,2026-01-08,2026-01-16,15.62,yi_cny,none,newtimespace /1366700,largest single-day
etf159326_aum_20260130,etf:159326,aum,2026-01-30,2026-01-30,168.08,yi_cny,none,newtimespace /1371192,approx
etf159326_aum_20251120,etf:159326,aum,2025-11-20,2025-11-20,19,yi_cny,about,hotlink.work/en/info/9501,
etf512480_shares_20260527,etf:512480,shares,2026-05-27,2026-05-27,89.87,yi_shares,none,akshare issue #7288 (akfamily/akshare#7288),
group_securities_idx_aum_20251226,group:securities_company_index_etfs,aum,2025-12-26,2025-12-26,1000,yi_cny,over,,
etf159995_shares_20260401,etf:159995,shares,2026-04-01,2026-04-01,140.68,yi_shares,none,akshare doc (docs/data/fund/fund_public.md),
etf513180_aum_20250820,etf:513180,aum,2025-08-20,2025-08-20,358.07,yi_cny,none,hotlink.work/en/info/4751,
family_hstech_aum_20251226,family:hstech,aum,2025-12-26,2025-12-26,1000,yi_cny,over,,
family_hk_internet_aum_20251226,family:hk_internet,aum,2025-12-26,2025-12-26,1000,yi_cny,over,,
family_nasdaq100_aum_20251226,family:nasdaq100,aum,2025-12-26,2025-12-26,1000,yi_cny,over,,
etf159570_share_change_20250911,etf:159570,share_change,2025-09-11,2025-09-11,15.40,yi_shares,none,http://www.hotlink.work/cn/info/6280,
etf159570_flow_20250911,etf:159570,net_flow,2025-09-11,2025-09-11,22.97,yi_cny,none,http://www.hotlink.work/cn/info/6280,
etf518880_aum_20260112,etf:518880,aum,2026-01-12,2026-01-12,972.9,yi_cny,none,reportify.ai/news/1208579595503276032,approx
etf518880_aum_20260121,etf:518880,aum,2026-01-21,2026-01-21,1000,yi_cny,over,https://www.163.com/dy/article/KK4ICAOR0556BUVM.html,approx
family_gold_aum_20251226,family:gold,aum,2025-12-26,2025-12-26,2200,yi_cny,over,,
group_scitech_bond_aum_20251226,group:sci_tech_bond_etfs,aum,2025-12-26,2025-12-26,3400,yi_cny,over,,
etf511360_flow_wk_20260206,etf:511360,net_flow,2026-02-02,2026-02-06,32.56,yi_cny,none,pc.yanbaoke.cn/info/PeZTeMTQk5bnsipvzHMzAn,
market_all_etf_aum_20251226,market:all_etf,aum,2025-12-26,2025-12-26,60300,yi_cny,none,reportify.cn/social-media/756658339869521,
category_stock_aum_20251226,category:stock,aum,2025-12-26,2025-12-26,38500,yi_cny,none,reportify.cn/social-media/756658339869521,
category_stock_share_20251226,category:stock,ratio,2025-12-26,2025-12-26,64,pct,none,reportify.cn/social-media/756658339869521,
category_cross_border_aum_20251226,category:cross_border,aum,2025-12-26,2025-12-26,9300,yi_cny,over,reportify.cn/social-media/756658339869521,
category_bond_aum_20251226,category:bond,aum,2025-12-26,2025-12-26,8000,yi_cny,over,reportify.cn/social-media/756658339869521,
category_commodity_aum_20251226,category:commodity,aum,2025-12-26,2025-12-26,2500,yi_cny,over,reportify.cn/social-media/756658339869521,
category_money_aum_20251226,category:money,aum,2025-12-26,2025-12-26,1700,yi_cny,over,reportify.cn/social-media/756658339869521,
group_aum_over_100yi_count_20251226,group:etfs_aum_over_100yi,count,2025-12-26,2025-12-26,125,count,none,reportify.cn/social-media/756658339869521,
group_aum_over_1000yi_count_20251226,group:etfs_aum_over_1000yi,count,2025-12-26,2025-12-26,7,count,none,reportify.cn/social-media/756658339869521,
market_all_etf_aum_20251231,market:all_etf,aum,2025-12-31,2025-12-31,60200,yi_cny,none,caiding5.cn/bitcoin/37282230.html,
manager_chinaamc_aum_20260112,manager:华夏,aum,2026-01-12,2026-01-12,10200,yi_cny,none,caiding5.cn/bitcoin/37282230.html,
manager_efund_aum_202601,manager:易方达,aum,2025-12-31,2026-01-12,9261.35,yi_cny,none,caiding5.cn/bitcoin/37282230.html,approx
manager_huatai_aum_202601,manager:华泰柏瑞,aum,2025-12-31,2026-01-12,6500,yi_cny,about,caiding5.cn/bitcoin/37282230.html,approx
manager_southern_aum_202601,manager:南方,aum,2025-12-31,2026-01-12,4560.66,yi_cny,none,caiding5.cn/bitcoin/37282230.html,approx
market_all_etf_aum_20260112,market:all_etf,aum,2026-01-12,2026-01-12,62700,yi_cny,none,reportify.ai/news/1208741361398976512,
category_broad_flow_ytd_20260112,category:broad,net_flow,2026-01-01,2026-01-12,2546,yi_cny,none,reportify.ai/news/1208741361398976512,
market_all_etf_aum_20260206,market:all_etf,aum,2026-02-06,2026-02-06,53200,yi_cny,none,pc.yanbaoke.cn/info/PeZTeMTQk5bnsipvzHMzAn,
market_all_etf_count_20260206,market:all_etf,count,2026-02-06,2026-02-06,1424,count,none,pc.yanbaoke.cn/info/PeZTeMTQk5bnsipvzHMzAn,
dg_w0112_all_etf_flow,market:all_etf,net_flow,2026-01-12,2026-01-16,-1571.98,yi_cny,none,https://www.yanbaoke.com/info/LRu2wyoWZ6MhHRL7QLjLc6,
dg_w0112_stock_flow,category:stock,net_flow,2026-01-12,2026-01-16,-1416.43,yi_cny,none,https://www.yanbaoke.com/info/LRu2wyoWZ6MhHRL7QLjLc6,
dg_w0112_broad_flow,category:broad,net_flow,2026-01-12,2026-01-16,-2126.17,yi_cny,none,https://www.yanbaoke.com/info/LRu2wyoWZ6MhHRL7QLjLc6,
dg_w0112_csi300_flow,family:csi300,net_flow,2026-01-12,2026-01-16,-1033.81,yi_cny,none,https://www.yanbaoke.com/info/LRu2wyoWZ6MhHRL7QLjLc6,
dg_w0112_credit_bond_flow,group:credit_bond_etfs,net_flow,2026-01-12,2026-01-16,-100,yi_cny,over,https://www.yanbaoke.com/info/LRu2wyoWZ6MhHRL7QLjLc6,
em_w0112_stock_ex_xb_flow,category:stock_ex_cross_border,net_flow,2026-01-12,2026-01-16,-1412.8,yi_cny,none,https://www.fxbaogao.com/detail/5232807,
em_w0112_stock_ex_xb_flow_wow,category:stock_ex_cross_border,net_flow_wow_change,2026-01-12,2026-01-16,-1436.2,yi_cny,none,https://www.fxbaogao.com/detail/5232807,
em_0115_0116_stock_ex_xb_flow,category:stock_ex_cross_border,net_flow,2026-01-15,2026-01-16,-1545.6,yi_cny,none,https://www.fxbaogao.com/detail/5232807,
em_w0112_sector_theme_flow,category:sector_theme,net_flow,2026-01-12,2026-01-16,700,yi_cny,nearly,https://www.fxbaogao.com/detail/5232807,
em_w0112_hk_flow,group:hk_etfs,net_flow,2026-01-12,2026-01-16,100,yi_cny,over,https://www.fxbaogao.com/detail/5232807,
em_w0112_xb_theme_flow,group:cross_border_sector_theme,net_flow,2026-01-12,2026-01-16,104.2,yi_cny,none,https://www.fxbaogao.com/detail/5232807,
em_w0112_broad_flow,category:broad,net_flow,2026-01-12,2026-01-16,-2126.2,yi_cny,none,https://www.fxbaogao.com/detail/5232807,
em_w0112_csi300_flow,family:csi300,net_flow,2026-01-12,2026-01-16,-1000,yi_cny,over,https://www.fxbaogao.com/detail/5232807,
fp_w0112_software_etf_scale,etf:159852,scale_change,2026-01-12,2026-01-16,64.13,yi_cny,none,https://pc.yanbaoke.cn/info/KmFF28FeqpPUgVLbCH7Cpw,
fp_w0112_nonferrous_etf_scale,etf_name:有色金属ETF,scale_change,2026-01-12,2026-01-16,58.85,yi_cny,none,https://pc.yanbaoke.cn/info/KmFF28FeqpPUgVLbCH7Cpw,
fp_w0112_satellite_etf_scale,etf_name:卫星ETF,scale_change,2026-01-12,2026-01-16,39.66,yi_cny,none,https://pc.yanbaoke.cn/info/KmFF28FeqpPUgVLbCH7Cpw,
fp_w0112_510300_scale,etf:510300,scale_change,2026-01-12,2026-01-16,-504.61,yi_cny,none,https://pc.yanbaoke.cn/info/KmFF28FeqpPUgVLbCH7Cpw,
fp_w0112_510330_scale,etf:510330,scale_change,2026-01-12,2026-01-16,-295.29,yi_cny,none,https://pc.yanbaoke.cn/info/KmFF28FeqpPUgVLbCH7Cpw,
fp_w0112_588080_scale,etf:588080,scale_change,2026-01-12,2026-01-16,-241.62,yi_cny,none,https://pc.yanbaoke.cn/info/KmFF28FeqpPUgVLbCH7Cpw,
fp_w0112_idx_software_scale,family:中证软件,scale_change,2026-01-12,2026-01-16,74.13,yi_cny,none,https://pc.yanbaoke.cn/info/KmFF28FeqpPUgVLbCH7Cpw,
fp_w0112_idx_nonferrous_scale,family:有色金属,scale_change,2026-01-12,2026-01-16,58.85,yi_cny,none,https://pc.yanbaoke.cn/info/KmFF28FeqpPUgVLbCH7Cpw,
fp_w0112_idx_semi_materials_scale,family:半导体材料设备,scale_change,2026-01-12,2026-01-16,52.95,yi_cny,none,https://pc.yanbaoke.cn/info/KmFF28FeqpPUgVLbCH7Cpw,
fp_w0112_csi300_scale,family:csi300,scale_change,2026-01-12,2026-01-16,-1071.73,yi_cny,none,https://pc.yanbaoke.cn/info/KmFF28FeqpPUgVLbCH7Cpw,
fp_w0112_star50_scale,family:star50,scale_change,2026-01-12,2026-01-16,-259.94,yi_cny,none,https://pc.yanbaoke.cn/info/KmFF28FeqpPUgVLbCH7Cpw,
fp_w0112_sse50_scale,family:sse50,scale_change,2026-01-12,2026-01-16,-222.24,yi_cny,none,https://pc.yanbaoke.cn/info/KmFF28FeqpPUgVLbCH7Cpw,
cj_w0112_broad_flow,category:broad,net_flow,2026-01-12,2026-01-16,-2000,yi_cny,over,https://www.mycaijing.com/article/detail/562666?source_id=40,
cj_w0112_csi300_flow,family:csi300,net_flow,2026-01-12,2026-01-16,-1000,yi_cny,over,https://www.mycaijing.com/article/detail/562666?source_id=40,
cj_sse_composite_close_20260112,index:sse_composite,index_close,2026-01-12,2026-01-12,4165.29,points,none,https://www.mycaijing.com/article/detail/562666?source_id=40,
cj_sse_composite_up_streak_20260112,index:sse_composite,count,2026-01-12,2026-01-12,17,count,none,https://www.mycaijing.com/article/detail/562666?source_id=40,
cj_margin_min_20260114,policy:margin_minimum,ratio,2026-01-14,2026-01-14,100,pct,none,https://www.mycaijing.com/article/detail/562666?source_id=40,
bbg_510300_flow_20260115,etf:510300,net_flow,2026-01-15,2026-01-15,-20.2,cny_bn,none,https://www.beeeye.xyz/news/detail/12560605155382,
citic_w0112_broad_flow,category:broad,net_flow,2026-01-12,2026-01-16,-200,cny_bn,over,https://www.gmt8press.com/flash/detail/1167032,
notes_w0112_hk_xb_theme_flow,group:hk_plus_cross_border_sector_theme,net_flow,2026-01-12,2026-01-16,204,yi_cny,about,reference notes §4.1 (derived),
notes_w0112_510300_share_change,etf:510300,share_change,2026-01-12,2026-01-16,-99,yi_shares,about,reference notes §4.1 (derived),
gx_w0112_broad_flow,category:broad,net_flow,2026-01-12,2026-01-16,-2126,yi_cny,none,ginlix.ai 2026-01-17,
gx_w0112_sector_theme_flow,category:sector_theme,net_flow,2026-01-12,2026-01-16,693,yi_cny,none,ginlix.ai 2026-01-17,
gx_w0112_csi300_flow,family:csi300,net_flow,2026-01-12,2026-01-16,-1034,yi_cny,none,ginlix.ai 2026-01-17,
gx_w0112_510300_flow,etf:510300,net_flow,2026-01-12,2026-01-16,-475.15,yi_cny,none,ginlix.ai 2026-01-17,
gx_w0112_top10_broad_flow,group:top10_broad,net_flow,2026-01-12,2026-01-16,-1508.5,yi_cny,none,ginlix.ai 2026-01-17,
gx_w0112_stock_plus_xb_flow,category:stock_plus_cross_border,net_flow,2026-01-12,2026-01-16,-1208.4,yi_cny,none,ginlix.ai 2026-01-17,
gx_w0112_broad_to_theme_ratio,category:broad,ratio,2026-01-12,2026-01-16,3.07,ratio,none,ginlix.ai 2026-01-17,
gx_w0112_csi300_share_of_broad,family:csi300,ratio,2026-01-12,2026-01-16,48.6,pct,none,ginlix.ai 2026-01-17,
gx_w0112_510300_share_of_broad,etf:510300,ratio,2026-01-12,2026-01-16,22.3,pct,none,ginlix.ai 2026-01-17,
gx_w0112_software_flow,theme:software,net_flow,2026-01-12,2026-01-16,30,yi_cny,over,ginlix.ai 2026-01-17,
gx_w0112_satellite_flow,theme:satellite,net_flow,2026-01-12,2026-01-16,25,yi_cny,over,ginlix.ai 2026-01-17,
gx_w0112_nonferrous_flow,theme:nonferrous,net_flow,2026-01-12,2026-01-16,20,yi_cny,over,ginlix.ai 2026-01-17,
gx_w0112_ai_flow,theme:ai,net_flow,2026-01-12,2026-01-16,10,yi_cny,over,ginlix.ai 2026-01-17,
gx_w0112_grid_flow,theme:grid,net_flow,2026-01-12,2026-01-16,7,yi_cny,about,ginlix.ai 2026-01-17,
gx_w0112_csi2000_flow,family:csi2000,net_flow,2026-01-12,2026-01-16,0,yi_cny,over,ginlix.ai 2026-01-17,
hg_0114_0121_out_over_100yi_count,group:etfs_outflow_over_100yi,count,2026-01-14,2026-01-21,10,count,none,http://news.hgjy100.com/caijing/142241.html,
hg_0114_0121_top10_broad_flow,group:top10_broad,net_flow,2026-01-14,2026-01-21,-3146.43,yi_cny,none,http://news.hgjy100.com/caijing/142241.html,
hg_0114_0121_csi300_flow,family:csi300,net_flow,2026-01-14,2026-01-21,-1751.37,yi_cny,none,http://news.hgjy100.com/caijing/142241.html,
hg_0115_0119_csi300_flow,family:csi300,net_flow,2026-01-15,2026-01-19,-1350.3,yi_cny,none,http://news.hgjy100.com/caijing/142241.html,
hg_0115_0119_csi300_share,family:csi300,ratio,2026-01-15,2026-01-19,77.1,pct,none,http://news.hgjy100.com/caijing/142241.html,
hg_0114_0121_510300_flow,etf:510300,net_flow,2026-01-14,2026-01-21,-727.83,yi_cny,none,http://news.hgjy100.com/caijing/142241.html,
hg_0114_0121_510330_flow,etf:510330,net_flow,2026-01-14,2026-01-21,-409.86,yi_cny,none,http://news.hgjy100.com/caijing/142241.html,
hg_0114_0121_510310_flow,etf:510310,net_flow,2026-01-14,2026-01-21,-326.83,yi_cny,none,http://news.hgjy100.com/caijing/142241.html,
hg_0114_0121_159919_flow,etf:159919,net_flow,2026-01-14,2026-01-21,-277.21,yi_cny,none,http://news.hgjy100.com/caijing/142241.html,
hg_ytd_aaa_scitech_bond_flow,group:aaa_sci_tech_bond_etfs,net_flow,2026-01-01,2026-01-21,-480,yi_cny,over,http://news.hgjy100.com/caijing/142241.html,approx
n163_0116_0122_broad_flow,category:broad,net_flow,2026-01-16,2026-01-22,-2000,yi_cny,over,https://www.163.com/dy/article/KK4ICAOR0556BUVM.html,
n163_0116_0122_top10_broad_flow,group:top10_broad,net_flow,2026-01-16,2026-01-22,-1946,yi_cny,none,https://www.163.com/dy/article/KK4ICAOR0556BUVM.html,
n163_ytd_0121_broad_flow,category:broad,net_flow,2026-01-01,2026-01-21,-3499,yi_cny,none,https://www.163.com/dy/article/KK4ICAOR0556BUVM.html,
n163_huijin_510300_share_change,huijin:510300,share_change,2025-12-31,2026-01-21,-15.35,yi_shares,none,https://www.163.com/dy/article/KK4ICAOR0556BUVM.html,
n163_huijin_510300_value,huijin:510300,net_flow,2025-12-31,2026-01-21,-72.6,yi_cny,about,https://www.163.com/dy/article/KK4ICAOR0556BUVM.html,
n163_huijin_510330_value,huijin:510330,net_flow,2025-12-31,2026-01-21,-286,yi_cny,about,https://www.163.com/dy/article/KK4ICAOR0556BUVM.html,
n163_huijin_159919_value,huijin:159919,net_flow,2025-12-31,2026-01-21,-138.2,yi_cny,about,https://www.163.com/dy/article/KK4ICAOR0556BUVM.html,
n163_huijin_510050_value,huijin:510050,net_flow,2025-12-31,2026-01-21,-185.5,yi_cny,about,https://www.163.com/dy/article/KK4ICAOR0556BUVM.html,
n163_huijin_four_etfs_value,huijin:four_etfs,net_flow,2025-12-31,2026-01-21,-683,yi_cny,none,https://www.163.com/dy/article/KK4ICAOR0556BUVM.html,
sina_4d_0120_broad_flow,category:broad,net_flow,2026-01-15,2026-01-20,-2500,yi_cny,over,https://blog.sina.cn/dpool/blog/s/blog_9c2fe26f0102z6nx.html?md=gd,
dg_w0119_broad_flow,category:broad,net_flow,2026-01-19,2026-01-23,-3330.57,yi_cny,none,"reportify.cn tag page ""沪深300ETF基金"" (东莞证券 2026-01-27)",
dg_w0119_csi300_flow,family:csi300,net_flow,2026-01-19,2026-01-23,-2373.36,yi_cny,none,"reportify.cn tag page ""沪深300ETF基金"" (东莞证券 2026-01-27)",
dg_w0119_csi1000_flow,family:csi1000,net_flow,2026-01-19,2026-01-23,-785.14,yi_cny,none,"reportify.cn tag page ""沪深300ETF基金"" (东莞证券 2026-01-27)",
dg_w0119_sse50_flow,family:sse50,net_flow,2026-01-19,2026-01-23,-361.49,yi_cny,none,"reportify.cn tag page ""沪深300ETF基金"" (东莞证券 2026-01-27)",
gtht_w0119_passive_flow,group:passive_etfs,net_flow,2026-01-19,2026-01-23,-3264.7,yi_cny,none,https://reportify.cn/reports/1213608919671377920,approx
hc_ytd_0123_broad_flow,category:broad,net_flow,2026-01-01,2026-01-23,-5346.3,yi_cny,none,https://reportify.ai/reports/1212132615029657600,approx
hc_ytd_0123_csi300_flow,family:csi300,net_flow,2026-01-01,2026-01-23,-2673.2,yi_cny,none,https://reportify.ai/reports/1212132615029657600,approx
hc_ytd_0123_csi1000_flow,family:csi1000,net_flow,2026-01-01,2026-01-23,-715.8,yi_cny,none,https://reportify.ai/reports/1212132615029657600,approx
hc_ytd_0123_star50_flow,family:star50,net_flow,2026-01-01,2026-01-23,-456.7,yi_cny,none,https://reportify.ai/reports/1212132615029657600,approx
hc_ytd_0123_sse50_flow,family:sse50,net_flow,2026-01-01,2026-01-23,-491.1,yi_cny,none,https://reportify.ai/reports/1212132615029657600,approx
hc_ytd_0123_chinext_flow,family:chinext,net_flow,2026-01-01,2026-01-23,-333.9,yi_cny,none,https://reportify.ai/reports/1212132615029657600,approx
yc_0101_0126_stock_adv,category:stock,turnover,2026-01-01,2026-01-26,242.7,cny_bn,none,https://www.yicaiglobal.com/news/chinas-broad-market-etfs-see-over-usd1008-billion-in-outflows-this-year-despite-heavy-trading,
yc_0101_0126_stock_adv_yoy,category:stock,ratio,2026-01-01,2026-01-26,2,ratio,none,https://www.yicaiglobal.com/news/chinas-broad-market-etfs-see-over-usd1008-billion-in-outflows-this-year-despite-heavy-trading,
yc_ytd_broad_flow,category:broad,net_flow,2026-01-01,2026-01-26,-738.2,cny_bn,none,https://www.yicaiglobal.com/news/chinas-broad-market-etfs-see-over-usd1008-billion-in-outflows-this-year-despite-heavy-trading,approx
yc_huijin_nine_etfs_share_change,huijin:nine_broad_etfs,share_change,2026-01-01,2026-01-26,-870,yi_shares,about,https://www.yicaiglobal.com/news/chinas-broad-market-etfs-see-over-usd1008-billion-in-outflows-this-year-despite-heavy-trading,approx
yc_huijin_nine_etfs_value,huijin:nine_broad_etfs,net_flow,2026-01-01,2026-01-26,-360,cny_bn,about,https://www.yicaiglobal.com/news/chinas-broad-market-etfs-see-over-usd1008-billion-in-outflows-this-year-despite-heavy-trading,approx
h_20231023_510300_turnover,etf:510300,turnover,2023-10-23,2023-10-23,95.92,yi_cny,none,http://www.zhopera.com/zhuhai/caijing/67456.html,
h_20231023_broad_share_gain_count,group:oct2023_broad_etfs_share_gain,count,2023-10-23,2023-10-23,10,count,none,http://www.zhopera.com/zhuhai/caijing/67456.html,
h_20231023_broad_share_gain_flow,group:oct2023_broad_etfs_share_gain,net_flow,2023-10-23,2023-10-23,67,yi_cny,about,http://www.zhopera.com/zhuhai/caijing/67456.html,
h_jan2024_five_etfs_flow,group:jan2024_five_broad_etfs,net_flow,2024-01-01,2024-01-31,128.5,cny_bn,none,https://www.bnnbloomberg.ca/china-etfs-see-inflows-top-2015-suggesting-state-rescue-1.2028639,
h_jan2024_five_etfs_vs_jul2015,group:jan2024_five_broad_etfs,ratio,2024-01-01,2024-01-31,5,ratio,over,https://www.bnnbloomberg.ca/china-etfs-see-inflows-top-2015-suggesting-state-rescue-1.2028639,
h_jan2024_510310_aum,etf:510310,aum,2024-01-31,2024-01-31,81.6,cny_bn,none,https://asiabusinessoutlook.com/news/groups-of-unknown-investors-funneling-capital-to-china-s-plunging-equities-nwid-5969.html,approx
h_jan2024_510310_aum_growth,etf:510310,ratio,2024-01-01,2024-01-31,70,pct,none,https://asiabusinessoutlook.com/news/groups-of-unknown-investors-funneling-capital-to-china-s-plunging-equities-nwid-5969.html,
h_2024ytd_national_team_flow,national_team:equity_etfs,net_flow,2024-01-01,2024-03-31,410,cny_bn,about,https://ctol.digital/news/china-national-team-equities-etfs,approx
h_2024ytd_national_team_csi300_share,national_team:equity_etfs,ratio,2024-01-01,2024-03-31,75,pct,over,https://ctol.digital/news/china-national-team-equities-etfs,approx
h_feb2024_csi300_return,index:csi300,price_return,2024-02-01,2024-02-29,7,pct,none,https://ctol.digital/news/china-national-team-equities-etfs,
h_q12024_national_team_159919,national_team:159919,net_flow,2024-01-01,2024-03-31,543,yi_cny,about,http://caijing.fadeduo.com/news/show-273054.html,
h_q12024_national_team_510050,national_team:510050,net_flow,2024-01-01,2024-03-31,376,yi_cny,about,http://caijing.fadeduo.com/news/show-273054.html,
h_q12024_national_team_510310,national_team:510310,net_flow,2024-01-01,2024-03-31,761,yi_cny,about,http://caijing.fadeduo.com/news/show-273054.html,
h_q12024_national_team_four,national_team:four_products,net_flow,2024-01-01,2024-03-31,2000,yi_cny,over,http://caijing.fadeduo.com/news/show-273054.html,
h_w20240223_broad_scale,category:broad,scale_change,2024-02-19,2024-02-23,476,yi_cny,about,https://newsflash.city/2402/a2a6952c80d680ad.html,
h_h12024_stock_flow,category:stock,net_flow,2024-01-01,2024-06-30,4000,yi_cny,over,https://baogaobox.com/reports/240719000024831.html,
h_2024start_huijin_aum,huijin:all_etfs,aum,2024-01-01,2024-01-01,1100,yi_cny,about,https://colamg.com/a/er-ji-du-mo-zhong-yang-hui-jin-chi-you-etfgui-mo-yue-5700yi-yuan.html,approx
h_2024q2_huijin_aum,huijin:all_etfs,aum,2024-06-30,2024-06-30,5700,yi_cny,about,https://colamg.com/a/er-ji-du-mo-zhong-yang-hui-jin-chi-you-etfgui-mo-yue-5700yi-yuan.html,
h_2024q2_huijin_share_of_stock,huijin:all_etfs,ratio,2024-06-30,2024-06-30,30,pct,about,https://colamg.com/a/er-ji-du-mo-zhong-yang-hui-jin-chi-you-etfgui-mo-yue-5700yi-yuan.html,
h_2024q2_stock_aum,category:stock,aum,2024-06-30,2024-06-30,18100,yi_cny,none,https://colamg.com/a/er-ji-du-mo-zhong-yang-hui-jin-chi-you-etfgui-mo-yue-5700yi-yuan.html,
h_20240924_bloomberg8_flow,group:bloomberg_8_etfs,net_flow,2024-09-24,2024-09-24,13,cny_bn,none,https://news.vittaverse.com/?p=186159,
h_2024_510300_aum_record,etf:510300,aum,2024-09-01,2024-10-31,311,cny_bn,none,https://news.vittaverse.com/?p=186159,approx
h_2024_510300_aum_ytd_growth,etf:510300,ratio,2024-01-01,2024-10-31,150,pct,about,https://news.vittaverse.com/?p=186159,approx
h_2024_510310_aum,etf:510310,aum,2024-09-01,2024-10-31,211,cny_bn,about,https://news.vittaverse.com/?p=186159,approx
h_0924_1010_index_funds_flow,group:a_share_index_funds,net_flow,2024-09-24,2024-10-10,2927,yi_cny,none,https://bigquant.com/square/paper/298cacae-a967-4ea5-8039-a272c22424fd,
h_0924_1010_all_etf_flow,market:all_etf,net_flow,2024-09-24,2024-10-10,2911,yi_cny,none,https://bigquant.com/square/paper/298cacae-a967-4ea5-8039-a272c22424fd,
h_20241010_all_etf_aum,market:all_etf,aum,2024-10-10,2024-10-10,20600,yi_cny,none,https://bigquant.com/square/paper/298cacae-a967-4ea5-8039-a272c22424fd,approx
h_0924_1010_csi300_chinext_share,group:csi300_and_chinext_families,ratio,2024-09-24,2024-10-10,73,pct,none,https://bigquant.com/square/paper/298cacae-a967-4ea5-8039-a272c22424fd,
h_0924_1010_510300_flow,etf:510300,net_flow,2024-09-24,2024-10-10,435,yi_cny,none,https://bigquant.com/square/paper/298cacae-a967-4ea5-8039-a272c22424fd,
h_20240923_510300_aum,etf:510300,aum,2024-09-23,2024-09-23,2914,yi_cny,none,https://bigquant.com/square/paper/298cacae-a967-4ea5-8039-a272c22424fd,
h_20241010_510300_aum,etf:510300,aum,2024-10-10,2024-10-10,4089,yi_cny,none,https://bigquant.com/square/paper/298cacae-a967-4ea5-8039-a272c22424fd,
h_0924_1010_159915_flow,etf:159915,net_flow,2024-09-24,2024-10-10,366,yi_cny,none,https://bigquant.com/square/paper/298cacae-a967-4ea5-8039-a272c22424fd,
h_0924_1010_512100_flow,etf:512100,net_flow,2024-09-24,2024-10-10,191,yi_cny,none,https://bigquant.com/square/paper/298cacae-a967-4ea5-8039-a272c22424fd,
h_20250407_all_etf_flow,market:all_etf,net_flow,2025-04-07,2025-04-07,660,yi_cny,none,https://bigquant.com/square/paper/20790a3b-2cdd-4db2-b6ea-dd9a1d9ae82d,
h_20250923_510300_share_change,etf:510300,share_change,2025-09-23,2025-09-23,-2.89,yi_shares,none,http://www.tianjindaily.com.cn/ent/43784.html,
h_20250923_510300_flow,etf:510300,net_flow,2025-09-23,2025-09-23,-16.22,yi_cny,none,http://www.tianjindaily.com.cn/ent/43784.html,
h_sep2025_510300_share_change_20d,etf:510300,share_change,2025-08-01,2025-09-30,-21.47,yi_shares,none,http://www.tianjindaily.com.cn/ent/43784.html,approx
h_sep2025_huijin_510300_share,huijin:510300,ratio,2025-09-01,2025-09-30,80,pct,about,http://www.tianjindaily.com.cn/ent/43784.html,approx
h_2025start_all_etf_aum,market:all_etf,aum,2024-12-31,2024-12-31,37300,yi_cny,none,links in §3.3,approx
h_2025_all_etf_scale_change,market:all_etf,scale_change,2025-01-01,2025-12-31,22900,yi_cny,none,links in §3.3,
h_2025_all_etf_growth,market:all_etf,ratio,2025-01-01,2025-12-31,60,pct,over,links in §3.3,
"""


if __name__ == "__main__":
    sys.exit(main())
