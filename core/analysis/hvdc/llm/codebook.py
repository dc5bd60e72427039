"""The prompt of the LLM coder: the HVdC codebook's definitions and a few coded examples.

The definitions condense Hall & Van de Castle (1966) and the DreamBank coding rules for the
categories the LLM codes; the notation is that of the coding cards, so the answer can be
checked code by code (:mod:`.notation`).  Examples are short reports coded by hand in the same
notation; a benchmark may pass examples of its own (e.g. from the development set).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .notation import LLM_CATEGORIES

PROMPT_VERSION = "hvdc-llm-1"

CODEBOOK = """You code dream reports with the Hall/Van de Castle (HVdC) system, exactly as the
human coders of the DreamBank norms did. Code only what the report says happened in the dream.

CHARACTERS: every person, animal or creature in the dream except the dreamer, once per dream.
Code = number, sex, identity, age. Number 1 individual, 2 group (3 dead individual, 4 dead
group). Sex M male, F female, J joint (mixed group), I indefinite. Identity: F father, M mother,
X parents, B brother, T sister, H husband, W wife, A son, D daughter, C child, I infant,
Y family members, R relative, K known, P prominent, O occupational, E ethnic/foreigner,
S stranger, U uncertain. Age A adult, T teenager, C child, B baby. Animals 1ANI (group 2ANI);
creatures 1CZZ. Examples: 1MKA a male friend, 2JSA a group of strangers, 1FMA the mother.

INTERACTIONS: "INITIATOR LEVEL> RECIPIENT" (one-way), "=" mutual, "R" reciprocated, "D 1*"
self-directed. D is the dreamer; "D + 1FKA" when the dreamer acts with someone; Q an unknown
agent. Name characters by their character code.
 aggression: 1 covert hostility (hostile feelings, no act), 2 verbal (yelling, criticising,
  mocking), 3 rejection, exclusion, coercion or demands, 4 verbal threat or accusation,
  5 theft or destruction of a possession, 6 chasing, capture, confinement, 7 physical assault,
  8 killing.
 friendliness: 1 friendly feelings not acted on, 2 verbal friendliness (greeting, praise),
  3 a gift or loan, 4 help or protection, 5 invitation, a date, shared activity, visit,
  6 physical affection (hugging, kissing), 7 engagement or marriage.
 sexuality: 1 sexual thoughts, 2 sexual overtures, 3 kissing as a sexual act, 4 petting,
  5 intercourse.
SETTINGS: one per scene: I indoor, O outdoor, A ambiguous, Q none; then F familiar,
D distorted, G geographical (a named city or country), U unfamiliar, Q questionable: IF, OU, AQ.
SUCCESS "SU, WHO" and FAILURE "FL, WHO": the outcome of a character's own effort towards a
goal (an episode: striving, then success or failure through that effort). Bad luck is not a
failure; another character's refusal is an interaction.
MISFORTUNE "M1..M6, WHO": bad things that happen without anyone's intent: M1 mishap, being
lost or blocked, M2 loss of a possession, M3 injury or illness, M4 a fall or accident, M5
threat from the environment, M6 death. GOOD FORTUNE "GF, WHO": good luck not earned.
EMOTIONS "AN|AP|SD|CO|HA, WHO": anger, apprehension (fear, anxiety), sadness, confusion,
happiness; only when the report states or clearly expresses the feeling; WHO is who feels it.

Answer with JSON only: one list of code strings per category, empty lists where nothing applies."""


@dataclass(frozen=True, slots=True)
class Example:
    """A coded report shown to the model: the report and its codes per category."""

    report: str
    codes: dict[str, list[str]] = field(default_factory=dict)


EXAMPLES: tuple[Example, ...] = (
    Example(
        "I was walking home through a strange park at night when a big dog started to chase "
        "me. I was terrified and ran into my friend Mary's house. She hugged me and we laughed.",
        {
            "characters": ["1ANI", "1FKA"],
            "aggression": ["1ANI 6> D"],
            "friendliness": ["1FKA 6> D"],
            "settings": ["OU", "IF"],
            "emotions": ["AP, D", "HA, D + 1FKA"],
        },
    ),
    Example(
        "My mother and I were in our kitchen. I tried hard to open the jar but couldn't, and I "
        "cut my finger on the lid. Mother was angry and yelled at me.",
        {
            "characters": ["1FMA"],
            "aggression": ["1FMA 2> D"],
            "settings": ["IF"],
            "failure": ["FL, D"],
            "misfortune": ["M3, D"],
            "emotions": ["AN, 1FMA"],
        },
    ),
    Example(
        "I was taking an exam in a classroom I had never seen. A man I didn't know gave me a "
        "pencil. I finally solved the last problem and passed.",
        {
            "characters": ["1MSA"],
            "friendliness": ["1MSA 3> D"],
            "settings": ["IU"],
            "success": ["SU, D"],
        },
    ),
)


@dataclass(frozen=True, slots=True)
class CoderPrompt:
    """System and user messages of one request."""

    system: str
    user: str


def _card(example: Example) -> str:
    return json.dumps({c: example.codes.get(c, []) for c in LLM_CATEGORIES}, ensure_ascii=False)


def render_prompt(report: str, examples: tuple[Example, ...] = EXAMPLES) -> CoderPrompt:
    """The codebook and examples as the system message, the report as the user message."""
    shots = "\n\n".join(f"REPORT: {e.report}\nCODES: {_card(e)}" for e in examples)
    system = f"{CODEBOOK}\n\nCoded examples:\n\n{shots}"
    return CoderPrompt(system, f"REPORT: {report}\nCODES:")
