"""The fact layer: data model, validation, flow calculations and facts with provenance."""

from .compute import compute_facts, resolve_period, weekly_flows
from .dataset import Dataset
from .errors import CalculationError, DataError, EtfWriterError, Problem
from .facts import Bilingual, DatasetInfo, Fact, FactSet, Period, Provenance
from .flows import PRICE_CONVENTIONS, daily_flows, period_table
from .io import check_file, load_dataset, load_seed

__all__ = [
    "Bilingual", "CalculationError", "DataError", "Dataset", "DatasetInfo", "EtfWriterError", "Fact", "FactSet",
    "PRICE_CONVENTIONS", "Period", "Problem", "Provenance", "check_file", "compute_facts", "daily_flows",
    "load_dataset", "load_seed", "period_table", "resolve_period", "weekly_flows",
]
