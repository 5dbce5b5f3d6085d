"""The models shipped in the package are built from the seed data as it is now."""

from __future__ import annotations

import sklearn

from kefu.triage import shipped


def test_shipped_artifacts_are_current() -> None:
    for spec in shipped.SPECS:
        assert spec.artifact.is_file(), f"missing {spec.artifact}: run `kefu triage build`"
        model = shipped.read(spec.artifact)
        assert model.fingerprint == spec.fingerprint(), (
            f"{spec.name} was built from other seed data: run `kefu triage build`"
        )
        assert model.sklearn_version == sklearn.__version__
        assert model.version == f"{spec.name}-seed-{spec.fingerprint()}"


def test_seed_data_is_balanced_and_bilingual() -> None:
    examples = shipped.CATEGORY.examples()
    by_label_lang: dict[tuple[str, str | None], int] = {}
    for example in examples:
        key = (example.label, example.lang)
        by_label_lang[key] = by_label_lang.get(key, 0) + 1
    assert {lang for _, lang in by_label_lang} == {"zh", "en"}
    assert min(by_label_lang.values()) >= 80
    assert len({e.text for e in examples}) == len(examples)  # no duplicates
