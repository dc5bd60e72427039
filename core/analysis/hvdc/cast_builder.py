"""Finds the characters of a report and resolves names, nouns and pronouns to them."""

from __future__ import annotations

from . import cast_words as W
from .cast import DREAMER, Cast, Character, parse_code
from .cast_coref import CorefRules
from .cast_mentions import MentionRules
from .cast_names import NameRules
from .cast_pronouns import PronounRules, is_third_person
from .cast_status import drop_waking_only, mark_dead, mark_told_ages
from .lexicon import first_names, table
from .text import Document


class CastBuilder(NameRules, PronounRules, MentionRules, CorefRules):
    """One left-to-right pass over the tokens; see :func:`build_cast`."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.toks = doc.tokens
        self.cast = Cast()
        self.nouns = table("characters").words
        self.objects = table("objects").words
        self.places = table("settings").words
        self.names = first_names()
        self.by_key: dict[str, int] = {}
        self.skip_until = -1
        self.pending: tuple[str, str] | None = None
        self.in_aside = False
        self.third_person = is_third_person(
            doc.tokens
        )  # sex, age lent by "woman" in "woman doctor"

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

    # -- nouns ---------------------------------------------------------------------------
    def _noun_code(self, i: int) -> tuple[str, str] | None:
        """Lexicon code and lemma of a character noun at token i."""
        word = self.toks[i].low
        word = word[:-2] if word.endswith("'s") else word
        if word in {"boy", "girl"} and self._word(i + 1) == "friend":
            self.skip_until = i + 1
            return ("1MKA" if word == "boy" else "1FKA"), word + "friend"
        in_law = self._word(i + 1) == "-" and self._word(i + 2) == "in"
        if in_law and (self._word(i + 3), self._word(i + 4)) == ("-", "law"):
            self.skip_until = i + 4  # "sister-in-law": a relative, not a sister
            word += "-in-law"
        code = self.nouns.get(word)
        if code is not None:
            return None if code == "0" else (code, word)
        if word.endswith("s") and len(word) > 3:
            single = self.nouns.get(word[:-1]) or (
                self.nouns.get(word[:-2])
                if word.endswith(("ses", "xes", "zes", "ches", "shes"))
                else None
            )
            if single and single != "0" and single[0] == "1":
                if single[1:] in ("ANI", "CZZ"):
                    return "2" + single[1:], word[:-1]
                sex = "J" if single[1] in "?I" else single[1]
                return "2" + sex + single[2:], word[:-1]
        return None

    def _needs_determiner(self, i: int, word: str) -> bool:
        if word not in W.AMBIGUOUS:
            return False
        prev = self._prev_words(i, 2)
        if not prev:
            return True
        return not (
            prev[0] in W.DETERMINERS
            or prev[0].endswith("'s")
            or (len(prev) > 1 and prev[1] in W.DETERMINERS)
            or (len(prev) > 1 and prev[0] == "of" and prev[1] in W.GROUP_HEADS)
        )

    def _skipped(self, i: int, lemma: str, code: str) -> bool:
        """Mentions that are not characters of their own (modifiers, group heads...)."""
        nxt = self._word(i + 1)
        if lemma in W.ETHNIC_ADJ and (nxt in W.PERSON_HEADS or self._word(i - 1) in W.BE_VERBS):
            return True  # "a Negro man" (the man is coded), "she was Japanese" (a predicate)
        if lemma in W.GROUP_HEADS and nxt == "of":
            return True
        if self._classifier_possessive(i, code) or self._names_a_thing(i, lemma, code):
            return True
        if self._comparison(i) or self._proper_animal(i, code):
            return True
        if nxt == "-" and self._word(i + 2) == "like":
            return True  # "spider-like": a likeness
        if (
            lemma in W.MODIFIER_PERSONS
            and self._noun_code_word(nxt)
            and not self.toks[i].low.endswith("'s")
        ):
            self.pending = (code[1], "C" if lemma in {"kid", "baby"} else "")
            return True
        if (
            (not code.endswith("*") or lemma == "family")
            and code[1:] not in ("ANI", "CZZ")
            and self._person_word(nxt)
            and not self.toks[i].low.endswith("'s")
            and not self.toks[i + 1].capitalized
        ):
            return True  # "enemy soldiers", "student instructor": the next noun is the person
        return self._needs_determiner(i, lemma)

    def _handle_noun(self, i: int) -> bool:
        found = self._noun_code(i)
        if found is None:
            return False
        code, lemma = found
        if self._skipped(i, lemma, code):
            return True
        prev = self._prev_words(i, 5)
        if self._not_a_person(i, lemma, prev) or self._restates(i, prev):
            self.pending = None
            return True
        generic_animal = lemma in {"animal", "animals", "creature", "creatures", "beast", "beasts"}
        if generic_animal and prev and prev[0] in {"the", "this", "that"}:
            animal = self._recent(i, lambda c: c.is_animal and c.number == code[0])
            if animal is not None:
                self.cast.refs[i] = animal
                return True
        code, key_lemma = self._coded(i, lemma, code, prev)
        if lemma in {"boy", "fellow", "man"} and self._after_has(i, W.STEADY_CUES):
            key_lemma = "boyfriend"
        if code[0] != "1" and self._joins_group(i, code):
            return True
        key, force_new = self._key(key_lemma, code[0], code[2], prev)
        if key not in self.by_key and self._refers_back(i, lemma, code, prev):
            return True
        if key in self.by_key and not force_new:
            self.cast.refs[i] = self.by_key[key]
        elif self.in_aside:
            return True  # "(my cousin is a little boy)": an aside about waking life
        else:
            self._new(code, key, i, plural_noun=code[0] != "1")
        self._attach_name(i)
        return True

    def _coded(self, i: int, lemma: str, code: str, prev: list[str]) -> tuple[str, str]:
        """The full character code of the noun at i in its context, and its dedup lemma."""
        if code[1:] in ("ANI", "CZZ"):
            return code, lemma
        number, sex, identity, age = parse_code(code)
        family = age == "*"
        age = "A" if family else age
        if self._one_of(prev):
            number = "1"
            sex = "I" if sex == "J" else sex
            lemma = lemma[:-1] if lemma.endswith("s") else lemma
        if self.pending:
            lent_sex, age = self.pending[0], self.pending[1] or age
            sex = lent_sex if lent_sex in "MF" or sex in "?IJ" else sex  # "kid sister" stays F
            self.pending = None
        if sex in "?IJ" and any(w in W.SEX_ADJ for w in prev[:2]):
            sex = W.SEX_ADJ[next(w for w in prev[:2] if w in W.SEX_ADJ)]  # "a male friend"
        identity = self._identity(i, lemma, identity, prev, family)
        age = self._age(lemma, age, prev)
        stated_age, stated_sex = self._stated_age(i)
        age = stated_age or age
        if stated_sex and sex in "?I":
            sex = stated_sex
        return f"{number}{sex}{identity}{age}", lemma

    def _joins_group(self, i: int, code: str) -> bool:
        """``boys and girls``, ``my aunts, cousins``: coordinated groups are one mixed group."""
        j = i - 1
        while (
            j >= 0
            and i - j <= 4
            and self.toks[j].low
            in {"and", ",", "or", "my", "the", "some", "their", "his", "her", "other"}
        ):
            j -= 1
        if j == i - 1 or j not in self.cast.refs or self.cast.refs[j] == DREAMER:
            return False
        group = self.cast.characters[self.cast.refs[j]]
        if not group.plural or group.is_animal != (code[1:] == "ANI"):
            return False
        if group.sex != code[1] and not group.is_animal:
            group.sex = "J"
        if group.identity == "U" and code[2] == "K":
            group.identity = "K"  # "the boys and girls": the better-known members decide
        self.cast.refs[i] = group.cid
        return True

    def _possessor(self, i: int) -> str:
        """The word that owns the noun at i, looking past ``(20)``-style asides."""
        j = i - 1
        while j >= 0 and (self.toks[j].low in {"(", ")", ","} or self.toks[j].low.isdigit()):
            j -= 1
        return self._word(j)

    def _identity(self, i: int, lemma: str, identity: str, prev: list[str], family: bool) -> str:
        poss = prev[0] if prev else ""
        if family:
            owner = self._possessor(i)
            if owner[:-2] in W.KIN and self._word(i - 2) in {"my", "our"}:
                return "R"  # "my sister's baby", "my grandmother's sister": a relative
            if self.third_person and owner in {"her", "subject's", "dreamer's"}:
                return identity  # "Subject ... her parents": the dreamer's own family
            other = owner.endswith("'s") or owner in W.OTHER_POSS or owner in {"a", "an"}
            other = other or (owner == "the" and self._word(i + 1) == "of")
            if not other:
                return identity
            return self._kin_of(i - 1)  # "his father", "the father of a friend"
        if prev and prev[0] in W.ETHNIC_ADJ:
            return "E"
        if lemma == "people" and poss in {"other", "several"}:
            return "U"
        if lemma == "children" and poss == "the" and identity == "S":
            return "U"  # "the children": a group the dreamer tends but cannot name
        if (
            identity in {"S", "K"}
            and lemma in W.PERSON_HEADS
            and (poss == "some" or (poss == "other" and lemma.endswith(("s", "people", "men"))))
        ):
            return "K" if self._known_clause(i) else "U"  # "some girl": the dreamer can't say
        if poss in {"sorority", "fraternity", "dorm", "dormitory"}:
            return "K"
        if identity == "K" and lemma in W.PEER_NOUNS and any(w in W.LITTLE for w in prev[:3]):
            identity = "S"  # "a little girl": a child, not one of the dreamer's peers
        if identity in {"S", "K"} and (
            any(w in W.STRANGE for w in prev[:2]) or self._after_has(i, W.STRANGER_CUES)
        ):
            return "S"
        if identity in {"S", "K"} and self._uncertain_clause(i):
            return "U"
        mine = any(w in {"my", "our"} for w in prev[:3]) and not any(
            w.endswith("'s") for w in prev[:3]
        )
        if identity in {"S", "O", "U"} and (mine or self._known_clause(i)):
            return "K"  # "my Sunday school pupils", "a girl in my Spanish class"
        if (
            identity == "O"
            and any(w in {"my", "our"} for w in prev[1:3])
            and not any(w.endswith("'s") for w in prev[:2])
        ):
            return "K"  # "my economics teacher", "our family doctor": known personally
        if identity == "S" and poss in W.OTHER_POSS | {"neighborhood"}:
            return "K"
        if (
            identity == "O"
            and lemma in {"teacher", "professor", "instructor", "dean", "principal", "coach"}
            and poss in {"the", "our", "my"}
        ):
            return "K"
        return identity

    def _kin_of(self, j: int) -> str:
        """Someone else's family member is known (K) through a known owner, a stranger (S)
        through a stranger: "the man I was with ... his father", "a girl ... her parents"."""
        owner = self.cast.refs.get(j)
        if owner is None or owner == DREAMER:
            return "K"
        return "S" if self.cast.characters[owner].identity in {"S", "U", "O"} else "K"

    def _words_after(self, i: int, n: int = 10) -> list[str]:
        sent = self.toks[i].sentence
        words = []
        for j in range(i + 1, min(len(self.toks), i + n)):
            if self.toks[j].sentence != sent or self.toks[j].low in {".", ";"}:
                break
            words.append(self.toks[j].low)
        return words

    def _after_has(self, i: int, cues: tuple[str, ...]) -> bool:
        text = " " + " ".join(self._words_after(i)) + " "
        return any(cue in text for cue in cues)

    def _known_clause(self, i: int) -> bool:
        """``the boy I go with``, ``a woman who was my teacher``, ``a girl in my class``: the
        words after the noun say the dreamer knows this person."""
        words = self._words_after(i)
        if words and words[0] in {"whom", "who", "that"}:
            words = words[1:]
        if len(words) >= 2 and words[0] == "i" and words[1] in W.KNOW_VERBS:
            return True
        text = " " + " ".join(words) + " "
        if W.MY_GROUP.search(text):
            return True  # "in my Spanish class", "from our dorm"
        return self._after_has(i, W.KNOWN_CUES)

    def _uncertain_clause(self, i: int) -> bool:
        """``a girl, I'm not sure who``, ``a man who seemed familiar``: identity uncertain."""
        sent = self.toks[i].sentence
        words = []
        for j in range(i + 1, min(len(self.toks), i + 12)):
            if self.toks[j].sentence != sent:
                break
            words.append(self.toks[j].low)
        text = " ".join(words)
        return any(cue in text for cue in W.UNCERTAIN_CUES)

    def _age(self, lemma: str, age: str, prev: list[str]) -> str:
        if lemma in W.CHILD_NOUNS and any(w in W.CHILD_ADJ for w in prev[:2]):
            return "C"
        if prev and prev[0] in {"teen-age", "teenage", "teen"}:
            return "T"
        return age

    def _key(self, lemma: str, number: str, identity: str, prev: list[str]) -> tuple[str, bool]:
        """Dedup key (same key, same character) and whether this mention starts a new one."""
        det = prev[0] if prev else ""
        if det == "other" and len(prev) > 1 and prev[1] == "the":
            det = "the"
        force_new = (
            det in {"another", "other", "second", "new"}
            and identity not in W.FAMILY_IDENTITIES
            and number == "1"
        ) or (number != "1" and det in {"another", "other", "different", "more"})
        plain = f"{W.ALIASES.get(lemma, lemma)}:{number}"
        if identity in {"M", "F", "H", "W", "X"}:
            if det in {"the", "both", ""} and plain in self.by_key:
                return plain, False  # "his parents ... both parents": the same pair
            return f"family:{identity}", False  # "father", "Dad" and "daddy" are one man
        return f"{W.ALIASES.get(lemma, lemma)}:{number}", force_new

    def run(self) -> Cast:
        depth = 0
        for i, tok in enumerate(self.toks):
            depth += (tok.low == "(") - (tok.low == ")")
            self.in_aside = depth > 0
            if i <= self.skip_until or not tok.is_word:
                continue
            if self._handle_pronoun(i, tok.low) or self._handle_noun(i):
                continue
            self.pending = None
            self._handle_name(i)
        self._default_sexes()
        mark_dead(self.doc, self.cast)
        mark_told_ages(self.doc, self.cast)
        drop_waking_only(self.doc, self.cast)
        return self.cast


def build_cast(doc: Document) -> Cast:
    """All characters of the report, coded once each, with every reference resolved."""
    return CastBuilder(doc).run()
