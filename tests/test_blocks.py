import pytest
from django.core.exceptions import ValidationError

from articles.blocks import NumberedListBlock, nest_items
from articles.validators import isbn_is_valid, validate_isbn


def item(label, level, text="ข้อความ"):
    return {"label": label, "text": text, "level": str(level)}


def test_flat_items_nest_back_into_lists():
    tree = nest_items(
        [item("1.", 1), item("1.1", 2), item("1.2", 2), item("2.", 1), item("2.1", 2)]
    )
    assert [node["item"]["label"] for node in tree] == ["1.", "2."]
    assert [child["item"]["label"] for child in tree[0]["children"]] == ["1.1", "1.2"]
    assert [child["item"]["label"] for child in tree[1]["children"]] == ["2.1"]


def test_a_deeper_first_item_still_renders():
    tree = nest_items([item("1.1", 2), item("2.", 1)])
    assert [node["item"]["label"] for node in tree] == ["1.1", "2."]


def test_numbered_list_keeps_thai_numbers_and_escapes_text():
    block = NumberedListBlock()
    value = block.to_python(
        {"items": [item("๑.", 1, "ติดตามสถานการณ์"), item("๑.๑", 2, "<script>alert(1)</script>")]}
    )
    html = block.render(value)
    assert "๑.๑" in html
    assert html.index("๑.") < html.index("๑.๑")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert html.count("<ol") == 2


@pytest.mark.parametrize(
    ("isbn", "valid"),
    [
        ("978-616-0-00000-5", True),
        ("9786160000005", True),
        ("978-616-0-00000-4", False),
        ("0-306-40615-2", True),
        ("0-306-40615-3", False),
        ("080442957X", True),
        ("12345", False),
        ("", False),
    ],
)
def test_isbn_checksum(isbn, valid):
    assert isbn_is_valid(isbn) is valid


def test_invalid_isbn_gets_a_clear_error():
    with pytest.raises(ValidationError) as error:
        validate_isbn("978-616-0-00000-4")
    assert "ISBN" in str(error.value)
