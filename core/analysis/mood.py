"""The overall mood of a dream: from its HVdC emotions, else from emotion words in the text.

HVdC codes an emotion only when the report states it, so the coding is the best evidence; when
it names none we fall back on what happens (success, good fortune and friendliness against
failure, misfortune and aggression). A report the coder does not support (Russian text) is read with a small EN/RU
emotion lexicon that skips negated words ("I wasn't afraid"), and failing that with the
emotional colour of the symbols it mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from core.analysis.hvdc.types import Coding
from core.analysis.symbols.forms import WORD_RE, expand_form, normalize_word
from core.analysis.symbols.matcher import is_negated
from core.interpret.types import SymbolHit

MOODS: tuple[str, ...] = ("positive", "negative", "mixed", "neutral")
POSITIVE_EMOTIONS = frozenset({"HA"})
NEGATIVE_EMOTIONS = frozenset({"AN", "AP", "SD", "CO"})
_POSITIVE_OUTCOMES = ("success", "good_fortune", "friendliness")
_NEGATIVE_OUTCOMES = ("failure", "misfortune", "aggression")

_POSITIVE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("happy", "happily", "happiness", "glad", "joy", "joyful", "delighted", "excited",
           "relieved", "relief", "calm", "peaceful", "wonderful", "pleased", "elated", "cheerful",
           "content", "fun", "enjoyed", "enjoying", "laughed", "laughing", "thrilled", "safe"),
    "ru": ("радост~", "рад", "рада", "рады", "обрадова~v", "счастл~", "счастье", "счастья",
           "весел~", "весело", "спокойн~", "спокойно", "восторг~", "прекрасн~", "чудесн~",
           "облегчени~", "смея~v", "смеялся", "смеялась", "наслажда~v", "уютн~"),
}  # fmt: skip
_NEGATIVE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("afraid", "scared", "frightened", "terrified", "fear", "feared", "panic", "panicked",
           "anxious", "anxiety", "worried", "worry", "nervous", "angry", "furious", "mad",
           "annoyed", "irritated", "sad", "sadness", "upset", "cried", "crying", "lonely",
           "depressed", "confused", "confusion", "horrible", "terrible", "awful", "nightmare",
           "helpless", "ashamed", "embarrassed", "guilty", "desperate", "dread", "horror"),
    "ru": ("страх~", "страшн~", "страшно", "испуг~", "испуга~v", "испугался", "испугалась",
           "боя~v", "боялся", "боялась", "ужас~", "ужасно", "тревог~", "тревожн~", "паник~",
           "зл~", "зли~v", "серди~v", "сердит~", "злост~", "гнев~", "разозли~v", "груст~", "грустн~", "грустно", "печал~",
           "плака~v", "тоск~", "одинок~", "растерян~", "смущ~", "стыд~", "стыдно", "кошмар~",
           "отчаяни~", "беспомощн~", "обидн~", "обид~", "жутк~", "жутко"),
}  # fmt: skip

#: Symbols whose image usually colours a dream, used only when no emotion word is found.
_POSITIVE_SYMBOLS = frozenset({"rainbow", "wedding", "gift", "treasure", "party", "laughter",
                               "kiss", "love", "dance", "music", "birthday", "flying", "sun"})  # fmt: skip
_NEGATIVE_SYMBOLS = frozenset({"death", "funeral", "drowning", "chase", "monster", "blood",
                               "wound", "fight", "scream", "crying", "prison", "falling",
                               "paralysis", "flood", "weapon", "zombie", "ghost", "late",
                               "lost", "devil"})  # fmt: skip


def emotion_class(code: str) -> str:
    """The emotion of an HVdC emotion code: ``"AP, D"`` → ``"AP"``."""
    return code.split(",", 1)[0].strip()[:2].upper()


def emotion_holders(code: str) -> tuple[str, ...]:
    """Who feels it: ``"HA, D + 1FSA"`` → ``("D", "1FSA")``."""
    _, _, holders = code.partition(",")
    return tuple(h.strip() for h in holders.split("+") if h.strip())


def balance(positive: int, negative: int) -> str:
    """Mood from two counts; one side must outweigh the other two to one to win outright."""
    if positive == 0 and negative == 0:
        return "neutral"
    if negative == 0 or positive >= 2 * negative:
        return "positive"
    if positive == 0 or negative >= 2 * positive:
        return "negative"
    return "mixed"


def mood_from_coding(coding: Coding) -> str:
    """Mood from the HVdC emotions (HA positive; AN, AP, SD, CO negative), else from events.

    An unsupported coding gives ``"neutral"``: use :func:`dream_mood` to fall back on the text.
    """
    if not coding.supported:
        return "neutral"
    classes = [emotion_class(c.code) for c in coding.of("emotions")]
    positive = sum(c in POSITIVE_EMOTIONS for c in classes)
    negative = sum(c in NEGATIVE_EMOTIONS for c in classes)
    if positive or negative:
        return balance(positive, negative)
    good = sum(len(coding.of(cat)) for cat in _POSITIVE_OUTCOMES)
    bad = sum(len(coding.of(cat)) for cat in _NEGATIVE_OUTCOMES)
    return balance(good, bad)


def _lexicon(words: dict[str, tuple[str, ...]]) -> frozenset[str]:
    return frozenset(
        tokens[0]
        for lang, forms in words.items()
        for form in forms
        for tokens in expand_form(form, lang)
    )


@lru_cache(maxsize=1)
def _emotion_words() -> tuple[frozenset[str], frozenset[str]]:
    return _lexicon(_POSITIVE_WORDS), _lexicon(_NEGATIVE_WORDS)


def _symbol_balance(keys: Iterable[str]) -> str:
    keys = set(keys)
    return balance(len(keys & _POSITIVE_SYMBOLS), len(keys & _NEGATIVE_SYMBOLS))


def mood_from_text(text: str, symbols: Sequence[SymbolHit] = ()) -> str:
    """Mood from emotion words in EN or RU text (negated ones skipped), else from symbols."""
    positive_words, negative_words = _emotion_words()
    positive = negative = 0
    for match in WORD_RE.finditer(text):
        word = normalize_word(match.group())
        if word in positive_words or word in negative_words:
            if is_negated(text, match.span()):
                continue
            positive += word in positive_words
            negative += word in negative_words
    if positive or negative:
        return balance(positive, negative)
    return _symbol_balance(hit.key for hit in symbols)


def dream_mood(coding: Coding, text: str, symbols: Sequence[SymbolHit] = ()) -> str:
    """The mood to show: the coding's when it says anything, else the text's."""
    mood = mood_from_coding(coding)
    return mood if mood != "neutral" else mood_from_text(text, symbols)
