"""The document parser behind ``import_pages``: what an editor sees in the created page.

The samples in tests/samples/ are written in the shape of real foundation pages:
numbering glued to words, sub-items glued to the line above, lists inside
paragraphs, "✤" headings, Thai digits and dates.
"""

import codecs
import datetime
from pathlib import Path

import pytest

from articles.importing import (
    DocumentError,
    decode_document,
    extract_event_dates,
    parse_document,
)

SAMPLES = Path(__file__).parent / "samples"


def load(name):
    return decode_document((SAMPLES / name).read_bytes(), name)


def parse_sample(name):
    return parse_document(load(name))


def lists(document):
    """Each numbered_list block as [(label, text, level), ...]."""
    return [
        [(item["label"], item["text"], item["level"]) for item in block["value"]["items"]]
        for block in document.blocks
        if block["type"] == "numbered_list"
    ]


def headings(document):
    return [block["value"]["text"] for block in document.blocks if block["type"] == "heading"]


def paragraphs(document):
    return [block["value"] for block in document.blocks if block["type"] == "paragraph"]


def all_text(document):
    parts = paragraphs(document) + headings(document)
    parts += [text for items in lists(document) for _label, text, _level in items]
    return "\n".join(parts)


# --- titles -------------------------------------------------------------------------


def test_title_is_the_first_line_and_its_repeat_is_not_in_the_body():
    document = parse_sample("partner_support.txt")

    assert document.title == "การทำงานร่วมกับภาคีเครือข่าย"
    assert "การทำงานร่วมกับภาคีเครือข่าย</p>" not in "\n".join(paragraphs(document))
    assert paragraphs(document)[0] == "<p>ปรับปรุงล่าสุด: 2 ก.พ. 2567</p>"


def test_quotes_around_the_title_are_removed_and_the_repeat_after_photo_lines_dropped():
    document = parse_sample("thai_digits.txt")

    assert document.title == "สรุปเวทีภาคีเมืองน่าน กำหนดทิศทางการทำงานปีหน้า"
    assert "สรุปเวทีภาคีเมืองน่าน" not in all_text(document)


def test_title_whitespace_is_collapsed_and_long_titles_fit_the_title_field():
    document = parse_document("\n\n   “รายงาน   ประจำปี\tของมูลนิธิ”  \n\nเนื้อหา\n")
    assert document.title == "รายงาน ประจำปี ของมูลนิธิ"

    long_title = parse_document("ก" * 400 + "\n\nเนื้อหา").title
    assert len(long_title) == 255
    assert long_title.endswith("…")


# --- numbered lists ---------------------------------------------------------------------


def test_nested_numbering_keeps_the_authors_labels_and_levels():
    first = lists(parse_sample("partner_support.txt"))[0]

    assert [(label, level) for label, _text, level in first] == [
        ("1.", 1),
        ("1.1", 2),
        ("1.2", 2),
        ("1.3", 2),
        ("2.", 1),
        ("2.1", 2),
        ("2.2", 2),
        ("2.3", 2),
    ]
    # "1.สนับสนุน": no space after the dot in the original.
    assert first[0][1] == "สนับสนุนงานที่ตรงกับจุดแข็งของมูลนิธิ เช่น"


def test_sub_item_glued_to_the_line_above_becomes_its_own_item():
    first = lists(parse_sample("partner_support.txt"))[0]

    # The document has "2. สนับสนุนสิ่งที่ภาคีร้องขอ เช่น2.1 ข้อมูลกรณีศึกษา..." on one line.
    assert first[4] == ("2.", "สนับสนุนสิ่งที่ภาคีร้องขอ เช่น", 1)
    assert first[5] == ("2.1", "ข้อมูลกรณีศึกษาเพื่อใช้ในการรณรงค์", 2)


def test_bullets_under_a_numbered_item_are_one_level_deeper():
    second = lists(parse_sample("partner_support.txt"))[1]

    assert second == [
        ("1.", "การรณรงค์ลดการดื่มเครื่องดื่มแอลกอฮอล์ ร่วมกับ 3 เครือข่าย คือ", 1),
        ("", "เครือข่ายงดเหล้าในชุมชน", 2),
        ("", "เครือข่ายเยาวชนรณรงค์ปลอดภัย", 2),
        ("", "เครือข่ายเฝ้าระวังการโฆษณา", 2),
    ]


def test_a_heading_and_a_paragraph_split_lists_but_numbering_carries_on():
    document = parse_sample("partner_support.txt")
    found = lists(document)

    # After "✤ ประเด็นที่ร่วมเคลื่อนไหว" the author continues item 1 with 1.1 and 1.2.
    assert [(label, level) for label, _text, level in found[2]] == [
        ("1.1", 2),
        ("1.2", 2),
        ("2.", 1),
    ]
    # A paragraph between "2." and "2.1" ends one list block and starts another.
    assert [label for label, _text, _level in found[3]] == ["2.1", "2.2", "2.3"]
    types = [block["type"] for block in document.blocks]
    assert types[-3:] == ["numbered_list", "paragraph", "numbered_list"]


def test_times_dates_and_years_inside_items_stay_in_the_text():
    found = lists(parse_sample("partner_support.txt"))

    assert found[2][0] == (
        "1.1",
        "คัดค้านการขยายเวลาเปิดสถานบันเทิงถึง 4.00 น. จนมีการทบทวนนโยบาย เมื่อ 30 ต.ค. 2561",
        2,
    )
    assert found[3][2][1] == "ภาคีเอกชน เช่น บริษัทโฆษณาที่ร่วมทำสื่อในปี 2560"


def test_figures_at_the_start_of_a_line_are_not_list_labels():
    text = "\n\n".join(
        [
            "ผลการดำเนินงาน",
            "2562 เป็นปีแรกที่เครือข่ายจัดเวทีร่วมกัน",
            "25 คน เข้าร่วมจากสามจังหวัด",
            "4.00 น. เป็นเวลาปิดสถานบันเทิงที่เสนอ",
            "30 ต.ค. 2561 รัฐบาลออกประกาศ",
            "15.10.2009 บันทึกครั้งแรก",
        ]
    )
    document = parse_document(text)

    assert lists(document) == []
    assert len(paragraphs(document)) == 5


def test_a_number_out_of_sequence_is_not_a_label():
    document = parse_document("รายงาน\n\n1. ข้อแรก\n2. ข้อสอง\n7. ไม่ใช่ข้อที่สาม\n")

    assert lists(document) == [[("1.", "ข้อแรก", 1), ("2.", "ข้อสอง 7. ไม่ใช่ข้อที่สาม", 1)]]


def test_a_list_restarting_at_one_after_other_content_is_a_new_list():
    document = parse_document(
        "รายงาน\n\n1. ข้อแรก\n2. ข้อสอง\n\n"
        "ย่อหน้าคั่นระหว่างสองรายการที่ยาวพอจะเป็นเนื้อหาจริงของรายงานฉบับนี้\n\n"
        "1. ข้อแรกของรายการใหม่\n2. ข้อสองของรายการใหม่\n"
    )

    assert [[label for label, _t, _l in found] for found in lists(document)] == [
        ["1.", "2."],
        ["1.", "2."],
    ]


def test_parenthesised_numbers_inside_a_sentence_stay_in_the_paragraph():
    document = parse_sample("partner_support.txt")

    assert (
        "<p>ความร่วมมือนี้ทำให้ (1) มีแนวร่วมในประเด็นความเสมอภาคเพิ่มขึ้น และ (2) "
        "งานรณรงค์ของมูลนิธิขยายผลได้กว้างขึ้น</p>"
    ) in paragraphs(document)


def test_parenthesised_and_closing_bracket_labels_at_line_start():
    document = parse_document("รายงาน\n\n(1) ข้อแรก\n(2) ข้อสอง\n\nสรุป\n\n1) ขั้นแรก\n2) ขั้นสอง\n")

    assert lists(document) == [
        [("(1)", "ข้อแรก", 1), ("(2)", "ข้อสอง", 1)],
        [("1.", "ขั้นแรก", 1), ("2.", "ขั้นสอง", 1)],
    ]


def test_indented_items_with_thai_digits_and_thai_letters():
    found = lists(parse_sample("thai_digits.txt"))

    assert found[1] == [
        ("๑.", "ทบทวนสถานการณ์ในพื้นที่", 1),
        ("๑.๑", "ภาคีเห็นตรงกันว่าต้องดูแลกลุ่มเปราะบางก่อน", 2),
        ("๑.๒", "ควรมีข้อมูลกลางที่ทุกองค์กรใช้ร่วมกันได้", 2),
        ("๒.", "ข้อเสนอการทำงานปีหน้า", 1),
        # Glued onto "๒." in the document; "๑๗.๐๐ น." is a time, not an item.
        ("๒.๑", "นัดประชุมภาคีวันศุกร์ เวลา ๑๗.๐๐ น. ผ่านระบบออนไลน์", 2),
        ("๒.๒", "จัดทำแผนร่วมระดับอำเภอ", 2),
        ("ก.", "ด้านสุขภาพ", 3),
        ("ข.", "ด้านเศรษฐกิจชุมชน", 3),
        ("ค.", "ด้านสิ่งแวดล้อม", 3),
    ]


def test_thai_letters_on_their_own_are_a_top_level_list():
    document = parse_document("ข้อเสนอ\n\nก. ด้านสุขภาพ\nข. ด้านการศึกษา\n")

    assert lists(document) == [[("ก.", "ด้านสุขภาพ", 1), ("ข.", "ด้านการศึกษา", 1)]]


def test_thai_abbreviations_at_line_start_are_not_letter_labels():
    document = parse_document("บันทึก\n\nก.พ. 2567 ประชุมใหญ่สามัญประจำปี\n")

    assert lists(document) == []


def test_latin_letters_a_to_f_including_inline_and_label_alone_on_a_line():
    found = lists(parse_sample("volunteer_meeting.txt"))

    assert found[-1] == [
        ("1.", "เกิดแนวทางการทำงานร่วมกัน ได้แก่", 1),
        ("a.", "การแลกเปลี่ยนข่าวสารผ่านกลุ่มไลน์", 2),
        # "b." stands alone; its text is the next paragraph.
        ("b.", "การส่งต่ออาสาสมัครระหว่างองค์กร", 2),
        ("c.", "การระดมทุนร่วมกัน", 2),
        ("d.", "การนัดประชุมทุก 6 เดือน", 2),
        ("e.", "การแบ่งปันอุปกรณ์ระหว่างองค์กร", 2),
        ("f.", "การอบรมอาสาสมัครรุ่นใหม่ร่วมกัน", 2),
    ]


def test_dash_bullets_written_on_one_line_become_separate_items():
    found = lists(parse_sample("volunteer_meeting.txt"))

    assert found[0] == [
        ("", "ประชุมวางแผนกิจกรรม", 1),
        ("", "แบ่งบทบาทหน้าที่", 1),
        ("", "ประสานกลุ่มเป้าหมาย", 1),
    ]


def test_items_inside_paragraphs_are_split_when_they_follow_each_other():
    document = parse_sample("volunteer_meeting.txt")
    found = lists(document)

    assert "<p>การประชุมครั้งนี้มีองค์กรเข้าร่วม 18 องค์กร จำนวน 41 คน สรุปผลจากการประชุม ดังนี้</p>" in (
        paragraphs(document)
    )
    assert found[1] == [("1.", "ทำความรู้จักองค์กรอาสาสมัครแต่ละแห่งและเป้าหมายของแต่ละองค์กร", 1)]
    assert found[2] == [
        ("2.", "ปัญหาและข้อจำกัดที่เครือข่ายมีร่วมกัน ได้แก่", 1),
        # "2.1การขาด..." has no space after the label.
        ("2.1", "การขาดแหล่งทุนระยะยาว ทำให้งานไม่ต่อเนื่อง", 2),
        ("2.2", "การขาดทักษะการสื่อสารงานของตนเอง", 2),
    ]


def test_a_lone_number_inside_a_sentence_is_not_a_list():
    document = parse_document(
        "บันทึก\n\nผลการประชุมสรุปได้ว่า 1. เครือข่ายยังต้องการการสนับสนุนด้านงบประมาณต่อไป\n"
    )

    assert lists(document) == []


# --- headings and paragraphs ------------------------------------------------------------------


def test_marked_and_short_standalone_lines_become_headings():
    assert headings(parse_sample("partner_support.txt")) == [
        "รูปแบบการสนับสนุนมี 2 แบบ ดังนี้",
        "ตัวอย่างงานที่ทำร่วมกับภาคี",
        "ประเด็นที่ร่วมเคลื่อนไหว",
    ]
    assert headings(parse_sample("event_report.txt")) == ["วัตถุประสงค์", "ผลการจัดกิจกรรม"]
    assert parse_document("รายงาน\n\nทางออกร่วมกัน :\n\n" + "ก" * 80).blocks[0] == {
        "type": "heading",
        "value": {"text": "ทางออกร่วมกัน", "level": "h2"},
    }


@pytest.mark.parametrize(
    "line",
    [
        "โครงการ นธส.",  # ends like a sentence
        "วันที่ 14-19 มิถุนายน 2562",  # a date
        "“คำพูดของผู้เข้าร่วม”",  # a quotation
        "ข" * 70,  # too long
    ],
)
def test_lines_that_are_not_headings_stay_paragraphs(line):
    document = parse_document(f"รายงาน\n\n{line}\n\n" + "เนื้อหาที่ยาวพอจะเป็นย่อหน้าจริง" * 5)

    assert headings(document) == []


def test_a_short_last_line_or_one_followed_by_another_short_line_is_not_a_heading():
    document = parse_document("รายงาน\n\nเยี่ยมชมองค์กร\n\nเครือข่ายชุมชน\n")

    assert headings(document) == []


def test_paragraphs_join_wrapped_lines_and_escape_html():
    document = parse_document("บันทึก\n\nบรรทัดแรก\nบรรทัดที่สอง <b>A & B</b>\n\nย่อหน้าใหม่\n")

    assert paragraphs(document) == [
        "<p>บรรทัดแรก บรรทัดที่สอง &lt;b&gt;A &amp; B&lt;/b&gt;</p>",
        "<p>ย่อหน้าใหม่</p>",
    ]


def test_intro_is_the_first_paragraph_as_plain_text_and_shortened():
    document = parse_document("บันทึก\n\nA & B ร่วมกัน\n\nอื่น ๆ\n")
    assert document.intro == "A & B ร่วมกัน"

    long_intro = parse_document("บันทึก\n\n" + "คำ " * 400).intro
    assert len(long_intro) <= 500
    assert long_intro.endswith("…")


def test_blocks_are_in_streamfield_raw_form():
    document = parse_sample("event_report.txt")

    assert document.blocks[0] == {
        "type": "paragraph",
        "value": "<p>รายงานความก้าวหน้าประจำเดือน (16 สิงหาคม-15 กันยายน 2562)</p>",
    }
    assert document.blocks[4] == {
        "type": "numbered_list",
        "value": {
            "items": [
                {"label": "1.", "text": "ผู้เข้าร่วมเข้าใจบทบาทของสื่อในการขับเคลื่อนสังคม", "level": 1},
                {"label": "2.", "text": "ผู้เข้าร่วมสามารถเล่าเรื่องงานของตนให้สาธารณะเข้าใจได้", "level": 1},
                {"label": "3.", "text": "ผู้เข้าร่วมวางแผนสื่อสารของกลุ่มตนเองได้", "level": 1},
            ]
        },
    }


# --- HTML ----------------------------------------------------------------------------------


def test_html_documents_become_the_same_blocks_as_text():
    document = parse_sample("article.html")

    assert document.title == "แนวคิดการจัดตั้งกลุ่ม & เครือข่ายผู้บริโภค"
    assert document.blocks == [
        {
            "type": "paragraph",
            # <br> is a line break inside the paragraph; &nbsp; is a space.
            "value": "<p>กลุ่มผู้บริโภคในชุมชนเกิดขึ้นได้เมื่อสมาชิกเรียนรู้ร่วมกัน "
            "และเห็นปัญหาของตนเองชัดเจน จึงลงมือแก้ไข</p>",
        },
        {"type": "heading", "value": {"text": "วิธีดำเนินงาน", "level": "h2"}},
        {
            "type": "numbered_list",
            "value": {
                "items": [
                    {"label": "1.", "text": "ประสานหน่วยงานในพื้นที่", "level": 1},
                    {"label": "1.1", "text": "สำนักงานเขต", "level": 2},
                    {"label": "1.2", "text": "คณะกรรมการชุมชน", "level": 2},
                    {"label": "2.", "text": "จัดประชุมเพื่อกำหนดพื้นที่เป้าหมาย", "level": 1},
                ]
            },
        },
        {"type": "paragraph", "value": "<p>หมายเหตุ: ข้อมูลนี้ใช้ภายในเครือข่าย &lt;ฉบับร่าง&gt;</p>"},
    ]


def test_html_script_and_style_are_dropped_and_bullets_kept():
    html = (
        "<div><p>ข่าวกิจกรรม</p><script>alert('x')</script><style>.a{}</style>"
        "<ul><li>ลงพื้นที่</li><li>ประชุม</li></ul></div>"
    )
    document = parse_document(decode_document(html.encode(), "news.html"))

    assert document.title == "ข่าวกิจกรรม"
    assert lists(document) == [[("", "ลงพื้นที่", 1), ("", "ประชุม", 1)]]
    assert "alert" not in all_text(document)


def test_html_title_element_is_used_when_there_is_no_h1():
    html = "<html><head><title>ประกาศรับสมัคร</title></head><body><p>รายละเอียด</p></body></html>"

    assert parse_document(decode_document(html.encode(), "a.html")).title == "ประกาศรับสมัคร"


# --- event dates -------------------------------------------------------------------------------


def test_event_date_comes_from_the_date_line_not_the_reporting_period():
    assert extract_event_dates(load("event_report.txt")) == (
        datetime.date(2019, 8, 21),
        datetime.date(2019, 8, 23),
    )


def test_event_date_in_thai_digits():
    assert extract_event_dates(load("thai_digits.txt")) == (datetime.date(2021, 10, 20), None)


def test_event_date_missing():
    assert extract_event_dates("บันทึก\n\nไม่มีวันที่ในเอกสารนี้\n") == (None, None)


# --- bytes that are not a usable document ------------------------------------------------------


def test_text_is_decoded_with_bom_removed_and_newlines_normalised():
    data = codecs.BOM_UTF8 + "หัวเรื่อง\r\nบรรทัด\rสุดท้าย".encode()

    assert decode_document(data, "report.txt") == "หัวเรื่อง\nบรรทัด\nสุดท้าย"


def test_latin1_bytes_are_rejected_with_the_offset():
    with pytest.raises(DocumentError) as error:
        decode_document("café au lait".encode("latin-1"), "menu.txt")

    message = str(error.value)
    assert message.startswith("menu.txt: is not UTF-8")
    assert "offset 3" in message
    assert "TIS-620" not in message


def test_thai_windows_encoding_is_named():
    with pytest.raises(DocumentError, match="TIS-620"):
        decode_document("รายงานการประชุมเครือข่าย".encode("cp874"), "old.txt")


@pytest.mark.parametrize(
    "data",
    [
        "รายงาน\nเนื้อหา".encode("utf-16"),  # with a byte order mark
        "รายงาน hello world\n".encode("utf-16-le"),  # without one
    ],
)
def test_utf16_is_rejected(data):
    with pytest.raises(DocumentError, match="is not UTF-8 .*UTF-16"):
        decode_document(data, "report.txt")


def test_binary_files_are_rejected():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"

    with pytest.raises(DocumentError, match=r"photo\.png: is not a text document"):
        decode_document(png, "photo.png")


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", codecs.BOM_UTF8, b"<p> </p><br>"])
def test_empty_documents_are_rejected(data):
    with pytest.raises(DocumentError, match="empty.txt: is empty"):
        decode_document(data, "empty.txt")


def test_document_error_is_a_value_error_naming_the_file():
    error = DocumentError("a.txt", "is empty.")

    assert isinstance(error, ValueError)
    assert error.name == "a.txt"
    assert str(error) == "a.txt: is empty."
