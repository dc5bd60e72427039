"""Character nouns of the lexicon: the code of a noun at a token, singular or plural."""

from __future__ import annotations

from .state import CastState, word_at


def noun_code(st: CastState, i: int) -> tuple[str, str] | None:
    """Lexicon code and lemma of a character noun at token i."""
    word = st.toks[i].low
    word = word[:-2] if word.endswith("'s") else word
    if word in {"boy", "girl"} and word_at(st, i + 1) == "friend":
        st.skip_until = i + 1
        return ("1MKA" if word == "boy" else "1FKA"), word + "friend"
    in_law = word_at(st, i + 1) == "-" and word_at(st, i + 2) == "in"
    if in_law and (word_at(st, i + 3), word_at(st, i + 4)) == ("-", "law"):
        st.skip_until = i + 4  # "sister-in-law": a relative, not a sister
        word += "-in-law"
    code = st.nouns.get(word)
    if code is not None:
        return None if code == "0" else (code, word)
    if word.endswith("s") and len(word) > 3:
        single = st.nouns.get(word[:-1]) or (
            st.nouns.get(word[:-2])
            if word.endswith(("ses", "xes", "zes", "ches", "shes"))
            else None
        )
        if single and single != "0" and single[0] == "1":
            if single[1:] in ("ANI", "CZZ"):
                return "2" + single[1:], word[:-1]
            sex = "J" if single[1] in "?I" else single[1]
            return "2" + sex + single[2:], word[:-1]
    return None


def person_word(st: CastState, word: str) -> bool:
    """A human character noun, singular or plural."""
    if noun_code_word(st, word):
        return True
    code = st.nouns.get(word[:-1]) if word.endswith("s") else None
    if not code or code == "0":
        return False
    return code[1:] not in ("ANI", "CZZ")


def noun_code_word(st: CastState, word: str) -> bool:
    code = st.nouns.get(word)
    if not code or code == "0":
        return False
    return code[0] == "1" and code[1:] not in ("ANI", "CZZ")
