"""Direct speech in a Russian report: «сказал: «Я тебя убью»».

Inside the quotes «я» is the speaker and «ты» the one spoken to, and the acts the words name
are words, not deeds; the dreamer's sex is not read from them either.
"""

from __future__ import annotations

from .nlp import RuDoc


def in_speech(doc: RuDoc, i: int) -> bool:
    """Whether the word at ``i`` is in direct speech («сказал: «Я тебя убью»»)."""
    return speech_opening(doc, i) is not None


def speech_opening(doc: RuDoc, i: int) -> int | None:
    """The opening « of the direct speech that holds the word at ``i`` («сказал: «Я тебя убью»»), or
    None: there «я» is the speaker and «ты» the one spoken to, not the dreamer."""
    sentence = doc.sentences[doc.sentence_of[i]]
    for k in range(i - 1, sentence.first - 1, -1):
        if doc.words[k].text == "»":
            return None
        if doc.words[k].text == "«":
            return k if k > sentence.first and doc.words[k - 1].text == ":" else None
    return None
