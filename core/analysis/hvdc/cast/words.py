"""Closed word classes the character finder relies on (kept apart so rules stay readable)."""

from __future__ import annotations

import re

from ..text import word_set

DREAMER_WORDS = word_set("i me my myself mine i'm i'd i've i'll")
WE_WORDS = word_set("we us our ourselves we're we'd we've we'll")
MALE = word_set("he him his himself he's he'd")
FEMALE = word_set("she her hers herself she's she'd")
PLURAL = word_set("they them their themselves they're they'd")
NEW_DET = word_set("a an another one some other second several two three four few many new any")
OTHER_POSS = word_set("his her their your")
DETERMINERS = word_set(
    "a an the this that these those my our his her their your one another some every each other "
    "two three several many few no any"
)
#: Nouns that are also common verbs or object words: they need a determiner to be characters.
AMBIGUOUS = word_set(
    "cook guard judge coach pop ma date bear fish duck bug worm seal host general kid band team "
    "pilot usher crowd mob escort nurse rat fox angel devil family group couple audience lover "
    "operator players student students indian bull lamb blonde brunette redhead blondes brunettes "
    "blond blonds"
)
GROUP_HEADS = word_set(
    "group crowd bunch lot couple number band team gang mob family pair lots dozen hundreds dozens"
)
CHILD_ADJ = word_set("little small young baby kid")
CHILD_NOUNS = word_set(
    "boy girl brother sister cousin boys girls brothers sisters son daughter niece nephew kids"
)
KNOW_VERBS = word_set(
    "know knew go went date dated dating going work worked met used had like liked "
    "love loved room roomed live lived grew"
)
STRANGE = word_set("strange unknown unfamiliar unidentified mysterious")
UNCERTAIN_SELF = word_set("someone somebody anybody anyone")
NON_PERSON = word_set(
    "god christmas easter sunday monday tuesday wednesday thursday friday saturday january "
    "february march april may june july august september october november december english "
    "french i spanish german latin ok okay then the thanksgiving lord angeles"
)
PLACE_PREPS = word_set(
    "in at to from on near into of toward towards through across via around st street"
)
PLACE_SUFFIXES = word_set(
    "school hall street avenue ave park hotel theatre theater hospital college university church "
    "building road lake elementary high store company co station island river county city library "
    "auditorium gym museum chapel club shop restaurant bar field"
)
#: First names that are ordinary words too; at a sentence start they are read as words.
WORDLIKE_NAMES = word_set(
    "will may mark grant rose joy hope june art bill pat ray jack bud dean sue "
    "guy frank faith carol gene"
)
TITLES = {
    "mr": "M",
    "mrs": "F",
    "miss": "F",
    "ms": "F",
    "dr": "?",
    "prof": "?",
    "professor": "?",
    "aunt": "F",
    "uncle": "M",
    "sister": "F",
    "brother": "M",
}
PROMINENT = word_set(
    "truman roosevelt eisenhower churchill stalin hitler lincoln gable sinatra crosby einstein "
    "shakespeare napoleon kennedy nixon reagan clinton obama bush elvis presley beatles jesus "
    "christ goldwyn mayer"
)
GEO_NAMES = word_set(
    "washington virginia georgia carolina cleveland chicago detroit europe america canada paris "
    "london florida california texas ohio"
)
FAMILY_IDENTITIES = frozenset("MFXBTHWADCIYR")
ETHNIC_ADJ = word_set(
    "negro chinese japanese indian mexican italian jewish german french russian irish colored "
    "spanish african korean puerto swedish polish greek arab oriental"
)
PERSON_HEADS = word_set(
    "man men woman women boy boys girl girls lady ladies people fellow soldier "
    "soldiers student students family child children couple guy guys"
)
#: Hair colours that name a person (``a blonde``) unless a person noun follows closely.
HAIR_PERSONS = word_set("blond blonde blonds blondes brunette brunettes redhead redheads")
#: Person nouns that may stand before another person noun and lend it sex or age.
MODIFIER_PERSONS = word_set("woman man lady girl boy kid baby women men ladies girls boys")
BE_VERBS = word_set("was is were be been became seemed am are")
PREDICATE_FILLERS = word_set(
    "a an the my our his her their just only really also actually not no but rather probably "
    "obviously old good dear close best former very new young"
)
SKIP_TO_NAME = word_set("( ) , of mine named called whose name")
#: Phrases after a person noun that leave the person's identity uncertain.
UNCERTAIN_CUES = (
    "not sure who",
    "don't know who",
    "didn't know who",
    "can't remember who",
    "can't place",
    "couldn't place",
    "seemed familiar",
    "looked familiar",
    "seemed to know",
    "whose name i",
    "don't remember who",
    "didn't recognize",
    "couldn't recognize",
    "can't recall who",
    "i'm not sure",
    "not sure whether",
    "familiar to me",
    "don't know whether",
    "cannot recall",
    "can't recall",
    "couldn't recall",
    "cannot remember",
    "can't remember",
    "couldn't remember",
    "couldn't quite",
    "don't remember",
    "do not remember",
)
#: The next sentence doubting who the person just met was: "I must have known him".
UNCERTAIN_OF_THEM = re.compile(
    r"\b(must have known|didn't recognize|couldn't recognize|can't place|couldn't place)"
    r" (him|her|them)\b"
)
#: Phrases after a person noun that tell the dreamer knows the person.
KNOWN_CUES = (
    " was my ",
    " is my ",
    " in my class",
    " in my dorm",
    " in my group",
    " in my sorority",
    " in my office",
    " in my section",
    " in my course",
    " in my grade",
    " in my year",
    " in my church",
    " in my neighborhood",
    " in my fraternity",
    " in my club",
    " in my crowd",
    " in my gang",
    " in my school",
    " from my ",
    " of mine ",
    " i recognized ",
    " i knew ",
    " i know ",
    " i had met ",
    " i was going with ",
    " i go with ",
    " i used to ",
    " lives next door ",
    " lives down the street ",
    " i had dated ",
    " i date ",
    " i work with ",
    " i worked with ",
    " i went to school with ",
    " i had known ",
    " from school ",
    " from home ",
    " from college ",
    " from high school ",
    " from the dorm ",
    " from work ",
    " from church ",
)
#: Phrases after a person noun that tell the person is a stranger to the dreamer.
STRANGER_CUES = (
    " unknown to me ",
    " i didn't know ",
    " i did not know ",
    " never seen ",
    " a stranger ",
    " complete stranger ",
    " i had never ",
    " i've never ",
    " i have never ",
    " unidentified ",
    " no one i ",
    " i don't know ",
    " i do not know ",
)
#: Nouns that name the same relation as another, for counting a character once.
ALIASES = {
    "grandma": "grandmother",
    "granny": "grandmother",
    "grandpa": "grandfather",
    "girl friend": "girlfriend",
    "fiance": "boyfriend",
    "sweetheart": "boyfriend",
    "beau": "boyfriend",
    "date": "boyfriend",
    "escort": "boyfriend",
}
#: "the boy I go with" is the dreamer's boyfriend.
STEADY_CUES = (
    " i go with ",
    " i date ",
    " i was going with ",
    " i am pinned ",
    " i'm pinned ",
    " i'm going with ",
    " i am going with ",
    " i went with ",
    " i was dating ",
)
#: Words after which a capitalized unknown word is a person ("met Marv", "named Juliana").
BEFORE_PERSON = word_set("met named called told asked kissed married dating dated")
#: Plain person nouns that, with ``the``/``this``, usually point back at someone already met.
BACK_REFERRING = word_set(
    "man woman lady girl boy fellow guy person child baby kid gentleman stranger"
)
#: Verbs before ``as a ...`` that give a role (``worked as a waitress``), not a person.
ROLE_VERBS = word_set(
    "was am were is be been dressed acting act worked work working served serve disguised "
    "posing posed felt feel feeling"
)
#: "girl" and "boy" name the dreamer's peers (known) unless they are small children.
PEER_NOUNS = word_set("girl boy girls boys")
LITTLE = word_set("little small tiny")
#: Capitalized short words that are not someone's initials.
NOT_INITIALS = word_set(
    "am pm ok us usa tv md dr mr ms mrs in on at of to is it an and the or no so be do go my "
    "by up we he me oh hi a.m p.m rr ymca ywca fbi gi usn raf ww ii iii iv vi vii viii ix"
)
#: Words between ``the`` and a noun that make it someone else (or not a person at all).
NOT_SAME = BE_VERBS | word_set("other another second new next first last")
PRONOUNS = word_set("i we they he she you me him them us it")
#: Character nouns that are also verbs.
AMBIGUOUS_VERBS = word_set("dove fish duck bear seal bug worm cook guard judge coach nurse date")
#: Adjectives that tell a character's sex (``a young male friend``).
SEX_ADJ = {"male": "M", "female": "F"}
#: Things a person noun often only qualifies (``the driver's seat``) beyond the object list.
QUALIFIED_THINGS = word_set("seat seats wheel license uniform handwriting gown cap")
#: "in my (Spanish) class", "from our dorm", "in the block": the dreamer's own circles.
MY_GROUP = re.compile(
    r" (?:in|from|of) (?:my|our) (?:[a-z]+ )?(?:class|classes|dorm|dormitory|group|sorority|"
    r"fraternity|club|office|school|church|neighborhood|crowd|gang|house|section|course) "
    r"| in the block | next door | neighbors "
)
#: Family members whose own family are the dreamer's relatives.
KIN = word_set(
    "mother father sister brother grandmother grandfather aunt uncle cousin mom dad husband wife"
)
#: Object words that are also common verbs after a subject name (``Mary watched``...).
VERB_LIKE_OBJECTS = word_set(
    "watch saw ring iron fire light paper drink book hammer pen pin brush comb file cut match "
    "dress shop film picture phone call nail hand face plant"
)
