"""Russian interactions: who acts on whom, through a pronoun too."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _aggression(text: str) -> list[str]:
    return code_dream_ru(text).card()["aggression"]


def test_a_pronoun_for_a_person_still_is() -> None:
    assert _aggression("Ко мне подошла сестра. Я ударила её.") == ["D 7> 1FTA"]


def test_someone_forbidding_the_dreamer_rejects_her() -> None:
    text = "Я сказала папе, что хочу вступить в сестринство, а он не хочет, чтобы я вступала."
    assert _aggression(text) == ["1MFA 3> D"]


def test_a_withheld_kindness_is_a_rejection() -> None:
    assert _aggression("Пришёл мой брат, но он меня не пускал в комнату.") == ["1MBA 3> D"]


def test_complaining_about_someone_is_verbal_aggression() -> None:
    assert _aggression("Я пожаловалась на соседку.") == ["D 2> 1FKA"]


def test_anger_turned_on_the_dreamer_is_hostility_toward_her() -> None:
    text = "Официантка рассердилась и сказала, что такие, как я, вечно ходят по кругу."
    assert _aggression(text) == ["1FOA 2> D"]
    assert _aggression("Официантка рассердилась на повара.") != ["1FOA 2> D"]


def test_a_refusal_belongs_to_the_nominative_subject_across_and() -> None:
    text = "Мне снилось, что мой сосед ждёт меня у аудитории и не даёт мне проходу."
    assert _aggression(text) == ["1MKA 3> D"]


def test_feeling_rejected_is_rejection_by_the_last_person_met() -> None:
    text = "Я увидела парня, с которым раньше встречалась. Я почувствовала себя отвергнутой."
    assert _aggression(text) == ["1MKA 3> D"]
    assert _aggression("Я подняла брошенный мяч.") == []


def test_babysitting_is_care_for_the_children() -> None:
    card = code_dream_ru("Я сидела с детьми, и, сделав уроки, прилегла.").card()
    assert card["friendliness"] == ["D 4> 2JSC"]
