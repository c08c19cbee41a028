"""etfwriter: bilingual ETF capital-flow commentary with every number computed and checked."""

__version__ = "0.1.0"
