"""Named characters: first names, titles (``Mrs. Brown``), prominent people, and names that
belong to a noun just mentioned (``my friend Betty``, ``cousin (29) Jack``)."""

from __future__ import annotations

from . import cast_words as W
from .cast import Cast, age_class
from .lexicon import is_common_word
from .text import Token


class NameRules:
    """Mixin of :class:`CastBuilder` for proper names; shares its state."""

    toks: list[Token]
    cast: Cast
    names: dict[str, str]
    nouns: dict[str, str]
    by_key: dict[str, int]
    objects: dict[str, str]
    places: dict[str, str]
    skip_until: int
    in_aside: bool

    def _word(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def _new(self, code: str, key: str, i: int, plural_noun: bool = False) -> int:
        raise NotImplementedError

    def _stated_age(self, i: int) -> tuple[str | None, str | None]:
        """Age class and sex from a parenthesis like ``(16)`` or ``(m, 23)`` after token i."""
        toks = self.toks
        j = i + 1
        while j < len(toks) and j <= i + 3 and toks[j].low in {".", "'s", "of", "mine", "ours"}:
            j += 1
        if j >= len(toks) or toks[j].low not in {"(", "["}:
            return self._told_age(i), None
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

    def _told_age(self, i: int) -> str | None:
        """``a little girl, about 6 years old``, ``a man of 40``: an age told in words."""
        toks = self.toks
        sent = toks[i].sentence
        for k in range(i + 1, min(len(toks), i + 8)):
            if toks[k].sentence != sent:
                break
            w = toks[k].low
            if not w.isdigit():
                continue
            before = toks[k - 1].low
            after = toks[k + 1].low if k + 1 < len(toks) else ""
            if after in {"years", "year"} or before in {"about", "age", "aged", "of"}:
                return age_class(int(w)) if len(w) <= 3 else None
            if (before in {",", "is", "was"} or k == i + 1) and len(w) <= 2 and k <= i + 4:
                return age_class(int(w))  # "my sister, 17,", "my cousin who is 17", "brother 13"
        return self._hyphenated_age(i)

    def _hyphenated_age(self, i: int) -> str | None:
        """``my 11-year-old sister``: an age written before the noun."""
        words = [self._word(k) for k in range(i - 5, i)]
        if words[-4:-1] == ["-", "year", "-"] and words[-1] == "old" and words[0].isdigit():
            return age_class(int(words[0])) if len(words[0]) <= 2 else None
        return None

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
                and nxt.low not in W.NON_PERSON
                and nxt.low not in self.nouns
                and nxt.low not in W.PLACE_SUFFIXES
            ) or (nxt.low == "." and len(self.toks[k].text) == 1):
                k += 1
            else:
                break
        return k

    def _titled(self, j: int) -> str | None:
        """The title before a name (``Mrs`` in ``Mrs. Brown``), if any."""
        prev = self._word(j - 1)
        if prev == "." and self._word(j - 2) in W.TITLES:
            return self._word(j - 2)
        return prev if prev in W.TITLES and prev not in {"sister", "brother"} else None

    def _is_name(self, j: int) -> bool:
        tok = self.toks[j]
        if not (tok.is_word and tok.capitalized) or tok.low == "i":
            return False
        w = self._name_key(j)
        if w in W.NON_PERSON or w in self.nouns:
            return False
        after = (
            self.toks[self._name_end(j) + 1].low if self._name_end(j) + 1 < len(self.toks) else ""
        )
        if after in W.PLACE_SUFFIXES:
            return False
        if self._titled(j) or w in W.PROMINENT:
            return True
        sentence_start = j == 0 or self.toks[j - 1].sentence != tok.sentence
        if w in self.names:
            if sentence_start and w in W.WORDLIKE_NAMES:
                return False
            return not (w in W.GEO_NAMES and self._word(j - 1) in W.PLACE_PREPS)
        if self._word(j - 1) in W.PLACE_PREPS:
            return False
        if self._word(j + 1) == "(" and self._word(j + 2).isdigit():
            return True
        return self._unknown_name(j, w, sentence_start)

    def _unknown_name(self, j: int, w: str, sentence_start: bool) -> bool:
        """A capitalized word inside a sentence that is no place and no common word
        (``Marv C and I``) is taken for someone's name."""
        tok = self.toks[j]
        if tok.text.isupper() and len(tok.text) in (2, 3) and tok.text.isalpha():
            return w not in W.NOT_INITIALS  # "SM", "GS": people named by their initials
        if (tok.text.isupper() and len(tok.text) > 1) or len(w) < 3:
            return False
        nxt, nxt2 = self.toks[j + 1] if j + 1 < len(self.toks) else None, self._word(j + 2)
        initial = (
            nxt is not None
            and len(nxt.text) == 1
            and nxt.text.isupper()
            and (nxt.text != "I" or nxt2 == ".")
        )
        person_context = initial or (nxt is not None and nxt.low == "and" and nxt2 in {"i", "me"})
        if not sentence_start:
            person_context = person_context or self._word(j - 1) in W.BEFORE_PERSON
        return person_context and w not in W.GEO_NAMES and not is_common_word(w)

    def _handle_name(self, i: int) -> bool:
        if not self._is_name(i):
            return False
        w = self._name_key(i)
        key = "name:" + w
        end = self._name_end(i)
        self.skip_until = end
        title = self._titled(i)
        if key in self.by_key and not self._other_sex(self.by_key[key], title):
            self.cast.refs[i] = self.by_key[key]
            return True
        if self.in_aside or self._names_a_brand(end):
            return True
        sex = W.TITLES.get(title, "?") if title else "?"
        if sex == "?":
            sex = self.names.get(w, "?")
        parts = [self._name_key(k) for k in range(i, end + 1) if self.toks[k].is_word]
        identity = "P" if any(p in W.PROMINENT for p in parts) else "K"
        age, stated_sex = self._stated_age(end)
        cid = self._new(f"1{stated_sex or sex}{identity}{age or 'A'}", key, i)
        self.cast.characters[cid].name = w
        for part in parts[1:]:
            if len(part) > 2:  # "Franklin D. Roosevelt" is later just "Roosevelt"
                self.by_key.setdefault("name:" + part, cid)
        return True

    def _other_sex(self, cid: int, title: str | None) -> bool:
        """``Tony Martin ... Mrs. Martin``: a title of the other sex names someone else."""
        sex = W.TITLES.get(title or "", "?")
        known = self.cast.characters[cid].sex
        return sex in "MF" and known in "MF" and sex != known

    def _names_a_brand(self, end: int) -> bool:
        """``my Shakespeare class``, ``a Lincoln sedan``, ``Walt Disney characters``: a name
        that only qualifies the thing after it is no one in the dream."""
        if self.toks[end].low.endswith("'s"):
            return False
        nxt = self._word(end + 1)
        return nxt in self.objects or nxt in self.places or nxt in {"characters", "name"}

    def _attach_name(self, i: int) -> None:
        """``my friend Betty``, ``cousin (29) Jack``: a following name belongs to the noun."""
        cid = self.cast.refs[i]
        commas = 0
        for j in range(i + 1, min(len(self.toks), i + 7)):
            tok = self.toks[j]
            commas += tok.low == ","
            if (tok.low in W.SKIP_TO_NAME or tok.low.isdigit()) and commas < 2:
                continue
            if self._is_name(j) and self._compatible(cid, j):
                self._claim_name(j, cid)
            return

    def _compatible(self, cid: int, j: int) -> bool:
        char = self.cast.characters[cid]
        sex = self.names.get(self._name_key(j), "?")
        if char.is_animal:
            return not char.plural
        return not char.plural and (char.sex in "?I" or sex == "?" or sex == char.sex)

    def _claim_name(self, j: int, cid: int) -> None:
        name = self._name_key(j)
        existing = self.by_key.get("name:" + name)
        self.skip_until = max(self.skip_until, self._name_end(j))
        if existing is not None and existing != cid and cid == len(self.cast.characters) - 1:
            self._merge_last_into(existing)
            self.cast.refs[j] = existing
            return
        char = self.cast.characters[cid]
        char.name = char.name or name
        self.by_key.setdefault("name:" + name, cid)
        if char.sex in "?I" and not char.is_animal:
            char.sex = self.names.get(name, char.sex)
        self.cast.refs[j] = cid

    def _merge_last_into(self, target: int) -> None:
        """Drop the character just created: it was another mention of ``target``."""
        last = self.cast.characters.pop()
        for t in reversed(self.cast.refs):
            if t < last.token:
                break
            if self.cast.refs[t] == last.cid:
                self.cast.refs[t] = target
        for key, ref in list(self.by_key.items()):
            if ref == last.cid:
                self.by_key[key] = target
