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
    assert card["friendliness"] == ["D 4> 2JUC"]


def test_a_thing_holding_the_dreamer_back_is_no_ones_rejection() -> None:
    assert _aggression("Мы пытались выйти на берег, но вода нас не пускала.") == []


def test_a_car_chasing_the_dreamer_has_a_driver() -> None:
    assert _aggression("Снилось, что меня преследует чёрная машина.") == ["1IUA 6> D"]


def test_what_the_dreamer_feared_is_not_coded() -> None:
    assert _aggression("За нами шли двое мужчин. Я боялась, что они нас догонят.") == ["2MSA 6> D"]


def test_a_chase_that_goes_on_is_one_act() -> None:
    text = "За мной погнался мужчина. Я побежала к дому, а мужчина всё гнался за мной."
    assert _aggression(text) == ["1MSA 6> D"]


def test_two_friends_quarrelling_is_mutual_aggression() -> None:
    text = "Пришли две мои соседки. Одна соседка сказала, что уже семь, и они начали ссориться."
    assert [c.split()[1] for c in _aggression(text)] == ["2="]


def test_desertion_and_being_thrown_into_a_place() -> None:
    assert _aggression("Я была с подругой. А подруга меня бросила.") == ["1FKA 3> D"]
    assert _aggression("Потом меня бросили в чулан.") == ["2IUA 6> D"]


def test_imprisonment_is_confinement() -> None:
    assert _aggression("Я навестила отца, которого посадили в тюрьму.") == ["2IUA 6> 1MFA"]


def test_fighting_back_is_aimed_at_the_attacker() -> None:
    text = "Я увидела большое насекомое. Я попыталась его убить, но оно стало отбиваться."
    assert _aggression(text) == ["D 8> 1ANI", "1ANI 7R D"]


def test_running_off_from_no_one_is_no_chase() -> None:
    assert _aggression("Учительница кричит на меня. Я убежала домой.") == ["1FOA 2> D"]


def test_nasty_words_and_scornful_looks_are_verbal_aggression() -> None:
    assert _aggression("Пришла подруга Катя, она наговорила мне гадостей.") == ["1FKA 3> D"]
    assert _aggression("Пришла её мать. Мать смотрит на меня с презрением.") == ["1FMA 2> D"]


def test_a_quarrel_the_dreamer_is_in_is_mutual() -> None:
    codes = _aggression("Там были мои родители. У нас шёл спор о религии.")
    assert [c.split()[:2] for c in codes] == [["D", "2="]]


def test_a_bullet_that_hits_the_dreamer_is_someones_attack() -> None:
    assert _aggression("Дом обстреливали, и в меня попали пули.") == ["1IUA 7> D"]


def test_the_infinitive_takes_the_subject_of_its_verb() -> None:
    text = "Там был мой брат. Я встала и стала отчитывать его за то, что они не дают ему говорить."
    assert _aggression(text)[0].startswith("D 3> ")


def test_prepositions_in_their_long_form_still_mark_the_recipient() -> None:
    assert _aggression("Мои подруги смеялись надо мной.") == ["2FKA 3> D"]
    assert _aggression("Пришёл брат. Брат начал со мной драться.") == ["D 7= 1MBA"]


def test_a_blow_in_a_phrase_with_a_pronoun_inside_is_no_gift() -> None:
    card = code_dream_ru("Пришла сестра. Она дала мне пощёчину.").card()
    assert card["aggression"] == ["1FTA 7> D"] and card["friendliness"] == []


def test_a_threatened_act_is_only_a_threat() -> None:
    assert _aggression("Ко мне подошёл брат. Он угрожал убить меня.") == ["1MBA 4> D"]


def test_ignoring_and_throwing_at_someone() -> None:
    assert _aggression("Ко мне подошёл брат. Он не обращал на меня внимания.") == ["1MBA 3> D"]
    assert _aggression("Ко мне подошёл брат. Он бросил в меня камень.") == ["1MBA 7> D"]


def test_someone_stealing_the_dreamers_things() -> None:
    assert _aggression("Какой-то мужчина украл мою сумку.") == ["1MSA 5> D"]


def _friendliness(text: str) -> list[str]:
    return code_dream_ru(text).card()["friendliness"]


def test_applause_is_friendliness_and_an_act_without_subject_is_the_sentences_person() -> None:
    assert [c.split()[1:] for c in _friendliness("Зрители мне рукоплещут.")] == [["2>", "D"]]
    assert _friendliness("Я была дома, но отец сказал, что отвезёт меня.") == ["1MFA 4> D"]


def test_a_mutual_act_names_the_dreamer_first_but_a_greeting_has_a_direction() -> None:
    assert _friendliness("Пришла подруга. Она обнималась со мной.") == ["D 6= 1FKA"]
    assert _friendliness("Пришла подруга. Она поздоровалась со мной.") == ["1FKA 2> D"]


def test_the_dreamers_anger_at_the_one_who_caused_it() -> None:
    assert _aggression("Пришла сестра. Я разозлилась, что она опять опоздала.") == ["D 1> 1FTA"]


def test_an_act_told_again_soon_is_one_act() -> None:
    text = "Пришла сестра. Она меня обняла. Мы постояли. Потом она меня обняла."
    assert _friendliness(text) == ["1FTA 6> D"]


def test_affection_with_no_object_is_the_dreamers_only_where_she_is_named() -> None:
    assert _friendliness("Мама смеётся и целует меня в макушку.") == ["1FMA 6> D"]
    assert _friendliness("Пришёл брат. Он всех целовал и обнимал.") == []


def test_a_refused_request_is_rejection_by_the_one_asked() -> None:
    assert _aggression("Пришла сестра. Я попросила её помочь, но она отказалась.") == ["1FTA 3> D"]
    assert _aggression("Пришла сестра. Я попросила её остаться, а она не стала.") == ["1FTA 3> D"]
    assert _aggression("Пришла сестра. Я попросила её помочь, и она помогла.") == []


def test_a_subject_after_a_comma_and_and_belongs_to_the_next_clause() -> None:
    text = "Бабушка позвала меня обедать, и я побежала к ней."
    assert _friendliness(text) == ["1FRA 5> D"]


def test_a_dropped_subject_is_the_earlier_one_that_agrees() -> None:
    text = "Подошла собака. Раньше я собак боялась, а тут не боялась, погладила её."
    assert _friendliness(text) == ["D 6> 1ANI"]


def test_a_passive_participle_has_its_doer_in_the_instrumental() -> None:
    assert _aggression("Преследуемая волком, я бежала.") == ["1ANI 6> D"]
    assert _aggression("Я шла со сломанной лодыжкой.") == []


def test_a_fight_in_play_is_a_shared_game() -> None:
    text = "Я была с партнёром. Мы начали в шутку бороться."
    assert _aggression(text) == []
    assert [c.split()[1] for c in _friendliness(text)] == ["5="]


def test_a_mutual_act_of_we_is_the_dreamers_with_her_companion() -> None:
    assert _friendliness("Я встретила подругу. Мы помирились.") == ["D 2= 1FKA"]


def test_a_marriage_is_the_couples_once_a_dream() -> None:
    text = "Я вышла замуж за Петю. Прошли годы, всё было хорошо. Потом я снова вышла замуж за Петю."
    assert _friendliness(text) == ["D 7= 1MKA"]
    assert _friendliness("Мне снилась свадьба сестры.") == ["1FTA 7= Q"]
    assert _friendliness("Мы были на свадьбе.") == []


def test_an_act_answering_the_other_sides_act_is_reciprocated() -> None:
    assert _aggression("Меня преследовал волк, и я ударила его.") == ["1ANI 6> D", "D 7R 1ANI"]


def test_a_joined_verb_borrows_only_a_subject_it_agrees_with() -> None:
    text = "Мама ругает меня, что я рассыпала муку, а потом смеётся и целует в макушку."
    assert _friendliness(text) == ["1FMA 6> D"]


def test_an_act_whose_verb_of_will_is_denied_did_not_happen() -> None:
    assert _aggression("Пришёл брат. Он не стал меня бить.") == []
    assert _aggression("Пришла собака. Она пыталась меня догнать.") == ["1ANI 6> D"]


def test_holding_hands_and_a_visit_to_the_dreamer_have_a_direction() -> None:
    assert _friendliness("Пришла подруга. Она держит меня за руку.") == ["1FKA 6> D"]
    assert _friendliness("Приехал друг, чтобы повидаться со мной.") == ["1MKA 5> D"]


def test_complaining_about_what_someone_does_is_verbal_aggression() -> None:
    assert _aggression("Я начала жаловаться, что соседка громко играет.") == ["D 2> 1FKA"]


def test_going_after_someone_is_a_chase_only_at_the_dreamer() -> None:
    assert _aggression("Пришла мама. Я побежала за мамой.") == []
    assert _aggression("Пришёл незнакомец. Он бежал за мной всю дорогу.") == ["1MSA 6> D"]


def test_anger_told_by_an_adjective_and_annoyance_are_covert_hostility() -> None:
    assert _aggression("Пришла сестра. Я была зла на неё.") == ["D 1> 1FTA"]
    assert _aggression("Пришёл брат. Меня раздражал брат.") == ["D 1> 1MBA"]


def test_a_quarrel_and_a_reconciliation_between_the_same_pair_are_two_acts() -> None:
    text = "Пришла подруга. Мы с подругой поругались. Потом мы с подругой помирились."
    assert _aggression(text) == ["D 2= 1FKA"]
    assert _friendliness(text) == ["D 2= 1FKA"]


def test_things_that_knock_the_dreamer_down_are_no_ones_act() -> None:
    assert _aggression("Мы стояли на берегу. Волны сбили нас с ног.") == []


def test_an_act_only_asked_for_is_not_done() -> None:
    # the infinitive is the listener's to do, and only requested: nobody broke anything
    assert _aggression("Парень умолял меня разорвать помолвку.") == []
    assert _aggression("Парень попросил меня сломать замок.") == []
    # an attempt is coded, as HVdC codes attempts
    assert _aggression("Парень пытался ударить меня.") == ["1MKA 7> D"]


def test_a_threat_with_the_reflexive_verb_is_a_threat() -> None:
    assert _aggression("Парень грозился убить меня.") == ["1MKA 4> D"]
