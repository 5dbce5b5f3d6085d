"""What a staff member's skills may name: languages they answer in and triage categories they
know. Routing matches these values against a ticket's language and category, so a typo here
would silently match nothing; hence a closed vocabulary."""

from __future__ import annotations

from collections.abc import Iterable

from kefu.auth.models import SkillKind
from kefu.kit.errors import Invalid
from kefu.kit.i18n import Text, text
from kefu.triage.taxonomy import CATEGORY_KEYS

# ISO 639-1 codes: the languages triage tells apart (triage.language.CANDIDATES), each named in
# itself so an admin recognises it in either interface language.
LANGUAGES: dict[str, Text] = {
    "zh": text("Chinese (中文)", "中文"),
    "en": text("English", "英语 (English)"),
    "ja": text("Japanese (日本語)", "日语 (日本語)"),
    "ko": text("Korean (한국어)", "韩语 (한국어)"),
    "es": text("Spanish (Español)", "西班牙语 (Español)"),
    "fr": text("French (Français)", "法语 (Français)"),
    "de": text("German (Deutsch)", "德语 (Deutsch)"),
    "pt": text("Portuguese (Português)", "葡萄牙语 (Português)"),
    "ru": text("Russian (Русский)", "俄语 (Русский)"),
    "ar": text("Arabic (العربية)", "阿拉伯语 (العربية)"),
    "vi": text("Vietnamese (Tiếng Việt)", "越南语 (Tiếng Việt)"),
    "th": text("Thai (ไทย)", "泰语 (ไทย)"),
    "id": text("Indonesian (Bahasa Indonesia)", "印尼语 (Bahasa Indonesia)"),
    "ms": text("Malay (Bahasa Melayu)", "马来语 (Bahasa Melayu)"),
    "it": text("Italian (Italiano)", "意大利语 (Italiano)"),
    "tr": text("Turkish (Türkçe)", "土耳其语 (Türkçe)"),
    "hi": text("Hindi (हिन्दी)", "印地语 (हिन्दी)"),
}
MAX_SKILLS = 60


class InvalidSkill(Invalid):
    code = "invalid_skill"
    en = "The skill {kind} '{value}' is not known; allowed values: {allowed}."
    zh = "技能 {kind}“{value}”无效；可选值：{allowed}。"


class DuplicateSkill(Invalid):
    code = "duplicate_skill"
    en = "The skill {kind} '{value}' is listed twice."
    zh = "技能 {kind}“{value}”重复出现。"


class TooManySkills(Invalid):
    code = "too_many_skills"
    en = "At most {limit} skills per person."
    zh = "每人最多 {limit} 项技能。"


def allowed_values(kind: str) -> tuple[str, ...]:
    return tuple(LANGUAGES) if kind == SkillKind.language else CATEGORY_KEYS


def check_skills(skills: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The skills as given, once each, every value from its vocabulary; else a 422."""
    checked: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for kind, value, level in skills:
        allowed = allowed_values(kind)
        if value not in allowed:
            raise InvalidSkill(kind=kind, value=value, allowed=", ".join(allowed))
        if (kind, value) in seen:
            raise DuplicateSkill(kind=kind, value=value)
        seen.add((kind, value))
        checked.append((kind, value, level))
    if len(checked) > MAX_SKILLS:
        raise TooManySkills(limit=MAX_SKILLS)
    return checked
