from __future__ import annotations

import pkgutil
from importlib import import_module

import kefu
from kefu.kit.errors import KefuError
from kefu.kit.i18n import negotiate, normalize_locale


def _all_error_classes() -> list[type[KefuError]]:
    for module in pkgutil.walk_packages(kefu.__path__, "kefu."):
        if ".migrations" not in module.name:
            import_module(module.name)
    found, todo = [], [KefuError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_error_has_a_code_and_both_languages() -> None:
    classes = _all_error_classes()
    assert len(classes) > 30
    for cls in classes:
        assert cls.code and cls.code.islower(), cls
        assert cls.en.strip() and cls.zh.strip(), cls
        assert any("\u4e00" <= ch <= "\u9fff" for ch in cls.zh), cls  # really Chinese
        assert 400 <= cls.status < 600, cls
        # Both texts use the same placeholders, so neither can fail to format.
        assert sorted(_fields(cls.en)) == sorted(_fields(cls.zh)), cls


def _fields(template: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def test_accept_language_negotiation() -> None:
    assert negotiate(None) == "en"
    assert negotiate("zh-CN,zh;q=0.9,en;q=0.8") == "zh-CN"
    assert negotiate("en-GB,zh;q=0.5") == "en"
    assert negotiate("fr-FR,zh-TW;q=0.7,en;q=0.3") == "zh-CN"
    assert negotiate("en;q=0.2,zh;q=0.9") == "zh-CN"
    assert negotiate("fr,de") == "en"
    assert negotiate("zh;q=bad,en") == "en"
    assert normalize_locale("zh_Hans_CN") == "zh-CN"
    assert normalize_locale("ja") is None
