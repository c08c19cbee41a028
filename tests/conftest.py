import os

import pytest

os.environ.pop("OPENAI_API_KEY", None)
os.environ.pop("OPENAI_BASE_URL", None)


UNIVERSE_HEADER = "code,exchange,name_zh,name_en,manager,index_code,index_name,category,theme,family,listed,tag\n"
UNIVERSE_ROWS = [
    "510300,SH,华泰柏瑞沪深300ETF,HUATAI-PB CSI 300 ETF,华泰柏瑞,000300,沪深300,broad,csi300,csi300,2026-01-05,V",
    "563300,SH,华泰柏瑞中证2000ETF,HUATAI-PB CSI 2000 ETF,华泰柏瑞,932000,中证2000,broad,csi2000,csi2000,2026-01-05,V",
    "159852,SZ,嘉实中证软件服务ETF,SOFTWARE ETF,嘉实,930601,中证软件服务,sector_theme,software,software,2026-01-05,V",
    "510310,SH,易方达沪深300ETF,E FUND CSI 300 ETF,易方达,000300,沪深300,broad,csi300,csi300,2026-01-05,V",
]


@pytest.fixture
def make_data(tmp_path):
    """Write a small dataset folder: panel rows given as lists, universe from UNIVERSE_ROWS."""

    def _make(rows, *, header="date,code,shares,nav,close,amount,volume,split_ratio,dividend", universe=None, name="panel.csv"):
        folder = tmp_path / "data"
        folder.mkdir(exist_ok=True)
        (folder / "universe.csv").write_text(UNIVERSE_HEADER + "\n".join(universe or UNIVERSE_ROWS) + "\n", encoding="utf-8")
        (folder / name).write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
        return folder

    return _make
