"""Getting a long-running process ready: everything a check loads on first
use, loaded before the first buyer's draft, then kept out of the cyclic
garbage collector's way.

A check loads its data lazily, language by language: the intent lexicons,
the phrase patterns and their literal filter, the spelling dictionary, the
stemmer, the phone number metadata of the marketplace's region, the language
model, the grammar linter. A one-shot CLI check loads only what its draft
needs. A bot (``bot.chat.warm_up_checks``) calls :func:`warm_up` once in a
background thread at start-up, so no draft waits for a language's data.

Then the collector: the loaded data is hundreds of thousands of objects
that live as long as the process. Left in the collector's generations, each
older-generation pass walks all of them again, and such a pass lands inside
some check: tens of milliseconds at random. :func:`warm_up` collects once
and freezes what is left (``gc.freeze``), so later passes walk only what
was made since. A cyclic garbage object alive at that moment stays for the
life of the process; at start-up there are next to none.

A process that leaves while the background warm-up still runs (Ctrl-C in
the console a second after it started) must not leave it half-way: at
interpreter shutdown a daemon thread inside a C++ extension (the spelling
dictionaries, the language model) is unwound by force, and the process
aborts ("FATAL: exception not rethrown") or hangs instead of exiting. So
the warm-up stops between two loads when asked, and an ``atexit`` hook asks
and waits for it.
"""

from __future__ import annotations

import asyncio
import atexit
import gc
import logging
import threading

import phonenumbers

from . import extract, lexicon, phrases, prefilter, spelling, tokens
from .engine import check, preload
from .models import Draft

log = logging.getLogger(__name__)

# The marketplace languages, each with a short message that takes a check
# through its usual paths (order id, phone number, review request, amount),
# in that language and that marketplace.
SAMPLES: dict[str, tuple[str, str]] = {
    "en": ("amazon.com", "Hello Sam, your order 111-2223334-4445556 shipped today. If you are happy, please "
                         "leave a review. Call us at +1 212 555 0199 about the $10 refund. Best regards, Ann"),
    "de": ("amazon.de", "Hallo Sam, Ihre Bestellung 111-2223334-4445556 wurde heute versandt. Wenn Sie zufrieden "
                        "sind, hinterlassen Sie bitte eine Bewertung. Rufen Sie uns unter 030 12345678 an. Viele Grüße, Anna"),
    "fr": ("amazon.fr", "Bonjour Sam, votre commande 111-2223334-4445556 a été expédiée aujourd'hui. Si vous êtes "
                        "satisfait, laissez un avis. Appelez-nous au 01 23 45 67 89. Cordialement, Anne"),
    "es": ("amazon.es", "Hola Sam, su pedido 111-2223334-4445556 se envió hoy. Si está satisfecho, deje una "
                        "reseña. Llámenos al 912 345 678 por el reembolso de 10 €. Saludos, Ana"),
    "it": ("amazon.it", "Ciao Sam, il suo ordine 111-2223334-4445556 è stato spedito oggi. Se è soddisfatto, "
                        "lasci una recensione. Ci chiami al 06 1234 5678. Cordiali saluti, Anna"),
    "ja": ("amazon.co.jp", "山田様、ご注文 111-2223334-4445556 は本日発送いたしました。ご満足いただけましたら、"
                           "レビューをお願いいたします。お問い合わせは 03-1234-5678 まで。"),
}

_done = threading.Lock()
_warm = False
_stop = threading.Event()
STOP_WAIT_SECONDS = 60.0  # the longest one load can take on a loaded machine, with room


class _Stopped(Exception):
    """The process is leaving: the warm-up ends between two loads."""


def _step() -> None:
    if _stop.is_set():
        raise _Stopped


def warm_up(languages: tuple[str, ...] = tuple(SAMPLES)) -> None:
    """Load every language's data and check one sample in each, then freeze
    the collector's view of it. Idempotent; safe to call from a thread (it
    runs its own event loop there, not the caller's). Returns early, with
    nothing frozen, once :func:`stop_warm_up` was called."""
    global _warm
    with _done:
        if _warm:
            return
        try:
            _load(languages)
        except _Stopped:
            log.debug("warming up stopped: the process is leaving")
            return
        gc.collect()
        gc.freeze()
        _warm = True
        log.debug("checks warmed up for %s; %d objects frozen", ", ".join(languages), gc.get_freeze_count())


def _load(languages: tuple[str, ...]) -> None:
    _step()
    preload()
    for lang in languages:
        for load in (lexicon.for_language, prefilter.for_language):
            _step()
            load(lang)
        for concept in phrases.concepts(lang):
            _step()
            phrases.pattern(lang, concept)
        _step()
        spelling.checkers(lang)
        tokens.stemmer(lang)
    # What no sample reaches: the public suffix list (an unusual top-level
    # domain) and the phone metadata of every marketplace's region.
    extract.is_tld("com")
    for region in {*extract._REGIONS.values(), *extract._LANGUAGE_REGIONS.values()}:
        phonenumbers.PhoneMetadata.metadata_for_region(region)
    asyncio.run(_check_samples(languages))


async def _check_samples(languages: tuple[str, ...]) -> None:
    for lang in languages:
        if lang in SAMPLES:
            _step()
            marketplace, text = SAMPLES[lang]
            await check(Draft(text=text, context={"buyer_language": lang, "marketplace": marketplace}))


def warm_up_in_background() -> threading.Thread:
    """:func:`warm_up` in a daemon thread (a bot starts answering at once).
    A failure there is logged, never raised: checks then load lazily. At
    exit the thread is stopped and waited for (:func:`stop_warm_up`)."""
    thread = threading.Thread(target=_warm_up_logged, name="checkmsg-warm-up", daemon=True)
    thread.start()
    atexit.register(stop_warm_up, thread)
    return thread


def stop_warm_up(thread: threading.Thread, timeout: float = STOP_WAIT_SECONDS) -> bool:
    """Ask a background warm-up to stop after its current load and wait for
    it; True when it has ended."""
    _stop.set()
    thread.join(timeout)
    return not thread.is_alive()


def _warm_up_logged() -> None:
    try:
        warm_up()
    except Exception:  # noqa: BLE001 - the bot runs without it, only slower at first
        log.exception("warming up the checks failed; each language's data loads on first use instead")
