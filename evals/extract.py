"""Find every numeric claim in Chinese or English prose (Markdown or plain text).

``extract(text)`` returns :class:`~etfwriter.evals.mentions.Mention` objects sorted by offset:
the exact span, the value in base units as a ``Decimal`` (an ISO string for dates), the unit,
whether the figure is a net inflow or outflow, the hedge written next to it (超过 / nearly / 约 /
under ...) and the place value of the last digit written.

The grammar is closed and deterministic. It works on a *matching view* of the text that has
exactly the same length as the input (full-width characters folded by NFKC one at a time,
traditional characters folded to simplified; code, URLs, citation marks and list numbering
blanked), so every offset found on the view is an offset into the original text. Passes run from
the most specific pattern to the most general (dates, stars, scale headers, words, ratios,
digits, Chinese numerals, English number words); each claims its characters so later passes
cannot read them again. Context rules (table scale headers, units implied by a money context,
direction, hedges, footnote references, implied years) run afterwards on the collected spans.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from typing import Any

from . import _lexicon as L
from ._markup import Layout, Table, scan_layout
from ._numerals import EN_ONES, EN_SCALE_WORDS, EN_TENS, parse_en_words, parse_zh, zh_precision
from .mentions import Mention

__all__ = ["extract", "extract_json"]

_TEN = Decimal(10)
_ONE = Decimal(1)
_MONEY = frozenset({"CNY", "USD", "HKD"})
_FLOW_UNITS = frozenset({"CNY", "USD", "HKD", "shares"})


def _alt(words) -> str:
    """A regex matching any of the literal words, longest first, compiled as a prefix tree.

    Python's regex engine tries the branches of a plain alternation one by one at every
    position; a tree of shared prefixes rejects most positions after one character.
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        if len(branches) == 1 and not end:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body

    return build(trie)


# ------------------------------------------------------------------------------------------------
# Patterns (all compiled once; they run on the folded view)
# ------------------------------------------------------------------------------------------------

ZN = "零〇一二两三四五六七八九十百千万亿兆廿卅壹贰叁肆伍陆柒捌玖拾佰仟"
ZD = "零〇一二两三四五六七八九"

# structural masks -------------------------------------------------------------------------------
_R_FOOTREF = re.compile(r"\[\^([^\]\s]+)\]")
_R_FOOTDEF = re.compile(r"^[ \t]{0,3}\[\^[^\]\n]+\]:", re.M)
# each structural pattern runs only when a cheap test says it can match
_STRUCT: list[tuple[str, re.Pattern]] = [
    ("<!--", re.compile(r"<!--.*?-->", re.S)),  # html comments
    ("![", re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")),  # images: alt text and target
    ("](", re.compile(r"\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)")),  # link targets
    ("<", re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>")),  # autolinks, tags
    ("://", re.compile(r"(?:https?|ftp)://[^\s<>\"'()\[\]，。）、]+")),  # bare urls
    ("@", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),  # e-mail
    ("www.", re.compile(r"www\.[^\s<>\"'()\[\]，。）、]+")),
    ("`", re.compile(r"``[^`\n]+``|`[^`\n]+`")),  # inline code
    ("[", re.compile(r"\[(?:[0-9]{1,3}(?:\s*[,，、\-–]\s*[0-9]{1,3})*)\]|\[page::[0-9]+\]|\[(?:ref|Ref|注|note|Note)\s?[0-9]+\]")),
    ("【", re.compile(r"【[0-9]{1,3}】")),
]
_R_DOMAIN_TLD = re.compile(r"\.(?:com|cn|net|org|html?|io|ai|hk|tw|gov|edu|xyz|pro|aspx?|php|shtml)(?![A-Za-z0-9])")
_DOMAIN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./:")
_URL_STOP = frozenset(" \t\r\n<>\"'()[]，。）、；")


def _domain_spans(s: str) -> list[tuple[int, int]]:
    """Host names and paths written without a scheme (fund.eastmoney.com/a/2026.html)."""
    out = []
    for m in _R_DOMAIN_TLD.finditer(s):
        a = m.start()
        while a > 0 and s[a - 1] in _DOMAIN_CHARS:
            a -= 1
        if a == m.start() or not any(c.isalpha() for c in s[a: m.start()]):
            continue
        e = m.end()
        if e < len(s) and s[e] == "/":
            while e < len(s) and s[e] not in _URL_STOP:
                e += 1
        out.append((a, e))
    return out


def _math_dollar_spans(s: str) -> list[tuple[int, int]]:
    """The ``$`` delimiters of inline maths holding a number (``$30.16\\%$``)."""
    out = []
    i = s.find("$")
    while i >= 0:
        j = s.find("$", i + 1)
        if j < 0 or j - i > 60 or "\n" in s[i:j]:
            break
        if "\\" in s[i:j]:
            out += [(i, i + 1), (j, j + 1)]
            i = s.find("$", j + 1)
        else:
            i = j
    return out
_R_LIST_MARK = re.compile(
    r"[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]+)?(?:[-*+•·][ \t]+)?(?:\*\*|__)?"
    r"(?:[0-9]{1,3}[.)](?=[ \t]|[^\s0-9])|[0-9]{1,3}、|[一二三四五六七八九十]{1,3}[、.]|"
    r"[(][一二三四五六七八九十0-9]{1,3}[)]|[IVX]{1,5}[.、]|[A-Za-z][.)](?=[ \t]))",
)
_R_ENUM_MARK = re.compile(r"[(][0-9]{1,2}[)](?![0-9%])")

# content masks ----------------------------------------------------------------------------------
_R_CONTACT_KEY = re.compile(_alt(["电话", "联系电话", "传真", "邮编", "邮政编码", "编号", "证书", "执业", "登记号", "注册号",
                                   "许可证", "备案号", "证号", "tel", "phone", "fax", "isbn", "sac", "ce no", "ceno"]))
_R_CONTACT_TAIL = re.compile(
    r"\.?\s*[:：]?\s*(?P<id>\+?[0-9]{2,4}(?:[ -][0-9]{2,4}){2,4}(?![0-9])|[A-Za-z0-9][A-Za-z0-9\-+()]*[0-9])"
)
_R_PHONE_GATE = re.compile(r"[0-9]-[0-9]{7}|1[3-9][0-9]{9}|400-?[0-9]{3}")
_R_PHONE = re.compile(
    r"(?:\+?86[- ]?)?(?:0[0-9]{2,3}-[0-9]{7,8}|400-?[0-9]{3}-?[0-9]{4}|1[3-9][0-9]{9})(?![0-9])"
)
_R_CODE_GATE = re.compile(r"[0-9]\.(?:SZ|SH|SS|BJ|HK|OF|CSI|CI|WI)|[0-9]-(?:TW|US|HK)|(?:sh|sz|SH|SZ|bj|BJ)[0-9]{6}")
_R_CODE = re.compile(
    r"(?:[0-9]{4,6}\.(?:SZ|SH|SS|BJ|HK|OF|SZE|SHE|CSI|CI|WI)|[0-9]{4,6}-(?:TW|TWO|US|HK)"
    r"|(?:sh|sz|SH|SZ|bj|BJ)[0-9]{6})(?![A-Za-z0-9])"
)
_R_ORDINAL = re.compile(rf"第\s?(?:[0-9]+|[{ZN}]+)(?!\s?季度)|排名\s?[0-9]+")
_R_ORDINAL_EN = re.compile(r"No\.\s?[0-9]+|#[0-9]+")
_R_WEEKDAY = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]")
_R_IDIOM = re.compile(_alt(L.ZH_IDIOMS))
_R_NAME_ZH = re.compile(
    r"(?:" + _alt(L.ZH_INDEX_PREFIXES) + r")\s?(?:A|H)?(?P<d>[0-9]+)(?![0-9.,]|\s?[亿万元%份只点倍个家年月日天周])"
)
_R_NAME_EN = re.compile(
    r"(?:" + _alt(L.EN_INDEX_PREFIXES) + r")[ -]?(?:A|H)?(?P<d>[0-9]+)\b(?![.,][0-9]|%|-point| points?\b|\s?(?:billion|million|bn|mn))"
)
_R_NAME_EN_ETF = re.compile(
    r"\b(?!(?:All|Some|The|Over|About|Around|Nearly|Almost|Top|Only|These|Those|Another|Of|For|With|And|By|To|In|On|At"
    r"|From|Under|More|Less|Than|Just|Roughly|Approximately|Some|Its|Their|Our)\b)[A-Z][A-Za-z&'-]+ (?P<d>[0-9]+) ?ETF\b(?!s)"
)
"""Digits between a capitalised word and a singular "ETF" belong to a fund name (CHINA INTERNET 50 ETF)."""
_R_LEVERAGED = re.compile(r"[正反][12](?![0-9])")
_R_PLAN = re.compile(rf"[{ZN}]+(?=[”\"'」』]?\s?(?:规划|五年规划))")

# dates ------------------------------------------------------------------------------------------
_Y4 = r"(?:19|20)[0-9]{2}"
_ZY = rf"[{ZD}]{{4}}"
_MON = r"(?:1[0-2]|0?[1-9])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
_ZMON = r"(?:十[一二]?|[一二三四五六七八九])"
_ZDAY = r"(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_HHMM = r"(?:\s?(?:T|\s)?([01]?[0-9]|2[0-3]):([0-5][0-9]))?"
_MONTHS = "(" + _alt(["January", "February", "March", "April", "May", "June", "July", "August", "September",
                       "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
                       "Sept", "Sep", "Oct", "Nov", "Dec"]) + ")"
_MID_FOLLOW = r"(?=以来|时|前|后|至|到|的|左右|附近|期间|水平|[^\u4e00-\u9fff]|$)"

_R_D_ISO = re.compile(
    rf"({_Y4})([-/.])({_MON})\2({_DAY})(?:(?:T|\s)([01]?[0-9]|2[0-3]):([0-5][0-9]))?(?![0-9])(?!\.[0-9])"
)
_R_D_COMPACT = re.compile(rf"({_Y4})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?![0-9.])")
_R_D_ZH = re.compile(
    rf"(?<![0-9])({_Y4}|{_ZY})\s?年\s?({_MON}|{_ZMON})\s?月份?"
    rf"(?:\s?({_DAY}|{_ZDAY})\s?[日号]{_HHMM}|\s?(底|末|初|中旬|上旬|下旬))?"
)
_R_D_ZH_YQ = re.compile(
    rf"(?<![0-9])({_Y4}|{_ZY})\s?年\s?(?:第?([一二三四1-4])\s?季度|[Qq]([1-4])(?![0-9])|(初|底|末|中{_MID_FOLLOW}))"
)
_R_D_ZH_Y = re.compile(rf"(?<![0-9])({_Y4}|{_ZY})\s?年(?!期|化|线|薪|均|限|息)")
_R_D_ZH_MR = re.compile(rf"(?:({_Y4})\s?年\s?)?({_MON}|{_ZMON})\s?[-~至到—–]\s?({_MON}|{_ZMON})\s?月(?!份?\s?[0-9{ZD}十]{{1,3}}\s?[日号])")
_R_D_ZH_MD = re.compile(
    rf"(?<![0-9年{ZN}])({_MON}|{_ZMON})\s?月份?\s?({_DAY}|{_ZDAY})\s?[日号]{_HHMM}"
)
_R_D_ZH_M = re.compile(rf"(?<![0-9年个{ZN}])({_MON}|{_ZMON})\s?月份?(底|末|初|中旬|上旬|下旬)?(?![0-9个度线均])")
_R_D_ZH_DR = re.compile(rf"(?<![0-9月.\-])({_DAY})\s?[-~至到—–]\s?({_DAY})\s?[日号]")
_R_D_ZH_D = re.compile(rf"(?<![0-9月.])({_DAY})\s?[日号](?!均|内|以来|线|元|K)")
_R_D_PAREN_D = re.compile(r"(?<=[昨今前明])\s?\(\s?([0-9]{1,2})\s?\)\s?日")
_R_D_ZH_Q = re.compile(r"(?<![0-9年个前后连续])(?:第?([一二三四])|([1-4]))\s?季度")
_R_D_EN_Q = re.compile(
    r"(?:Q([1-4])|([1-4])Q)(?:\s?[-'’/]?\s?((?:19|20)?[0-9]{2}))?(?![0-9])\b"
    r"|((?:19|20)?[0-9]{2})\s?[-/]?\s?Q([1-4])\b"
)
_R_Q_ANCHOR = re.compile(r"Q[1-4]|[1-4]Q")
_R_D_EN_QW = re.compile(
    r"(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b(?:\s+(?:of\s+)?((?:19|20)[0-9]{2})\b)?"
)
_R_D_EN_MD = re.compile(
    rf"{_MONTHS}\.?\s+({_DAY})(?:st|nd|rd|th)?\b(?:\s?(?:[-–]|to)\s?({_DAY})\b(?![.,][0-9]))?(?:,?\s+((?:19|20)[0-9]{{2}})\b)?(?![.,]?[0-9])"
)
_R_D_EN_DM = re.compile(rf"({_DAY})(?:st|nd|rd|th)?\s+{_MONTHS}\.?(?:,?\s+((?:19|20)[0-9]{{2}}))?\b")
_R_D_EN_MY = re.compile(rf"{_MONTHS}\.?,?\s+((?:19|20)[0-9]{{2}})\b")
_R_MONTH_WORD = re.compile(_MONTHS)
_FULL_MONTHS = "(" + _alt(["January", "February", "March", "April", "June", "July", "August", "September",
                           "October", "November", "December"]) + ")"
_R_D_EN_M = re.compile(
    rf"(?:\b(?:in|since|during|until|till|through|by|from|to|of|early|late|mid|mid-|end of|start of|beginning of"
    rf"|last|this|next)[ -]{_MONTHS}|\b{_FULL_MONTHS})\b(?!\.?\s*[0-9])"
)
"""A month named on its own ("in December", "since March", "October saw ..."): the year is implied."""
_R_D_ISO_YM = re.compile(rf"({_Y4})[-/](0[1-9]|1[0-2])(?![0-9\-/.])")
_R_D_REL = re.compile(rf"年(?:初|底|末|中{_MID_FOLLOW})")
_R_D_REL_BEFORE = re.compile(r"(今年|去年|明年|前年|本年|当年|今)\s?$")
_R_D_RANGE_TAIL = re.compile(rf"\s?(?:[-~至到—–…]|\.\.\.|to)\s?(?:({_MON})[-/.]({_DAY}))(?![0-9])")
# broker shorthand in Chinese text: "本周（1.12-1.16）", "12.29-1.2", "截至1.16", "1.16日"
_R_D_DOT = re.compile(rf"({_MON})\.({_DAY})(?![0-9])")
_R_D_DOT_GATE = re.compile(r"(?:截至|截止|自|于|\()[ \t]?[0-9]{1,2}\.[0-9]|[0-9]\.[0-9]{1,2}[ \t]?(?:—|[-–~至到日号(]|当[日天])")
_R_D_DOT_TO = re.compile(rf"[ \t]?(?:—{{1,2}}|[-–~至到])[ \t]?(?:({_MON})\.)?({_DAY})(?![0-9])")
_R_D_DOT_CUE = re.compile(
    r"(?:截至|截止|(?<![来各亲独出])自|(?<![高低大小等位处介基由对关属过终限用相多少优弱强好差快慢至在免源归趋收报跌涨升降])于"
    r"|(?:本|上|当|下|前|同)周[ \t]?\(|(?:周|星期)[一二三四五六日天][ \t]?\()[ \t]?$"
)
_R_D_DOT_DAY = re.compile(r"[ \t]?[日号](?![均内线元K])")
_R_D_DOT_THAT_DAY = re.compile(r"[ \t]?当[日天]")
_R_D_DOT_WEEKDAY = re.compile(r"[ \t]?\([ \t]?(?:周|星期)[一二三四五六日天][ \t]?\)")
_R_D_DOT_BLOCK = re.compile(r"[ \t]?(?:[0-9%‰A-Za-z]|\.[0-9]|左右|上下|附近|水平|区间|范围)")
_R_D_DOT_LEVEL = re.compile(
    r"(?:估值|市盈率|市净率|PE|PB|PS|倍数|净值|价格|股价|溢价率|折价率|比率|比例|系数|杠杆|利率|收益率|汇率|点位|价位|报价"
    r"|版本|区间|范围|波动)[^，。；,;\n]{0,4}$"
)
# US-style numeric dates in English text: "1/16/2026", "01/16/26", "on 1/16", "1/12-1/16"
_R_D_US = re.compile(r"([0-9]{1,2})/([0-9]{1,2})(?:/((?:19|20)[0-9]{2}|[0-9]{2}))?(?![0-9/]|\.[0-9]|%)")
_R_D_US_CUE = re.compile(
    r"\b(?:on|as of|since|through|thru|until|till|ending|ended|ends|starting|started|before|after|week of"
    r"|dated|effective|close on|week ended|week ending)[ \t]+$"
)
_R_SLASH_ANCHOR = re.compile(r"[0-9]/[0-9]")
_R_D_US_TO = re.compile(r"[ \t]?(?:-|–|—|to|through|thru)[ \t]?|[ \t]+and[ \t]+")
_R_D_BETWEEN = re.compile(r"\bbetween[ \t]+$")
_R_D_RANGE_GAP = re.compile(r"[ \t]?(?:—{1,2}|[-–~至到]|to|through|thru|until|till)[ \t]?", re.I)
_R_COLON_MM = re.compile(r":[0-5][0-9]")
_R_TIME = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])(?![0-9:])")
_DURATION_BEFORE = re.compile(r"(?:近|连续|过去|最近|前|后|共|累计|个|每|这|几|数|第|未来|上述|多|今后|此后|之后)\s?$")

# stars, scale headers, words ---------------------------------------------------------------------
_R_STARS = re.compile(r"[★☆✩✪✫✬✭✮✯⭐🌟]{2,}")
_FILLED = frozenset("★✪✫✬✭✮✯⭐🌟")
_ZS = r"万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千"
_ZU = r"元人民币|元|美元|港元|港币|份|股|%|个百分点|百分点|点|倍|只|个|家|人|户|次"
_R_SCALE_ZH = re.compile(rf"\(\s*(?:单位\s*[:：]?\s*)?(?:人民币\s*)?(?P<scale>{_ZS})?\s*(?P<unit>{_ZU})?\s*\)")
_R_SCALE_ZH_UNIT = re.compile(rf"单位\s*(?:为|是|:|：)\s*(?:人民币\s*)?(?P<scale>{_ZS})?\s*(?P<unit>{_ZU})?")
_ES = r"100\s?million|hundred\s+million|hundreds\s+of\s+millions|10,000|ten\s+thousand|millions?|mn|mln|billions?|bn|thousands?|trillions?|tn|m|b|k"
_R_SCALE_EN = re.compile(
    rf"\(\s*(?:in\s+)?(?P<cur>RMB|CNY|USD|US\$|HK\$|HKD|\$|yuan|Rmb|¥)?\s*(?P<scale>{_ES})?\s*(?:of\s+)?"
    r"(?P<cur2>yuan|RMB|dollars|US\s+dollars|USD|HKD|units|shares|%)?\s*\)",
    re.I,
)
_R_SCALE_EN_WORDS = re.compile(
    r"(?:in\s+)?(?P<scale>hundreds\s+of\s+millions|millions|billions|thousands|trillions|100\s+millions?)\s+of\s+"
    r"(?P<cur>dollars|yuan|RMB|US\s+dollars|HK\s+dollars|shares|units)\b",
    re.I,
)
_R_SCALE_EN_UNIT = re.compile(
    rf"Units?\s*:\s*(?P<cur>RMB|CNY|USD|US\$|HK\$|yuan)?\s*(?P<scale>{_ES})?\s*(?P<cur2>yuan|RMB|dollars|USD|shares|units|%)?(?![A-Za-z])",
    re.I,
)

_R_VAGUE = re.compile(
    r"(?:数|几)[十百千万亿]+|[一二三四五六七八九]?十几[万亿]*|[一二两三四五六七八九]{2}[十百千]?[万亿]*(?=[十百千万亿只个家天日年月周倍成元份])"
)
_R_PCT_ZH = re.compile(rf"(负)?([百千万]分之)([{ZD}十百千点廿卅]+|[0-9]+(?:\.[0-9]+)?)")
_R_FRAC_ZH = re.compile(rf"([{ZD}十百]+|[0-9]+)分之([{ZD}十百]+|[0-9]+(?:\.[0-9]+)?)")
_R_HALF_ZH = re.compile(r"一半|半数|(?<=[过近逾超])半")
_R_DOUBLE_ZH = re.compile(r"翻了?(一|两|二|三)?番|翻倍|翻了一倍")
_R_DOUBLE_EN = re.compile(r"(doubled|doubling|tripled|tripling|quadrupled|halved|halving|twice|double|triple)\b")
_R_DOUBLE_OK = re.compile(r"(?:roughly|about|around|nearly|almost|more than|over|than|some|approximately|at least)\s+$")
_DOUBLE_VALUES = {
    "doubled": 2, "doubling": 2, "tripled": 3, "tripling": 3, "quadrupled": 4, "halved": Decimal("0.5"),
    "halving": Decimal("0.5"), "twice": 2, "double": 2, "triple": 3,
}
_R_FRAC_EN = re.compile(
    r"(?:(one|two|three|four|a)([- ])(half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)|(half))\b"
)
_R_FRAC_DEN = re.compile(r"half|third|quarter|fifth|tenth")
_FRAC_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "a": 1}
_FRAC_DEN = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_R_HALF_OK_BEFORE = re.compile(
    r"(?:nearly|almost|about|around|over|more than|less than|roughly|some|close to|than|by|approximately|just under|just over|well over)\s+$",
    re.I,
)

_R_COLON = re.compile(r"\s?:\s?[0-9]")
_R_RATIO = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s?:\s?([0-9]+(?:\.[0-9]+)?)(?![0-9:])")
_R_SLASH = re.compile(r"([1-9])/([2-9]|10)(?![0-9/]|\.[0-9])")

# digits -----------------------------------------------------------------------------------------
_R_NUM = re.compile(
    r"(?P<num>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?: [0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?)"
    r"(?P<junk>(?:[.,][0-9]+)+)?"
)
_R_ZH_SCALE_AFTER = re.compile(r"[ \t]?(?P<approx>多|余)?[ \t]?(?P<scale>万亿|千亿|百亿|十亿|亿|兆|千万|百万|十万|万|千(?![克米瓦])|百(?!分))")
_R_ZH_CHAIN = re.compile(r"零?(?P<num>[0-9]+(?:\.[0-9]+)?)(?P<scale>亿|千万|百万|十万|万|千)")
_R_EN_SCALE_WORD = re.compile(r"[ \t-]?(?P<w>trillion|billion|million|thousand|bn|mn|mln|bln|tn|trn)(?![A-Za-z])", re.I)
_R_EN_SCALE_GLUED = re.compile(r"(?P<w>[kKmMbBT])(?![A-Za-z0-9])")
_MEASURE_ALT = _alt(L.ZH_MEASURES)
_R_ZH_UNIT = re.compile(
    r"[ \t]?(?:(?P<pp>个百分点|百分点)|(?P<bp>个基点|基点)|(?P<pct>%|‰|\\%)"
    r"|(?P<cur>元人民币|人民币|美元|港元|港币|新台币|台币|欧元|日元|英镑|新加坡元|澳门元|澳元|加元|韩元|瑞士法郎|瑞郎|卢比|卢布"
    r"|林吉特|泰铢|元|块(?=钱|[，。、\s]|$))"
    r"|(?P<shares>份|股(?![票市价东指民权息债份]))|(?P<points>点(?![0-9零〇一二三四五六七八九]))"
    r"|(?P<ratio>倍)|(?P<cheng>成(?![交本立为长功员都熟绩色型效果就品了是]|份股|分股|份指数|分指数|分[^，。；、\s]))|(?P<stars>星级|星(?![期球]))"
    rf"|(?P<approx>多|余)?(?P<measure>{_MEASURE_ALT}))"
)
_R_EN_UNIT = re.compile(
    r"[ \t]?(?:(?P<pp>percentage[ -]points?|pct[ -]points?|ppts?|pp)(?![A-Za-z])"
    r"|(?P<bp>basis[ -]points?|bps|bp)(?![A-Za-z])|(?P<pct>percent|per\s?cent|pct)(?![A-Za-z])"
    r"|-?(?P<cur>(?:Chinese |offshore |onshore )?yuan|renminbi|RMB|CNY|CNH"
    r"|(?:Hong Kong|HK|US|U\.S\.|American|Singapore|Australian|Canadian|New Taiwan|Taiwan|New Zealand) dollars?"
    r"|dollars?|USD|HKD|SGD|AUD|CAD|CHF|KRW|INR|TWD|EUR|GBP|JPY|euros?|yen|won|rupees|pounds|sterling|(?:Swiss )?francs"
    r"|ringgit|baht)(?![A-Za-z])"
    r"|(?P<shares>units?|shares)(?![A-Za-z])|(?P<points>index points|points?|pts?)(?![A-Za-z])"
    r"|(?P<ratio>times|fold)(?![A-Za-z])|(?P<stars>stars?)(?![A-Za-z]))",
    re.I,
)
_R_EN_HYPHEN = re.compile(
    r"-(?P<w>point|fold|star|day|week|month|year|quarter|session|hour|minute|odd|plus|times)s?(?![A-Za-z])", re.I
)
_R_GLUED_SUFFIX = re.compile(r"(?P<x>x|×)(?![A-Za-z])|(?P<pp>ppts?|pp)(?![A-Za-z])|(?P<bp>bps|bp)(?![A-Za-z])|(?P<pct>pct)(?![A-Za-z])")
_R_CUR_BEFORE = re.compile(
    r"(?P<neg>-)?(?P<cur>US\$|HK\$|NT\$|(?<![A-Za-z])(?:NZ|SG|AU|CA|MOP|MX|R|S|A|C)\$|RMB|Rmb|rmb|CNY|CNH|USD|HKD"
    r"|TWD|EUR|GBP|JPY|SGD|AUD|CAD|CHF|KRW|INR|MOP|NZD|MYR|THB|IDR|RUB|BRL|SEK|人民币|美元|港元|港币|新台币|\$|¥|€|£|₩|₹|₽)[ \t]?$"
)
_CUR_LAST_CHARS = frozenset("$¥€£币元BbYDHRKPFWL₩₹₽")  # last characters of the currency prefixes
_CUR_CODES = {"RMB", "Rmb", "rmb", "CNY", "CNH", "USD", "HKD"} | L.OTHER_CURRENCY_CODES
_R_EN_WORD = re.compile(r"[A-Za-z][A-Za-z&'/-]*")

# Chinese numerals and English number words ------------------------------------------------------
_R_ZH_NUM = re.compile(rf"[{ZN}]+(?:点[{ZD}]+[万亿兆]*)?")
_EN_NUMWORD = _alt([*EN_ONES, *EN_TENS, "hundred", *EN_SCALE_WORDS])
_R_EN_WORDS = re.compile(rf"(?:{_EN_NUMWORD})(?:(?:\s+and\s+|[\s-]+)(?:{_EN_NUMWORD}))*\b")

# context: hedges --------------------------------------------------------------------------------
# pre-hedges are matched on the reversed text, anchored at the number: one match instead of a search
_R_ZH_HEDGE_PRE_REV = re.compile(r"[ \t]*(?:\*\*)?[ \t]*(?P<w>" + _alt(w[::-1] for w in L.ZH_HEDGE_PRE) + r")")
_R_ZH_HEDGE_POST = re.compile(r"^[ \t]*(?:\*\*)?(?:" + _alt(L.ZH_HEDGE_POST) + r")")
_R_EN_HEDGE_PRE_REV = re.compile(
    r"[ \t]*(?:\(|\*\*)?[ \t]*(?P<w>" + _alt(w.lower()[::-1] for w in L.EN_HEDGE_PRE) + r")(?![a-z])"
)
_R_EN_HEDGE_POST = re.compile(r"^(?:[ \t]*(?:or more|or above|and above|or higher|or so|or less|or fewer|or lower)\b|-plus\b|-odd\b)", re.I)
_EN_POST_HEDGE = {"or more": "over", "or above": "over", "and above": "over", "or higher": "over", "or so": "about",
                  "or less": "under", "or fewer": "under", "or lower": "under", "-plus": "over", "-odd": "about"}
_R_COMMA = re.compile(r"[,，]")
_R_TOPIC_ZH = re.compile(r"份额|资金|规模|成交|金额|市值|净值|元|流入|流出|申购|赎回")
_R_UNITS_WORD = re.compile(r"\b(?:units|shares)\b", re.I)
_R_CONVERSION_GAP = re.compile(r"[ \t]*[(（][ \t]*(?:approximately|about|around|roughly|approx\.|约|约合|合|or|~)?[ \t]*", re.I)
_R_LIST_WORD = re.compile(r"[、，,]|\band\b|和|与|及")
_R_SENTENCE_END = re.compile(r"[。！？；;!?|\n]|\.(?=\s|$)")
_R_LIST_JOIN = re.compile(r"^[\s、，,;；和与及以及和/]*(?:and|as well as)?[\s、，,]*$", re.I)
_R_RESPECTIVE = re.compile(r"分别|各自|依次|respectively|each|均|各", re.I)

# context: direction -----------------------------------------------------------------------------
_ZH_IN = (
    "净流入规模", "流入规模", "净申购规模", "净流入", "流入", "净申购", "申购", "吸金", "揽金", "吸引",
    "增持", "加仓", "增仓", "净买入", "买入", "抢筹", "扫货", "涌入", "进场", "入场", "抄底", "加码",
    "买超", "净买超", "份额增加", "份额增长", "份额上升", "份额净增", "份额增", "净增", "获得资金",
    "获资金", "资金追捧", "被抢",
)
_ZH_OUT = (
    "净流出规模", "流出规模", "净赎回规模", "净流出", "流出", "净赎回", "赎回", "撤离", "撤出", "出逃",
    "离场", "减持", "减仓", "抛售", "净卖出", "卖出", "流失", "失血", "卖超", "净卖超", "减码", "出货",
    "份额减少", "份额下降", "份额缩水", "份额减", "缩水", "缩减", "净减少", "被抛", "遭抛",
)
_ZH_FLOW = ("资金流向", "资金流动", "净流量", "净申赎", "资金净额", "申赎", "份额变化", "份额变动", "份额增减", "净流向",
            "流向")
_ZH_LEVEL = (
    "规模", "成交额", "成交量", "成交", "换手", "市值", "净值", "收盘", "收于", "报收", "资产", "保有量",
    "余额", "价格", "股价", "估值", "总额", "持有", "涨幅", "跌幅", "占比", "占", "份额为", "最新份额", "总份额",
    "份额达", "份额合计为", "期末份额", "份额规模", "买入额", "卖出额", "融资买入",
)
_ZH_CMP = ("较上", "较前", "较去", "较昨", "较此前", "较之前", "较同期", "比上", "比前", "比去", "比昨",
           "环比", "同比", "相比", "相较", "较年初", "变化为", "变动为", "变化", "变动", "差值", "相差", "差额", "差距",
           "之差", "轧差")
_EN_IN = (
    "net inflows", "net inflow", "inflows", "inflow", "net buying", "net purchases", "net purchase",
    "bought", "buying", "purchased", "purchases", "subscriptions", "subscription", "net creations",
    "creations", "drew in", "drew", "drawn", "attracted", "attracting", "attract", "took in", "taken in",
    "pulled in", "raked in", "hauled in", "lured", "poured", "pouring", "piled into", "added", "adding",
    "snapped up", "scooped up", "absorbed", "injected", "raised", "positive net issuance", "flowed into",
    "flowed in", "went into", "created", "subscribed", "flooded into", "rushed into", "streamed into",
)
_EN_OUT = (
    "net outflows", "net outflow", "outflows", "outflow", "withdrawals", "withdrawal", "withdrew",
    "withdrawn", "redemptions", "redemption", "redeemed", "pulled out", "pulled", "sold off",
    "sell-off", "selloff", "sold", "selling", "dumped", "offloaded", "offloading", "exited", "exits",
    "exit", "fled", "bled", "shed", "slashed", "cut", "trimmed", "reduced", "reduction", "reducing",
    "net selling", "net sales", "negative net issuance", "flowed out", "left", "lost", "losing", "yanked",
    "pulled out of", "exodus",
)
_EN_FLOW = ("net flows", "net flow", "fund flows", "fund flow", "flows", "flow", "net issuance")
_EN_LEVEL = (
    "assets", "aum", "assets under management", "size", "turnover", "trading volume", "volume",
    "traded", "market value", "market cap", "capitalization", "price", "nav", "closed at", "valued at",
    "worth of", "stood at", "total assets", "value of", "the value", "valuation", "market capitalization",
    "hold", "holds", "holding", "holdings", "held",
)
_EN_CMP = (
    "compared with", "compared to", "from the previous", "from the prior", "from a week earlier",
    "than the previous", "than a week", "than the prior", "week-on-week", "w/w", "versus", "vs.",
    "from a year earlier", "year-on-year", "from last week", "from the week before", "change of",
    "changed by",
)
_CUE_KIND: dict[str, str] = {}
for _words, _kind in ((_ZH_LEVEL, "level"), (_ZH_CMP, "cmp"), (_ZH_FLOW, "flow"), (_ZH_IN, "in"), (_ZH_OUT, "out"),
                      (_EN_LEVEL, "level"), (_EN_CMP, "cmp"), (_EN_FLOW, "flow"), (_EN_IN, "in"), (_EN_OUT, "out")):
    for _w in _words:
        _CUE_KIND[_w.lower()] = _kind
_R_CUE_ZH = re.compile(_alt([*_ZH_IN, *_ZH_OUT, *_ZH_FLOW, *_ZH_LEVEL, *_ZH_CMP]))
# changes in units outstanding (and falls in size) written with a few words in between
_R_CUE_PAT_ZH = re.compile(
    r"(?P<in>份额[^，。；,;]{0,10}?(?:增加|增长|上升|净增|扩大|增))"
    r"|(?P<out>份额[^，。；,;]{0,10}?(?:减少|下降|缩水|缩减|下滑|萎缩|减))"
    r"|(?P<aum_out>规模[^，。；,;\d]{0,4}?(?:减少|下降|缩水|缩减|萎缩|下滑|收缩|降低))"
)
_R_CUE_PAT_EN = re.compile(  # runs on the lower-cased view
    r"(?P<in>(?:units|shares)(?:\s+outstanding)?(?:\s+(?:of|in)\s+[^.;,]{0,30}?)?\s+(?:rose|increased|grew|jumped|climbed|swelled)"
    r"|added\s+[^.;,]{0,20}?\s+(?:units|shares))"
    r"|(?P<out>(?:units|shares)(?:\s+outstanding)?(?:\s+(?:of|in)\s+[^.;,]{0,30}?)?\s+(?:fell|dropped|declined|decreased|shrank|slumped))"
)
_R_CUE_EN = re.compile(r"(?:" + _alt([w.lower() for w in (*_EN_IN, *_EN_OUT, *_EN_FLOW, *_EN_LEVEL, *_EN_CMP)]) + r")(?![a-z])")
_R_POST_CUE_ZH = re.compile(
    r"^[ \t]*(?:的|资金|的资金)?(?:净流入|净流出|流入|流出|净申购|净赎回|撤离|出逃|离场|涌入|被抛售|抛售|规模缩水|缩水)"
)
_R_SHARES_CHANGE = re.compile(r"(?P<in>增加|增长|上升|扩大|净增|增)|(?P<out>减少|下降|缩减|萎缩|减)")
_R_SHARES_CHANGE_BEFORE = re.compile(r"(?:增加|增长|上升|扩大|净增|减少|下降|缩减|萎缩)了?\s?(?:约|超|近|逾|超过)?\s?$")
_R_POST_CUE_EN = re.compile(
    r"^[ \t]*(?:\([^)]{0,40}\)[ \t]*)?(?:(?:of|in|worth of)[ \t]+)?(?:net[ \t]+)?(?:fresh[ \t]+)?"
    r"(inflows?|outflows?|redemptions|withdrawals|subscriptions|net buying|net selling)\b"
    r"|^[ \t]*(?:were|was|have been|has been|had been|got)[ \t]+(redeemed|withdrawn|pulled|sold|bought|added|created|subscribed)\b",
    re.I,
)
_R_CMP_AFTER_EN = re.compile(
    r"^[^.;!?\n]{0,30}?\b(?:from|than)\s+(?:the|a)\s+(?:previous|prior|preceding|last|week|day|month|year)\b"
    r"|^[^.;!?\n]{0,20}?\b(?:week-on-week|w/w|year-on-year|y/y|month-on-month)\b",
    re.I,
)
_R_MONEY_CTX_ZH = re.compile(r"资金|流入|流出|申购|赎回|规模|成交|市值|金额|收益|亏损|盈利|元|买入|卖出|增持|减持|吸金|抛售|撤离|募集|资产|净值|融资")
_R_MONEY_CTX_EN = re.compile(r"inflow|outflow|flows?\b|assets|aum|turnover|worth|valued|sold|bought|raised|redemption|yuan|rmb|cny|dollar", re.I)
_R_CUR_WORD_EN = re.compile(r"yuan|renminbi|RMB|CNY|Rmb|US\$|\$|dollars?|USD|HK\$|HKD", re.I)
_ABBREV = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec no approx mr mrs dr vs etc e.g i.e u.s st co inc ltd corp dept est fig".split())
_SENT_END = "。！？；;!?|"


# ------------------------------------------------------------------------------------------------
# The working record of one mention
# ------------------------------------------------------------------------------------------------


class _Raw:
    """A mention while it is being read: the public fields plus the flags context rules need.

    ``bare``: digits with no unit, scale or currency (a table header may still scale them);
    ``scale_only``: 亿/万/billion written without a currency, unit decided by context;
    ``year_like`` / ``code_like``: bare 4-digit years and 6-digit codes, settled after tables;
    ``date``: the date parts read (y, m, d, q, t, pos, rel), resolved into an ISO string last;
    ``time_count``: a count of days/weeks/years (近 before it means "recent", not "nearly");
    ``table``, ``header_cue``, ``row_cue``: where a table cell sits and what its header says;
    ``lang``: "zh" or "en" around the number; ``drop``: decided not to be a claim after all;
    ``money_other``: an amount in a currency outside the unit list (NT$, EUR), can have a direction;
    ``mult``: scale x unit factor applied to the digits; ``partner``: the other end of a range.
    """

    __slots__ = (
        "start", "end", "value", "unit", "precision", "hedge", "direction", "points_change", "unparsed",
        "notes", "bare", "scale_only", "year_like", "code_like", "date", "time_count", "fact_ref", "mult", "partner",
        "no_hedge", "table", "header_cue", "row_cue", "lang", "drop", "money_other", "cur_only", "change",
    )

    def __init__(self, start: int, end: int, value: Any, unit: str, precision: Decimal | None = None, **kw: Any):
        self.start = start
        self.end = end
        self.value = value
        self.unit = unit
        self.precision = precision
        self.hedge = "none"
        self.direction = "none"
        self.points_change = False
        self.unparsed = False
        self.notes: list[str] = []
        self.bare = False
        self.scale_only: Decimal | None = None
        self.year_like = False
        self.code_like = False
        self.date: dict | None = None
        self.time_count = False
        self.fact_ref: str | None = None
        self.no_hedge = False
        self.table: tuple | None = None
        self.header_cue: str | None = None
        self.row_cue: str | None = None
        self.lang = "zh"
        self.drop = False
        self.money_other = False
        self.cur_only = False  # a currency before the digits and nothing after them ("HK$5" in "HK$5-6 billion")
        self.mult: Decimal | None = None  # scale x unit factor applied to the digits written
        self.partner: _Raw | None = None  # the other end of a range
        self.change = "none"  # up / down: the move a verb right before a percentage gives it
        for k, v in kw.items():
            setattr(self, k, v)


_R_NOT_BREAK = re.compile(r"[^\r\n]")
_DIGIT_CHARS = frozenset("0123456789")
_LETTER_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_WORD_CHARS = _LETTER_CHARS | _DIGIT_CHARS | {"_"}
_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}


def _scan(rx: re.Pattern, v: str, bad_prev: frozenset | str = "", pos: int = 0, endpos: int | None = None):
    """``rx.finditer`` that skips matches preceded by a character in ``bad_prev``.

    Patterns that begin with a literal or a character class let the regex engine jump between
    candidates; a leading look-behind or ``\\b`` would make it try every position, so that test
    is done here instead.
    """
    for m in rx.finditer(v, pos, len(v) if endpos is None else endpos):
        a = m.start()
        if a > 0 and v[a - 1] in bad_prev:
            continue
        yield m


class _Doc:
    """The text, its matching view, the claim map and the mentions found so far."""

    def __init__(self, text: str):
        self.text = text
        self.n = len(text)
        self.s = L.fold(text)
        self.layout: Layout = scan_layout(text)
        self.claimed = bytearray(self.n)
        self.raws: list[_Raw] = []
        self.footrefs: dict[int, tuple[int, str]] = {}  # start -> (end, id)
        self.specs: list[tuple[int, int, Decimal, str, bool]] = []  # scale headers
        self.v = self._view()
        self.bounds: list[int] | None = None  # sentence and clause boundaries, on demand
        vl = self.v.lower()
        self.vl = vl if len(vl) == len(self.v) else self.v.translate(_ASCII_LOWER)  # same length

    # -- view and claims -----------------------------------------------------------------------
    def _view(self) -> str:
        s = self.s
        spans: list[tuple[int, int]] = list(self.layout.skip)
        if "[^" in s:
            for m in _R_FOOTREF.finditer(s):
                self.footrefs[m.start()] = (m.end(), m.group(1))
                spans.append(m.span())
            spans.extend(m.span() for m in _R_FOOTDEF.finditer(s))
        for gate, rx in _STRUCT:
            if gate in s:
                spans.extend(m.span() for m in rx.finditer(s))
        if "." in s:
            spans.extend(_domain_spans(s))
        if "$" in s and "\\" in s:
            spans.extend(_math_dollar_spans(s))
        for ls in self.layout.line_starts:
            m = _R_LIST_MARK.match(s, ls)
            if m and m.end() > m.start():
                spans.append(m.span())
        if "(" in s:
            spans.extend(m.span() for m in _scan(_R_ENUM_MARK, s, _WORD_CHARS))
        if not spans:
            return s
        spans.sort()
        out: list[str] = []
        pos = 0
        for a, b in spans:
            if b <= pos:
                continue
            a = max(a, pos)
            out.append(s[pos:a])
            out.append(_R_NOT_BREAK.sub(" ", s[a:b]))
            self.claimed[a:b] = b"\x02" * (b - a)
            pos = b
        out.append(s[pos:])
        return "".join(out)

    def free(self, a: int, b: int) -> bool:
        return self.claimed.count(0, a, b) == b - a

    def claim(self, a: int, b: int, how: int = 1) -> None:
        self.claimed[a:b] = bytes([how]) * (b - a)

    def add(self, raw: _Raw) -> _Raw:
        self.raws.append(raw)
        self.claim(raw.start, raw.end)
        return raw


# ------------------------------------------------------------------------------------------------
# Small helpers
# ------------------------------------------------------------------------------------------------


def _dec(text: str) -> Decimal:
    return Decimal(text.replace(",", "").replace(" ", ""))


def _decimals(num: str) -> int:
    return len(num.split(".", 1)[1]) if "." in num else 0


def _zh_small(tok: str) -> int | None:
    """A number written with digits or a short Chinese numeral (months, days, quarters)."""
    if tok.isdigit():
        return int(tok)
    got = parse_zh(tok)
    return int(got[0]) if got else None


def _clean(d: Decimal | None) -> Decimal | None:
    if d is None:
        return None
    if d == d.to_integral_value():
        return Decimal(int(d))
    return Decimal(format(d.normalize(), "f"))


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def _lang_at(v: str, a: int) -> str:
    """'zh' when Chinese characters are near the position, else 'en'."""
    lo = max(0, a - 12, v.rfind("\n", 0, a) + 1)
    hi = v.find("\n", a, a + 12)
    hi = min(len(v), a + 12) if hi < 0 else hi
    return "zh" if _R_CJK.search(v, lo, hi) else "en"


# ------------------------------------------------------------------------------------------------
# Passes
# ------------------------------------------------------------------------------------------------


_R_ASCII_ALPHA = re.compile(r"[A-Za-z]")
_R_CJK = re.compile(r"[\u4e00-\u9fff]")


_CONTENT_MASKS = [
    (lambda v: "第" in v or "排名" in v, _R_ORDINAL, ""),
    (lambda v: "No." in v or "#" in v, _R_ORDINAL_EN, _WORD_CHARS),
    (lambda v: "周" in v or "星期" in v or "礼拜" in v, _R_WEEKDAY, ""),
    (lambda v: "正" in v or "反" in v, _R_LEVERAGED, ""),
    (lambda v: "规划" in v, _R_PLAN, ""),
]


def _inside_numeral(v: str, a: int, b: int) -> bool:
    """Is an idiom match really the edge of a longer numeral (九百二十一只, 三万一千)?"""
    word = v[a:b]
    if word[0] in ZN and a > 0 and v[a - 1] in ZN:
        return True
    return word[-1] in ZN and b < len(v) and (v[b] in ZN or v[b].isdigit())


def _content_masks(d: _Doc) -> None:
    v = d.v
    for k in _scan(_R_CONTACT_KEY, d.vl, _LETTER_CHARS):
        if k.group()[0].isascii() and k.end() < len(v) and v[k.end()] in _LETTER_CHARS:
            continue
        m = _R_CONTACT_TAIL.match(v, k.end())
        if m:
            d.claim(m.start("id"), m.end("id"), 2)
    has_cjk = bool(_R_CJK.search(v))
    has_alpha = bool(_R_ASCII_ALPHA.search(v))
    for rx, gate, before, after, bad in ((_R_PHONE, _R_PHONE_GATE, 8, 14, "0123456789-"),
                                         (_R_CODE, _R_CODE_GATE, 8, 6, _WORD_CHARS)):
        for m in _iter_windows(rx, v, _anchor_windows(v, gate, before, after), bad):
            if d.claimed.find(1, m.start(), m.end()) < 0:
                d.claim(m.start(), m.end(), 2)
    rxs = [(rx, bad) for gate, rx, bad in _CONTENT_MASKS if gate(v)]
    if has_cjk:
        rxs.append((_R_IDIOM, ""))
    for rx, bad in rxs:
        for m in _scan(rx, v, bad):
            if rx is _R_LEVERAGED and not (m.start() > 0 and _is_cjk(v[m.start() - 1])):
                continue
            if rx is _R_IDIOM and _inside_numeral(v, m.start(), m.end()):
                continue
            if d.claimed.find(1, m.start(), m.end()) < 0:
                d.claim(m.start(), m.end(), 2)
    if has_cjk:
        for m in _R_NAME_ZH.finditer(v):
            d.claim(m.start("d"), m.end("d"), 2)
    if has_alpha:
        for m in _scan(_R_NAME_EN, v, _LETTER_CHARS):
            d.claim(m.start("d"), m.end("d"), 2)
        for m in _R_NAME_EN_ETF.finditer(v):
            d.claim(m.start("d"), m.end("d"), 2)


def _date(doc: _Doc, a: int, b: int, **parts: Any) -> _Raw:
    raw = _Raw(a, b, None, "date")
    raw.date = parts
    raw.no_hedge = True
    return doc.add(raw)


_R_ZH_DATE_GATE = re.compile(r"[年月日号季]")
_R_EN_MONTH_GATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_R_EN_Q_GATE = re.compile(r"Q[1-4]|[1-4]Q|quarter", re.I)


def _dates(d: _Doc) -> None:
    v = d.v
    zh = bool(_R_ZH_DATE_GATE.search(v))
    en_m = bool(_R_EN_MONTH_GATE.search(v))
    en_q = bool(_R_EN_Q_GATE.search(v))
    _dates_numeric(d)
    if zh:
        _dates_zh(d)
    if en_q:
        _dates_en_q(d)
    if en_m:
        _dates_en_m(d)
    if "-" in v or "/" in v:
        for m in _scan(_R_D_ISO_YM, v, "0123456789.-/"):
            if d.free(*m.span()):
                _date(d, m.start(), m.end(), y=int(m.group(1)), m=int(m.group(2)))
    if zh:
        for m in _R_D_REL.finditer(v):
            a = m.start()
            if not d.free(a, m.end()) or (a > 0 and (v[a - 1].isdigit() or v[a - 1] in ZN)):
                continue
            pre = _R_D_REL_BEFORE.search(v, max(0, a - 3), a)
            start = pre.start() if pre and d.free(pre.start(), a) else a
            rel = {"去年": -1, "明年": 1, "前年": -2}.get(pre.group(1) if pre else "", 0)
            _date(d, start, m.end(), pos=m.group()[:2], rel=rel)
    if "." in v and (zh or _R_CJK.search(v)):
        _dates_dot(d)
    if "/" in v:
        _dates_us(d)
    if ":" in v:
        _times(d)
    _link_ranges(d)


def _link_ranges(d: _Doc) -> None:
    """Dates written as the two ends of a range ("12月29日至1月2日", "Dec. 29 to Jan. 2")."""
    dates = sorted((r for r in d.raws if r.unit == "date" and r.date), key=lambda r: r.start)
    for a, b in zip(dates, dates[1:]):
        pa, pb = a.date, b.date
        if "to" in pa or "from" in pb or pa.get("m") is None or pa.get("d") is None or pb.get("d") is None:
            continue
        if pb.get("m") is not None and _R_D_RANGE_GAP.fullmatch(d.v, a.end, b.start):
            _link(a, b)


def _dates_numeric(d: _Doc) -> None:
    v = d.v
    for m in _scan(_R_D_ISO, v, "0123456789./"):
        if not d.free(*m.span()):
            continue
        y, mo, da = int(m.group(1)), int(m.group(3)), int(m.group(4))
        t = (int(m.group(5)), int(m.group(6))) if m.group(5) else None
        _range_tail(d, m.end(), _date(d, m.start(), m.end(), y=y, m=mo, d=da, t=t))
    for m in _scan(_R_D_COMPACT, v, "0123456789."):
        if d.free(*m.span()):
            _date(d, m.start(), m.end(), y=int(m.group(1)), m=int(m.group(2)), d=int(m.group(3)))


def _anchor_windows(v: str, rx: re.Pattern, before: int, after: int) -> list[tuple[int, int]]:
    """Merged windows around every match of ``rx``: patterns then scan only there."""
    wins: list[list[int]] = []
    for m in rx.finditer(v):
        lo, hi = max(0, m.start() - before), min(len(v), m.end() + after)
        if wins and lo <= wins[-1][1] + 32:  # close windows merge: fewer, longer scans
            wins[-1][1] = hi
        else:
            wins.append([lo, hi])
    if len(wins) > 8 and sum(b - a for a, b in wins) > len(v) // 2:
        return [(0, len(v))]  # anchors everywhere: one pass over the whole text is cheaper
    return [(a, b) for a, b in wins]


def _iter_windows(rx: re.Pattern, v: str, wins: list[tuple[int, int]], bad_prev: frozenset | str = ""):
    for lo, hi in wins:
        yield from _scan(rx, v, bad_prev, lo, hi)


def _dates_zh(d: _Doc) -> None:
    v = d.v
    wins = _anchor_windows(v, _R_ZH_DATE_GATE, 16, 14)
    for m in _iter_windows(_R_D_ZH_MR, v, wins, "0123456789"):
        if not d.free(*m.span()):
            continue
        m1, m2 = _zh_small(m.group(2)), _zh_small(m.group(3))
        if m1 and m2 and 1 <= m1 < m2 <= 12:
            y = int(m.group(1)) if m.group(1) else None
            _date(d, m.start(), m.end(2), y=y, m=m1)
            _date(d, m.start(3), m.end(), y=y, m=m2)
    for m in _iter_windows(_R_D_ZH, v, wins):
        if not d.free(*m.span()):
            continue
        y, mo = _zh_small(m.group(1)), _zh_small(m.group(2))
        if y is None or mo is None or not 1 <= mo <= 12:
            continue
        day = _zh_small(m.group(3)) if m.group(3) else None
        if day is not None and not 1 <= day <= 31:
            continue
        t = (int(m.group(4)), int(m.group(5))) if m.group(4) else None
        _date(d, m.start(), m.end(), y=y, m=mo, d=day, t=t, pos=m.group(6))
    for m in _iter_windows(_R_D_ZH_YQ, v, wins):
        if not d.free(*m.span()):
            continue
        y = _zh_small(m.group(1))
        q = m.group(2) or m.group(3)
        if q:
            _date(d, m.start(), m.end(), y=y, q=_zh_small(q))
        else:
            _date(d, m.start(), m.end(), y=y, pos="年" + m.group(4)[0])
    for m in _iter_windows(_R_D_ZH_Y, v, wins):
        if d.free(*m.span()):
            _date(d, m.start(), m.end(), y=_zh_small(m.group(1)))
    for m in _iter_windows(_R_D_ZH_MD, v, wins):
        if not d.free(*m.span()):
            continue
        mo, day = _zh_small(m.group(1)), _zh_small(m.group(2))
        if mo and day and 1 <= mo <= 12 and 1 <= day <= 31:
            t = (int(m.group(3)), int(m.group(4))) if m.group(3) else None
            _date(d, m.start(), m.end(), m=mo, d=day, t=t)
    for m in _iter_windows(_R_D_ZH_DR, v, wins):
        if d.free(*m.span()) and not _DURATION_BEFORE.search(v, max(0, m.start() - 4), m.start()):
            _date(d, m.start(1), m.end(1), d=int(m.group(1)))
            _date(d, m.start(2), m.end(), d=int(m.group(2)))
    for m in _iter_windows(_R_D_ZH_M, v, wins):
        if not d.free(*m.span()) or _DURATION_BEFORE.search(v, max(0, m.start() - 4), m.start()):
            continue
        mo = _zh_small(m.group(1))
        if mo and 1 <= mo <= 12:
            _date(d, m.start(), m.end(), m=mo, pos=m.group(2))
    for m in _iter_windows(_R_D_PAREN_D, v, wins):
        if d.free(*m.span()):
            _date(d, m.start(), m.end(), d=int(m.group(1)))
    for m in _iter_windows(_R_D_ZH_D, v, wins):
        if not d.free(*m.span()) or _DURATION_BEFORE.search(v, max(0, m.start() - 4), m.start()):
            continue
        _date(d, m.start(), m.end(), d=int(m.group(1)))
    for m in _iter_windows(_R_D_ZH_Q, v, wins):
        if d.free(*m.span()):
            _date(d, m.start(), m.end(), q=_zh_small(m.group(1) or m.group(2)))


def _dates_en_q(d: _Doc) -> None:
    v = d.v
    for m in (_iter_windows(_R_D_EN_Q, v, _anchor_windows(v, _R_Q_ANCHOR, 6, 9), _WORD_CHARS) if "Q" in v else ()):
        if not d.free(*m.span()):
            continue
        if m.group(5):
            q, y = int(m.group(5)), m.group(4)
        else:
            q, y = int(m.group(1) or m.group(2)), m.group(3)
        yi = None
        if y:
            yi = int(y) if len(y) == 4 else 2000 + int(y)
        _date(d, m.start(), m.end(), y=yi, q=q)
    for m in (_scan(_R_D_EN_QW, d.vl, _WORD_CHARS) if "quarter" in d.vl else ()):
        if d.free(*m.span()):
            q = L.ENGLISH_ORDINAL_QUARTERS[m.group(1).lower()]
            _date(d, m.start(), m.end(), y=int(m.group(2)) if m.group(2) else None, q=q)


def _dates_en_m(d: _Doc) -> None:
    v = d.v
    wins = _anchor_windows(v, _R_MONTH_WORD, 8, 24)
    for m in _iter_windows(_R_D_EN_MD, v, wins, _WORD_CHARS):
        if not d.free(*m.span()):
            continue
        mo = L.ENGLISH_MONTHS[m.group(1).lower()]
        y = int(m.group(4)) if m.group(4) else None
        if m.group(3):
            _date(d, m.start(), m.end(2), y=y, m=mo, d=int(m.group(2)))
            _date(d, m.start(3), m.end(), y=y, m=mo, d=int(m.group(3)))
        else:
            _date(d, m.start(), m.end(), y=y, m=mo, d=int(m.group(2)))
    for m in _iter_windows(_R_D_EN_DM, v, wins, _WORD_CHARS):
        if d.free(*m.span()):
            mo = L.ENGLISH_MONTHS[m.group(2).lower()]
            _date(d, m.start(), m.end(), y=int(m.group(3)) if m.group(3) else None, m=mo, d=int(m.group(1)))
    for m in _iter_windows(_R_D_EN_MY, v, wins, _WORD_CHARS):
        if d.free(*m.span()):
            _date(d, m.start(), m.end(), y=int(m.group(2)), m=L.ENGLISH_MONTHS[m.group(1).lower()])
    for m in _R_D_EN_M.finditer(v):
        g = 1 if m.group(1) else 2
        if d.free(m.start(g), m.end(g)):
            _date(d, m.start(g), m.end(g), m=L.ENGLISH_MONTHS[m.group(g).lower()])


def _range_tail(d: _Doc, pos: int, head: _Raw) -> None:
    """The second end of "2026-01-12 to 01-16": its year is the first end's (or the next one)."""
    m = _R_D_RANGE_TAIL.match(d.v, pos)
    if m and d.free(m.start(1), m.end()):
        mo, da = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12 and 1 <= da <= 31:
            _link(head, _date(d, m.start(1), m.end(), m=mo, d=da))


def _link(a: _Raw, b: _Raw) -> None:
    """Mark two dates as the ends of one range (the year of one follows from the other)."""
    if a.date is not None and b.date is not None:
        a.date["to"] = b
        b.date["from"] = a


def _md_ok(mo: int, da: int) -> bool:
    """Is month-day a day of some year (2.29 included)?"""
    try:
        dt.date(2000, mo, da)
    except ValueError:
        return False
    return True


_DOT_BAD_PREV = frozenset("0123456789.,/+-±$¥€£_") | _LETTER_CHARS


def _dot_tail(v: str, e: int) -> tuple[int, bool] | None:
    """What follows a dotted month-day ending at ``e``: (end, confirmed as a date), or None when
    a unit, a scale or more digits follow (1.16倍, 1.5-2.0亿, 1.16%)."""
    m = _R_D_DOT_DAY.match(v, e)
    if m:
        return m.end(), True  # 1.16日, 1.16号
    if _R_D_DOT_WEEKDAY.match(v, e) or _R_D_DOT_THAT_DAY.match(v, e):
        return e, True  # 1.16（周五）, 1.15当日
    if _R_D_DOT_BLOCK.match(v, e):
        return None
    nxt = v[e: e + 2].lstrip(" \t")[:1]
    if nxt and nxt in "万亿兆千百十多余":
        return None
    u = _R_ZH_UNIT.match(v, e)
    if u and u.end() > e and not (u.lastgroup == "measure" and u.group("measure") == "期" and v.startswith("间", u.end())):
        return None
    return e, False


def _dot_range_ok(m1: int, d1: int, m2: int, d2: int, cued: bool) -> bool:
    """Could M.D-M.D be a span of days? Ordered, at most two months long; across a month end a
    long span (1.5-2.5) needs a date cue, across the year end only December to January."""
    if not _md_ok(m2, d2):
        return False
    start = dt.date(2000, m1, d1)
    if (m2, d2) > (m1, d1):
        end = dt.date(2000, m2, d2)
    elif m1 == 12 and m2 == 1:
        end = dt.date(2001, m2, d2)
    else:
        return False
    span = (end - start).days
    if span > 62:
        return False
    return m1 == m2 or span <= 21 or cued


def _dates_dot(d: _Doc) -> None:
    """Month.day written with a dot in Chinese text, read as a date only in a date context.

    A range of two ("本周（1.12-1.16）", "12.29-1.2", "1.5-1.9期间"), or one after a date cue
    (截至1.16, 自1.5以来, 上周（1.16）) or before 日/号: a lone "1.16" stays a number.
    """
    v = d.v
    for m in _iter_windows(_R_D_DOT, v, _anchor_windows(v, _R_D_DOT_GATE, 3, 3), _DOT_BAD_PREV):
        a, b = m.span()
        if not d.free(a, b) or _lang_at(v, a) != "zh":
            continue
        m1, d1 = int(m.group(1)), int(m.group(2))
        if not _md_ok(m1, d1):
            continue
        cue = _R_D_DOT_CUE.search(v, max(0, a - 6), a) is not None
        r = _R_D_DOT_TO.match(v, b)
        if r:
            if not d.free(b, r.end()):
                continue
            m2 = int(r.group(1)) if r.group(1) else None
            d2 = int(r.group(2))
            tail = _dot_tail(v, r.end())
            if tail is None:
                continue
            cued = cue or tail[1]
            if m2 is None:  # 1.12-16: only with a cue
                ok = cued and d1 < d2 and _md_ok(m1, d2)
            else:
                ok = _dot_range_ok(m1, d1, m2, d2, cued)
            if ok and (cued or not _R_D_DOT_LEVEL.search(v, max(0, a - 12), a)):
                first = _date(d, a, b, m=m1, d=d1)
                second = _date(d, r.start(1) if m2 is not None else r.start(2), tail[0], m=m2, d=d2)
                _link(first, second)
            continue
        tail = _dot_tail(v, b)
        if tail is not None and (cue or tail[1]):
            _date(d, a, tail[0], m=m1, d=d1)


_US_BAD_PREV = frozenset("0123456789./\\$¥€£_:") | _LETTER_CHARS


def _dates_us(d: _Doc) -> None:
    """Numeric dates in English text: month/day/year ("1/16/2026", "01/16/26"; day first only
    when the first number cannot be a month: "16/01/2026") and month/day in a date context ("on
    1/16", "1/12-1/16") or when the day cannot be a small fraction ("1/16"; "1/3 of" is a fraction).
    In Chinese text only a date with its four-digit year is read."""
    v = d.v
    toks: list[list] = []
    for m in _iter_windows(_R_D_US, v, _anchor_windows(v, _R_SLASH_ANCHOR, 2, 8), _US_BAD_PREV):
        a, b = m.span()
        y = m.group(3)
        if not d.free(a, b) or (_lang_at(v, a) != "en" and not (y and len(y) == 4)):
            continue  # Chinese text: only a full date ("1/16/2026"); "1/3" there is a fraction
        x, z = int(m.group(1)), int(m.group(2))
        yi = (int(y) if len(y) == 4 else 2000 + int(y)) if y else None
        mo, da = (z, x) if (yi is not None and x > 12) else (x, z)
        if not (1 <= mo <= 12 and 1 <= da <= 31) or not _md_ok(mo, da):
            continue
        toks.append([a, b, yi, mo, da, False])
    for t in toks:  # a date on its own: a year, a cue before, or a day no small fraction has
        a, b, yi, mo, da, _ = t
        if yi is not None:
            t[5] = True
        elif not d.vl.startswith(" of ", b):
            t[5] = da >= 11 or _R_D_US_CUE.search(d.vl, max(0, a - 16), a) is not None
    for t, u in zip(toks, toks[1:]):  # 1/12-1/16, 1/12 to 1/16, between 1/12 and 1/16: ordered ends
        gap = _R_D_US_TO.fullmatch(v, t[1], u[0])
        if not gap or ("and" in gap.group() and not _R_D_BETWEEN.search(d.vl, max(0, t[0] - 9), t[0])):
            continue
        if (u[3], u[4]) > (t[3], t[4]) or (t[3] == 12 and u[3] == 1):
            if t[5] or u[5] or (t[3] == u[3] and not d.vl.startswith(" of ", u[1])):
                t[5] = u[5] = True
    prev: _Raw | None = None
    prev_end = -1
    for a, b, yi, mo, da, ok in toks:
        if not ok:
            prev = None
            continue
        raw = _date(d, a, b, y=yi, m=mo, d=da)
        if prev is not None and _R_D_US_TO.fullmatch(v, prev_end, a) and (raw.date or {}).get("y") is None:
            _link(prev, raw)
        prev, prev_end = raw, b


def _times(d: _Doc) -> None:
    v = d.v
    by_end = {r.end: r for r in d.raws if r.unit == "date"}
    for m in _iter_windows(_R_TIME, v, _anchor_windows(v, _R_COLON_MM, 3, 2), "0123456789:."):
        if not d.free(*m.span()):
            continue
        t = (int(m.group(1)), int(m.group(2)))
        prev = None
        for k in range(m.start(), max(-1, m.start() - 3), -1):
            if k in by_end:
                prev = by_end[k]
                break
            if k < m.start() and v[k] not in " \t,，":
                break
        if prev is not None and prev.date is not None and prev.date.get("d") is not None and not prev.date.get("t"):
            prev.date["t"] = t
            prev.end = m.end()
            d.claim(m.start(), m.end())
        else:
            _date(d, m.start(), m.end(), t=t, time_only=True)


def _stars(d: _Doc) -> None:
    for m in _R_STARS.finditer(d.v):
        if d.free(*m.span()):
            n = sum(1 for c in m.group() if c in _FILLED)
            raw = _Raw(m.start(), m.end(), Decimal(n), "stars", _ONE)
            raw.no_hedge = True
            d.add(raw)


def _zh_scale_spec(scale: str | None, unit: str | None) -> tuple[Decimal, str, bool] | None:
    if not scale and not unit:
        return None
    mult = L.ZH_SCALES[scale] if scale else _ONE
    pp = False
    if unit in (None, "元", "元人民币"):
        u = "CNY"
    elif unit in ("美元",):
        u = "USD"
    elif unit in ("港元", "港币"):
        u = "HKD"
    elif unit in ("份", "股"):
        u = "shares"
    elif unit == "%":
        u, mult = "pct", mult / 100
    elif unit in ("个百分点", "百分点"):
        u, mult, pp = "pct", mult / 100, True
    elif unit == "点":
        u = "points"
    elif unit == "倍":
        u = "ratio"
    else:
        u = "count"
    return mult, u, pp


def _en_scale_spec(cur: str | None, scale: str | None, cur2: str | None) -> tuple[Decimal, str, bool] | None:
    c = (cur or cur2 or "").lower().replace(" ", "")
    sc = (scale or "").lower()
    if not sc and not c:
        return None
    if sc in ("m", "b", "k") and not c:
        return None
    if c == "%":
        return Decimal("0.01"), "pct", False
    unit = {"rmb": "CNY", "cny": "CNY", "yuan": "CNY", "¥": "CNY", "usd": "USD", "us$": "USD", "$": "USD",
            "dollars": "USD", "usdollars": "USD", "hkd": "HKD", "hk$": "HKD", "hkdollars": "HKD",
            "units": "shares", "shares": "shares"}.get(c, "CNY")
    sc = re.sub(r"\s+", " ", sc)
    if sc in ("100 million", "100million", "hundred million", "hundreds of millions", "100 millions"):
        mult = Decimal(10) ** 8
    elif sc in ("10,000", "ten thousand"):
        mult = Decimal(10) ** 4
    elif sc:
        key = sc.rstrip("s") if sc.endswith("s") and len(sc) > 2 else sc
        mult = L.EN_SCALES.get(key, L.EN_SCALES.get(sc, _ONE))
    else:
        mult = _ONE
    return mult, unit, False


def _scale_specs(d: _Doc) -> None:
    v = d.v
    vl = d.vl
    plan = []
    if "(" in v:
        plan += [(_R_SCALE_ZH, "zh"), (_R_SCALE_EN, "en")]
    if "单位" in v:
        plan.append((_R_SCALE_ZH_UNIT, "zh"))
    if " of " in vl and any(w in vl for w in ("millions", "billions", "thousands", "trillions", "100 million")):
        plan.append((_R_SCALE_EN_WORDS, "en"))
    if "unit" in vl and ":" in v:
        plan.append((_R_SCALE_EN_UNIT, "en"))
    for rx, lang in plan:
        for m in rx.finditer(v):
            if m.end() == m.start() or not d.free(*m.span()):
                continue
            g = m.groupdict()
            if lang == "zh":
                spec = _zh_scale_spec(g.get("scale"), g.get("unit"))
            else:
                spec = _en_scale_spec(g.get("cur"), g.get("scale"), g.get("cur2"))
            if spec is None:
                continue
            mult, unit, pp = spec
            d.specs.append((m.start(), m.end(), mult, unit, pp))
            d.claim(m.start(), m.end(), 2)


_R_VAGUE_GATE = re.compile(r"[数几]|[一二两三四五六七八九]{2}")


def _vague(d: _Doc) -> None:
    v = d.v
    if not _R_VAGUE_GATE.search(v):
        return
    for m in _R_VAGUE.finditer(v):
        if not d.free(*m.span()):
            continue
        end = m.end()
        unit = "other"
        u = _R_ZH_UNIT.match(v, end)
        if u:
            end = u.end()
            unit = _unit_from_zh_match(u)[0]
        elif any(c in "万亿" for c in m.group()):
            unit = "CNY"
        raw = _Raw(m.start(), end, None, unit)
        raw.unparsed = True
        raw.notes.append("vague quantity")
        d.add(raw)


def _unit_from_zh_match(u: re.Match) -> tuple[str, Decimal, bool, str | None]:
    """(unit, factor, points_change, measure) for a match of _R_ZH_UNIT."""
    g = u.lastgroup
    if g == "pp":
        return "pct", Decimal("0.01"), True, None
    if g == "bp":
        return "pct", Decimal("0.0001"), True, None
    if g == "pct":
        return "pct", (Decimal("0.001") if u.group("pct") == "‰" else Decimal("0.01")), False, None
    if g == "cur":
        return L.ZH_CURRENCY_SUFFIX[u.group("cur")], _ONE, False, None
    if g == "shares":
        return "shares", _ONE, False, None
    if g == "points":
        return "points", _ONE, False, None
    if g == "ratio":
        return "ratio", _ONE, False, None
    if g == "cheng":
        return "pct", Decimal("0.1"), False, None
    if g == "stars":
        return "stars", _ONE, False, None
    return "count", _ONE, False, u.group("measure")


def _early_words(d: _Doc) -> None:
    """Fixed expressions read before idioms are masked (三分之一流入, 翻了一番)."""
    v = d.v
    if "分之" not in v and "翻" not in v:
        return
    for m in _R_PCT_ZH.finditer(v):
        if not d.free(*m.span()):
            continue
        body = m.group(3)
        if body[0].isdigit():
            val, prec = _dec(body), _TEN ** (-_decimals(body))
        else:
            got = parse_zh(body)
            if got is None:
                continue
            val, prec = got
        div = {"百分之": Decimal(100), "千分之": Decimal(1000), "万分之": Decimal(10000)}[m.group(2)]
        if m.group(1):
            val = -val
        d.add(_Raw(m.start(), m.end(), val / div, "pct", prec / div))
    for m in _R_FRAC_ZH.finditer(v):
        if not d.free(*m.span()):
            continue
        den, num = _zh_small(m.group(1)), m.group(2)
        nv = _dec(num) if num[0].isdigit() else (parse_zh(num) or (None,))[0]
        if not den or nv is None:
            continue
        d.add(_Raw(m.start(), m.end(), nv / den, "ratio", None))
    for m in _R_DOUBLE_ZH.finditer(v):
        if d.free(*m.span()):
            k = {"一": 1, "两": 2, "二": 2, "三": 3}.get(m.group(1) or "一", 1)
            raw = _Raw(m.start(), m.end(), Decimal(2**k), "ratio", None)
            d.add(raw)


def _words(d: _Doc) -> None:
    v = d.v
    vl = d.vl
    for m in (_R_HALF_ZH.finditer(v) if "半" in v else ()):
        if d.free(*m.span()):
            d.add(_Raw(m.start(), m.end(), Decimal("0.5"), "ratio", None))
    gate = any(w in vl for w in ("doubl", "tripl", "quadrupl", "halv", "twice"))
    for m in (_scan(_R_DOUBLE_EN, vl, _WORD_CHARS) if gate else ()):
        if d.free(*m.span()):
            if m.group(1) in ("double", "triple") and not (
                _R_DOUBLE_OK.search(vl, max(0, m.start() - 14), m.start())
                or vl.startswith((" the ", " that ", " its ", " their "), m.end())
            ):
                continue  # double-digit, double down ...
            d.add(_Raw(m.start(), m.end(), Decimal(_DOUBLE_VALUES[m.group(1)]), "ratio", None))
    gate = any(w in vl for w in ("half", "third", "quarter", "fifth", "tenth"))
    wins = _anchor_windows(vl, _R_FRAC_DEN, 7, 2) if gate else []
    for m in _iter_windows(_R_FRAC_EN, vl, wins, _WORD_CHARS):
        if not d.free(*m.span()):
            continue
        after = v[m.end(): m.end() + 4].lower()
        before = v[max(0, m.start() - 30): m.start()]
        if m.group(4):  # half
            if not (after.startswith(" of") or _R_HALF_OK_BEFORE.search(before)):
                continue
            if re.search(r"(?:first|second|latter|former)\s+$", before, re.I) or (
                re.search(r"(?:the|a|one and a)\s+$", before, re.I) and not after.startswith(" of")
            ):
                continue
            val = Decimal("0.5")
        else:
            numw, sep, denw = m.group(1).lower(), m.group(2), m.group(3).lower()
            if not (sep == "-" or after.startswith(" of") or _R_HALF_OK_BEFORE.search(before)):
                continue
            if numw == "a" and not after.startswith(" of"):
                continue
            val = Decimal(_FRAC_NUM[numw]) / _FRAC_DEN[denw]
        raw = _Raw(m.start(), m.end(), val, "ratio", None)
        raw.lang = "en"
        d.add(raw)


def _ratios(d: _Doc) -> None:
    v = d.v
    for m in (_iter_windows(_R_RATIO, v, _anchor_windows(v, _R_COLON, 14, 14), "0123456789.:") if ":" in v else ()):
        if not d.free(*m.span()):
            continue
        a_s, b_s = m.group(1), m.group(2)
        den = _dec(b_s)
        if den == 0:
            continue
        prec = _TEN ** (-_decimals(a_s)) if den == 1 else None
        d.add(_Raw(m.start(), m.end(), _dec(a_s) / den, "ratio", prec))
    for m in (_scan(_R_SLASH, v, "0123456789./") if "/" in v else ()):
        if d.free(*m.span()) and int(m.group(1)) < int(m.group(2)):
            d.add(_Raw(m.start(), m.end(), Decimal(int(m.group(1))) / int(m.group(2)), "ratio", None))


def _glued_name(v: str, a: int) -> tuple[bool, str | None]:
    """Is the number at ``a`` glued to a word on its left? Returns (is_name, currency)."""
    if a == 0:
        return False, None
    c = v[a - 1]
    if c.isascii() and c.isalpha():
        k = a - 1
        while k > 0 and v[k - 1].isascii() and v[k - 1].isalpha():
            k -= 1
        word = v[k:a]
        if word in _CUR_CODES:
            return False, L.CURRENCY_PREFIX.get(word, "other")
        if word in ("FY", "CY"):
            return False, None  # FY2025: a (fiscal) year
        return True, None
    return False, None


def _numbers(d: _Doc) -> None:
    v = d.v
    n = len(v)
    for m in _R_NUM.finditer(v):
        a, b = m.start("num"), m.end("num")
        if a > 0 and v[a - 1] in _DIGIT_CHARS:
            continue
        sign = v[a - 1] if a > 0 and v[a - 1] in "+-±" else None
        sa = a - 1 if sign else a
        if sign:
            prev = v[sa - 1] if sa > 0 else " "
            if prev.isalnum() and not _is_cjk(prev) or prev in ")]%":
                sign, sa = None, a
        if not d.free(a, b):
            continue
        if sign and not d.free(sa, a):
            sign, sa = None, a
        if m.group("junk"):
            if d.free(a, m.end()):
                raw = _Raw(sa, m.end(), None, "other")
                raw.unparsed = True
                raw.notes.append("malformed number")
                d.add(raw)
            continue
        num = m.group("num")
        is_name, cur = _glued_name(v, sa)
        if is_name:
            d.claim(a, b, 2)
            continue
        # glued suffix letters: scales, x, pp, ordinals or a name
        if b < n and v[b].isascii() and v[b].isalpha():
            if not (_R_EN_SCALE_GLUED.match(v, b) or _R_GLUED_SUFFIX.match(v, b)
                    or _R_EN_SCALE_WORD.match(v, b) or _R_EN_UNIT.match(v, b)):
                d.claim(a, b, 2)  # A500-like names, 3rd, 5G, ETFs2 ...
                continue
        _read_number(d, sa, a, b, num, sign, cur)


def _read_number(d: _Doc, sa: int, a: int, b: int, num: str, sign: str | None, cur: str | None) -> None:
    v = d.v
    value = _dec(num)
    if sign == "-":
        value = -value
    decimals = _decimals(num)
    start, pos = sa, b
    scale = _ONE
    has_scale = False
    approx = None
    unit: str | None = None
    factor = _ONE
    points_change = False
    measure = None
    lang = _lang_at(v, a)
    # currency on the left (RMB 1.2 billion, $5bn, 人民币100亿元)
    if cur is None:
        prev = v[sa - 1: sa].strip(" \t") or v[sa - 2: sa - 1]
        cm = _R_CUR_BEFORE.search(v, max(0, sa - 6), sa) if prev and prev in _CUR_LAST_CHARS else None
        if cm and d.free(cm.start("cur"), cm.end()):
            cur = L.CURRENCY_PREFIX[cm.group("cur")]
            start = cm.start("cur")
            if cm.group("neg") and not sign and (cm.start() == 0 or not v[cm.start() - 1].isalnum()):
                start = cm.start()
                value = -value
    else:
        k = sa
        while k > 0 and v[k - 1].isascii() and v[k - 1].isalpha():
            k -= 1
        start = k
    # scale: Chinese then English
    nxt = v[pos: pos + 2].lstrip(" \t-")[:1]
    zm = _R_ZH_SCALE_AFTER.match(v, pos) if nxt and nxt in "多余万亿兆千百十" else None
    if zm and d.free(zm.start("scale"), zm.end()):
        scale = L.ZH_SCALES[zm.group("scale")]
        has_scale = True
        if zm.group("approx"):
            approx = "over"
        pos = zm.end()
        if zm.group("scale") in ("兆", "万亿", "亿", "万"):
            ch = _R_ZH_CHAIN.match(v, pos)
            if ch and L.ZH_SCALES[ch.group("scale")] < scale and d.free(ch.start(), ch.end()):
                base = value * scale
                extra = _dec(ch.group("num")) * L.ZH_SCALES[ch.group("scale")]
                value = (base + (extra if value >= 0 else -extra))
                scale = L.ZH_SCALES[ch.group("scale")]
                decimals = _decimals(ch.group("num"))
                value = value / scale
                pos = ch.end()
    elif nxt and nxt in _LETTER_CHARS:
        em = _R_EN_SCALE_WORD.match(v, pos) or _R_EN_SCALE_GLUED.match(v, pos)
        if em:
            scale = L.EN_SCALES[em.group("w").lower()]
            has_scale = True
            pos = em.end()
    # unit
    eu = None
    zu = _R_ZH_UNIT.match(v, pos)
    if zu and zu.end() > pos and d.free(pos, zu.end()):
        unit, factor, points_change, measure = _unit_from_zh_match(zu)
        if zu.lastgroup == "measure" and zu.group("approx"):
            approx = "over"
        if unit == "count" and measure in ("年",) and not has_scale and decimals == 0 and 1900 <= abs(value) <= 2100:
            unit = None  # a year written "2025年" is found by the date pass; a stray one is left bare
        else:
            pos = zu.end()
    else:
        eu = _R_EN_UNIT.match(v, pos)
        if eu and d.free(pos, eu.end()):
            g = eu.lastgroup
            pos = eu.end()
            if g == "pp":
                unit, factor, points_change = "pct", Decimal("0.01"), True
            elif g == "bp":
                unit, factor, points_change = "pct", Decimal("0.0001"), True
            elif g == "pct":
                unit, factor = "pct", Decimal("0.01")
            elif g == "cur":
                unit = L.en_currency_unit(eu.group("cur"))
            elif g == "shares":
                unit = "shares"
            elif g == "points":
                unit = "points"
            elif g == "ratio":
                unit = "ratio"
            elif g == "stars":
                unit = "stars"
        else:
            hm = _R_EN_HYPHEN.match(v, pos)
            gm = _R_GLUED_SUFFIX.match(v, pos)
            if hm:
                w = hm.group("w").lower()
                if w in ("odd", "plus"):
                    pass
                else:
                    pos = hm.end()
                    unit = {"point": "points", "fold": "ratio", "times": "ratio", "star": "stars"}.get(w, "count")
                    measure = w
            elif gm:
                pos = gm.end()
                g = gm.lastgroup
                if g == "x":
                    unit = "ratio"
                elif g == "pp":
                    unit, factor, points_change = "pct", Decimal("0.01"), True
                elif g == "bp":
                    unit, factor, points_change = "pct", Decimal("0.0001"), True
                else:
                    unit, factor = "pct", Decimal("0.01")
    if cur and (unit is None or (unit == "count" and measure is None) or (unit == "CNY" and zu is not None and zu.group("cur") == "元")):
        unit = cur
    raw = _Raw(start, pos, None, unit or "other")
    raw.lang = lang
    if cur and unit == cur and cur == "other":
        raw.money_other = True
    raw.cur_only = bool(cur) and unit == cur and not has_scale and pos == b
    if unit == "other" and ((zu and zu.lastgroup == "cur") or (eu is not None and eu.lastgroup == "cur")):
        raw.money_other = True
    prec = _TEN ** (-decimals) * scale * factor
    raw.value = value * scale * factor
    raw.mult = scale * factor
    raw.precision = prec
    raw.points_change = points_change
    if approx:
        raw.hedge = approx
    if unit == "count" and measure is not None and measure in L.ZH_TIME_MEASURES | L.EN_TIME_NOUNS | {"day", "week", "month", "year", "quarter", "session", "hour", "minute"}:
        raw.time_count = True
    if unit is None and has_scale and lang == "en" and cur is None:
        noun = _count_noun(v, pos)
        if noun:
            unit = raw.unit = "count"
            raw.time_count = noun in L.EN_TIME_NOUNS
    if unit is None:
        if has_scale:
            raw.scale_only = scale
        else:
            # English count nouns a few words on
            if lang == "en" or not _is_cjk(v[pos] if pos < len(v) else " "):
                noun = _count_noun(v, pos, one=value == 1)
                if noun:
                    raw.unit = "count"
                    raw.time_count = noun in L.EN_TIME_NOUNS
            if raw.unit == "other" and _R_OF_NUMBER.match(v, pos):
                raw.unit = "count"
            if raw.unit == "other":
                raw.bare = True
                if decimals == 0 and not sign and "," not in num and " " not in num:
                    digits = num
                    paren = start > 0 and v[start - 1] == "(" and pos < len(v) and v[pos] == ")"
                    if len(digits) >= 3 and digits[0] == "0":
                        raw.code_like = True  # 0050, 00905, 006208: listed-fund codes
                    elif len(digits) == 4 and 1900 <= int(digits) <= 2100:
                        raw.year_like = True
                    elif len(digits) == 6 or len(digits) >= 9 or (paren and len(digits) in (4, 5)):
                        raw.code_like = True
    if (start > 0 and v[start - 1] == "前") and raw.unit == "other" and not has_scale:
        raw.unit, raw.bare = "count", False
    d.add(raw)


_R_OF_NUMBER = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+|all[ \t]+)?[0-9]")


def _count_noun(v: str, pos: int, one: bool = False) -> str | None:
    """A counted noun among the next few English words ("18 groups", "10 broad-based ETFs")."""
    k = 0
    i = pos
    n = len(v)
    while k < 4 and i < n:
        while i < n and v[i] in " \t":
            i += 1
        m = _R_EN_WORD.match(v, i)
        if not m or m.start() == pos:
            return None
        w = m.group().lower().strip("'")
        for part in (w, w.split("-")[-1]):
            if part in L.EN_COUNT_NOUNS or (one and part in L.EN_COUNT_SINGULAR):
                return part
        if w in ("of", "the", "and", "in", "to", "on", "at", "for", "by", "with", "from", "was", "were", "is", "are"):
            return None
        i = m.end()
        k += 1
    return None


_ZH_HEDGE_CHARS = "超逾近上破过约"


def _zh_numerals(d: _Doc) -> None:
    v = d.v
    for m in _R_ZH_NUM.finditer(v):
        a, b = m.span()
        if not d.free(a, b):
            continue
        if a > 0 and v[a - 1] == "负" and d.free(a - 1, a):
            a -= 1
        run = v[a:b]
        got = parse_zh(run)
        core = run.lstrip("负")
        zu = _R_ZH_UNIT.match(v, b)
        unit_ok = zu is not None and zu.end() > b and d.free(b, zu.end())
        prev = v[a - 1] if a > 0 else ""
        prev2 = v[max(0, a - 2): a]
        hedged = (prev != "" and prev in _ZH_HEDGE_CHARS) or prev2 in ("超过", "突破", "接近", "将近", "逼近", "不到", "约为", "大约")
        places = any(c in "十百千万亿兆拾佰仟廿卅" for c in core)
        digits_only = all(c in ZD for c in core)
        if got is None:
            if places and len(core) >= 2:
                raw = _Raw(a, zu.end() if unit_ok else b, None, _unit_from_zh_match(zu)[0] if unit_ok else "other")
                raw.unparsed = True
                raw.notes.append("unreadable Chinese numeral")
                d.add(raw)
            continue
        value, prec = got
        after = v[b: b + 2]
        if core == "一":
            if not (unit_ok and (zu.lastgroup in ("pp", "bp", "ratio", "cheng"))):
                continue
        elif digits_only and len(core) >= 2:
            continue  # 三一, 二〇二六 without 年: not a number
        elif not places:
            if not (unit_ok or prev == "前"):
                continue
            if unit_ok and zu.lastgroup == "points" and not hedged:
                pass
        else:
            scale_only = all(c in "十百千万亿兆" for c in core)
            if scale_only:
                ok = (core[-1] in "亿兆" and len(core) >= 2) or unit_ok or after.startswith("级") or hedged
                if core == "十" and not unit_ok:
                    ok = prev == "前"
                if not ok:
                    continue
        raw = _Raw(a, b, None, "other")
        raw.lang = "zh"
        factor = _ONE
        end = b
        cm = _R_CUR_BEFORE.search(v, max(0, a - 6), a)
        prefix_cur = None
        if cm and not cm.group("cur").isascii() and d.free(cm.start("cur"), a):
            prefix_cur = L.CURRENCY_PREFIX[cm.group("cur")]
            raw.start = cm.start("cur")
        if unit_ok:
            unit, factor, pc, meas = _unit_from_zh_match(zu)
            raw.unit = unit
            raw.points_change = pc
            end = zu.end()
            if zu.lastgroup == "measure" and zu.group("approx"):
                raw.hedge = "over"
            if unit == "count" and meas in L.ZH_TIME_MEASURES:
                raw.time_count = True
            if prefix_cur and unit == "CNY" and zu.group("cur") == "元":
                raw.unit = prefix_cur
            if raw.unit == "other" and (zu.lastgroup == "cur" or prefix_cur):
                raw.money_other = True
        elif prev == "前":
            raw.unit = "count"
        elif any(c in "万亿兆" for c in core):
            raw.scale_only = Decimal(10) ** 8
            if after.startswith("级"):
                raw.hedge = "over"
        raw.end = end
        raw.value = value * factor
        raw.precision = prec * factor
        d.add(raw)


def _en_numwords(d: _Doc) -> None:
    v = d.v
    if not _R_ASCII_ALPHA.search(v):
        return
    for m in _scan(_R_EN_WORDS, d.vl, _WORD_CHARS):
        a, b = m.span()
        if not d.free(a, b):
            continue
        words = [w for w in re.split(r"[\s-]+", m.group().lower()) if w]
        value = parse_en_words(words)
        if value is None:
            continue
        has_scale = any(w in EN_SCALE_WORDS or w == "hundred" for w in words)
        end = b
        unit = None
        factor = _ONE
        pc = False
        eu = _R_EN_UNIT.match(v, b)
        hm = _R_EN_HYPHEN.match(v, b)
        time_count = False
        if eu:
            g = eu.lastgroup
            end = eu.end()
            unit, factor, pc = {
                "pp": ("pct", Decimal("0.01"), True), "bp": ("pct", Decimal("0.0001"), True),
                "pct": ("pct", Decimal("0.01"), False), "shares": ("shares", _ONE, False),
                "points": ("points", _ONE, False), "ratio": ("ratio", _ONE, False), "stars": ("stars", _ONE, False),
            }.get(g, (None, _ONE, False))
            if g == "cur":
                unit = L.en_currency_unit(eu.group("cur"))
        elif hm and hm.group("w").lower() not in ("odd", "plus"):
            w = hm.group("w").lower()
            end = hm.end()
            unit = {"point": "points", "fold": "ratio", "times": "ratio", "star": "stars"}.get(w, "count")
            time_count = unit == "count"
        else:
            noun = _count_noun(v, b)
            if noun:
                unit = "count"
                time_count = noun in L.EN_TIME_NOUNS
            elif v[b: b + 4].lower() == " of " and value > 1:
                unit = "count"
        cm = _R_CUR_BEFORE.search(v, max(0, a - 6), a)
        start = a
        if cm:
            unit = unit or L.CURRENCY_PREFIX[cm.group("cur")]
            start = cm.start("cur")
        if value == 1 and not has_scale:
            continue
        if unit is None and not has_scale:
            continue
        raw = _Raw(start, end, Decimal(value) * factor, unit or "other", zh_precision(value) * factor)
        raw.lang = "en"
        raw.money_other = unit == "other" and ((eu is not None and eu.lastgroup == "cur") or cm is not None)
        raw.points_change = pc
        raw.time_count = time_count
        if unit is None:
            raw.scale_only = _ONE
        d.add(raw)


# ------------------------------------------------------------------------------------------------
# Context rules
# ------------------------------------------------------------------------------------------------


def _cue_text(text: str) -> str | None:
    """The direction kind of a header or label text (a flow word wins over a level word)."""
    kinds = [("out" if k == "aum_out" else k) for k, _, _ in _cues_in(text)]
    for k in ("in", "out", "flow", "cmp", "level"):
        if k in kinds:
            return k
    return None


def _apply_spec(raw: _Raw, mult: Decimal, unit: str, pp: bool, note: str) -> None:
    raw.value = raw.value * mult
    raw.precision = (raw.precision or _ONE) * mult
    raw.unit = unit
    raw.points_change = pp
    raw.bare = False
    raw.year_like = raw.code_like = False
    raw.notes.append(note)


_R_RANGE_GAP = re.compile(r"[ \t]?(?:-|~|～|至|到|—|–|to)[ \t]?")


def _ranges(d: _Doc) -> None:
    """The low end of a range takes the scale and unit written on the high end ("5-10亿元", "1.5~2%")."""
    v = d.v
    raws = sorted((r for r in d.raws if not r.drop), key=lambda r: r.start)
    for lo, hi in zip(raws, raws[1:]):
        if hi.unit == "date" or lo.value is None or hi.value is None or not _R_RANGE_GAP.fullmatch(v, lo.end, hi.start):
            continue
        if lo.cur_only and (hi.bare or (hi.scale_only is not None and hi.unit == "other")
                            or (hi.unit == lo.unit and hi.mult is not None and hi.mult != _ONE)):
            # "HK$5-6 billion", "RMB 1.2 to 1.5 billion", "US$5-6": the currency is written on the
            # low end, the scale on the high end; each end takes what the other has
            if hi.mult is not None and hi.mult != _ONE:
                lo.value = lo.value * hi.mult
                lo.precision = (lo.precision or _ONE) * hi.mult
                lo.mult = hi.mult
                lo.notes.append("range: scale from the high end")
            hi.unit, hi.money_other = lo.unit, lo.money_other
            hi.bare = hi.year_like = hi.code_like = False
            hi.scale_only = None
            hi.notes.append("range: currency from the low end")
            lo.partner, hi.partner = hi, lo
            continue
        if lo.unit == hi.unit and not lo.bare and not hi.bare:
            lo.partner, hi.partner = hi, lo  # "20%-30%": both written in full
            continue
        if not (lo.bare and hi.mult is not None and not hi.bare):
            continue
        lo.value = lo.value * hi.mult
        lo.precision = (lo.precision or _ONE) * hi.mult
        lo.unit, lo.points_change, lo.money_other = hi.unit, hi.points_change, hi.money_other
        lo.bare = lo.year_like = lo.code_like = False
        lo.scale_only = hi.scale_only
        lo.notes.append("range: unit from the high end")
        lo.partner, hi.partner = hi, lo
        hi.notes.append("range: high end")


def _tables(d: _Doc) -> None:
    """Scale headers: Markdown table columns, a caption above, and plain-text header lines."""
    raws = sorted((r for r in d.raws if not r.drop), key=lambda r: r.start)
    starts = [r.start for r in raws]

    def in_span(a: int, b: int) -> list[_Raw]:
        i = bisect_left(starts, a)
        out = []
        while i < len(raws) and raws[i].start < b:
            out.append(raws[i])
            i += 1
        return out

    used_specs: set[int] = set()
    for t in d.layout.tables:
        default = None
        if t.caption:
            for sp in d.specs:
                if t.caption[0] <= sp[0] < t.caption[1]:
                    default = sp
                    used_specs.add(sp[0])
        cols: dict[int, tuple] = {}
        kinds: dict[int, str] = {}
        cues: dict[int, str | None] = {}
        for cell in t.header:
            htext = d.v[cell.start: cell.end]
            for sp in d.specs:
                if cell.start <= sp[0] < cell.end:
                    cols[cell.col] = sp
                    used_specs.add(sp[0])
            low = htext.lower()
            if re.search(r"代码|code|ticker|symbol", low):
                kinds[cell.col] = "code"
            elif re.search(r"^(?:序号|排名|rank|no\.?|#)$", low.strip()):
                kinds[cell.col] = "rank"
            cues[cell.col] = _cue_text(htext)
        for row in t.rows:
            label = d.v[row[0].start: row[0].end] if row else ""
            row_cue = _cue_text(label)
            for cell in row:
                for r in in_span(cell.start, cell.end):
                    kind = kinds.get(cell.col)
                    if kind in ("code", "rank"):
                        r.drop = True
                        continue
                    r.table = (id(t), cell.col)
                    r.header_cue = cues.get(cell.col)
                    r.row_cue = row_cue if cell.col != 0 else None
                    spec = cols.get(cell.col) or default
                    if spec and (r.bare or r.year_like or r.code_like) and r.value is not None:
                        _apply_spec(r, spec[2], spec[3], spec[4], "scaled by table header")
    # plain-text scale headers
    text = d.v
    for sp in d.specs:
        if sp[0] in used_specs or any(_in_table(d, t, sp[0]) for t in d.layout.tables):
            continue
        a, b, mult, unit, pp = sp
        ls = text.rfind("\n", 0, a) + 1
        le = text.find("\n", b)
        le = len(text) if le < 0 else le
        # a unit written right after a bare number: "-2126（亿元）"
        before = [r for r in in_span(ls, a) if r.end <= a]
        if before and before[-1].bare and not text[before[-1].end: a].strip(" \t:：") and before[-1].value is not None:
            _apply_spec(before[-1], mult, unit, pp, "scaled by unit annotation")
            continue
        header_cue = _cue_text(text[ls:le])
        # the rest of the header line, then the following lines until a blank line
        end = le
        while end < len(text):
            nl = text.find("\n", end + 1)
            nl = len(text) if nl < 0 else nl
            line = text[end + 1: nl]
            if not line.strip() or any(end + 1 <= s2[0] < nl for s2 in d.specs):
                break
            end = nl
        for r in in_span(b, end):
            if not ((r.bare or r.year_like or r.code_like) and r.value is not None):
                continue
            if r.start > le and not _cell_like(text, r.start, r.end):
                continue  # prose under a header line keeps its own reading
            _apply_spec(r, mult, unit, pp, "scaled by table header")
            r.header_cue = header_cue
            r.table = ("plain", a)


_R_CELL_LEFT = re.compile(r"(?:^|\t|  |\|)[ \t]*$")
_R_CELL_RIGHT = re.compile(r"[ \t]*(?:$|\t|  |\|)")


def _cell_like(text: str, a: int, b: int) -> bool:
    """Does a number sit like a table cell (a short line, or set off by tabs, wide gaps or pipes)?"""
    ls = text.rfind("\n", 0, a) + 1
    le = text.find("\n", b)
    le = len(text) if le < 0 else le
    if len(text[ls:le].strip()) <= 40:
        return True
    return bool(_R_CELL_LEFT.search(text, ls, a) and _R_CELL_RIGHT.match(text, b, le))


def _in_table(d: _Doc, t: Table, pos: int) -> bool:
    """Is ``pos`` on one of the table's lines?"""
    ls = d.layout.line_starts
    lo = ls[t.line_start] if t.line_start < len(ls) else d.n
    hi = ls[t.line_end] if t.line_end < len(ls) else d.n
    return lo <= pos < hi


def _finalize_bare(d: _Doc) -> None:
    for r in d.raws:
        if r.drop:
            continue
        if r.year_like and r.hedge == "none":
            r.unit = "date"
            r.date = {"y": int(r.value)}
            r.no_hedge = True
            r.bare = False
        elif r.code_like and r.table is None:
            r.drop = True


_R_BOUNDARY = re.compile(r"[。！？；;!?|\r\n]|\.(?=[ \t\n])")


def _clause_start(d: _Doc, pos: int, limit: int = 200) -> int:
    """Where the sentence (or clause) holding ``pos`` starts, looking back at most ``limit``."""
    v = d.v
    lo = max(0, pos - limit)
    if d.bounds is None:
        d.bounds = [m.start() for m in _R_BOUNDARY.finditer(v)]
    bounds = d.bounds
    i = bisect_left(bounds, pos) - 1
    while i >= 0 and bounds[i] >= lo:
        b = bounds[i]
        i -= 1
        c = v[b]
        if c == ".":
            k = b
            while k > lo and v[k - 1].isalpha():
                k -= 1
            word = v[k:b]
            if word.lower() in _ABBREV or (word.isupper() and 0 < len(word) <= 3):
                continue
            return b + 1
        if c in "\r\n":
            head = v[b + 1: pos].strip()
            if head.strip("*>-+:：•·") == "" or head in L.ZH_HEDGE_PRE or head.lower() in L.EN_HEDGE_PRE:
                # the number opens its line: read the previous non-blank line too
                k = b
                while k > 0 and v[k - 1] in " \t\r\n":
                    k -= 1
                if k == 0 or v[k - 1] in "。！？；;!?.":
                    return b + 1
                j = v.rfind("\n", 0, k)
                return max(lo, j + 1)
            return b + 1
        return b + 1
    return lo


def _last_cue(window: str) -> str | None:
    """The kind of the last direction cue in a short text."""
    return _last_cue_at(window)[0]


def _last_cue_at(window: str) -> tuple[str | None, int]:
    """The kind of the last cue in ``window`` and where it ends."""
    best_pos, best_kind = -1, None
    for kind, a, b in _cues_in(window):
        if b >= best_pos:
            best_pos, best_kind = b, kind
    return best_kind, best_pos


def _cues_in(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of the direction cues in a short text."""
    out = [(_CUE_KIND[m.group()], m.start(), m.end()) for m in _R_CUE_ZH.finditer(text)]
    low = text.translate(_ASCII_LOWER)
    out += [(_CUE_KIND[m.group()], m.start(), m.end()) for m in _scan(_R_CUE_EN, low, _LETTER_CHARS)]
    for rx, t in ((_R_CUE_PAT_ZH, text), (_R_CUE_PAT_EN, low)):
        out += [(m.lastgroup or "", m.start(), m.end()) for m in rx.finditer(t)]
    return out


_R_TO_LEVEL = re.compile(r"[元份%]\s?(?:至|到)\s?$")
_R_CLAUSE_END = re.compile(r"[，,。；;!?！？\n]|\.(?:\s|$)")


def _forward_cue(d: _Doc, r: _Raw, following: list[_Raw]) -> str | None:
    """A flow cue just after the amount, or after the list of amounts it opens.

    "38.84亿元、32.56亿元、30.31亿元位列资金流入前三": all three are inflows; "2000多亿元资金、…
    30亿元的净申购": only the last item is.
    """
    v = d.v
    pos = r.end
    for nxt in following:
        gap = v[pos: nxt.start]
        if nxt.unit != r.unit or not _R_LIST_GAP.match(gap):
            break
        pos = nxt.end
    m = _R_CLAUSE_END.search(v, pos, min(len(v), pos + 16))
    hi = m.start() if m else min(len(v), pos + 16)
    seg = v[pos:hi]
    found = sorted(_cues_in(seg), key=lambda c: c[1])
    kind = found[0][0] if found else None
    kind = "out" if kind == "aum_out" else kind
    return kind if kind in ("in", "out") else None


_R_LIST_GAP = re.compile(r"^[ \t]*(?:[、,，]|和|与|及|以及|and|,\s*and)[ \t]*$")


def _all_cues(v: str, vl: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Every direction cue in the text once, sorted by end: (ends, [(start, end, kind)])."""
    cues: list[tuple[int, int, str]] = []
    if _R_CJK.search(v):
        cues.extend((m.start(), m.end(), _CUE_KIND[m.group()]) for m in _R_CUE_ZH.finditer(v))
        if "份额" in v or "规模" in v:
            cues.extend((m.start(), m.end(), m.lastgroup or "") for m in _R_CUE_PAT_ZH.finditer(v))
    if _R_ASCII_ALPHA.search(v):
        cues.extend((m.start(), m.end(), _CUE_KIND[m.group()]) for m in _scan(_R_CUE_EN, vl, _LETTER_CHARS))
        if "units" in vl or "shares" in vl or "added" in vl:
            cues.extend((m.start(), m.end(), m.lastgroup or "") for m in _R_CUE_PAT_EN.finditer(vl))
    cues.sort(key=lambda c: (c[1], c[0]))
    return [c[1] for c in cues], cues


def _cue_before(ends: list[int], cues: list[tuple[int, int, str]], lo: int, hi: int) -> tuple[str | None, int]:
    """The last cue lying inside [lo, hi) and where it ends."""
    i = bisect_right(ends, hi) - 1
    while i >= 0 and cues[i][1] > lo:
        if cues[i][0] >= lo:
            return cues[i][2], cues[i][1]
        i -= 1
    return None, -1


def _directions(d: _Doc) -> None:
    v = d.v
    ends, cues = _all_cues(v, d.vl)
    ordered = sorted((r for r in d.raws if not r.drop), key=lambda r: r.start)
    following = {id(r): ordered[i + 1: i + 8] for i, r in enumerate(ordered)}
    for r in d.raws:
        if r.drop or r.value is None or isinstance(r.value, str):
            continue
        if r.unit not in _FLOW_UNITS and not (r.unit == "other" and r.money_other):
            continue
        kind = None
        if r.table is not None:
            cell_lo = v.rfind("|", 0, r.start) + 1 if r.table[0] != "plain" else r.start
            kind = _cue_before(ends, cues, cell_lo, r.start)[0] if cell_lo < r.start else None
            if kind is None:
                kind = r.header_cue if r.header_cue not in (None, "level", "cmp") or r.row_cue is None else r.row_cue
                if kind in (None, "level", "cmp") and r.row_cue in ("in", "out", "flow"):
                    kind = r.row_cue
        else:
            ws = _clause_start(d, r.start)
            kind, cue_end = _cue_before(ends, cues, ws, r.start)
            if kind in ("level", "cmp") and _R_COMMA.search(v, cue_end, r.start):
                kind = None  # a level word in an earlier clause: it neither applies nor lets older cues through
            after = v[r.end: r.end + 40]
            pm = _R_POST_CUE_ZH.match(after) or _R_POST_CUE_EN.match(after)
            if pm:
                # "170亿美元的净流出", "$2.8 billion in outflows": the words written right after win
                kind = _last_cue(pm.group()) or kind
            if r.unit == "shares" and kind in (None, "level"):
                sm = _R_SHARES_CHANGE_BEFORE.search(v, max(0, r.start - 8), r.start)
                if sm:  # units outstanding "累计减少21.47亿份"
                    kind = _R_SHARES_CHANGE.search(sm.group()).lastgroup
            if kind is None:
                kind = _forward_cue(d, r, following.get(id(r), []))
            if kind in ("in", "out", "aum_out", "flow") and r.lang == "en" and _R_CMP_AFTER_EN.match(v[r.end: r.end + 60]):
                kind = "cmp"
        if kind == "aum_out":
            # a fall in size presented as an outflow, but "…减少593亿元至13666亿元" ends on the new size
            kind = "level" if _R_TO_LEVEL.search(v, max(0, r.start - 8), r.start) else "out"
        # a printed minus sign in a flow context is an outflow whatever the word says
        # ("净流入-12.6亿元", "净流出居前的为A（-47.5亿元）"); otherwise the word decides
        if kind in ("in", "out", "flow") and r.value < 0:
            r.direction = "outflow"
        elif kind == "in" or (kind == "flow" and r.value > 0):
            r.direction = "inflow"
        elif kind == "out":
            r.direction = "outflow"


def _units_from_context(d: _Doc) -> None:
    v = d.v
    for r in d.raws:
        if r.drop or r.scale_only is None or r.unit != "other":
            continue
        ws = _clause_start(d, r.start, 80)
        window = v[ws: r.start]
        if r.lang == "zh":
            last_topic = None
            for m in _R_TOPIC_ZH.finditer(window):
                last_topic = m.group()
            if last_topic == "份额":
                r.unit = "shares"
            elif r.scale_only >= Decimal(10) ** 8 or _R_MONEY_CTX_ZH.search(window) or _R_MONEY_CTX_ZH.search(v[r.end:r.end + 6]):
                r.unit = "CNY"
        else:
            if _R_UNITS_WORD.search(window) and not _R_CUR_WORD_EN.search(v, r.start, r.end + 12):
                r.unit = "shares"
                r.notes.append("unit implied by context")
                continue
            lo = ws
            hi = v.find(".", r.end)
            hi = min(len(v), r.end + 120) if hi < 0 else hi
            cur = None
            best = None
            for m in _R_CUR_WORD_EN.finditer(v, lo, hi):
                dist = abs(m.start() - r.start)
                if best is None or dist < best:
                    best = dist
                    cur = m.group()
            if cur:
                c = cur.lower()
                r.unit = "USD" if ("$" in c or "dollar" in c or c == "usd") and not c.startswith("hk") else ("HKD" if c.startswith("hk") else "CNY")
            elif _R_MONEY_CTX_EN.search(window):
                r.unit = "CNY"
        if r.unit != "other":
            r.notes.append("unit implied by context")


_R_LEVEL_BEFORE_EN = re.compile(r"(?:\b(?:at|to|of|from|near|above|below|around)\s+)$", re.I)
_R_LEVEL_BEFORE_ZH = re.compile(r"(?:报|收于|收报|收在|收至|至|站上|跌破|突破|失守|逼近)\s?$")
_R_INDEX_WORD = re.compile(r"index|指数|综指|成指|上证|深证|沪深300|恒生|Hang Seng|Composite|CSI\s?300|Nasdaq|S&P", re.I)


_R_COUNT_OF = re.compile(r"\s+of\s+(?:them|those|these|which)\b", re.I)


def _index_levels(d: _Doc) -> None:
    """A bare level written after 'at' / '报' in a sentence about an index is in index points;
    "125 of them" is a count."""
    v = d.v
    for r in d.raws:
        if r.drop or r.unit != "other" or not r.bare or not isinstance(r.value, Decimal):
            continue
        if r.value == r.value.to_integral_value() and _R_COUNT_OF.match(v, r.end):
            r.unit = "count"
            continue
        if not (Decimal(100) <= r.value <= Decimal(100000)):
            continue
        before = v[max(0, r.start - 12): r.start]
        if not (_R_LEVEL_BEFORE_EN.search(before) or _R_LEVEL_BEFORE_ZH.search(before)):
            continue
        ws = _clause_start(d, r.start, 160)
        if _R_INDEX_WORD.search(v, ws, r.start):
            r.unit = "points"
            r.notes.append("index level implied by context")


_R_ZH_HEDGE_OF = re.compile(r"(约为|约是|约占|约相当于|约合|大约为|超过|接近|不到|不足)[^，。；,;]{1,16}的\s?(?:\*\*|__)?\s?$")
_R_OVER_MORE = re.compile(r"(?:in|for|of|after|than|took|take|taking|lasted)\s+over\s*$", re.I)
_R_POINT_HEDGE = re.compile(r"(跌破|突破|失守|站上|站稳|逼近|冲破|接近)[\u4e00-\u9fff]{1,6}$")


def _hedges(d: _Doc) -> None:
    v = d.v
    n = len(v)
    rv, rvl = v[::-1], d.vl[::-1]
    for r in d.raws:
        if r.drop or r.no_hedge or r.unparsed:
            continue
        if r.hedge == "none":
            before = v[max(0, r.start - 16): r.start]
            at = n - r.start
            hz = _R_ZH_HEDGE_PRE_REV.match(rv, at)
            he = _R_EN_HEDGE_PRE_REV.match(rvl, at)
            word = None
            if hz:
                word = hz.group("w")[::-1]
                h = L.ZH_HEDGE_PRE.get(word)
                first = v[r.start] if r.start < len(v) else ""
                if word in ("上", "过") and first not in "百千万亿半":
                    h = None
                if word == "近" and r.start - len(word) - 1 >= 0 and v[r.start - 2] in "最临附靠":
                    h = None
                if word == "近" and r.time_count:
                    h = None
                if word == "破" and r.start >= 2 and v[r.start - 2] in "打击":
                    h = None
                if word == "~" and r.partner is not None and r.partner.end <= r.start:
                    h = None  # "1.5~2%": a range, not "about 2%"
                if h:
                    r.hedge = h
            if r.hedge == "none" and he:
                w = he.group("w")[::-1]
                h = L.EN_HEDGE_PRE.get(w)
                if w in ("over",) and r.time_count and not _R_OVER_MORE.search(before):
                    h = None  # "over seven days" is a span of time; "in over two years" is not
                if w == "~" and r.partner is not None and r.partner.end <= r.start:
                    h = None
                if h:
                    r.hedge = h
            if r.hedge == "none":
                hd = _R_ZH_HEDGE_OF.search(v, max(0, r.start - 24), r.start)
                if hd:
                    r.hedge = L.ZH_HEDGE_PRE.get(hd.group(1), "none")
            if r.hedge == "none" and r.unit == "points":
                hp = _R_POINT_HEDGE.search(v, max(0, r.start - 12), r.start)
                if hp:
                    r.hedge = L.ZH_HEDGE_PRE.get(hp.group(1), "none")
        if r.hedge == "none":
            after = v[r.end: r.end + 12]
            pz = _R_ZH_HEDGE_POST.match(after)
            if pz:
                w = pz.group().strip(" \t*")
                if not (w in ("多", "余") and r.unit in ("CNY", "USD", "HKD", "pct", "date")):
                    r.hedge = L.ZH_HEDGE_POST.get(w, "none")
            else:
                pe = _R_EN_HEDGE_POST.match(after)
                if pe:
                    r.hedge = _EN_POST_HEDGE.get(pe.group().strip().lower(), "none")


def _propagate(d: _Doc) -> None:
    """Hedges that govern a list, and conversions written in brackets after an amount."""
    v = d.v
    raws = sorted((r for r in d.raws if not r.drop), key=lambda r: r.start)
    for i, r in enumerate(raws[:-1]):
        nxt = raws[i + 1]
        gap = v[r.end: nxt.start]
        # conversions: "CNY700 billion (USD100.8 billion)"
        if r.unit in _MONEY and nxt.unit in _MONEY and nxt.unit != r.unit and _R_CONVERSION_GAP.fullmatch(gap):
            if nxt.hedge == "none":
                nxt.hedge = r.hedge
            if nxt.direction == "none":
                nxt.direction = r.direction
    # both ends of a range share a hedge ("约5至10亿元", "20%-30%左右") and a direction
    # ("RMB 1.2 to 1.5 billion of outflows")
    for r in raws:
        p = r.partner
        if p is not None and r.hedge != "none" and p.hedge == "none":
            p.hedge = r.hedge
        if p is not None and r.direction != "none" and p.direction == "none" and r.unit == p.unit:
            p.direction = r.direction
    # list hedges
    for i, r in enumerate(raws):
        if r.hedge == "none" or r.no_hedge:
            continue
        ss = _clause_start(d, r.start, 200)
        em = _R_SENTENCE_END.search(v, r.end)
        se = em.start() if em else len(v)
        if not _R_RESPECTIVE.search(v, ss, min(len(v), se + 1)):
            continue
        j = i + 1
        while j < len(raws) and raws[j].start < se:
            nx = raws[j]
            prev = raws[j - 1]
            gap = v[prev.end: nx.start]
            if nx.unit != r.unit or nx.hedge != "none" or any(c in gap for c in "。；;!?") or len(gap) > 40:
                break
            if "，" in gap or ("," in gap and len(gap.strip(" ,")) > 5):
                break  # a new clause: the hedge stays with its own figure
            if not (_R_LIST_JOIN.match(gap) or _R_LIST_WORD.search(gap)):
                break
            nx.hedge = r.hedge
            j += 1


_R_REF_GAP = re.compile(r"(?:[ \t]*(?:以上|左右|多|余|以下|以内|上下|\*\*|\*|__|_))*[ \t]*")


def _bind_refs(d: _Doc) -> None:
    if not d.footrefs:
        return
    s = d.s
    for r in d.raws:
        m = _R_REF_GAP.match(s, r.end)
        k = m.end() if m else r.end
        if k in d.footrefs:
            r.fact_ref = d.footrefs[k][1]


_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?:\s|$)")


def _resolve_dates(d: _Doc, ref_date: dt.date | None) -> None:
    """Fill in implied years and months from the nearest preceding date.

    A date with a month (2026年1月12日, Jan. 28) sets the year for what follows; a bare year
    ("2025年全年", "launched in 2012") only within its own sentence, so a passing mention of
    another year does not move the dates after it.
    """
    ctx_y: int | None = None
    ctx_m: int | None = None
    ctx_d: int | None = None
    loose_y: int | None = None  # from a bare year: valid until the end of its sentence
    loose_end = -1
    for r in sorted((r for r in d.raws if not r.drop and r.unit == "date"), key=lambda r: r.start):
        p = r.date or {}
        y, m, day, q, t = p.get("y"), p.get("m"), p.get("d"), p.get("q"), p.get("t")
        pos = p.get("pos")
        if p.get("time_only"):
            y, m, day = ctx_y, ctx_m, ctx_d
            if day is None and ref_date is not None:
                y, m, day = ref_date.year, ref_date.month, ref_date.day
        src = None
        frm, to = p.get("from"), p.get("to")
        if y is None and frm is not None and frm.date.get("ry") is not None:
            # the second end of a range: the first end's year, or the next one across the year end
            y = frm.date["ry"] + _crosses(frm.date, p)
        elif y is None:
            if loose_y is not None and r.start < loose_end:
                y = loose_y
            elif ctx_y is not None:
                y, src = ctx_y, "ctx"
            elif ref_date is not None:
                y, src = ref_date.year, "ref"
                # an article refers back: a month more than a month after the reference date is last year's
                mm = m if m is not None else ctx_m
                if mm is not None and q is None and (mm - ref_date.month) * 31 + ((day or 1) - ref_date.day) > 31:
                    y -= 1
            else:
                y = loose_y
            if y is not None and p.get("rel"):
                y += p["rel"]
            if src and to is not None and to.date.get("y") is None and _crosses(p, to.date):
                # "12.29-1.2" across the year end: the range lies nearest the date the text is at
                anchor = _anchor_date(ctx_y, ctx_m, ctx_d) if src == "ctx" else ref_date
                y = _range_year(anchor, m, day, to.date) if anchor else y
        elif p.get("rel"):
            y += p["rel"]
        if p.get("y") is not None and frm is not None and frm.date.get("y") is None:
            # "12月29日至2026年1月2日": the first end takes its year from the second
            _set_year(frm, y - _crosses(frm.date, p))
        p["ry"] = y
        if m is None and day is not None:
            m = ctx_m if ctx_m is not None else (ref_date.month if ref_date else None)
        ys = f"{y:04d}" if y is not None else "-"
        if y is None:
            r.notes.append("year unknown")
        if q is not None:
            value = f"{ys}-Q{q}"
        elif pos in ("年初",):
            value = f"{ys}-01"
        elif pos in ("年中",):
            value = f"{ys}-06"
        elif pos in ("年底", "年末"):
            value = f"{ys}-12-31" if y is not None else f"{ys}-12"
        elif m is None:
            if day is not None:
                value = f"---{day:02d}"  # a day with no month anywhere before it
                r.notes.append("month unknown")
            else:
                value = ys if y is not None else None
        elif day is None:
            if pos in ("底", "末") and y is not None:
                last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
                value = f"{ys}-{m:02d}-{last:02d}"
            else:
                value = f"{ys}-{m:02d}"
        else:
            try:
                if y is not None:
                    dt.date(y, m, day)
            except ValueError:
                r.unparsed = True
                r.notes.append("no such date")
                value = None
            else:
                value = f"{ys}-{m:02d}-{day:02d}"
                if t is not None:
                    value += f"T{t[0]:02d}:{t[1]:02d}"
        if value is None and not r.unparsed:
            r.unparsed = True
            r.notes.append("incomplete date")
        r.value = value
        r.precision = None
        if p.get("y") is not None and m is None and day is None and q is None and pos is None:
            loose_y = y  # a bare year
            nxt = _SENTENCE_END.search(d.text, r.end)
            loose_end = nxt.start() if nxt else d.n
        elif p.get("y") is not None or (y is not None and not p.get("time_only")):
            ctx_y = y
        if m is not None:
            ctx_m = m
            ctx_d = day


def _crosses(pa: dict, pb: dict) -> int:
    """1 when the second end of a range falls before the first in the calendar (12.29-1.2)."""
    ma, da = pa.get("m"), pa.get("d")
    mb = pb.get("m") if pb.get("m") is not None else ma
    db = pb.get("d")
    if ma is None or mb is None or da is None or db is None:
        return 0
    return 1 if (mb, db) < (ma, da) else 0


def _anchor_date(y: int | None, m: int | None, day: int | None) -> dt.date | None:
    if y is None or m is None:
        return None
    try:
        return dt.date(y, m, day or 1)
    except ValueError:
        return None


def _range_year(anchor: dt.date, m: int, day: int, to: dict) -> int:
    """The year of the first end of a range across the year end that lies nearest ``anchor``."""
    best: tuple[int, int] | None = None
    for c in (anchor.year - 1, anchor.year):
        try:
            lo, hi = dt.date(c, m, day), dt.date(c + 1, to["m"], to["d"])
        except (ValueError, TypeError, KeyError):
            return anchor.year
        dist = 0 if lo <= anchor <= hi else min(abs((anchor - lo).days), abs((anchor - hi).days))
        if best is None or dist < best[0]:
            best = (dist, c)
    return best[1] if best else anchor.year


def _set_year(r: _Raw, y: int) -> None:
    """Rewrite the year of an already resolved full date."""
    p = r.date or {}
    p["ry"] = y
    if isinstance(r.value, str) and p.get("m") is not None and p.get("d") is not None:
        rest = r.value[2:] if r.value.startswith("-") else r.value[5:]
        r.value = f"{y:04d}-{rest}"
        if "year unknown" in r.notes:
            r.notes.remove("year unknown")


# ------------------------------------------------------------------------------------------------
# Public API
# ------------------------------------------------------------------------------------------------


# a verb of rising or falling right before a percentage (only a hedge between): "下跌0.6%", "涨幅约1.5%",
# "fell 0.6%", "up by about 1.2%". "下降至" / "fell to" name a level, not a move, and stay unmarked.
_R_CHANGE_ZH = re.compile(
    r"(?:(?P<up>上涨|大涨|收涨|涨幅|上升|攀升|回升|反弹|走高|增长|增加|提高|提升|上调|上行|涨)"
    r"|(?P<down>下跌|大跌|收跌|(?<!涨)跌幅|下降|回落|走低|下滑|下行|降低|减少|下调|跌|降))"
    r"(?:了|达|为)?[ \t]?(?:约|近|超|逾|超过|不到|接近|大约)?[ \t]?$"
)
_R_CHANGE_EN = re.compile(
    r"\b(?:(?P<up>rose|rise[sn]?|rising|gained|gains?|gaining|climbed|climbs?|jumped|jumps?|advanced|advances?|added"
    r"|increased|increases?|surged|surges?|soared|rallied|up)"
    r"|(?P<down>fell|falls?|falling|fallen|dropped|drops?|dropping|declined|declines?|declining|lost|loses?|slid|slides?"
    r"|slipped|slips?|decreased|decreases?|sank|sinks?|tumbled|tumbles?|plunged|plunges?|retreated|down))"
    r"(?:[ \t]+by)?(?:[ \t]+(?:about|around|nearly|almost|roughly|some|more than|over|less than|just over|just under))?[ \t]+$",
    re.I,
)
_SIGN_CHARS = frozenset("+-−＋－")


def _changes(d: _Doc) -> None:
    """Mark a percentage (or points) that a rising or falling verb right before it describes as a move."""
    v = d.v
    for r in d.raws:
        if r.drop or r.unit != "pct" or not isinstance(r.value, Decimal) or r.value < 0 or v[r.start] in _SIGN_CHARS:
            continue
        before = v[max(0, r.start - 24):r.start]
        m = (_R_CHANGE_ZH if r.lang == "zh" else _R_CHANGE_EN).search(before)
        if m is None and r.lang == "zh":
            m = _R_CHANGE_EN.search(before)
        if m is not None:
            r.change = "up" if m.group("up") else "down"


def extract(text: str, *, ref_date: dt.date | str | None = None) -> list[Mention]:
    """Every numeric claim in ``text``, sorted by start offset.

    Offsets are code points into ``text`` as given (``text[m.start:m.end] == m.text``); ``line`` is
    1-based. ``ref_date`` supplies the year (and month) of dates written without one when no
    earlier date in the text does.
    """
    if not text:
        return []
    if isinstance(ref_date, str):
        ref_date = dt.date.fromisoformat(ref_date)
    d = _Doc(text)
    _early_words(d)
    _content_masks(d)
    _dates(d)
    _stars(d)
    _scale_specs(d)
    _vague(d)
    _words(d)
    _ratios(d)
    _numbers(d)
    _zh_numerals(d)
    _en_numwords(d)
    _ranges(d)
    _tables(d)
    _finalize_bare(d)
    _units_from_context(d)
    _index_levels(d)
    _directions(d)
    _hedges(d)
    _changes(d)
    _propagate(d)
    _bind_refs(d)
    _resolve_dates(d, ref_date)
    out: list[Mention] = []
    for r in sorted(d.raws, key=lambda r: (r.start, r.end)):
        if r.drop:
            continue
        value = r.value
        if isinstance(value, Decimal):
            value = _clean(value)
        if value is None:
            r.unparsed = True
        out.append(
            Mention(
                text=text[r.start: r.end],
                start=r.start,
                end=r.end,
                line=d.layout.line_of(r.start),
                value=value,
                unit=r.unit,  # type: ignore[arg-type]
                direction=r.direction,  # type: ignore[arg-type]
                hedge=r.hedge,  # type: ignore[arg-type]
                precision=_clean(r.precision) if not isinstance(value, str) and value is not None else None,
                points_change=r.points_change,
                unparsed=r.unparsed,
                fact_ref=r.fact_ref,
                foreign_money=r.unit == "other" and r.money_other,
                change=r.change,  # type: ignore[arg-type]
                notes=r.notes,
            )
        )
    return out


def extract_json(text: str, ref_date: dt.date | str | None = None) -> dict:
    """``{"mentions": [...]}`` with every mention in its JSON form."""
    return {"mentions": [m.to_json() for m in extract(text, ref_date=ref_date)]}
