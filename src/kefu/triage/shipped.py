"""The models that ship inside the package, trained from the team's seed data.

A fresh install triages from its first ticket with these. Each artifact records the fingerprint
of the data and the scikit-learn version it was built with; a test fails while either differs
from the working tree, and kefu warns at run time. Rebuild them with ``kefu triage build``.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import logging
import pickle
import threading
from dataclasses import dataclass
from pathlib import Path

import sklearn

from kefu.triage.classifier import ClassifierOptions, TextClassifier
from kefu.triage.dataset import Example, read_examples

log = logging.getLogger("kefu.triage")

DATA_DIR = Path(__file__).parent / "data"
ARTIFACT_DIR = Path(__file__).parent / "artifacts"


@dataclass(frozen=True)
class ModelSpec:
    """One shipped model: which seed files train it, and which column is its label."""

    name: str
    files: tuple[str, ...]
    label_column: str = "label"
    # Rows of other seed files that teach the negative class ("ok"), minus some labels.
    negatives: tuple[str, ...] = ()
    negative_label: str = "ok"
    skip_labels: tuple[str, ...] = ()

    @property
    def artifact(self) -> Path:
        return ARTIFACT_DIR / f"{self.name}.pkl.gz"

    def examples(self) -> list[Example]:
        rows: list[Example] = []
        for name in self.files:
            rows += read_examples(DATA_DIR / name, label_column=self.label_column)
        for name in self.negatives:
            rows += [
                Example(row.text, self.negative_label, row.lang)
                for row in read_examples(DATA_DIR / name)
                if row.label not in self.skip_labels
            ]
        return rows

    def fingerprint(self) -> str:
        # The classifier's options belong to the recipe too: changing them names a new model.
        recipe = (dataclasses.astuple(self), dataclasses.astuple(ClassifierOptions()))
        digest = hashlib.sha256(repr(recipe).encode())
        for name in self.files + self.negatives:
            digest.update((DATA_DIR / name).read_bytes())
        return digest.hexdigest()[:12]


CATEGORY = ModelSpec("category", ("seed_zh.csv", "seed_en.csv"))
SENTIMENT = ModelSpec("sentiment", ("sentiment_zh.csv", "sentiment_en.csv"))
ANGER = ModelSpec("anger", ("sentiment_zh.csv", "sentiment_en.csv"), label_column="angry")
# Everyday requests (all but scam reports) teach the scam model what is not a scam.
SCAM = ModelSpec(
    "scam",
    ("scam_zh.csv", "scam_en.csv"),
    negatives=("seed_zh.csv", "seed_en.csv"),
    skip_labels=("fraud_report",),
)
SPECS = (CATEGORY, SENTIMENT, ANGER, SCAM)


@dataclass(frozen=True)
class ShippedModel:
    name: str
    version: str  # e.g. "category-seed-1a2b3c4d5e6f"
    fingerprint: str
    sklearn_version: str
    classifier: TextClassifier


def train(spec: ModelSpec) -> ShippedModel:
    examples = spec.examples()
    classifier = TextClassifier().fit([e.text for e in examples], [e.label for e in examples])
    fingerprint = spec.fingerprint()
    return ShippedModel(
        name=spec.name,
        version=f"{spec.name}-seed-{fingerprint}",
        fingerprint=fingerprint,
        sklearn_version=sklearn.__version__,
        classifier=classifier,
    )


def write(model: ShippedModel, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wb", compresslevel=9) as handle:
        pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)


def read(path: Path) -> ShippedModel:
    with gzip.open(path, "rb") as handle:
        model = pickle.load(handle)
    if not isinstance(model, ShippedModel):
        raise TypeError(f"{path} does not hold a shipped model")
    return model


def is_current(model: ShippedModel, spec: ModelSpec) -> bool:
    return model.fingerprint == spec.fingerprint() and model.sklearn_version == sklearn.__version__


_cache: dict[str, ShippedModel] = {}
_lock = threading.Lock()


def load(spec: ModelSpec = CATEGORY) -> ShippedModel:
    """The shipped model, loaded once per process.

    A stale artifact is still used (with a warning), and one that cannot be read is an error:
    retraining takes about a minute, which must never happen inside a request. Rebuild with
    ``kefu triage build``.
    """
    with _lock:
        if spec.name not in _cache:
            model = read(spec.artifact)
            if not is_current(model, spec):
                log.warning(
                    "the shipped %s model was built from other data or another "
                    "scikit-learn; run `kefu triage build`",
                    spec.name,
                )
            _cache[spec.name] = model
        return _cache[spec.name]
