"""Lexical features built directly equal scikit-learn's own transform."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from kefu.triage import lexical
from kefu.triage.classifier import ClassifierOptions, _vectorizer

TRAIN = [
    "I can't log in to my account",
    "the login code never arrives",
    "我的账号登录不了，验证码收不到",
    "退款什么时候到账",
    "refund the broken headphones please",
    "直播卡顿怎么办 live stream lags",
]
TEXTS = [
    "login code never arrives arrives arrives",  # repeated terms: sublinear counts
    "退款 refund 我的订单",
    "",  # nothing at all
    "zzzz qqqq",  # no known word; a few known characters
    "😀😀",
]


def test_rows_equal_the_unions_transform() -> None:
    union = _vectorizer(ClassifierOptions()).fit(TRAIN)
    built = lexical.rows(union, TEXTS)
    expected = union.transform(TEXTS)
    assert built.dtype == np.float32 and built.shape == expected.shape
    assert np.abs(built - expected).max() < 1e-6
    assert built[2].nnz == 0
    assert lexical.rows(union, []).shape == (0, expected.shape[1])


@pytest.mark.parametrize(
    "vectorizer",
    [
        TfidfVectorizer(sublinear_tf=False),
        TfidfVectorizer(sublinear_tf=True, binary=True),
        TfidfVectorizer(sublinear_tf=True, norm="l1"),
    ],
)
def test_other_vectorizer_settings_fall_back_to_scikit_learn(vectorizer: TfidfVectorizer) -> None:
    union = FeatureUnion([("other", vectorizer)]).fit(TRAIN)
    built = lexical.rows(union, TEXTS)
    assert np.abs(built - union.transform(TEXTS)).max() < 1e-6


def test_rows_keep_the_vectorizers_dtype() -> None:
    union = FeatureUnion([("wide", TfidfVectorizer(sublinear_tf=True))]).fit(TRAIN)
    assert lexical.rows(union, TEXTS).dtype == union.transform(TEXTS).dtype == np.float64
