"""Mentions of character nouns that name no one in the dream: a likeness (``like a dancer``),
a role of the dreamer (``I was a waitress``), a noun that only qualifies a thing (``the
driver's wheel``), a name, an idiom or a negation."""

from __future__ import annotations

from . import cast_words as W
from .cast import Cast
from .text import Token


class MentionRules:
    """Mixin of :class:`~.cast_builder.CastBuilder`; shares its state and helpers."""

    toks: list[Token]
    cast: Cast
    nouns: dict[str, str]
    objects: dict[str, str]
    places: dict[str, str]
    by_key: dict[str, int]

    def _person_word(self, word: str) -> bool:
        """A human character noun, singular or plural."""
        if self._noun_code_word(word):
            return True
        code = self.nouns.get(word[:-1]) if word.endswith("s") else None
        return bool(code) and code != "0" and code[1:] not in ("ANI", "CZZ")

    def _classifier_possessive(self, i: int, code: str) -> bool:
        """``a doctor's office``, ``the young people's group``: the possessive only says what
        kind of thing follows; ``my father's store`` still names the father."""
        if not self.toks[i].low.endswith("'s") or code.endswith("*"):
            return False
        if self.toks[i].low[:-2] in W.UNCERTAIN_SELF:
            return True  # "someone's napkin", "somebody's death": no one in the dream
        prev = self._prev_words(i, 2)
        det = prev[0] if prev else ""
        if det in {"young", "old", "little"} and len(prev) > 1:
            det = prev[1]
        return det in {"", "a", "an", "some", "young"} or (det == "the" and code[0] == "2")

    def _names_a_thing(self, i: int, lemma: str, code: str) -> bool:
        """``the driver's wheel``, ``a guard rail``, ``the ladies' room``: a person noun that
        only qualifies the object or place after it, for someone never met in the dream."""
        if (code.endswith("*") and lemma != "family") or code.endswith("CZZ"):
            return False  # "my father's store" names the father; "our family car" no one
        nxt = self._word(i + 1)
        if nxt == "'":
            nxt = self._word(i + 2)
        if not (nxt in self.objects or nxt in self.places or nxt in W.QUALIFIED_THINGS):
            return False
        return f"{W.ALIASES.get(lemma, lemma)}:{code[0]}" not in self.by_key

    def _proper_animal(self, i: int, code: str) -> bool:
        """``Los Angeles``, ``in Buffalo``: a capitalized animal or creature word inside a
        sentence is a place or a name, not a creature."""
        tok = self.toks[i]
        starts = i == 0 or self.toks[i - 1].sentence != tok.sentence
        return code[1:] in ("ANI", "CZZ") and tok.capitalized and not starts

    def _comparison(self, i: int) -> bool:
        """``like a ballet dancer``, ``worked as a waitress``: a likeness or a role, no one."""
        prev = self._prev_words(i, 5)
        for k, w in enumerate(prev[:3]):
            if w in {",", "and", "or"} or w in W.BE_VERBS:
                return False
            if w == "like" and self._word(i + 1) not in {"who", "that"}:
                return True
            if w == "as":
                return len(prev) > k + 1 and prev[k + 1] in W.ROLE_VERBS
        return False

    def _noun_code_word(self, word: str) -> bool:
        code = self.nouns.get(word)
        return bool(code) and code != "0" and code[0] == "1" and code[1:] not in ("ANI", "CZZ")

    def _not_a_person(self, i: int, lemma: str, prev: list[str]) -> bool:
        """Uses of character nouns that name no one: ``a date with``, ``we were friends``."""
        nxt = self._word(i + 1)
        if lemma == "date":
            return not prev or prev[0] not in {"my", "his", "her"} or nxt in {"with", "of", "for"}
        if lemma == "person" and (not prev or prev[0] not in {"a", "another", "one"}):
            return True
        if prev and (prev[0] == "no" or (prev[0] in {"a", "an"} and prev[1:2] == ["myself"])):
            return True  # "no audience", "felt myself a stranger"
        if prev[:2] in (["more", "no"], ["one", "not"]):
            return True  # "no more animals", "not one seal"
        if prev[:1] in (["a"], ["an"]) and prev[1:2] in (["felt"], ["feel"], ["feeling"]):
            return True  # "feeling a stranger": how the dreamer feels
        if prev[:2] == ["all", "of"] or (self.toks[i].low == "people" and nxt == "like"):
            return True  # "she of all people", "people like me": idioms and generic people
        if prev[:1] and prev[0] in W.PRONOUNS and self.toks[i].low in W.AMBIGUOUS_VERBS:
            return True  # "they dove", "we fish": a verb, not an animal
        if "not" in prev[:4] and any(w in W.BE_VERBS for w in prev[prev.index("not") :][:2]):
            return True  # "she is not one of my best friends": says who someone is not
        if self.toks[i].low.endswith("s") and any(w in {"we", "us"} for w in prev[:2]):
            return True  # "we girls", "us two girls": the dreamer's own party
        if self._listed_by_name(i):
            return True
        return (
            bool(prev)
            and prev[0] in {"were", "are", "make", "made", "become", "became"}
            and (self.toks[i].low.endswith("s"))
        )

    def _listed_by_name(self, i: int) -> bool:
        """``two boys, Leonard and John``: the group is coded as the named people it lists."""
        return (
            self.toks[i].low.endswith("s")
            and self._word(i + 1) == ","
            and i + 2 < len(self.toks)
            and self._is_name(i + 2)
            and self._word(self._name_end(i + 2) + 1) in {"and", ",", "("}
        )

    def _one_of(self, prev: list[str]) -> bool:
        """``one of the girls``, ``one of my best friends``: a single member of a group."""
        for k in range(min(len(prev), 5) - 1):
            if prev[k] == "of" and prev[k + 1] == "one":
                return all(w in W.DETERMINERS or w not in W.BE_VERBS for w in prev[:k])
        return False
