"""The reader's text (checks/normalize.py) undoes disguises and every span of
it maps back into the original text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checks import extract, normalize


def _back(text: str, reading: normalize.Reading, needle: str) -> str:
    start = reading.text.index(needle)
    span = reading.span((start, start + len(needle)))
    return text[span[0] : span[1]]


def test_plain_text_reads_as_itself():
    text = "Your order 113-4829105-7730142 ships on Friday, two days late."
    assert normalize.read(text).text == text
    assert normalize.read(text).span((5, 10)) == (5, 10)


def test_invisible_full_width_and_look_alike_letters_are_read_past():
    text = "Write to ѕuрport\u200b@ｌｕｍｉｗｏｏｄ.com today"
    reading = normalize.read(text)
    assert "support@lumiwood.com" in reading.text
    assert _back(text, reading, "support@lumiwood.com") == "ѕuрport\u200b@ｌｕｍｉｗｏｏｄ.com"


def test_digits_in_words_are_read_as_digits_in_each_language():
    cases = {
        "call four one five, eight two nine, three one zero seven": "4158293107",
        "unter null drei null, eins zwei drei vier fünf sechs sieben acht": "03012345678",
        "au zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit": "0612345678",
        "al seis uno dos tres cuatro cinco seis siete ocho": "612345678",
        "al tre tre tre, uno due tre quattro cinque sei sette": "3331234567",
        "two one two 948 five five two one": "2129485521",
        "〇三・一二三四・五六七八": "0312345678",
    }
    for text, digits in cases.items():
        reading = normalize.read(text)
        assert digits in reading.text, (text, reading.text)
        original = _back(text, reading, digits)
        assert original[0].isalnum() and original[-1].isalnum(), original


def test_counting_words_that_are_no_number_stay_words():
    for text in ["We sent two of the four screws in one or two days.", "Oh, one more thing: three to five days.", "Due to the sale, sei pezzi."]:
        assert normalize.read(text).text == text


def test_spaced_letters_are_read_as_one_word():
    text = "mail l u m i w o o d @ g m a i l . c o m now"
    reading = normalize.read(text)
    assert "lumiwood@gmail.com" in reading.text
    assert _back(text, reading, "lumiwood@gmail.com") == "l u m i w o o d @ g m a i l . c o m"


_ALPHABET = st.sampled_from(list("ab1 .@-,\n") + ["\u200b", "ｘ", "а", "one", " two", "五", "・", "🙂", "\u0301"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_every_character_of_the_reading_maps_into_the_original(text):
    reading = normalize.read(text)
    for i in range(len(reading.text)):
        start, end = reading.span((i, i + 1))
        assert 0 <= start < end <= len(text)
    starts = [reading.span((i, i + 1))[0] for i in range(len(reading.text))]
    assert starts == sorted(starts)


def test_extracted_values_are_the_original_text():
    text = "Mail ѕupport\u200b@lumiwood.com or call four one five, eight two nine, three one zero seven."
    for found in extract.emails(text) + extract.phones(text, ["US"], [], [], None):
        assert text[found.span[0] : found.span[1]] == found.value
    assert [f.value for f in extract.emails(text)] == ["ѕupport\u200b@lumiwood.com"]


def test_plus_spelled_before_a_spelled_number_reads_as_the_sign():
    """'plus four four seven seven …' is read +4477…, so it is an international number; 'two plus three' stays words."""
    assert normalize.read("call plus four four seven seven zero zero nine zero zero one two three").text == "call +447700900123"
    assert "+" not in normalize.read("two plus three items").text
