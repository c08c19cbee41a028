"""Word lists and character tables for the number extractor.

Everything here is data: the character folding used to build the matching view of a text, and the
vocabularies (units, scales, hedges, direction cues, idioms, index families) that the grammar in
:mod:`etfwriter.evals.extract` refers to. Chinese entries are written in simplified characters; the
folding table maps the traditional forms onto them one character for one character, so offsets
never move.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

# Traditional -> simplified, one code point each, restricted to characters the grammar reads
# (numerals, scales, units, hedges, direction cues and their usual neighbours).
_TRAD = (
    "億亿萬万兩两倆俩點点淨净額额約约過过贖赎購购個个幾几餘余於于週周買买賣卖減减資资規规場场幣币"
    "湧涌離离開开關关對对這这連连續续發发進进達达數数價价漲涨縮缩創创紀纪錄录單单雙双證证滬沪國国"
    "華华盤盘陸陆貳贰參参隻只張张據据統统計计會会時时間间較较長长際际實实當当體体產产業业選选電电"
    "網网軟软銀银險险軍军礦矿報报專专僅仅與与並并從从後后來来為为將将內内線线區区輪轮類类條条項项"
    "筆笔組组檔档屆届戶户顆颗種种拋抛倉仓搶抢掃扫貨货獲获攬揽級级權权債债衛卫導导屬属醫医藥药車车"
    "歷历議议觀观勢势門门鐘钟兌兑環环變变轉转隨随維维結结構构託托擴扩總总標标準准納纳恆恒匯汇滙汇"
    "豐丰臺台灣湾圓圆碼码損损虧亏賺赚層层階阶態态穩稳強强勁劲佔占預预測测節节頭头絕绝遞递聯联鎖锁"
    "盡尽趨趋勢势邊边遠远應应億亿歲岁點点貼贴補补調调幅幅紛纷縮缩減减擴扩營营運运濟济費费務务"
    "漲涨撥拨傳传藝艺團团廣广東东財财經经號号處处則则構构諸诸爾尔龍龙氣气鋼钢鐵铁礦矿煉炼談谈論论"
    "讀读寫写錢钱負负禮礼編编話话書书執执劃划換换籌筹績绩顯显動动別别衝冲廿廿卅卅壹壹貳贰叁叁參参肆肆伍伍陸陆柒柒捌捌玖玖拾拾佰佰仟仟"
)
TRAD_TO_SIMP: dict[str, str] = {_TRAD[i]: _TRAD[i + 1] for i in range(0, len(_TRAD) - 1, 2)}

# Characters whose NFKC form is a digit but which are marks, not numbers (circled numbers,
# superscripts, subscripts): folded to a private placeholder so no rule reads them as digits.
MARK_CHAR = "\u2063"  # INVISIBLE SEPARATOR: never part of any pattern

# Extra one-to-one folds NFKC leaves alone (or folds to more than one character).
_EXTRA = {
    "\u2212": "-",  # minus sign
    "\u2012": "-",
    "\u2236": ":",  # ratio
    "\u00d7": "×",
    "\u3007": "〇",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u3000": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u2007": " ",
    "\u2008": " ",
    "\u200a": " ",
}
# Characters we keep as they are even though NFKC would change them.
_KEEP = set("，。：；、（）《》“”‘’！？")
_KEEP_FOLD = {"，": "，", "：": ":", "（": "(", "）": ")", "；": "；", "！": "!", "？": "?"}

_FOLD_CACHE: dict[str, str] = {}


def fold_char(ch: str) -> str:
    """The single character the grammar sees for ``ch`` (same length: offsets never move)."""
    got = _FOLD_CACHE.get(ch)
    if got is not None:
        return got
    out = ch
    if ch in _KEEP_FOLD:
        out = _KEEP_FOLD[ch]
    elif ch in _KEEP:
        out = ch
    elif ch in _EXTRA:
        out = _EXTRA[ch]
    else:
        norm = unicodedata.normalize("NFKC", ch)
        if len(norm) == 1:
            if norm.isdigit() and not ("0" <= ch <= "9" or "\uff10" <= ch <= "\uff19"):
                out = MARK_CHAR  # ①, ², ₃ ... are marks
            else:
                out = norm
        elif ch.isdigit():
            out = MARK_CHAR  # ⑴, ⒈ ... fold to several characters
    out = TRAD_TO_SIMP.get(out, out)
    if len(_FOLD_CACHE) < 20000:
        _FOLD_CACHE[ch] = out
    return out


class _FoldTable(dict):
    """A ``str.translate`` table that folds characters on first sight and remembers them."""

    def __missing__(self, code: int) -> str:
        out = fold_char(chr(code))
        if len(self) < 50000:
            self[code] = out
        return out


_FOLD_TABLE = _FoldTable({c: chr(c) for c in range(128)})


def fold(text: str) -> str:
    """The matching view of ``text``: NFKC per character, traditional folded to simplified.

    Every character is folded on its own, so ``len(fold(t)) == len(t)`` always holds.
    """
    if text.isascii():
        return text
    return text.translate(_FOLD_TABLE)


# --- Chinese numerals ----------------------------------------------------------------------------

ZH_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "俩": 2, "三": 3, "叁": 3,
    "参": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8,
    "捌": 8, "九": 9, "玖": 9,
}
ZH_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
ZH_BIG_UNITS: dict[str, int] = {"万": 10**4, "亿": 10**8, "兆": 10**12}
ZH_TENS = {"廿": 20, "卅": 30}
ZH_NUMERAL_CHARS = "".join(ZH_DIGITS) + "".join(ZH_SMALL_UNITS) + "".join(ZH_BIG_UNITS) + "廿卅"

# --- scales after digits -------------------------------------------------------------------------

ZH_SCALES: dict[str, Decimal] = {
    "万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10,
    "十亿": Decimal(10) ** 9, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6, "十万": Decimal(10) ** 5, "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3, "百": Decimal(10) ** 2, "兆": Decimal(10) ** 12,
}
EN_SCALES: dict[str, Decimal] = {
    "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12, "trn": Decimal(10) ** 12,
    "tln": Decimal(10) ** 12, "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9, "million": Decimal(10) ** 6, "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6, "mio": Decimal(10) ** 6, "thousand": Decimal(10) ** 3,
    "k": Decimal(10) ** 3, "m": Decimal(10) ** 6, "b": Decimal(10) ** 9, "t": Decimal(10) ** 12,
}

# --- currencies ----------------------------------------------------------------------------------

CURRENCY_PREFIX: dict[str, str] = {
    "RMB": "CNY", "Rmb": "CNY", "rmb": "CNY", "CNY": "CNY", "CNH": "CNY", "¥": "CNY",
    "人民币": "CNY", "US$": "USD", "USD": "USD", "$": "USD", "HK$": "HKD", "HKD": "HKD",
    "美元": "USD", "港元": "HKD", "港币": "HKD", "NT$": "other", "TWD": "other", "EUR": "other",
    "€": "other", "£": "other", "GBP": "other", "JPY": "other", "新台币": "other",
    "S$": "other", "SG$": "other", "A$": "other", "AU$": "other", "C$": "other", "CA$": "other",
    "NZ$": "other", "MOP$": "other", "R$": "other", "MX$": "other", "SGD": "other", "AUD": "other",
    "CAD": "other", "CHF": "other", "KRW": "other", "INR": "other", "MOP": "other", "NZD": "other",
    "MYR": "other", "THB": "other", "IDR": "other", "RUB": "other", "BRL": "other", "SEK": "other",
    "₩": "other", "₹": "other", "₽": "other",
}
OTHER_CURRENCY_CODES = frozenset(
    "TWD EUR GBP JPY SGD AUD CAD CHF KRW INR MOP NZD MYR THB IDR RUB BRL SEK".split()
)
"""ISO codes of currencies the mention units do not name: amounts in them are unit "other"."""
ZH_CURRENCY_SUFFIX: dict[str, str] = {
    "元人民币": "CNY", "人民币": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD",
    "新台币": "other", "台币": "other", "欧元": "other", "日元": "other", "英镑": "other",
    "新加坡元": "other", "澳元": "other", "加元": "other", "韩元": "other", "澳门元": "other",
    "瑞士法郎": "other", "瑞郎": "other", "卢比": "other", "卢布": "other", "林吉特": "other",
    "泰铢": "other",
    "元": "CNY", "块": "CNY",
}
EN_CURRENCY_SUFFIX: dict[str, str] = {
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY", "dollars": "USD",
    "dollar": "USD", "usd": "USD", "hong kong dollars": "HKD", "hkd": "HKD", "euros": "other",
    "yen": "other", "us dollars": "USD", "u.s. dollars": "USD", "cnh": "CNY", "chinese yuan": "CNY",
    "offshore yuan": "CNY", "onshore yuan": "CNY", "euro": "other", "won": "other", "rupees": "other",
    "pounds": "other", "sterling": "other", "francs": "other", "swiss francs": "other", "ringgit": "other",
    "baht": "other", "roubles": "other", "rubles": "other",
}


def en_currency_unit(word: str) -> str:
    """The unit of a currency written after an English number ("yuan", "HK dollars", "euros")."""
    w = " ".join(word.lower().split())
    got = EN_CURRENCY_SUFFIX.get(w)
    if got is not None:
        return got
    if w.upper() in OTHER_CURRENCY_CODES:
        return "other"
    if w.endswith(("dollars", "dollar")):
        head = w.rsplit(" ", 1)[0] if " " in w else ""
        if head in ("", "us", "u.s.", "american"):
            return "USD"
        if head in ("hk", "hong kong"):
            return "HKD"
        return "other"  # Singapore, Australian, Canadian, New Taiwan dollars
    return "other"

# --- counts --------------------------------------------------------------------------------------

# Chinese measure words that make a number a count (longest first when compiled).
ZH_MEASURES = (
    "个交易日", "交易日", "个工作日", "工作日", "个自然日", "个月", "个季度", "个小时", "小时",
    "分钟", "个点位", "连阳", "连阴", "连涨", "连跌", "连升", "连降", "连板", "连红", "连黑", "只", "个", "家", "位", "名", "支", "款", "条", "项", "次", "天", "周",
    "轮", "笔", "组", "批", "档", "届", "户", "人", "颗", "类", "座", "期", "季", "场", "枚", "年",
    "日", "月", "秒", "万人", "手", "张", "份额",
)
ZH_TIME_MEASURES = frozenset(
    ["个交易日", "交易日", "个工作日", "工作日", "个自然日", "个月", "个季度", "个小时", "小时",
     "分钟", "天", "周", "日", "年", "月", "季", "秒", "连阳", "连阴", "连涨", "连跌", "连升", "连降", "连红",
     "连黑"]
)

# Plural nouns only: a singular noun after a number above one is not what it counts
# ("its 2012 launch", "the 2026 tech market").
EN_COUNT_NOUNS = frozenset(
    """etfs funds products stocks companies firms managers institutions investors days sessions weeks
    months years quarters groups satellites members constituents indices indexes sectors industries
    themes categories listings launches people accounts banks brokers brokerages contracts hours
    minutes issuers vehicles portfolios tickers names seats times offerings deals rounds countries
    markets exchanges clients holders trackers feeders straight consecutive""".split()
)
EN_COUNT_SINGULAR = frozenset(
    """etf fund product stock company firm manager institution investor day session week month year
    quarter group index sector industry theme category listing person account bank broker contract
    hour minute issuer vehicle portfolio ticker name market exchange client holder tracker""".split()
)
EN_TIME_NOUNS = frozenset(
    "day days session sessions week weeks month months year years quarter quarters hours hour minute minutes".split()
)

# --- hedges --------------------------------------------------------------------------------------

ZH_HEDGE_PRE: dict[str, str] = {
    "超过": "over", "超出": "over", "超": "over", "逾": "over", "突破": "over", "高于": "over",
    "多于": "over", "大于": "over", "不少于": "over", "不低于": "over", "至少": "over",
    "站上": "over", "站稳": "over", "冲破": "over", "冲上": "over", "超越": "over", "破": "over", "过": "over", "上": "over",
    "近": "nearly", "逼近": "nearly", "接近": "nearly", "将近": "nearly", "几近": "nearly",
    "近乎": "nearly", "直逼": "nearly", "约": "about", "约为": "about", "大约": "about",
    "大概": "about", "大致": "about", "约合": "about", "约计": "about", "估计": "about",
    "差不多": "about", "约有": "about", "大约有": "about", "约是": "about", "约占": "about",
    "约相当于": "about", "不到": "under", "不足": "under", "低于": "under", "少于": "under",
    "跌破": "under", "失守": "under", "不超过": "under", "未超过": "under", "不超": "under",
    "至多": "under", "最多": "under", "~": "about", "≈": "about", "约达": "about",
}
ZH_HEDGE_POST: dict[str, str] = {
    "以上": "over", "之上": "over", "出头": "over", "多": "over", "余": "over", "左右": "about",
    "上下": "about", "附近": "about", "以下": "under", "以内": "under", "之内": "under",
    "之下": "under", "不到": "under",
}
EN_HEDGE_PRE: dict[str, str] = {
    "more than": "over", "over": "over", "above": "over", "in excess of": "over",
    "exceeding": "over", "exceeded": "over", "exceeds": "over", "topping": "over",
    "topped": "over", "tops": "over", "surpassing": "over", "surpassed": "over",
    "at least": "over", "upwards of": "over", "upward of": "over", "north of": "over",
    "greater than": "over", "well over": "over", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "closer to": "nearly", "approaching": "nearly", "just shy of": "nearly",
    "just under": "nearly", "just below": "nearly", "nearing": "nearly", "about": "about",
    "around": "about", "approximately": "about", "approx.": "about", "approx": "about",
    "roughly": "about", "some": "about", "an estimated": "about", "estimated": "about",
    "circa": "about", "ca.": "about", "~": "about", "≈": "about", "or so": "about",
    "under": "under", "less than": "under", "below": "under", "fewer than": "under",
    "no more than": "under", "not more than": "under", "at most": "under", "up to": "under",
    "short of": "under",
}
EN_HEDGE_POST: dict[str, str] = {
    "or more": "over", "or above": "over", "and above": "over", "or higher": "over",
    "plus": "over", "-plus": "over", "or so": "about", "-odd": "about", "or less": "under",
    "or fewer": "under", "or lower": "under",
}

# --- idioms and names ----------------------------------------------------------------------------

# Words that contain numeral characters but are not numbers. Matched on the folded text.
ZH_IDIOMS = (
    "万得", "万家", "万科", "万达", "万向", "万联", "万和", "万隆", "万一", "万众", "万物", "万象",
    "万能", "万里", "万分", "千万别", "千万不", "千万要", "千万不要", "亿万", "一些", "一系列",
    "一直", "一定", "一致", "一般", "一起", "一旦", "一度", "一路", "一举", "一切", "一样", "一边",
    "一方面", "一体", "一带一路", "一线", "一揽子", "一并", "一同", "一向", "一再", "一贯", "一味",
    "一时", "一手", "一步", "一流", "一站", "一次性", "一级", "二级", "三级", "统一", "唯一",
    "之一", "单一", "同一", "十分", "十足", "十字", "百姓", "百花", "百货", "千方百计", "三角",
    "三板", "四处", "五花八门", "八方", "九州", "两市", "两融", "两会", "两岸", "两者", "两极",
    "两端", "两地", "两头", "两面", "两难", "两大", "两翼", "两边", "两类", "两种", "一周",
    "一天", "一日", "一年", "一个月", "一方", "一家", "一只", "一个", "一次",
    "一位", "一项", "一条", "一批", "一轮", "一笔", "一档", "一类", "一种", "一名", "一成不变",
    "一鼓作气", "一蹴而就", "一马当先", "一枝独秀", "一骑绝尘", "三思", "百分百", "千亿级别",
    "十全十美", "七上八下", "三番五次", "一波", "一轮又一轮", "一番", "一线城市", "二线",
    "三线", "一把手", "第一财经", "一财", "一季报", "三季报", "中报", "年报", "一带", "一汽",
    "三一", "五粮液", "七匹狼", "九阳", "四维", "一心", "万华", "千禾", "百度", "百济", "百联",
    "十三五", "十四五", "十五五", "十二五", "一二级",
)

# Index families (and similar names) whose number is part of the name, Chinese and English.
ZH_INDEX_PREFIXES = (
    "沪深", "中证", "上证", "深证", "国证", "科创", "科创板", "创业板", "创业", "双创", "北证",
    "恒生", "恒指", "纳斯达克", "纳指", "标普", "道琼斯", "日经", "富时", "中华", "红利", "央企",
    "中小", "深成", "台湾", "台", "领袖", "高息", "港股通", "恒生科技", "中概", "罗素", "沪",
    "深", "巨潮", "新华", "中证全指", "上证科创板", "科创创业", "MSCI中国", "国企", "中证A",
    "红利低波", "自由现金流", "价值", "成长", "港股", "德国", "法国", "日本", "韩国", "印度",
    "东证", "越南", "沙特", "亚太", "纳斯达克科技", "标普中国",
)
EN_INDEX_PREFIXES = (
    "CSI", "SSE", "SZSE", "STAR", "ChiNext", "FTSE", "FTSE China", "FTSE China A", "MSCI",
    "MSCI China", "MSCI China A", "S&P", "Nasdaq", "NASDAQ", "Nasdaq-", "Nikkei", "Hang Seng",
    "Hang Seng Tech", "China", "KOSPI", "Russell", "Stoxx", "STOXX", "Euro Stoxx", "Dow Jones",
    "DAX", "CAC", "Taiwan", "TAIEX", "Topix", "TOPIX", "SZSE Component", "SME", "CSI A",
    "SSE STAR", "STAR Market", "Sensex", "Nifty", "ASX", "IBEX", "AEX", "SMI", "OMX", "FTSE MIB",
    "Dow", "CNI", "SZSE ChiNext", "ChiNext Price", "SSE Composite", "SZSE 100", "Hang Seng China",
)

ENGLISH_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
ENGLISH_ORDINAL_QUARTERS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}
