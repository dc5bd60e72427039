"""Word lists for the name detector: common first names (en, ru) and capitalized non-names.

The lists are curated, not exhaustive: the capitalized-word heuristic in :mod:`core.privacy.scrub`
catches most names that are missing here, and these lists mainly let the scrubber also catch a
name at the start of a sentence and keep ordinary capitalized words (Mom, Moon, Monday) intact.
"""

from __future__ import annotations

from functools import lru_cache

_EN_NAMES = """
aaron adam adrian aiden alan albert alex alexander alexis alice alicia allison amanda amelia amy
andrea andrew angela anna anne anthony ashley austin barbara ben benjamin beth betty bob bobby
brandon brenda brian brittany bruce bryan carl carol caroline carolyn catherine charles charlie
charlotte chloe chris christian christina christine christopher cindy claire cody colin connor
cynthia daniel danielle david deborah debra dennis derek diana diane donald donna dorothy douglas
dylan edward elizabeth ella ellen emily emma eric erica ethan eugene evelyn frank gabriel gary
george gerald gloria gregory hannah harold harry heather helen henry isaac isabella jack jacob
james jane janet jason jeff jeffrey jennifer jeremy jerry jessica jim jimmy joan joe joel john
johnny jonathan jordan jose joseph joshua joyce juan judith judy julia julie justin karen
katherine kathleen kathy katie kayla keith kelly kenneth kevin kim kimberly kyle larry laura
lauren linda lisa logan louis lucas lucy luke madison margaret maria marie marilyn martha martin
mary matthew megan melissa michael michelle mike nancy natalie nathan nicholas nicole noah olivia
oliver pamela patricia patrick paul peter philip rachel ralph randy raymond rebecca richard robert
roger ronald rose russell ruth ryan samantha samuel sandra sara sarah scott sean sharon shirley
sophia stephanie stephen steve steven susan teresa thomas tim timothy tom tony tyler victoria
vincent walter wayne william zachary
"""

_RU_NAMES = """
александр александра алексей алёна алена алина алиса алла анастасия анатолий андрей анна антон
аня арина аркадий арсений артём артем артур борис вадим валентин валентина валерий валерия
варвара василий вася вера вероника виктор виктория виталий влад владимир владислав всеволод
вова галина геннадий георгий глеб григорий даниил данил даня дарья даша денис дима дмитрий
евгений евгения егор екатерина елена елизавета женя захар зоя иван игорь илья инна ирина катя
кирилл клим коля константин костя кристина ксения лариса лена леонид лера лиза лилия любовь люба
людмила максим маргарита марина мария марк маша миша михаил надежда надя наталья наташа никита
николай нина оксана олег ольга оля павел паша пётр петр петя полина рита роман руслан саша
светлана света семён семен сергей серёжа сережа слава софия софья соня станислав степан стёпа
таня тамара татьяна тимофей тимур толя фёдор федор юлия юля юра юрий яна ярослав
"""

#: Names that are also ordinary words: treated as names only when capitalized mid-sentence.
AMBIGUOUS_NAMES: frozenset[str] = frozenset(
    [
        "rose",
        "grace",
        "hope",
        "faith",
        "joy",
        "dawn",
        "will",
        "may",
        "mark",
        "bill",
        "april",
        "june",
        "summer",
        "ruby",
        "amber",
        "iris",
        "lily",
        "jasmine",
        "violet",
        "pat",
        "sky",
        "august",
        "art",
        "frank",
        "carol",
        "вера",
        "надежда",
        "любовь",
        "роза",
        "лилия",
        "слава",
        "марк",
    ]
)

_EN_NON_NAMES = """
mom mum mommy mummy mother dad daddy father grandma grandpa granny nana papa mama god jesus
christ lord devil satan heaven hell moon sun earth mars venus christmas easter halloween monday
tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december english russian american british french german
spanish italian chinese japanese european african asian internet google facebook instagram
telegram youtube tiktok iphone android mr mrs ms dr miss sir madam lady king queen prince princess
president doctor professor captain aunt uncle santa okay ok hi hey oh wow
the a an it you we he she they my your his her our their this that these those what why how who
where when which no yes yeah yep nope well there here then now so but and or if do does did don't
let look come go please thanks thank hello bye goodbye wait stop sorry maybe thoughts note
city church university college school street avenue road park hospital house center centre hall
river lake mountain bible white north south east west state county high bank mall airport station
hotel museum library department office company club team in at on of to for with from by after
before as all one some home army
"""

_RU_NON_NAMES = """
мама папа мамочка папочка бабушка дедушка бог господи господь луна солнце земля рождество пасха
интернет телеграм ютуб инстаграм вконтакте гугл яндекс
я ты он она оно мы вы они это эта этот что как где когда почему зачем кто да нет ну вот там тут
и а но или если потом тогда сейчас может привет пока слушай смотри стой подожди спасибо
"""

_PLACES = """
london paris moscow berlin rome tokyo america europe russia england france germany italy spain
china japan africa asia india canada mexico brazil ukraine egypt greece turkey california texas
florida siberia new york washington chicago boston vegas hollywood australia
москва петербург питер россия европа америка лондон париж сибирь крым кавказ египет турция
германия франция италия испания китай япония украина казахстан урал волга сочи казань
"""


def _ru_forms(lemma: str) -> set[str]:
    """Rough case forms of a Russian name or noun, enough to recognise 'Маше' as 'маша'."""
    forms = {lemma}
    if lemma.endswith("ия"):
        stem = lemma[:-2]
        forms |= {stem + e for e in ("ии", "ию", "ией", "ией")}
    elif lemma.endswith(("а", "я")):
        stem, soft = lemma[:-1], lemma.endswith("я")
        endings = ("и", "е", "ю", "ей", "ею") if soft else ("ы", "и", "е", "у", "ой", "ою")
        forms |= {stem + e for e in endings}
    elif lemma.endswith(("й", "ь")):
        stem = lemma[:-1]
        forms |= {stem + e for e in ("я", "ю", "ем", "е", "ём")}
    elif lemma[-1] not in "оеиуыэю":
        forms |= {lemma + e for e in ("а", "у", "ом", "е", "ым", "ой")}
    return forms


@lru_cache(maxsize=1)
def name_forms() -> dict[str, str]:
    """Every known first-name form (case-folded) mapped to its lemma."""
    forms: dict[str, str] = {name: name for name in _EN_NAMES.split()}
    for lemma in _RU_NAMES.split():
        for form in _ru_forms(lemma):
            forms.setdefault(form, lemma)
    return forms


@lru_cache(maxsize=1)
def non_names() -> frozenset[str]:
    """Capitalized words that are not personal names: family words, days, titles, places."""
    words = set(_EN_NON_NAMES.split()) | set(_PLACES.split())
    for lemma in (*_RU_NON_NAMES.split(), *_PLACES.split()):
        if not lemma.isascii():
            words |= _ru_forms(lemma)
    return frozenset(words)
