"""Name skeletons meet across scripts and across the usual Latin spellings of Arabic names."""

import pytest

from consistency.evaluate import _attribution_found
from consistency.extract.identity import skeleton
from consistency.models import Actor, Claim, Document, Report


@pytest.mark.parametrize("latin, arabic", [
    ("Ghaithi", "الغيثي"),          # "gh" is غ, not a "g"/ج
    ("Ghazi", "غازي"),
    ("Abdulmenam", "عبدالمنعم"),    # "Abd al-" joined in both scripts
    ("Abdel-Moneim", "عبدالمنعم"),
    ("Abduljaleel", "الجليل"),      # joined Latin against split Arabic "عبد الجليل"
    ("Abdulsalam", "عبد السلام".split()[1]),
    ("Abdulqader", "عبدالقادر"),
    ("Abdullah", "الله"),
    ("Hussein", "حسين"),            # "-ein"/"-in"
    ("Othman", "عثمان"),
    ("Qudra", "القدرة"),
])
def test_skeleton_meets_across_scripts(latin, arabic):
    assert skeleton(latin) == skeleton(arabic) != ""


def test_abd_alone_has_no_skeleton_but_abdi_keeps_one():
    assert skeleton("Abd") == skeleton("Abdel") == skeleton("عبد") == ""
    assert skeleton("Abdi") == skeleton("Abdo") == "bd"
    assert skeleton("Ghaithi") != skeleton("Jaithi")


def _report(speaker):
    doc = Document(id="d1", language="ar", source="x", text="")
    claim = Claim(id="c1", document_id="d1", speaker=speaker, actor_id=None, text="", span=(0, 0))
    return Report.model_construct(documents=[doc], claims=[claim], actors=[], discrepancies=[])


def test_gold_latin_name_found_on_arabic_speaker():
    assert _attribution_found(_report("وزير الصحة عثمان عبد الجليل"), {"document": "d1", "speaker": "Othman Abduljaleel"})
    assert _attribution_found(_report("عبد المنعم الغيثي"), {"document": "d1", "speaker": "Abdulmenam al-Ghaithi"})
    assert not _attribution_found(_report("عبد المنعم الغيثي"), {"document": "d1", "speaker": "Othman Abduljaleel"})
