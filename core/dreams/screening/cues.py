"""Word lists and patterns the dream/not-a-dream features count, English and Russian side by side.

They describe *how people narrate a dream* (past or present-tense scenes, "I dreamed", "мне
снилось", people, places, turns of events) and *how people talk to a bot* (greetings, thanks,
questions, requests, complaints, jokes). The two scripts never overlap, so every pattern runs on
every message whatever its language.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: A dream being reported: "I dreamed", "had a dream", "in my dream", "мне снилось", "во сне".
DREAM_REPORT = re.compile(
    r"\b(?:i|we)\s+(?:had|have\s+had)\s+(?:a|this|the\s+same|another|that)\s+"
    r"(?:\w+\s+){0,2}(?:dream|nightmare)"
    r"|\b(?:i|we)\s+(?:(?:just|also|then|once)\s+)?(?:dreamt|dreamed|dreampt)\b"
    r"|\b(?:in|during)\s+(?:my|the|this|that|last\s+night'?s?)\s+(?:\w+\s+)?(?:dream|nightmare)"
    r"|\b(?:the|my|this|last\s+night'?s?|a)\s+(?:\w+\s+)?dream\s+(?:was|started|began|ended|"
    r"took\s+place|is\s+about|was\s+about)"
    r"|\b(?:dreamt|dreamed)\s+(?:of|about|that|i)\b|^\s*(?:dream|lucid\s+dream|nightmare)\s*[:!.]"
    r"|\brecurring\s+(?:dream|nightmare)|\blucid\s+dream|\bknew\s+i\s+was\s+dreaming"
    r"|\b(?:realis|realiz)ed\s+i\s+was\s+dreaming"
    r"|сн(?:ил|ят|итс|илс)\w*|присн\w+|(?:^|[.!?]\s*)во\s+сне\b|\bсон\s+(?:был|начал|про|о\b|такой)"
    r"|\b(?:осознанн\w+|страшн\w+|странн\w+|тот\s+же|этот|мой|сегодняшн\w+)\s+сон\b"
    r"|^\W*(?:something|anything)\s+(?:about|to\s+do\s+with|with)\b|^\W*dream\s+(?:about|of)\b"
    r"|^\W*что-то\s+(?:про|о|об|связанное|с)\b|^\W*(?:сон|снилось)\s+(?:про|о|об)\b"
    r"|\bкошмар\w*|поняла?,?\s+что\s+сплю|проснул\w*|\bwoke\s+up\b|\bwaking\s+up\b|\bi\s+woke\b",
    _I,
)

#: The word "dream" in any use, including talk *about* dreams ("I never remember my dreams").
DREAM_WORD = re.compile(r"\b(?:dream\w*|nightmare\w*|сон|сны|снов\w*|сна|сне|сном|снам\w*)\b", _I)

#: Irregular English past forms that narrate (regular ones end in -ed).
EN_PAST = _words(
    """was were had went saw came ran found got took made left felt knew thought told said
    gave stood sat fell flew swam drove rode began became met heard kept lost held brought
    tried saw seemed looked turned woke became hid caught threw broke bought sang spoke wore
    grew led lay slept stole struck won wrote ate drank fought built sent spent shook hung
    understood forgot forgave rose sank swung dug slid stuck bit fled"""
)
EN_NOT_PAST = _words("need seed feed bed red shed wed speed weed breed indeed hundred")
EN_FIRST_PERSON = _words("i me my mine myself we us our ours i'm i've i'd i'll")
EN_THIRD_PERSON = _words("he she they him her them his their someone somebody")
EN_SECOND_PERSON = _words("you your yours you're u ur bot")

#: Russian past-tense verb endings (был, видела, шли, проснулся ...); nouns that end alike
#: are listed so they are not counted.
RU_PAST = re.compile(r"^[а-яё]{2,}(?:л|ла|ло|ли|лся|лась|лось|лись)$")
RU_NOT_PAST = _words(
    """стол пол зал мал цел смел бел бал вол угол посол орел орёл осел козел козёл дятел пепел
    тела дела мела"""
)
RU_FIRST_PERSON = _words("я мне меня мной мы нас нам нами мой моя моё мое мои моих моим")
RU_THIRD_PERSON = _words("он она они его её ее их ему ей им кто-то")
RU_SECOND_PERSON = _words("ты вы тебя вас тебе вам твой твоя ваш ваша бот бота боту")

#: Turns of a story: what makes a message a sequence of events.
NARRATIVE = re.compile(
    r"\b(?:then|suddenly|and\s+then|after\s+that|at\s+first|at\s+the\s+end|all\s+of\s+a\s+sudden|"
    r"somehow|instead|there\s+was|there\s+were|i\s+was|we\s+were|i'm\s+in|i\s+am\s+in|"
    r"turned\s+into|i'?m\s+\w+ing|i\s+am\s+(?:\w+ing|at|in|on|with)|there\s+(?:is|are)\s+(?:a|an|some)|"
    r"i\s+(?:see|notice|hear|meet|walk|run|try)\b|we\s+are\b|(?:he|she|they)\s+(?:says?|said|tells?)\b|"
    r"я\s+(?:в|на|у|с|иду|стою|бегу|сижу|лежу|вижу|еду|плыву|лечу|пытаюсь|ищу)\b|мы\s+(?:в|на|с|идём|едем)\b|"
    r"потом|вдруг|затем|сначала|в\s+конце|почему-то|оказал\w+|превратил\w+|"
    r"там\s+был\w*|я\s+был\w*|мы\s+был\w*)\b",
    _I,
)

GREETING = re.compile(
    r"^\W*(?:hi|hello|hey|hiya|yo|howdy|good\s+(?:morning|afternoon|evening|day)|greetings|"
    r"привет\w*|здравствуй\w*|здрасте|добр\w+\s+(?:утр|день|дня|вечер)\w*|хай|салют|алло)\b",
    _I,
)
THANKS = re.compile(
    r"\b(?:thank|thanks|thx|ty|appreciate|cheers|спасибо|спс|благодар\w+|мерси)\b", _I
)
QUESTION_START = re.compile(
    r"^\W*(?:what|how|why|where|when|who|which|can|could|do|does|is|are|will|would|should|"
    r"что|как|почему|зачем|где|когда|кто|какой|какая|какие|сколько|можно|можешь|а\s+\w+\s+можно|"
    r"ты|вы|чем|к\s+чему)\b",
    _I,
)
REQUEST = re.compile(
    r"^\W*(?:please\s+)?(?:show|delete|remove|change|send|set|start|stop|cancel|help|menu|"
    r"analy[sz]e|turn|buy|give|tell|open|switch|reset|unsubscribe|subscribe|i\s+want\s+to|"
    r"покажи|удали|поменяй|смени|пришли|поставь|начни|начать|отмен\w*|помощь|помоги|стоп|меню|"
    r"хочу|проанализируй|разбери|дай|расскажи|открой|включи|выключи|отключи)\b",
    _I,
)
#: What the service itself is made of: talk about it is talk to the bot, not a dream.
SERVICE = re.compile(
    r"\b(?:credits?|balance|refund|paid|payment|subscription|account|journal|statistics|stats|"
    r"notifications?|language|analys[ie]s|interpretations?|bot|app|data|settings|calendar|"
    r"кредит\w*|баланс\w*|верните|оплат\w*|подписк\w*|аккаунт\w*|дневник\w*|статистик\w*|"
    r"уведомлен\w*|язык\w*|анализ\w*|толковани\w*|бот\w*|данн\w+|настройк\w*|календар\w*|списал\w*)\b",
    _I,
)
COMPLAINT = re.compile(
    r"\b(?:doesn'?t\s+work|not\s+working|broken|useless|slow|(?:is|was|went|completely|all)\s+wrong|"
    r"nothing\s+happen\w*|didn'?t\s+(?:change|arrive|come\s+through|update)|(?:take|took)\s+my|charged\s+me|"
    r"списал\w*|не\s+изменил\w*|не\s+пришл\w*|не\s+приш[её]л|"
    r"makes\s+no\s+sense|refund|scam|не\s+работает|ничего\s+не\s+происходит|медленн\w+|"
    r"бесполезн\w+|мимо|верните|не\s+имеет\s+смысла|развод\w*)\b",
    _I,
)
LAUGH = re.compile(
    r"\b(?:lol|lmao|haha\w*|hehe\w*|ахах\w*|хаха\w*|лол|ору|knock\s+knock|тук-тук)\b", _I
)
FUTURE_OR_PLAN = re.compile(
    r"\b(?:will|i'll|gonna|going\s+to|tomorrow|later|tonight|let\s+me|завтра|позже|потом\s+напишу|"
    r"пришлю|напишу|подумаю|буду|собираюсь)\b",
    _I,
)
#: Waking-life time words ("today at work"): a story told with them is usually not a dream.
WAKING_TIME = re.compile(
    r"\b(?:today|yesterday|this\s+(?:afternoon|evening)|at\s+lunch|for\s+lunch|at\s+work|"
    r"сегодня\s+днём|вчера|на\s+обед|на\s+работе|днём)\b",
    _I,
)
#: Talk about one's sleep, not a dream from it ("I talk in my sleep", "не могу уснуть").
SLEEP_TALK = re.compile(
    r"\b(?:in\s+my\s+sleep|can'?t\s+(?:sleep|fall\s+asleep)|never\s+remember|don'?t\s+remember\s+"
    r"(?:my|any)\s+dreams|insomnia|(?:my\s+)?(?:wife|husband|partner|mom|mum|mother)\s+says|"
    r"in\s+real\s+life|не\s+могу\s+(?:уснуть|заснуть|спать)|не\s+помню\s+(?:свои\s+|никаких\s+)?сн\w*|"
    r"разговариваю\s+во\s+сне|бессонниц\w*|(?:жена|муж|мама)\s+говорит|в\s+реальной\s+жизни)",
    _I,
)
#: Jokes told to the bot: the common shapes of a riddle or an anecdote.
JOKE = re.compile(
    r"\b(?:why\s+did\s+the|what\s+do\s+you\s+call|walks?\s+into\s+a\s+bar|knock\s+knock|joke|"
    r"pun\b|\?\s*(?:because|потому\s+что)\b|^\W*i\s+told\s+my\s+(?:wife|husband|boss|doctor)\b|"
    r"купил\s+мужик|заходит\s+.{1,30}\s+в\s+бар|штирлиц|вовочка|анекдот\w*|шутк\w*|тук-тук)",
    _I,
)
#: Instructions addressed to a language model rather than a dream being told.
INSTRUCTIONS = re.compile(
    r"\b(?:ignore|disregard|forget)\b.{0,40}\b(?:instructions?|prompt|rules|above)\b"
    r"|\bsystem\s+prompt\b|\byou\s+are\s+now\b|\bact\s+as\b.{0,30}\b(?:assistant|ai|model)\b"
    r"|\bjailbreak\b|\bwithout\s+(?:any\s+)?rules\b"
    r"|игнорир\w*.{0,40}(?:инструкц|промпт|правил)|системн\w*\s+промпт|забудь\w*.{0,30}инструкц"
    r"|теперь\s+ты\b|без\s+правил|без\s+ограничений",
    _I | re.DOTALL,
)

#: Parts of the bot a request or question may be about, each with its command (first match).
TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("delete", re.compile(r"\b(?:delete|remove|erase|удал\w*|стер\w*)\b", _I)),
    (
        "journal",
        re.compile(r"\b(?:journal|diary|my\s+dreams|history|дневник\w*|мои\s+сны|истори\w*)\b", _I),
    ),
    ("stats", re.compile(r"\b(?:statistic\w*|stats|статистик\w*)\b", _I)),
    ("lunar", re.compile(r"\b(?:lunar|moon|calendar|лун\w*|календар\w*)\b", _I)),
    (
        "settings",
        re.compile(
            r"\b(?:language|city|place|time\s*zone|settings?|notifications?|russian|english|язык\w*|"
            r"город\w*|мест\w*|часов\w+\s+пояс\w*|настройк\w*|уведомлен\w*|русск\w*|английск\w*)\b",
            _I,
        ),
    ),
    (
        "price",
        re.compile(
            r"\b(?:cost|price|pay|paid|buy|credits?|free|balance|subscription|refund|стоит|цена|"
            r"оплат\w*|купить|кредит\w*|бесплатн\w*|баланс\w*|подписк\w*|анализов)\b",
            _I,
        ),
    ),
    (
        "privacy",
        re.compile(r"\b(?:privacy|private|data|read\s+my|конфиденциальн\w*|данн\w+|читает)\b", _I),
    ),
    ("voice", re.compile(r"\b(?:voice|audio|голосов\w*|аудио)\b", _I)),
)
