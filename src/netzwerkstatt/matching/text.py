"""Text helpers for the matching engine: keywords from free text, and a text similarity that works
across German, Italian and English. Pure Python (plus PyStemmer); no Django.

* :func:`keywords` turns an offer or a need written in free text into a set of Snowball stems in
  that text's language, without stop words, so "Ausbildungsbetriebe" and "Ausbildungsbetrieb" meet.
  Stems only meet stems of the same language; cross-language offers and needs should use the shared
  vocabulary tags (theme codes and the like), which pass through unchanged.
* :func:`trigrams` and :func:`trigram_cosine` measure how similar two descriptions are, whatever
  their languages: both texts are folded (lower case, accents removed), stop words of all three
  languages are dropped, and the cosine of their sets of character 3-grams (taken inside words) is
  the similarity. Related words share many 3-grams across languages ("digitale"/"digitales",
  "Mechatroniker"/"meccatronico", "Logistik"/"logistica"), so the measure is defensible without a
  translation model, and it is deterministic.
"""

import math
import re
import threading
import unicodedata
from functools import lru_cache

import numpy as np
import Stemmer

#: ISO 639-1 code -> Snowball algorithm.
SNOWBALL = {"de": "german", "it": "italian", "en": "english"}

# Short stop-word lists after the Snowball project's, written in folded form (lower case, no
# accents, "ss" for "ß") so they apply after :func:`fold`.
_STOP_DE = """
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
anderm andern anders auch auf aus bei beim bin bis bist da damit dann das dass dasselbe dazu dein
deine deinem deinen deiner dem demselben den denn denselben der derer derselbe derselben des
desselben dessen dich die dies diese dieselbe dieselben diesem diesen dieser dieses dir doch dort
du durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges einmal er
es etwas euch euer eure eurem euren eurer eures fur gegen gewesen hab habe haben hat hatte hatten
hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem
jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner keines
konnen konnte machen man manche manchem manchen mancher manches mein meine meinem meinen meiner
meines mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine
seinem seinen seiner seines selbst sich sie sind so solche solchem solchen solcher solches soll
sollte sondern sonst uber um und uns unser unsere unserem unseren unserer unseres unter viel vom
von vor wahrend war waren warst was weg weil weiter welche welchem welchen welcher welches wenn
werde werden wie wieder will wir wird wirst wo wollen wollte wurde wurden zu zum zur zwar zwischen
"""
_STOP_IT = """
a abbia abbiamo abbiano ad agli ai al alla alle allo anche avere aveva avevano ben che chi ci
coi col come con contro cui da dagli dai dal dalla dalle dallo degli dei del della delle dello
di dove e ed era erano essere fra gli ha hanno ho i il in io la le lei li lo loro lui ma mi mia
mie miei mio ne negli nei nel nella nelle nello noi non nostra nostre nostri nostro o per perche
piu quale quali quanta quante quanti quanto quella quelle quelli quello questa queste questi
questo se sei si sia siamo siano sono sta su sua sue sugli sui sul sulla sulle sullo suo suoi
tra tu tua tue tuo tuoi tutti tutto un una uno vi voi vostra vostro
"""
_STOP_EN = """
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves
"""
STOP_WORDS = {
    "de": frozenset(_STOP_DE.split()),
    "it": frozenset(_STOP_IT.split()),
    "en": frozenset(_STOP_EN.split()),
}
ALL_STOP_WORDS = frozenset().union(*STOP_WORDS.values())

_WORD = re.compile(r"[^\W\d_]+")
_COMBINING = re.compile(r"[\u0300-\u036f]")  # the combining diacritical marks
_local = threading.local()  # PyStemmer objects must not be shared between threads


def fold(text: str) -> str:
    """Lower case without accents ("Größe" -> "grosse", "qualità" -> "qualita")."""
    text = text.casefold()
    return text if text.isascii() else _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def _stemmer(language: str) -> Stemmer.Stemmer | None:
    algorithm = SNOWBALL.get(language)
    if algorithm is None:
        return None
    cache = _local.__dict__.setdefault("stemmers", {})
    if algorithm not in cache:
        cache[algorithm] = Stemmer.Stemmer(algorithm)
    return cache[algorithm]


def keywords(text: str, language: str) -> frozenset[str]:
    """Snowball stems of the words in ``text`` (language "de", "it" or "en"), without stop words
    and words shorter than three letters, folded to lower case without accents. For another or an
    unknown language the words are kept unstemmed and the stop words of all three are dropped."""
    stop = STOP_WORDS.get(language, ALL_STOP_WORDS)
    words = [w for w in _WORD.findall(fold(text)) if len(w) >= 3 and w not in stop]
    stemmer = _stemmer(language)
    if stemmer is not None:
        words = stemmer.stemWords(words)
    return frozenset(fold(w) for w in words if len(w) >= 3)


@lru_cache(maxsize=8192)
def content_words(text: str) -> tuple[str, ...]:
    """The folded words of ``text`` that carry content: three letters or more, no stop word of
    any of the three languages, in order of appearance."""
    return tuple(w for w in _WORD.findall(fold(text)) if len(w) >= 3 and w not in ALL_STOP_WORDS)


@lru_cache(maxsize=8192)
def trigrams(text: str) -> np.ndarray:
    """The set of character 3-grams inside the content words of ``text`` (see the module doc),
    each 3-gram encoded as one integer (its three code points, 21 bits each), sorted, read-only."""
    words = content_words(text)
    if not words:
        return _NO_TRIGRAMS
    chars = np.frombuffer(" ".join(words).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    a, b, c = chars[:-2], chars[1:-1], chars[2:]
    inside = (a != _SPACE) & (b != _SPACE) & (c != _SPACE)
    codes = np.unique(((a << _SHIFT2) | (b << _SHIFT1) | c)[inside])
    codes.flags.writeable = False
    return codes


_SPACE, _SHIFT1, _SHIFT2 = np.uint64(32), np.uint64(21), np.uint64(42)
_NO_TRIGRAMS = np.empty(0, dtype=np.uint64)
_NO_TRIGRAMS.flags.writeable = False


def trigram_cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine of two binary 3-gram vectors: shared / sqrt(|a| * |b|); 0 when one is empty."""
    if not len(a) or not len(b):
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / math.sqrt(len(a) * len(b))


def common_terms(text_a: str, text_b: str, *, prefix: int = 5, limit: int = 8) -> tuple[str, ...]:
    """Words of ``text_a`` that also occur in ``text_b`` or share their first ``prefix`` letters
    with one of its words (so "digitale" meets "digitales"): the evidence behind a similarity,
    for explanations. At most ``limit`` words, in order of appearance."""
    words_b = set(content_words(text_b))
    prefixes_b = {w[:prefix] for w in words_b if len(w) >= prefix}
    found: list[str] = []
    for word in content_words(text_a):
        if word in found:
            continue
        if word in words_b or (len(word) >= prefix and word[:prefix] in prefixes_b):
            found.append(word)
            if len(found) == limit:
                break
    return tuple(found)
