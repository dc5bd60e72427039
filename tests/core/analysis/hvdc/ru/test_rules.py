"""The Russian coder's rules, each on the smallest report that shows it."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.ru import code_dream_ru
from core.analysis.hvdc.ru.nlp import analyse


def _card(text: str, category: str) -> list[str]:
    return code_dream_ru(text).card()[category]


def test_snilos_and_obnyala_are_read_as_past_tense() -> None:
    # slovnet's tagger reads these as future; the coder's morphology must not.
    assert analyse("снилось", False)[6] == "past"
    assert analyse("обняла", False)[6] == "past"


def test_dreamer_sex_comes_from_past_tense_agreement() -> None:
    assert code_dream_ru("Я побежала домой, и мне было страшно.").dreamer_sex == "F"
    assert code_dream_ru("Я побежал домой, и мне было страшно.").dreamer_sex == "M"
    assert code_dream_ru("Мне снилось море.").dreamer_sex == ""


def test_friend_sex_comes_from_the_word() -> None:
    assert _card("Ко мне пришла подруга.", "characters") == ["1FKA"]
    assert _card("Ко мне пришёл друг.", "characters") == ["1MKA"]
    assert _card("Ко мне пришла знакомая.", "characters") == ["1FKA"]


def test_gender_neutral_occupation_takes_the_agreeing_verb() -> None:
    assert _card("Врач сказала, что всё хорошо.", "characters") == ["1FOA"]


def test_brothers_wife_is_a_relative_not_the_dreamers_wife() -> None:
    assert _card("Жена брата стояла у окна.", "characters") == ["1FRA"]
    assert _card("Моя мама стояла у окна.", "characters") == ["1FMA"]


def test_unfamiliar_city_is_a_setting_not_a_stranger() -> None:
    card = code_dream_ru("Я шла по незнакомому городу.").card()
    assert card["characters"] == []
    assert card["settings"] == ["OU"]


def test_denied_and_stopped_fear_is_not_coded() -> None:
    assert _card("Я совсем не боялась.", "emotions") == []
    assert _card("Потом я перестала бояться.", "emotions") == []
    assert _card("Страха не было.", "emotions") == []
    assert _card("Я очень испугалась.", "emotions") == ["AP, D"]


def test_diminutive_finds_its_base_word() -> None:
    assert _card("Рядом бежала собачка.", "characters") == ["1ANI"]
    assert _card("Мамочка позвала меня.", "characters") == ["1FMA"]


def test_chase_is_physical_aggression_against_the_dreamer() -> None:
    assert _card("За мной гнался какой-то мужчина.", "aggression") == ["1MSA 6> D"]


def test_hug_is_friendliness_from_mother_to_dreamer() -> None:
    assert _card("Мама обняла меня.", "friendliness") == ["1FMA 6> D"]


def test_transliterated_russian_is_coded_as_russian_with_spans_on_the_users_words() -> None:
    text = "mne snilos, chto za mnoy gnalsya muzhchina"
    coding = code_dream(text)
    assert coding.language == "ru"
    chars = coding.of("characters")
    assert [c.code for c in chars] == ["1MSA"]
    assert chars[0].evidence == "muzhchina"
    for code in coding.codes:
        if code.span:
            assert text[code.span[0] : code.span[1]] == code.evidence


def test_mixed_language_input_is_analysed() -> None:
    coding = code_dream("я видел dog и очень испугался")
    assert (coding.supported, coding.language) == (True, "ru")
    assert "AP, D" in coding.card()["emotions"]


def test_never_raises_on_odd_input() -> None:
    for text in ("", "…", "12345", "А" * 5000, "ё" * 3, "— ?!", "Я " * 2000):
        code_dream_ru(text)


def test_never_raises_on_shuffled_russian_words() -> None:
    import json
    import random
    from pathlib import Path

    data = Path(__file__).resolve().parents[4] / "data" / "hvdc_ru" / "original_ru.jsonl"
    words = " ".join(json.loads(line)["report"] for line in data.read_text("utf-8").splitlines())
    vocabulary = words.split()
    rng = random.Random(16)
    for _ in range(200):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 40)))
        assert code_dream_ru(text).language == "ru"


def test_a_kiss_with_a_boyfriend_is_sexuality_and_a_mothers_kiss_is_friendliness() -> None:
    assert _card("Я поцеловала своего парня.", "sexuality") == ["D 3> 1MKA"]
    assert _card("Мама поцеловала меня.", "friendliness") == ["1FMA 6> D"]


def test_until_clause_keeps_the_verb_undenied() -> None:
    from core.analysis.hvdc.ru.negation import negated
    from core.analysis.hvdc.ru.nlp import read

    doc = read("Я ждала, пока она не пришла.")
    assert not negated(doc, len(doc.words) - 2)
    doc = read("Она не пришла.")
    assert negated(doc, 2)
