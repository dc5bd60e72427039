"""Finds the characters of a report and resolves names, nouns and pronouns to them."""

from __future__ import annotations

from .cast import DREAMER, Cast, Character, age_class, parse_code
from .lexicon import first_names, table
from .text import Document

_DREAMER_WORDS = frozenset({"i", "me", "my", "myself", "mine", "i'm", "i'd", "i've", "i'll"})
_WE_WORDS = frozenset({"we", "us", "our", "ourselves", "we're", "we'd", "we've", "we'll"})
_MALE = frozenset({"he", "him", "his", "himself", "he's", "he'd"})
_FEMALE = frozenset({"she", "her", "hers", "herself", "she's", "she'd"})
_PLURAL = frozenset({"they", "them", "their", "themselves", "they're", "they'd"})
_NEW_DET = frozenset(
    {
        "a",
        "an",
        "another",
        "one",
        "some",
        "other",
        "second",
        "several",
        "two",
        "three",
        "four",
        "few",
        "many",
        "new",
        "any",
    }
)
_OTHER_POSS = frozenset({"his", "her", "their", "your"})
_DETERMINERS = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "my",
        "our",
        "his",
        "her",
        "their",
        "your",
        "one",
        "another",
        "some",
        "every",
        "each",
        "other",
        "two",
        "three",
        "several",
        "many",
        "few",
        "no",
        "any",
    }
)
_AMBIGUOUS = frozenset(
    {
        "cook",
        "guard",
        "judge",
        "coach",
        "pop",
        "ma",
        "date",
        "bear",
        "fish",
        "duck",
        "bug",
        "worm",
        "seal",
        "host",
        "general",
        "kid",
        "band",
        "team",
        "pilot",
        "usher",
        "crowd",
        "mob",
        "escort",
        "nurse",
        "rat",
        "fox",
        "angel",
        "devil",
        "family",
        "group",
        "couple",
        "audience",
        "lover",
        "operator",
        "players",
        "student",
        "students",
        "indian",
    }
)
_GROUP_HEADS = frozenset(
    {
        "group",
        "crowd",
        "bunch",
        "lot",
        "couple",
        "number",
        "band",
        "team",
        "gang",
        "mob",
        "family",
        "pair",
        "lots",
        "dozen",
        "hundreds",
        "dozens",
    }
)
_CHILD_ADJ = frozenset({"little", "small", "young", "younger", "baby", "kid"})
_CHILD_NOUNS = frozenset(
    {
        "boy",
        "girl",
        "brother",
        "sister",
        "cousin",
        "boys",
        "girls",
        "brothers",
        "sisters",
        "son",
        "daughter",
        "niece",
        "nephew",
    }
)
_KNOW_VERBS = frozenset(
    {
        "know",
        "knew",
        "go",
        "went",
        "date",
        "dated",
        "dating",
        "going",
        "work",
        "worked",
        "met",
        "used",
        "had",
        "like",
        "liked",
        "love",
        "loved",
        "room",
        "roomed",
        "live",
        "lived",
        "grew",
    }
)
_STRANGE = frozenset({"strange", "unknown", "unfamiliar", "unidentified", "mysterious"})
_UNCERTAIN_SELF = frozenset({"someone", "somebody", "anybody", "anyone"})
_NON_PERSON = frozenset(
    {
        "god",
        "christmas",
        "easter",
        "sunday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "english",
        "french",
        "i",
        "spanish",
        "german",
        "latin",
        "ok",
        "okay",
        "then",
        "the",
        "thanksgiving",
        "lord",
    }
)
_PLACE_PREPS = frozenset(
    {
        "in",
        "at",
        "to",
        "from",
        "on",
        "near",
        "into",
        "of",
        "toward",
        "towards",
        "through",
        "across",
        "via",
        "around",
        "st",
        "street",
    }
)
_TITLES = {
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
_PROMINENT = frozenset(
    {
        "truman",
        "roosevelt",
        "eisenhower",
        "churchill",
        "stalin",
        "hitler",
        "lincoln",
        "gable",
        "sinatra",
        "crosby",
        "einstein",
        "shakespeare",
        "napoleon",
        "kennedy",
        "nixon",
        "reagan",
        "clinton",
        "obama",
        "bush",
        "elvis",
        "presley",
        "beatles",
        "jesus",
        "christ",
        "goldwyn",
        "mayer",
    }
)
_FAMILY_IDENTITIES = frozenset("MFXBTHWADCIYR")
_ETHNIC_ADJ = frozenset(
    {
        "negro",
        "chinese",
        "japanese",
        "indian",
        "mexican",
        "italian",
        "jewish",
        "german",
        "french",
        "russian",
        "irish",
        "colored",
        "spanish",
        "african",
        "korean",
        "puerto",
        "swedish",
        "polish",
        "greek",
        "arab",
        "oriental",
    }
)
_PERSON_HEADS = frozenset(
    {
        "man",
        "men",
        "woman",
        "women",
        "boy",
        "boys",
        "girl",
        "girls",
        "lady",
        "ladies",
        "people",
        "fellow",
        "soldier",
        "soldiers",
        "student",
        "students",
        "family",
        "child",
        "children",
        "couple",
        "guy",
        "guys",
    }
)


class CastBuilder:
    """One left-to-right pass over the tokens; see :func:`build_cast`."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.toks = doc.tokens
        self.cast = Cast()
        self.nouns = table("characters").words
        self.names = first_names()
        self.by_key: dict[str, int] = {}
        self.skip_until = -1

    # -- helpers -------------------------------------------------------------------------
    def _word(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def _prev_words(self, i: int, n: int) -> list[str]:
        sent = self.toks[i].sentence
        out = []
        for j in range(i - 1, max(-1, i - n - 1), -1):
            if self.toks[j].sentence != sent:
                break
            out.append(self.toks[j].low)
        return out

    def _new(self, code: str, key: str, i: int, plural_noun: bool = False) -> int:
        number, sex, identity, age = parse_code(code)
        cid = len(self.cast.characters)
        self.cast.characters.append(
            Character(cid, number, sex, identity, age, key, i, plural_noun=plural_noun)
        )
        if key:
            self.by_key[key] = cid
        self.cast.refs[i] = cid
        return cid

    def _stated_age(self, i: int) -> tuple[str | None, str | None]:
        """Age class and sex from a parenthesis like ``(16)`` or ``(m, 23)`` after token i."""
        toks = self.toks
        j = i + 1
        while j < len(toks) and j <= i + 3 and toks[j].low in {".", "'s"}:
            j += 1
        if j >= len(toks) or toks[j].low not in {"(", "["}:
            return None, None
        sex = None
        for k in range(j + 1, min(len(toks), j + 6)):
            w = toks[k].low
            if w in {"m", "male"}:
                sex = "M"
            elif w in {"f", "female"}:
                sex = "F"
            elif w.isdigit():
                return age_class(int(w)), sex
            elif w in {")", "]"}:
                break
        return None, sex

    # -- nouns ---------------------------------------------------------------------------
    def _noun_code(self, i: int) -> tuple[str, str, bool] | None:
        """Lexicon code, lemma and whether the word was a regular plural, for token i."""
        tok = self.toks[i]
        word = tok.low[:-2] if tok.low.endswith("'s") else tok.low
        nxt = self._word(i + 1)
        if word in {"boy", "girl"} and nxt == "friend":
            self.skip_until = i + 1
            return ("1MKA" if word == "boy" else "1FKA"), word + "friend", False
        code = self.nouns.get(word)
        if code is not None:
            return None if code == "0" else (code, word, False)  # type: ignore[return-value]
        if word.endswith("s") and len(word) > 3:
            single = self.nouns.get(word[:-1])
            if single and single != "0" and single[0] == "1":
                sex = "J" if single[1] in "?I" else single[1]
                code = "2" + (single[1:] if single[1:] == "ANI" else sex + single[2:])
                return code, word[:-1], True
        return None

    def _needs_determiner(self, i: int, word: str) -> bool:
        if word not in _AMBIGUOUS:
            return False
        prev = self._prev_words(i, 2)
        return not prev or not (
            prev[0] in _DETERMINERS
            or prev[0].endswith("'s")
            or (len(prev) > 1 and prev[1] in _DETERMINERS)
        )

    def _handle_noun(self, i: int) -> bool:
        found = self._noun_code(i)
        if found is None:
            return False
        code, lemma, _regular = found
        if lemma in _ETHNIC_ADJ and self._word(i + 1) in _PERSON_HEADS:
            return True
        if self._needs_determiner(i, lemma) or (
            self._word(i + 1) in {"of"} and lemma in _GROUP_HEADS
        ):
            return lemma in _GROUP_HEADS
        prev = self._prev_words(i, 3)
        if self._not_a_person(i, lemma, prev):
            return True
        if self._is_predicate(prev) or self._is_apposition(i, prev):
            return True
        number, sex, identity, age = parse_code(code)
        family = age == "*"
        age = "A" if family else age
        if prev[:2] == ["of", "one"] or prev[1:3] == ["of", "one"]:
            number = "1"
        if prev and prev[0] in _ETHNIC_ADJ:
            identity = "E"
        if lemma == "people" and prev and prev[0] in {"other", "many", "several"}:
            identity = "U"
        if prev and prev[0] in {"sorority", "fraternity", "dorm", "dormitory"}:
            identity = "K"
        identity = self._identity(i, lemma, identity, prev, family)
        age = self._age(i, lemma, age, prev)
        stated_age, stated_sex = self._stated_age(i)
        if stated_age and not (sex == "A" and identity == "N"):
            age = stated_age
        if stated_sex and sex in "?I":
            sex = stated_sex
        code = f"{number}{sex}{identity}{age}" if code[1:] not in ("ANI", "CZZ") else code
        key, force_new = self._key(lemma, number, identity, prev)
        if key in self.by_key and not force_new:
            self.cast.refs[i] = self.by_key[key]
        else:
            self._new(code, key, i, plural_noun=number != "1")
        self._attach_name(i)
        return True

    def _not_a_person(self, i: int, lemma: str, prev: list[str]) -> bool:
        """Uses of character nouns that name no one: ``a date with``, ``we were friends``."""
        nxt = self._word(i + 1)
        if lemma == "date":
            return nxt in {"with", "of", "for", "and"} or (
                bool(prev) and prev[0] in {"this", "that"}
            )
        if lemma == "person" and (not prev or prev[0] not in {"a", "another", "one"}):
            return True
        if prev and prev[0] in {"were", "are", "be", "make", "made", "become", "became"}:
            return True
        return nxt in {"'s"} and False

    def _is_predicate(self, prev: list[str]) -> bool:
        """``he was a stranger``: a noun after a copula describes, it does not introduce."""
        if not prev or prev[0] not in {"a", "an"}:
            return False
        return len(prev) > 1 and prev[1] in {"was", "is", "were", "be", "became", "as", "seemed"}

    def _is_apposition(self, i: int, prev: list[str]) -> bool:
        """``Norma (18), a girl who...``: the noun restates the character just named."""
        if not prev or prev[0] not in {"a", "an"} or len(prev) < 2:
            return False
        if prev[1] not in {",", "("}:
            return False
        last = next(reversed(self.cast.refs), None) if self.cast.refs else None
        if last is None or last < i - 8 or self.cast.refs[last] == DREAMER:
            return False
        self.cast.refs[i] = self.cast.refs[last]
        return True

    def _identity(self, i: int, lemma: str, identity: str, prev: list[str], family: bool) -> str:
        poss = prev[0] if prev else ""
        if family:
            return "K" if poss.endswith("'s") or poss in _OTHER_POSS else identity
        if identity in {"S"} and any(w in _STRANGE for w in prev[:2]):
            return "S"
        if identity in {"S", "O"} and (poss in {"my", "our"} or self._known_clause(i)):
            return "K"
        if (
            identity == "O"
            and lemma in {"teacher", "professor", "instructor", "dean", "principal", "coach"}
            and poss in {"the", "our", "my"}
        ):
            return "K"
        return identity

    def _known_clause(self, i: int) -> bool:
        """``the boy I go with``, ``a girl whom I knew``: a relative clause says she is known."""
        words = [self._word(j) for j in range(i + 1, i + 5)]
        if words and words[0] in {"whom", "who", "that"}:
            words = words[1:]
        return len(words) >= 2 and words[0] == "i" and words[1] in _KNOW_VERBS

    def _age(self, i: int, lemma: str, age: str, prev: list[str]) -> str:
        if (
            lemma in _CHILD_NOUNS
            and prev
            and (prev[0] in _CHILD_ADJ or (len(prev) > 1 and prev[1] in _CHILD_ADJ))
        ):
            return "C"
        if prev and prev[0] in {"teen-age", "teenage", "teen"}:
            return "T"
        return age

    def _key(self, lemma: str, number: str, identity: str, prev: list[str]) -> tuple[str, bool]:
        """Dedup key (same key, same character) and whether this mention starts a new one."""
        det = prev[0] if prev else ""
        if det == "other" and len(prev) > 1 and prev[1] == "the":
            det = "the"
        force_new = det in _NEW_DET and identity not in _FAMILY_IDENTITIES and number == "1"
        return f"{lemma}:{number}", force_new

    # -- names ---------------------------------------------------------------------------
    def _attach_name(self, i: int) -> None:
        """``my friend Betty``, ``cousin (29) Jack``: a following name belongs to the noun."""
        cid = self.cast.refs[i]
        for j in range(i + 1, min(len(self.toks), i + 6)):
            tok = self.toks[j]
            if tok.low in {"(", ")", ","} or tok.low.isdigit():
                continue
            if self._is_name(j):
                self._claim_name(j, cid)
            return

    def _claim_name(self, j: int, cid: int) -> None:
        char = self.cast.characters[cid]
        name = self._name_key(j)
        char.name = char.name or name
        self.by_key.setdefault("name:" + name, cid)
        if char.sex == "?":
            char.sex = self.names.get(name, "?")
        self.cast.refs[j] = cid
        self.skip_until = max(self.skip_until, self._name_end(j))

    def _name_key(self, j: int) -> str:
        w = self.toks[j].low
        return w[:-2] if w.endswith("'s") else w

    def _name_end(self, j: int) -> int:
        """Last token of a name such as ``Jimmy L.`` or ``Clark Gable``."""
        k = j
        while k + 1 < len(self.toks):
            nxt = self.toks[k + 1]
            if (
                nxt.is_word
                and nxt.capitalized
                and nxt.low not in _NON_PERSON
                and nxt.low not in self.nouns
            ) or (nxt.low == "." and len(self.toks[k].text) == 1):
                k += 1
            else:
                break
        return k

    def _is_name(self, j: int) -> bool:
        tok = self.toks[j]
        if not (tok.is_word and tok.capitalized) or tok.low == "i":
            return False
        w = self._name_key(j)
        if w in _NON_PERSON or w in self.nouns:
            return False
        prev = self._word(j - 1)
        if prev in _TITLES:
            return True
        if w in _PROMINENT:
            return True
        if prev in _PLACE_PREPS and self._word(j + 1) != "(":
            return False
        if w in self.names:
            return True
        nxt, nxt2 = self._word(j + 1), self._word(j + 2)
        return nxt == "(" and nxt2.isdigit()

    def _handle_name(self, i: int) -> bool:
        if not self._is_name(i):
            return False
        w = self._name_key(i)
        key = "name:" + w
        if key in self.by_key:
            self.cast.refs[i] = self.by_key[key]
            self.skip_until = self._name_end(i)
            return True
        title = self._word(i - 1)
        sex = _TITLES.get(title) or self.names.get(w, "?")
        if sex == "?" and title in _TITLES:
            sex = "?"
        identity = "P" if w in _PROMINENT or self._word(i + 1) in _PROMINENT else "K"
        age, stated_sex = self._stated_age(self._name_end(i))
        code = f"1{stated_sex or sex}{identity}{age or 'A'}"
        cid = self._new(code, key, i)
        self.cast.characters[cid].name = w
        self.skip_until = self._name_end(i)
        return True

    # -- pronouns ------------------------------------------------------------------------
    def _recent(self, i: int, want) -> int | None:  # type: ignore[no-untyped-def]
        for n, t in enumerate(reversed(self.cast.refs)):
            if n > 40:
                break
            cid = self.cast.refs[t]
            if t < i and cid != DREAMER and want(self.cast.characters[cid]):
                return cid
        return None

    def _handle_pronoun(self, i: int, w: str) -> bool:
        if w in _DREAMER_WORDS:
            self.cast.refs[i] = DREAMER
            return True
        if w in _WE_WORDS:
            self.cast.refs[i] = DREAMER
            self.cast.we_tokens.add(i)
            return True
        if w in _MALE or w in _FEMALE:
            sex = "M" if w in _MALE else "F"
            cid = self._recent(
                i, lambda c: not c.plural and not c.is_animal and c.sex in (sex, "?", "I")
            )
            if cid is not None:
                if self.cast.characters[cid].sex in "?I":
                    self.cast.characters[cid].sex = sex
                self.cast.refs[i] = cid
            return True
        if w in _PLURAL:
            cid = self._recent(i, lambda c: c.plural)
            if cid is not None:
                self.cast.refs[i] = cid
            return True
        if w == "it":
            cid = self._recent(i, lambda c: c.is_animal and not c.plural)
            if cid is not None and i - self.cast.characters[cid].token < 60:
                self.cast.refs[i] = cid
            return True
        return False

    def run(self) -> Cast:
        for i, tok in enumerate(self.toks):
            if i <= self.skip_until or not tok.is_word:
                continue
            w = tok.low
            if self._handle_pronoun(i, w) or self._handle_noun(i):
                continue
            self._handle_name(i)
        return self.cast


def build_cast(doc: Document) -> Cast:
    """All characters of the report, coded once each, with every reference resolved."""
    return CastBuilder(doc).run()
