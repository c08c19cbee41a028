"""Benchmark: extraction time of a 3,000-character article (target < 10 ms), printed, not asserted.

    python benchmarks/bench_extract.py [SIZE]
"""

from __future__ import annotations

import time

from etfwriter.evals.extract import extract

_ARTICLE = """# 宽基ETF单周净流出超2000亿元：资金流向复盘（2026年1月12日—16日）

## 一、资金流向全景

本周（2026年1月12日至16日）沪深两市股票ETF合计净流出1412.8亿元[^flow.stock.week]，较前一周变化为-1436.2亿元。\
其中宽基ETF净流出2126.17亿元[^flow.category.broad]，为有统计以来最大单周流出；行业主题ETF逆势净流入693.42亿元\
[^flow.category.theme]，跨境行业主题ETF净流入104.2亿元，较前一周略减少31.6亿元。资金主要集中在1月15日、16日两个交易日流出，\
两日合计净流出1545.6亿元，约占全周的73%。

| 类别 | 本周净流入（亿元） | 最新规模（亿元） | 周涨跌幅 |
|---|---:|---:|---:|
| 宽基 | -2126.17 | 31250.6 | -0.57% |
| 行业主题 | 693.42 | 12980.3 | 2.31% |
| 跨境 | 104.20 | 9310.8 | 1.05% |
| 债券 | -120.50 | 8021.4 | 0.12% |

## 二、主力资金行为

1. 沪深300相关ETF合计净流出1033.81亿元，占宽基流出的48.6%；华泰柏瑞沪深300ETF单只净流出475.15亿元，份额减少约99亿份。
2. 中证A500相关ETF净流出约312亿元，科创50、创业板相关产品亦有不同程度流出。
3. 软件ETF净流入超30亿元，卫星ETF净流入超25亿元，有色金属ETF净流入超20亿元，电网设备ETF净流入近7亿元。

信号强度：风险偏好转向 ★★★★☆，板块轮动 ★★★★★，底部信号 ★★★☆☆。宽基流出与行业流入之比约为3.07:1。

## Flows in English

Broad-based ETFs saw net outflows of RMB 212.6 billion in the week, while thematic funds drew about RMB 69.3 billion.
The Huatai-PineBridge CSI 300 ETF alone lost 47.5 billion yuan, nearly half of it on Thursday. Over 100 industry ETFs
took in money, led by software funds with more than RMB 3 billion. The CSI 300 Index fell 0.57% to 4,102.35 points,
while the ChiNext Index rose 1.2%. Trading volume doubled from a year earlier to CNY242.7 billion (USD35 billion).

## 三、历史对比

2024年1-2月国家队借道ETF增持约4100亿元，2024年9月24日至10月10日ETF净流入2911亿元，而本周宽基流出规模创纪录。\
截至2025年12月底，全市场ETF总规模6.03万亿元，较年初增长超60%，125只ETF规模超百亿元。

## 四、数据说明

资金流=份额变动×单位净值，数据截至2026-01-16 15:00。资料来源：交易所公告，统计区间20260112-20260116。

[^flow.stock.week]: 股票ETF（不含跨境）本周净流出1412.8亿元。
[^flow.category.broad]: 规模型ETF本周净流出2126.17亿元。
[^flow.category.theme]: 行业主题ETF本周净流入693.42亿元。
"""


def _article(size: int = 3000) -> str:
    """A realistic weekly article (Markdown, zh + en, a table, footnotes), cut or padded to size."""
    text = _ARTICLE
    while len(text) < size:
        text += "\n" + _ARTICLE
    return text[:size]


def _cpu_time(text: str) -> float:
    start = time.process_time()
    extract(text)
    return time.process_time() - start


def main(size: int = 3000) -> None:
    text = _article(size)
    best = min(_cpu_time(text) for _ in range(40))  # best of many runs: other processes only add time
    n = len(extract(text))
    print(f"{len(text)} characters, {n} numbers: extraction best of 40 runs {best * 1000:.2f} ms (target < 10 ms)")


if __name__ == "__main__":
    import sys

    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
