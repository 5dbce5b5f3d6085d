"""The text classifier: lexical and embedding features, calibrated confidence, out of scope."""

from __future__ import annotations

import pickle
from collections import defaultdict

import numpy as np
import pytest

from kefu.triage.classifier import ClassifierOptions, TextClassifier, _join, _scores, _softmax
from kefu.triage.shipped import CATEGORY

LABELS = ("account_login", "refund_return", "livestream", "fraud_report")


@pytest.fixture(scope="module")
def seed() -> dict[str, list[str]]:
    rows: dict[str, list[str]] = defaultdict(list)
    for example in CATEGORY.examples():
        rows[example.label].append(example.text)
    return rows


def _split(
    seed: dict[str, list[str]], labels: tuple[str, ...], per_label: int
) -> tuple[list[str], list[str], list[str], list[str]]:
    train_x, train_y, test_x, test_y = [], [], [], []
    for label in labels:
        texts = seed[label][::3]  # both languages, spread over the file
        train_x += texts[:per_label]
        train_y += [label] * per_label
        test_x += texts[per_label : per_label + 10]
        test_y += [label] * 10
    return train_x, train_y, test_x, test_y


def test_learns_categories_in_both_languages(seed: dict[str, list[str]]) -> None:
    train_x, train_y, test_x, test_y = _split(seed, LABELS, 40)
    classifier = TextClassifier().fit(train_x, train_y)
    predictions = classifier.predict(test_x)
    accuracy = sum(p.label == y for p, y in zip(predictions, test_y, strict=True)) / len(test_y)
    assert accuracy >= 0.8
    assert classifier.cv_accuracy is not None and classifier.temperature > 0
    for p in predictions:
        assert 0 < p.runner_up_confidence <= p.confidence <= 1
        assert p.runner_up in LABELS and p.runner_up != p.label

    # A trained classifier pickles without its (process-wide) sentence encoder.
    clone = pickle.loads(pickle.dumps(classifier))
    assert [p.label for p in clone.predict(test_x)] == [p.label for p in predictions]


def test_embeddings_can_be_turned_off_and_shared(seed: dict[str, list[str]]) -> None:
    train_x, train_y, test_x, _ = _split(seed, LABELS[:2], 30)
    lexical = TextClassifier(ClassifierOptions(embedding_weights=(0.0,))).fit(train_x, train_y)
    assert not lexical.uses_embeddings
    assert len(lexical.predict(test_x)) == len(test_x)
    combined = TextClassifier().fit(train_x, train_y)
    embeddings = combined.encoder.encode(test_x)
    assert [p.label for p in combined.predict(test_x, embeddings)] == [
        p.label for p in combined.predict(test_x)
    ]


@pytest.mark.parametrize("labels", [LABELS, LABELS[:2]], ids=["four labels", "two labels"])
@pytest.mark.parametrize("weights", [(1.0,), (0.0,)], ids=["embeddings", "lexical only"])
def test_a_messages_scores_are_the_svms_own(
    seed: dict[str, list[str]], labels: tuple[str, ...], weights: tuple[float, ...]
) -> None:
    """Prediction computes the SVM's scores in parts, without joining the features: the
    probabilities are those of scikit-learn's decision function on the joined features."""
    train_x, train_y, test_x, _ = _split(seed, labels, 20)
    classifier = TextClassifier(ClassifierOptions(embedding_weights=weights)).fit(train_x, train_y)
    assert classifier._vectorizer is not None and classifier._model is not None
    embeddings = classifier.encoder.encode(test_x) if weights[0] else None
    joined = _join(classifier._vectorizer.transform(test_x), embeddings, weights[0])
    expected = _softmax(_scores(classifier._model, joined), classifier.temperature)
    probabilities, _ = classifier.probabilities(test_x)
    assert np.allclose(probabilities, expected, atol=1e-5)


def test_out_of_scope_examples_teach_a_none_of_these_decision(seed: dict[str, list[str]]) -> None:
    in_scope = LABELS[:3]
    train_x, train_y, test_x, test_y = _split(seed, in_scope, 40)
    outside = seed["other"][::2]  # greetings, jobs, nonsense: none of the three
    train_x += outside[:60]
    train_y += ["oos"] * 60
    classifier = TextClassifier().fit(train_x, train_y, oos_label="oos")
    assert "oos" not in classifier.labels
    kept = classifier.predict(test_x)
    assert sum(p.label == y for p, y in zip(kept, test_y, strict=True)) / len(test_y) >= 0.7
    refused = classifier.predict(outside[60:90])
    assert sum(p.out_of_scope and p.label == "oos" for p in refused) >= 15


def test_what_out_of_scope_examples_say_is_learned_as_a_class(
    seed: dict[str, list[str]],
) -> None:
    """Fraud reports as the "none of these" examples: new fraud reports are refused because
    they resemble those examples, not merely because the classifier is unsure."""
    in_scope = LABELS[:3]
    train_x, train_y, test_x, _ = _split(seed, in_scope, 40)
    fraud = seed["fraud_report"]
    learned, unseen = fraud[0::4][:40], fraud[2::4][:20]  # both languages, spread over the file
    classifier = TextClassifier().fit(train_x + learned, train_y + ["oos"] * 40, oos_label="oos")
    probs, flags = classifier.probabilities(test_x + unseen)
    assert probs.shape == (len(test_x) + 20, len(in_scope))  # the labels' columns only
    assert abs(float(probs.sum(axis=1).min()) - 1) < 1e-6  # given that the text is in scope
    assert flags[len(test_x) :].sum() >= 15
    assert flags[: len(test_x)].sum() <= 3


@pytest.mark.parametrize("weights", [(1.0,), (0.0,)], ids=["embeddings", "lexical only"])
def test_the_out_of_scope_call_is_the_detectors_own(
    seed: dict[str, list[str]], weights: tuple[float, ...]
) -> None:
    """The out-of-scope probability is computed from the detector's coefficients: the flags are
    those of scikit-learn's predict_proba on the same features (without embeddings, the
    detector reads the SVM's confidences alone)."""
    in_scope = LABELS[:3]
    train_x, train_y, test_x, _ = _split(seed, in_scope, 30)
    fraud = seed["fraud_report"][0::4][:30]
    options = ClassifierOptions(embedding_weights=weights)
    classifier = TextClassifier(options).fit(
        train_x + fraud, train_y + ["oos"] * 30, oos_label="oos"
    )
    texts = test_x + seed["fraud_report"][2::4][:10]
    assert classifier._vectorizer is not None and classifier._model is not None
    assert classifier._oos is not None
    embeddings = classifier.encoder.encode(texts) if weights[0] else None
    joined = _join(classifier._vectorizer.transform(texts), embeddings, weights[0])
    probs = _softmax(_scores(classifier._model, joined), classifier.temperature)
    sims = None
    if embeddings is not None and classifier._train_embeddings is not None:
        sims = classifier._neighbour_similarity(embeddings, classifier._train_embeddings)
    detector = classifier._oos.model.predict_proba(classifier._oos_features(probs, sims))[:, 1]
    _, flags = classifier.probabilities(texts)
    assert list(flags) == list(detector >= classifier._oos.threshold)
    assert flags.any() and not flags.all()


def test_a_single_out_of_scope_example_decides_by_its_class_alone(
    seed: dict[str, list[str]],
) -> None:
    train_x, train_y, _, _ = _split(seed, LABELS[:2], 20)
    fraud = seed["fraud_report"][0]
    classifier = TextClassifier().fit([*train_x, fraud], [*train_y, "oos"], oos_label="oos")
    assert classifier.cv_accuracy is None  # too few to cross-validate a detector
    assert classifier.predict([fraud + "!!"])[0].out_of_scope
    assert not any(p.out_of_scope for p in classifier.predict(train_x[:5]))


def test_models_pickled_by_an_earlier_kefu_still_load(seed: dict[str, list[str]]) -> None:
    train_x, train_y, test_x, _ = _split(seed, LABELS[:2], 20)
    earlier = ClassifierOptions(embedding_weights=(1.0,))  # an earlier kefu's only weight
    classifier = TextClassifier(earlier).fit(train_x, train_y)
    state = classifier.__getstate__()
    del state["embedding_weight"]  # what an earlier kefu pickled
    old = TextClassifier.__new__(TextClassifier)
    old.__setstate__(state)
    assert [p.label for p in old.predict(test_x)] == [p.label for p in classifier.predict(test_x)]
    with_oos = (
        TextClassifier()
        .fit(train_x + seed["other"][:10], train_y + ["oos"] * 10, oos_label="oos")
        .__getstate__()
    )
    del with_oos["embedding_weight"]
    with pytest.raises(ValueError, match="retrain"):
        TextClassifier.__new__(TextClassifier).__setstate__(with_oos)


def test_training_needs_two_labels() -> None:
    with pytest.raises(ValueError, match="two labels"):
        TextClassifier().fit(["a", "b"], ["x", "x"])
    with pytest.raises(RuntimeError, match="not trained"):
        TextClassifier().predict(["hello"])
