"""Hostility without a hostile verb: a withheld kindness (HVdC rejection, A3) and ill feeling
aimed at someone (covert hostility, A1), as the English coder reads them
(``core/analysis/hvdc/interactions/hostility.py``).

HVdC codes aggression level 3 for rejection — refusing, forbidding, ignoring, not letting —
and level 1 for hostility felt but not acted on. Russian says both without a verb from the
aggression list: «он не пускал меня», «не давал мне проходу», «не хочет, чтобы я вступала»,
«не обращала на меня внимания»; «я злилась на неё», «я его недолюбливаю», «терпеть не могу».
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .aim import (
    DREAMER_FORMS,
    act_code,
    denied,
    dreamer_before,
    next_is,
    nominative_subject,
    target_after,
)
from .cast import Cast
from .lexicon import lexicon
from .nlp import RuDoc
from .roles import actor, clause_subject

#: Kindnesses whose denial is a rejection («не пускал», «не ответила», «не пригласил»).
_WITHHELD = frozenset(
    {"пускать", "пустить", "впускать", "впустить", "разрешать", "разрешить", "позволять",
     "позволить", "давать", "дать", "отвечать", "ответить", "слушать", "послушать",
     "здороваться", "поздороваться", "приглашать", "пригласить", "ждать", "подождать",
     "верить", "поверить", "замечать", "заметить", "узнавать", "помогать", "помочь",
     "отпускать", "отпустить", "звать", "позвать", "взять", "брать", "позвонить", "звонить",
     "открыть", "открывать", "поделиться", "делиться", "простить", "прощать", "навестить",
     "навещать", "выслушать", "уступить", "уступать", "пропустить", "пропускать", "принять",
     "принимать", "подпускать", "подпустить"}
)  # fmt: skip
#: Feelings against someone, felt and not acted on (A1): the object is their target.
_AGAINST = frozenset(
    {"ненавидеть", "недолюбливать", "презирать", "возненавидеть", "невзлюбить", "ревновать"}
)
#: Anger aimed with «на»: «злилась на неё», «обиделась на брата».
_ANGRY_AT = frozenset(
    {"злиться", "разозлиться", "сердиться", "рассердиться", "обидеться", "обижаться",
     "раздражаться", "дуться", "надуться", "беситься"}
)  # fmt: skip
#: Anger told by an adjective with «на»: «была зла на неё», «обижена на брата».
_ANGRY_ADJ = frozenset({"злой", "сердитый", "обиженный", "раздраженный", "обижен", "зол"})
#: What someone does to the dreamer's feelings: «меня раздражал брат», «она меня бесила».
_ANNOYING = frozenset(
    {"раздражать", "бесить", "злить", "разозлить", "взбесить", "рассердить", "выводить",
     "вывести"}
)  # fmt: skip
#: Quarrels and fights told of a plural subject with nobody after «с» («они начали ссориться»,
#: «мы подрались»): HVdC's mutual aggression between the two (physical for a fight).
_RECIPROCAL = {
    "ссориться": 2, "поссориться": 2, "спорить": 2, "поспорить": 2, "ругаться": 2,
    "поругаться": 2, "драться": 7, "подраться": 7,
}  # fmt: skip
#: Words that insult the one they name («назвала её вруньей»).
INSULTS = frozenset(
    {"врунья", "лгунья", "лжец", "врун", "лгун", "дура", "дурак", "идиот", "идиотка", "дурочка",
     "тупица", "шлюха", "воровка", "вор", "трус", "трусиха", "свинья", "сволочь", "предатель",
     "предательница", "неудачник", "неудачница", "урод", "уродина", "сумасшедший", "психопат",
     "эгоист", "эгоистка", "лентяй", "лентяйка", "обманщик", "обманщица", "мошенник", "ведьма"}
)  # fmt: skip
_SAYS = frozenset({"наговорить", "говорить", "сказать", "наговаривать", "крикнуть", "кричать"})
_NASTY_WORDS = frozenset({"гадость", "грубость", "колкость", "оскорбление", "гадкий", "мерзость"})
_LOOKS = frozenset({"смотреть", "посмотреть", "глядеть", "взглянуть", "поглядеть", "коситься"})
_SCORN = frozenset(
    {"презрение", "ненависть", "злость", "злоба", "отвращение", "злобно", "сердито",
     "презрительно", "враждебно", "неприязнь", "осуждение", "укоризненно", "зло"}
)  # fmt: skip
_MISSILES = frozenset({"пуля", "снаряд", "стрела", "камень", "дробь", "пулька"})
_QUARRELS = frozenset({"ссора", "спор", "драка", "скандал", "перепалка"})
_DESERT = frozenset({"бросить", "покинуть", "покидать"})
_REJECTED = frozenset({"отвергнуть", "бросить", "покинуть", "отвергнутый", "брошенный"})
_FEELING_SELF = frozenset({"себя", "быть", "чувствовать", "почувствовать", "казаться", "стать"})


def _refusal(doc: RuDoc, cast: Cast, verb: int) -> Code | None:
    """A withheld kindness toward someone: a character's toward the one named, the
    dreamer's only toward someone named right after it («не пустила его»; her bare «не
    ответила» is no act on anyone in particular)."""
    who = nominative_subject(doc, cast, verb)
    if who is None:
        return None
    target = target_after(doc, cast, verb)
    if who != "D" and target is None and dreamer_before(doc, verb):
        target = "D"
    if who == "D" and _prevents(doc, verb):
        return None  # «пыталась не дать им развалиться»: keeping them from harm
    if target is None or target == who:
        return None
    return act_code(doc, verb, who, 3, target)


def _prevents(doc: RuDoc, verb: int) -> bool:
    """«не дать им развалиться»: «не дать» with an infinitive prevents something."""
    after = doc.words[verb + 1 : verb + 4]
    return doc.words[verb].lemma in ("дать", "давать") and any(w.pos == "INFN" for w in after)


def _ill_feeling(doc: RuDoc, cast: Cast, verb: int) -> Code | None:
    """«ненавижу его», «злилась на неё»: covert hostility from the feeler to the target."""
    w = doc.words[verb]
    if w.lemma in _ANGRY_AT or w.lemma in _ANGRY_ADJ:
        if verb + 1 >= len(doc.words) or doc.words[verb + 1].lower != "на":
            return None
        target = target_after(doc, cast, verb + 1, reach=2)
    else:
        target = target_after(doc, cast, verb)
    who = clause_subject(doc, cast, verb)
    if target is None or target == who:
        return None
    return act_code(doc, verb, who, 1, target)


def _annoyed(doc: RuDoc, cast: Cast, verb: int) -> Code | None:
    """«меня раздражал брат», «она меня бесила»: the dreamer's ill feeling toward the one who
    annoys her (covert hostility, D 1> X)."""
    clause = range(max(0, verb - 3), min(len(doc.words), verb + 2))
    if not any(doc.words[k].lower in ("меня", "нас") for k in clause):
        return None
    who = _subject_after(doc, cast, verb) or nominative_subject(doc, cast, verb)
    if who is None or who == "D":
        return None
    return act_code(doc, verb, "D", 1, who)


def _subject_after(doc: RuDoc, cast: Cast, verb: int) -> str | None:
    for k in range(verb + 1, min(doc.sentences[doc.sentence_of[verb]].last, verb + 3)):
        if doc.words[k].case == "nomn":
            return actor(doc, cast, k)
    return None


def _forbidding(doc: RuDoc, cast: Cast, verb: int) -> Code | None:
    """«он не хочет, чтобы я вступала»: someone forbids the dreamer something (rejection)."""
    after = [w.lower for w in doc.words[verb + 1 : verb + 4]]
    if "чтобы" not in after or not ({"я", "мы"} & set(after)):
        return None
    who = clause_subject(doc, cast, verb)
    return None if who == "D" else act_code(doc, verb, who, 3, "D")


def _quarrel(doc: RuDoc, cast: Cast, verb: int) -> Code | None:
    """«мы поссорились», «они начали ссориться» with nobody after «с»: mutual, between the
    plural subject's members."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    nxt = doc.words[verb + 1].lower if verb + 1 < sentence.last else ""
    if nxt in ("с", "со"):
        return None  # the list's own «с» reading codes it
    before = [w.lemma for w in doc.words[max(sentence.first, verb - 3) : verb]]
    if "мы" in before:
        pair = ("D", cast.last_before(verb, ""))
        if pair[1] is None:
            return None
    elif "они" in before:
        people = [c.code for c in cast.characters if c.word < verb][-2:]
        if len(people) < 2:
            return None  # two characters, even of one code («две соседки»)
        pair = (people[0], people[1])
    else:
        return None
    w = doc.words[verb]
    level = _RECIPROCAL[w.lemma]
    return Code("aggression", f"{pair[0]} {level}= {pair[1]}", (w.start, w.end), w.text)


def _name_calling(doc: RuDoc, cast: Cast, verb: int) -> Code | None:
    """«назвала её вруньей», «обозвал меня дурой»: an insult in the instrumental after a verb
    of naming is verbal hostility (A2) from the namer to the named."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    after = range(verb + 1, min(sentence.last, verb + 4))
    if not any(doc.words[k].lemma in INSULTS and doc.words[k].case == "ablt" for k in after):
        return None
    who = nominative_subject(doc, cast, verb)
    target = target_after(doc, cast, verb) or ("D" if dreamer_before(doc, verb) else None)
    if who is None or target is None or target == who:
        return None
    return act_code(doc, verb, who, 2, target)


def _desertion(doc: RuDoc, cast: Cast, verb: int) -> Code | None:
    """«подруга меня бросила» is desertion (rejection, A3); «меня бросили в чулан» is
    confinement (A6): a person thrown into a place."""
    target = target_after(doc, cast, verb) or ("D" if dreamer_before(doc, verb) else None)
    who = nominative_subject(doc, cast, verb)
    if who in (None, "D") and doc.words[verb].number == "plur" and target == "D":
        who = "2IUA"  # «меня бросили»: people the dream does not name
    if who is None or target is None or target == who:
        return None
    sentence = doc.sentences[doc.sentence_of[verb]]
    into = [w.lower for w in doc.words[verb + 1 : min(sentence.last, verb + 4)]]
    if (
        into[:1] in (["в"], ["во"])
        and len(into) > 1
        and (into[1] in DREAMER_FORMS or target != "D")
    ):
        return act_code(doc, verb, who, 7, target)  # «бросил в меня камень»: thrown at
    return act_code(doc, verb, who, 6 if {"в", "во"} & set(into) else 3, target)


def _nasty(doc: RuDoc, cast: Cast, verb: int) -> Code | None:
    """«наговорила мне гадостей», «посмотрела на меня с презрением»: hostility said or shown
    (A2) to the person named after the verb."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    after = doc.words[verb + 1 : min(sentence.last, verb + 6)]
    looks = doc.words[verb].lemma in _LOOKS
    words = _SCORN if looks else _NASTY_WORDS
    if not any(w.lemma in words for w in after):
        return None
    start = verb + 1 if looks and next_is(doc, verb, "на") else verb
    target = target_after(doc, cast, start, reach=3)
    who = nominative_subject(doc, cast, verb)
    if who is None or target is None or target == who:
        return None
    return act_code(doc, verb, who, 2, target)


def _quarrel_noun(doc: RuDoc, cast: Cast, i: int) -> Code | None:
    """«у нас шёл спор», «посреди ссоры со всеми», «мы ввязались в драку»: a quarrel or fight
    the dreamer is in is her mutual aggression with the last person met."""
    sentence = doc.sentences[doc.sentence_of[i]]
    words = doc.words[sentence.first : sentence.last]
    if not any(w.lemma in ("я", "мы") for w in words):
        return None
    other = cast.last_before(i, "")
    if other is None:
        return None
    w = doc.words[i]
    level = 7 if w.lemma == "драка" else 2
    return Code("aggression", f"D {level}= {other}", (w.start, w.end), w.text)


def _struck(doc: RuDoc, cast: Cast, i: int) -> Code | None:
    """«в меня попали пули», «камень попал ему в голову»: a missile someone sent hits a person
    (A7 from someone the dream does not name)."""
    sentence = doc.sentences[doc.sentence_of[i]]
    clause = doc.words[max(sentence.first, i - 4) : min(sentence.last, i + 5)]
    if not any(w.lemma in _MISSILES for w in clause):
        return None
    target = target_after(doc, cast, i, reach=3) or ("D" if dreamer_before(doc, i) else None)
    return act_code(doc, i, "1IUA", 7, target) if target is not None else None


def _ignoring(doc: RuDoc, cast: Cast, verb: int) -> Code | None:
    """«он не обращал на меня внимания»: ignoring someone is rejection (A3)."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    after = doc.words[verb + 1 : min(sentence.last, verb + 5)]
    if not any(w.lemma == "внимание" for w in after) or not any(w.lower == "на" for w in after):
        return None
    at = next(k for k in range(verb + 1, verb + 5) if doc.words[k].lower == "на")
    target = target_after(doc, cast, at, reach=2)
    who = nominative_subject(doc, cast, verb)
    if who is None or target is None or target == who:
        return None
    return act_code(doc, verb, who, 3, target)


def _one(doc: RuDoc, cast: Cast, i: int) -> Code | None:
    w = doc.words[i]
    no = denied(doc, i)
    if w.lemma in ("обращать", "обратить") and no:
        return _ignoring(doc, cast, i)
    if w.lemma in ("попасть", "попадать") and not no:
        return _struck(doc, cast, i)
    if (w.lemma in _SAYS or w.lemma in _LOOKS) and not no:
        return _nasty(doc, cast, i)
    if w.lemma in _DESERT and not no and w.pos == "VERB":
        return _desertion(doc, cast, i)
    if w.lemma in ("назвать", "называть", "обозвать", "обзывать") and not no:
        return _name_calling(doc, cast, i)
    if w.lemma in _WITHHELD and no:
        return _refusal(doc, cast, i)
    if w.lemma == "хотеть" and no:
        return _forbidding(doc, cast, i)
    if w.lemma in _RECIPROCAL and not no:
        return _quarrel(doc, cast, i)
    if w.lemma in ("жаловаться", "пожаловаться") and not no:
        on = next_is(doc, i, "на")
        target = target_after(doc, cast, i + 1, reach=2) if on else _complained_of(doc, cast, i)
        who = clause_subject(doc, cast, i)
        return act_code(doc, i, who, 2, target) if target and target != who else None
    if (w.lemma in _AGAINST or w.lemma in _ANGRY_AT) and not no:
        return _ill_feeling(doc, cast, i)
    if w.lemma in _ANNOYING and not no:
        return _annoyed(doc, cast, i)
    return None


def _complained_of(doc: RuDoc, cast: Cast, verb: int) -> str | None:
    """«жаловалась, как играет на пианино соседка»: the person the complaint's clause is
    about."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    if verb + 2 >= sentence.last or doc.words[verb + 2].lower not in ("что", "как"):
        return None
    for k in range(verb + 3, min(sentence.last, verb + 12)):
        who = actor(doc, cast, k) if doc.words[k].case == "nomn" else None
        if who is not None and who != "D":
            return who
    return None


def _anger_at_dreamer(doc: RuDoc, cast: Cast, i: int) -> Code | None:
    """«официантка рассердилась и сказала, что такие, как я…», «папа был в ярости и сказал,
    что я должна…»: a character's anger told in the sentence where it turns to the dreamer
    is hostility aimed at her (verbal, A2)."""
    entry = lexicon("emotions").get(doc.words[i].lemma)
    if entry is None or entry.code != "AN" or denied(doc, i):
        return None
    who = clause_subject(doc, cast, i)
    if who == "D":
        return None
    sentence = doc.sentences[doc.sentence_of[i]]
    after = doc.words[i + 1 : sentence.last]
    if not any(w.lower in DREAMER_FORMS or w.lemma in ("я", "мы") for w in after):
        return None
    return act_code(doc, i, who, 2, "D")


def _anger_cause(doc: RuDoc, cast: Cast, i: int) -> Code | None:
    """«я злилась, что он не позвонил», «разозлилась, потому что сестра ушла»: the dreamer's
    anger at the one whose deed is its cause (covert hostility, A1), as the English coder reads
    "angry that he had not told me"."""
    entry = lexicon("emotions").get(doc.words[i].lemma)
    if entry is None or entry.code != "AN" or denied(doc, i) or clause_subject(doc, cast, i) != "D":
        return None
    sentence = doc.sentences[doc.sentence_of[i]]
    after = range(i + 1, min(sentence.last, i + 4))
    joint = next((k for k in after if doc.words[k].lower == "что"), None)
    if joint is None:
        return None
    for k in range(joint + 1, min(sentence.last, joint + 6)):
        w = doc.words[k]
        if w.text in (",", ".", ";"):
            break
        who = actor(doc, cast, k) if w.case == "nomn" else None
        if who is not None and who != "D":
            return act_code(doc, i, "D", 1, who)
    return None


def _felt_rejected(doc: RuDoc, cast: Cast, i: int) -> Code | None:
    """«я почувствовала себя отвергнутой», «брошенной»: the dreamer feels someone's rejection;
    HVdC codes it from the last person met to her (A3)."""
    w = doc.words[i]
    if w.lemma not in _REJECTED or w.pos not in ("PRTF", "PRTS") or denied(doc, i):
        return None
    before = {x.lemma for x in doc.words[max(0, i - 3) : i]}
    if not before & _FEELING_SELF or clause_subject(doc, cast, i) != "D":
        return None  # «подняла брошенный мяч» is a thing thrown, not the dreamer rejected
    who = cast.last_before(i, "")
    return act_code(doc, i, who, 3, "D") if who is not None else None


def code_hostility(doc: RuDoc, cast: Cast) -> list[Code]:
    """Rejections, forbidding, quarrels, complaints and aimed ill feeling, once per verb; a
    character's anger turned on the dreamer once per dream."""
    codes: list[Code] = []
    angry: set[str] = set()
    for i, w in enumerate(doc.words):
        code = _one(doc, cast, i) if w.pos in ("VERB", "INFN") else None
        if code is None and w.pos == "ADJS" and w.lemma in _ANGRY_ADJ and not denied(doc, i):
            code = _ill_feeling(doc, cast, i)  # «была зла на неё»
        if code is None and w.pos in ("PRTF", "PRTS"):
            code = _felt_rejected(doc, cast, i)
        if code is None and w.pos in ("VERB", "ADJS", "ADJF", "NOUN", "ADVB"):
            code = _anger_cause(doc, cast, i)
        if code is None and w.lemma in _QUARRELS and not denied(doc, i):
            code = _quarrel_noun(doc, cast, i)
        if code is None and w.pos in ("VERB", "ADJS", "ADJF", "NOUN", "ADVB"):
            code = _anger_at_dreamer(doc, cast, i)
            if code is not None and code.code in angry:
                code = None
            if code is not None:
                angry.add(code.code)
        if code is not None:
            codes.append(code)
    return codes
