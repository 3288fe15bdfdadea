"""Deterministic text for the test model: training corpora for the two SentencePiece models, fixture sentences,
and 1,000 tokenizer stress strings (accents, punctuation, digits, emoji, whitespace runs, mixed scripts, NFKC cases).
Everything comes from a seeded random.Random, so a rerun writes the same fixtures.
"""

import random

ENGLISH = """the a an of to and in is it you that he was for on are with as his they be at one have this from
or had by hot word but what some we can out other were all there when up use your how said each she which do their
time if will way about many then them write would like so these her long make thing see him two has look more day
could go come did number sound no most people my over know water than call first who may down side been now find
any new work part take get place made live where after back little only round man year came show every good me give
our under name very through just form sentence great think say help low line differ turn cause much mean before
move right boy old too same tell does set three want air well also play small end put home read hand port large
spell add even land here must big high such follow act why ask men change went light kind off need house picture
try us again animal point mother world near build self earth father head stand own page should country found answer
school grow study still learn plant cover food sun four between state keep eye never last let thought city tree
cross farm hard start might story saw far sea draw left late run don't while press close night real life few north
book carry took science eat room friend began idea fish mountain stop once base hear horse cut sure watch color face
wood main open seem together next white children begin got walk example ease paper group always music those both
mark often letter until mile river car feet care second enough plain girl usual young ready above ever red list
though feel talk bird soon body dog family direct pose leave song measure door product black short numeral class wind
question happen complete ship area half rock order fire south problem piece told knew pass since top whole king
street inch multiply nothing course stay wheel full force blue object decide surface deep moon island foot system
busy test record boat common gold possible plane stead dry wonder laugh thousand ago ran check game shape equate""".split()

SPANISH = """el la de que y a en un ser se no haber por con su para como estar tener le lo todo pero más hacer o
poder decir este ir otro ese si me ya ver porque dar cuando él muy sin vez mucho saber qué sobre mi alguno mismo yo
también hasta año dos querer entre así primero desde grande eso ni nos llegar pasar tiempo ella sí día uno bien poco
deber entonces poner cosa tanto hombre parecer nuestro tan donde ahora parte después vida quedar siempre creer hablar
llevar dejar nada cada seguir menos nuevo encontrar algo solo decir mundo país último casa corazón niño niña árbol
canción ciudad corazón pequeño mañana señor señora años él además según través lápiz jamón ratón camión avión acción
información educación pingüino vergüenza cigüeña búho río mamá papá café menú sofá ojalá fácil difícil útil ángel
jóvenes exámenes música público número teléfono película rápido último próximo política económico histórico""".split()

PUNCTUATION = [".", ",", "!", "?", ";", ":", "...", " -", "'s", "\"", "(", ")", "¿", "¡", "«", "»", "—", "%"]


def sentence(rng: random.Random, words: list, low: int = 3, high: int = 14) -> str:
    chosen = [rng.choice(words) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.2:
        chosen.insert(rng.randrange(len(chosen) + 1), str(rng.randint(0, 100000)))
    if rng.random() < 0.15:
        chosen.insert(rng.randrange(len(chosen) + 1), rng.choice(["Tom", "María", "José", "London", "Zürich"]))
    text = " ".join(chosen)
    if rng.random() < 0.3:
        cut = rng.randrange(1, len(text))
        text = text[:cut].rstrip() + rng.choice([",", ";", ":"]) + " " + text[cut:].lstrip()
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "!", "?", "..."])


def corpus(seed: int, words: list, count: int) -> list:
    rng = random.Random(seed)
    lines = [sentence(rng, words) for _ in range(count)]
    # A few lines with rarer characters, so the SentencePiece models see digits, symbols and quotes.
    lines += [f"{rng.randint(0, 9999)} {rng.choice(PUNCTUATION)} ({rng.choice(words)}) \"{rng.choice(words)}\" "
              f"{rng.randint(10, 99)}%" for _ in range(count // 10)]
    return lines


FIXTURE_SENTENCES = [
    "The small dog can run.",
    "Where is the house?",
    "I think the water is cold, but the sun is hot.",
    "Tom asked his teacher for advice.",
    "She has 3 books and 12 pictures!",
    "Hello world",
    "A",
    "",
    "The children ran to the river after school; they saw a big fish.",
    "Café, naïve, résumé and Zürich.",
    "Why did the king close the door?",
    "Numbers: 1, 22, 333, 4444 and 55555.",
    "no capital letters and no punctuation here",
    "Mother said: \"Come home now.\"",
    "The quick brown fox jumps over the lazy dog.",
    "Every good boy does fine work.",
    "Learn to read and write.",
    "Is it true that the moon is made of rock?",
    "Ünïcödé wörds 😀 and emoji 🚀 here.",
    "Far north, the sea was white and the wind was strong.",
]

EMOJI = ["😀", "🚀", "👍🏽", "❤️", "🇪🇸", "👨‍👩‍👧", "🤖", "✨"]
SCRIPTS = ["Привет мир", "Γειά σου", "日本語のテキスト", "中文字符", "مرحبا", "שלום", "हिन्दी", "한국어", "ไทย"]
NFKC = ["ﬁnal", "ｆｕｌｌ ｗｉｄｔｈ", "x²", "Ⅻ", "①", "½", "e\u0301", "A\u030a", "ﾊﾝｶｸ", "㍿", "™", "…", "ℌ", "ſ", "Å",
        "\u00a0", "\u3000", "\u200b", "\u2028", "\ufeff", "\u00ad", "ǅ", "ﷺ", "K", "Ω", "ﹰ", "〜", "＂quoted＂"]
WHITESPACE = [" ", "  ", "   ", "\t", "\n", "\r\n", " \t ", "\u00a0", "\u3000", "\u2003", "\u200a"]
SYMBOLS = list(".,;:!?¿¡'\"()[]{}<>-–—_/\\|@#$%^&*+=~`«»„“”‘’•§¶©®°±×÷")


def _noise(rng: random.Random) -> str:
    kind = rng.randrange(10)
    if kind == 0:
        return rng.choice(EMOJI)
    if kind == 1:
        return rng.choice(SCRIPTS)
    if kind == 2:
        return rng.choice(NFKC)
    if kind == 3:
        return rng.choice(WHITESPACE)
    if kind == 4:
        return "".join(rng.choice(SYMBOLS) for _ in range(rng.randint(1, 4)))
    if kind == 5:
        return str(rng.randint(0, 10 ** rng.randint(1, 12)))
    if kind == 6:
        return rng.choice(["3.14", "1,000,000", "2026-11-23", "10:45", "+34 600 000 000", "v1.2.3", "#42"])
    if kind == 7:
        return rng.choice(SPANISH).upper()
    if kind == 8:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzñçáéíóú") for _ in range(rng.randint(1, 12)))
    return rng.choice(ENGLISH).capitalize()


def tokenizer_strings(seed: int = 7, count: int = 1000) -> list:
    rng = random.Random(seed)
    fixed = ["", " ", "  ", "\t", "\n", "a", "A", ".", "▁", "▁▁x", " leading", "trailing ", "  both  ",
             "many     spaces   inside", "tab\tseparated\tvalues", "line\nbreaks\n\nhere", ">>es<< hola mundo",
             ">>fr<<bonjour", "no >>code<< here", "ALL CAPS SENTENCE", "MiXeD cAsE", "😀", "😀😀😀", "1234567890",
             "hello" * 20, "a" * 100, "ß", "İstanbul", "ǅemal", "ﬀ ﬁ ﬂ ﬃ ﬄ", "ｈｅｌｌｏ", "①②③", "x\u0000y", "\u0007bell"]
    strings = list(fixed)
    while len(strings) < count:
        if rng.random() < 0.4:
            base = sentence(rng, rng.choice([ENGLISH, SPANISH]), 1, 10)
        else:
            base = " ".join(rng.choice(ENGLISH + SPANISH) for _ in range(rng.randint(0, 5)))
        for _ in range(rng.randint(0, 4)):
            at = rng.randrange(len(base) + 1)
            base = base[:at] + rng.choice(["", " "]) + _noise(rng) + rng.choice(["", " "]) + base[at:]
        strings.append(base)
    return strings
