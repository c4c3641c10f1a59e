"""The demo site's content: topics, programmes, partners and pages, in Thai with
English translations where the demo translates them.

Every sentence here is written for the demo. The organisations, dates and figures
follow the seed pages (a partner-support article by มูลนิธิหญิงชายก้าวไกล, an
นธส. progress report, a ศูนย์อาสาสร้างสุข activity report, a concept note on
กลุ่มเกสรชุมชน and a มูลนิธิชุมชนสงขลา news post).

Pages, partners, programmes and topics are keyed by their slug; images by a key
of their own (see ``IMAGES``). Stream field blocks are written with the helpers
below in Wagtail's JSON form; ``Img("key")`` stands for an image until the loader
swaps in its id.
"""

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Img:
    key: str


# --- Stream field block helpers ---------------------------------------------------


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def numbered(*items):
    """Items are (label, text) or (label, text, level); level defaults to 1 for
    labels like "1." and "๑." and to 2 for "1.1" and "๑.๑"."""
    values = []
    for item in items:
        label, text, *rest = item
        level = rest[0] if rest else (2 if label.rstrip(".").count(".") else 1)
        values.append({"label": label, "text": text, "level": str(level)})
    return {"type": "numbered_list", "value": {"items": values}}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def key_figure(value, unit, label):
    return {"type": "key_figure", "value": {"value": value, "unit": unit, "label": label}}


def image(key, alt_text, caption=""):
    return {"type": "image", "value": {"image": Img(key), "alt_text": alt_text, "caption": caption}}


def objective(text):
    return {"type": "objective", "value": text}


def quantitative(description, value=None, target=None, unit=""):
    return {
        "type": "quantitative",
        "value": {"description": description, "value": value, "target": target, "unit": unit},
    }


def qualitative(description, result=""):
    return {"type": "qualitative", "value": {"description": description, "result": result}}


def problem(text, solution=""):
    return {"type": "problem", "value": {"problem": text, "solution": solution}}


def agreement(text):
    return {"type": "agreement", "value": text}


def bullets(*texts):
    return "<ul>" + "".join(f"<li>{text}</li>" for text in texts) + "</ul>"


# --- Images -------------------------------------------------------------------------
#
# key: (title, description (alt text), scene). Scenes are drawn by demo.media;
# photos are 1600×900 JPEGs, covers 1200×1700, logos 480×480 PNGs.

IMAGES = {
    # Article heroes and illustrations
    "hero-partner-support": (
        "ภาพประกอบ: ภาคีเครือข่ายจับมือรณรงค์",
        "ภาพวาดกราฟิกวงกลมหลายสีซ้อนกัน สื่อถึงภาคีหลายกลุ่มที่ทำงานร่วมกัน",
        "abstract",
    ),
    "article-campaign-meeting": (
        "วงประชุมภาคีรณรงค์ลดผลกระทบจากแอลกอฮอล์",
        "ภาพวาดผู้คนนั่งล้อมโต๊ะประชุมยาว",
        "meeting",
    ),
    "hero-community-pollen": (
        "ภาพประกอบ: กลุ่มเกสรชุมชนในเมือง",
        "ภาพวาดตึกแถวและอาคารในเมืองยามเย็น",
        "city",
    ),
    "article-pollen-workshop": (
        "ประชุมเชิงปฏิบัติการของกลุ่มผู้บริโภคในชุมชน",
        "ภาพวาดกระดานที่ติดกระดาษโน้ตหลากสี และผู้เข้าร่วมนั่งอยู่ด้านหน้า",
        "workshop",
    ),
    "hero-butterfly-news": (
        "ภาพประกอบ: เปิดตัวหนังสือผีเสื้อขยับปีก เล่ม 9",
        "ภาพวาดทะเลสาบและเนินเขายามเช้า",
        "landscape",
    ),
    # Event heroes
    "hero-ntts-course": (
        "นักขับเคลื่อนสังคม รุ่นที่ 5 ครั้งที่ 4",
        "ภาพวาดห้องอบรมที่มีกระดานกระดาษโน้ตและผู้เข้าร่วม",
        "workshop",
    ),
    "hero-volunteer-meeting": (
        "ประชุมเครือข่ายอาสาสมัครชายแดนใต้ 24 ก.ค. 2561",
        "ภาพวาดผู้คนจำนวนมากนั่งล้อมวงประชุม",
        "meeting",
    ),
    "hero-songkhla-civic-day": (
        "สรุปบทเรียนงานวันพลเมืองสงขลา 2564",
        "ภาพวาดผู้คนหลายแถวรวมกลุ่มถ่ายภาพหน้าป้ายผ้า",
        "crowd",
    ),
    # E-book covers
    "cover-butterfly-9": (
        "ปกหนังสือผีเสื้อขยับปีก เล่ม 9",
        "ปกหนังสือสีส้มอมชมพู มีภาพผีเสื้อตัวใหญ่กางปีก",
        "butterfly",
    ),
    "cover-volunteer-handbook": (
        "ปกคู่มือเครือข่ายอาสาสมัครชายแดนใต้",
        "ปกหนังสือสีเขียวน้ำทะเล มีวงกลมซ้อนกันหลายวง",
        "cover",
    ),
    "cover-ntts-notebook": (
        "ปกสมุดบันทึกนักขับเคลื่อนสังคม รุ่นที่ 5",
        "ปกหนังสือสีม่วงคราม มีแถบสีรุ้งพาดทแยง",
        "rainbow",
    ),
}

# Galleries: (image key, scene, title, alt text, caption) in Thai, and English
# (alt text, caption) where the event is translated.

NTTS_GALLERY = [
    (
        "ntts-01",
        "workshop",
        "เปิดการเรียนรู้ครั้งที่ 4",
        "ผู้เข้าร่วมนั่งหน้ากระดานกระดาษโน้ต",
        "วันแรก: ทบทวนว่างานของแต่ละคนต่อกับขบวนการใหญ่อย่างไร",
    ),
    (
        "ntts-02",
        "meeting",
        "วงคุยเรื่องสันติวิธี",
        "ผู้เข้าร่วมนั่งล้อมโต๊ะคุยกัน",
        "วงคุยเรื่องหลักสันติวิธีและการจัดการความขัดแย้ง",
    ),
    (
        "ntts-03",
        "rainbow",
        "ฝึกวิเคราะห์สายรุ้งพันธมิตร",
        "แผนภาพแถบสีไล่เฉดบนพื้นเข้ม",
        "ฝึกจัดกลุ่มคนด้วยเครื่องมือสายรุ้งพันธมิตร",
    ),
    (
        "ntts-04",
        "workshop",
        "ออกแบบปฏิบัติการด้วย 4Ps",
        "กระดาษโน้ตหลากสีเรียงบนกระดาน",
        "ร่างปฏิบัติการทางสังคมของตนเองด้วยเครื่องมือ 4Ps",
    ),
    (
        "ntts-05",
        "city",
        "เดินทางไปดูงาน",
        "อาคารในเมืองกรุงเทพฯ ยามบ่าย",
        "ออกเดินทางไปดูงานที่มูลนิธิกระจกเงา",
    ),
    ("ntts-06", "crowd", "ภาพหมู่ผู้เข้าร่วม", "ผู้เข้าร่วมยืนเรียงแถวถ่ายภาพหมู่", "ภาพหมู่ผู้เข้าร่วม 25 คนในวันสุดท้าย"),
]

VOLUNTEER_GALLERY = [
    (
        "volunteer-01",
        "meeting",
        "ลงทะเบียนและแนะนำตัว",
        "ตัวแทนองค์กรนั่งล้อมวง",
        "ตัวแทนองค์กรอาสาแนะนำตัวและเป้าหมายงานของตน",
        "Representatives sitting in a circle",
        "Volunteer groups introduce themselves and their goals",
    ),
    (
        "volunteer-02",
        "workshop",
        "ระดมปัญหาที่เจอร่วมกัน",
        "กระดานกระดาษโน้ตที่เขียนปัญหา",
        "ระดมปัญหาและข้อจำกัดที่ทุกองค์กรเจอเหมือนกัน",
        "A board covered in sticky notes",
        "Listing the problems every group shares",
    ),
    (
        "volunteer-03",
        "meeting",
        "วงย่อยเรื่องการระดมทุน",
        "กลุ่มย่อยนั่งคุยรอบโต๊ะ",
        "วงย่อยหาทางออกเรื่องทุน ตั้งแต่ข้อเสนอร่วมจนถึงการระดมทุนออนไลน์",
        "A small group talking around a table",
        "A breakout group on funding, from joint proposals to crowdfunding",
    ),
    (
        "volunteer-04",
        "workshop",
        "วงย่อยเรื่องการสื่อสาร",
        "ผู้เข้าร่วมยืนหน้ากระดาน",
        "วงย่อยเรื่องการเล่างานอาสาให้คนภายนอกรู้จัก",
        "Participants standing at a board",
        "A breakout group on telling the public about volunteer work",
    ),
    (
        "volunteer-05",
        "landscape",
        "ฝนตกหนักในวันประชุม",
        "เมฆฝนเหนือทุ่งและลำน้ำ",
        "ฝนตกหนักและน้ำท่วมบางพื้นที่ ทำให้หลายองค์กรมาไม่ได้",
        "Rain clouds over fields and a river",
        "Heavy rain and local flooding kept several groups away",
    ),
    (
        "volunteer-06",
        "crowd",
        "ภาพหมู่เครือข่าย",
        "ผู้เข้าร่วมยืนเรียงแถวถ่ายภาพหมู่",
        "ภาพหมู่ผู้เข้าร่วม 53 คนจาก 20 องค์กร",
        "Participants lined up for a group photo",
        "Group photo: 53 people from 20 organisations",
    ),
]

SONGKHLA_GALLERY = [
    ("songkhla-01", "crowd", "ภาคีมาพร้อมกัน", "ผู้คนรวมกลุ่มหน้าป้ายผ้า", "ภาคีกว่า ๓๐ คนมาร่วมสรุปบทเรียน"),
    (
        "songkhla-02",
        "meeting",
        "เปิดวงสรุปบทเรียน",
        "ผู้เข้าร่วมนั่งล้อมโต๊ะประชุม",
        "เปิดวงด้วยการทบทวนงานวันพลเมืองสงขลา ๒๕๖๔",
    ),
    (
        "songkhla-03",
        "workshop",
        "ทบทวนงานสองทศวรรษ",
        "กระดานเส้นเวลาพร้อมกระดาษโน้ต",
        "ย้อนดูพัฒนาการของเครือข่ายตลอด ๒๐ ปี",
    ),
    (
        "songkhla-04",
        "meeting",
        "สถานการณ์โควิดในพื้นที่",
        "ผู้เข้าร่วมฟังการนำเสนอ",
        "แลกเปลี่ยนสถานการณ์โควิดในแต่ละอำเภอ",
    ),
    (
        "songkhla-05",
        "workshop",
        "เป้าหมายสงขลาปลอดภัย",
        "กระดานแบ่งเป็นช่องสีต่าง ๆ",
        "แตกเป้าหมายสงขลาปลอดภัยอย่างยั่งยืนเป็นด้านต่าง ๆ",
    ),
    (
        "songkhla-06",
        "meeting",
        "วงย่อยด้านสุขภาพ",
        "กลุ่มย่อยนั่งคุยรอบโต๊ะ",
        "วงย่อยด้านสุขภาพ: ตรวจเชิงรุกและวัคซีน",
    ),
    (
        "songkhla-07",
        "meeting",
        "วงย่อยด้านเศรษฐกิจ",
        "กลุ่มย่อยนั่งคุยรอบโต๊ะ",
        "วงย่อยด้านเศรษฐกิจ: เปิดเมืองอย่างปลอดภัย",
    ),
    ("songkhla-08", "meeting", "วงย่อยด้านสังคม", "กลุ่มย่อยนั่งคุยรอบโต๊ะ", "วงย่อยด้านสังคม: ดูแลกลุ่มเปราะบาง"),
    (
        "songkhla-09",
        "city",
        "ตัวอย่างจากหาดใหญ่",
        "อาคารในเมืองหาดใหญ่",
        "เรียนรู้ตัวอย่างการรับมือในเมืองหาดใหญ่",
    ),
    (
        "songkhla-10",
        "landscape",
        "ลุ่มน้ำทะเลสาบสงขลา",
        "ทะเลสาบและเนินเขายามเย็น",
        "ชวนคิดเรื่องภูมินิเวศลุ่มน้ำทะเลสาบสงขลา",
    ),
    (
        "songkhla-11",
        "workshop",
        "ข้อเสนอระยะสั้น",
        "กระดาษโน้ตเรียงเป็นแถว",
        "รวบรวมข้อเสนอระยะสั้นสำหรับการรับมือโควิด",
    ),
    (
        "songkhla-12",
        "workshop",
        "ข้อเสนอระยะยาว",
        "กระดาษโน้ตหลายสีบนกระดาน",
        "รวบรวมข้อเสนอระยะยาวและพื้นที่ปฏิบัติการ",
    ),
    (
        "songkhla-13",
        "meeting",
        "นัดหมายครั้งถัดไป",
        "ผู้เข้าร่วมนั่งคุยกันสบาย ๆ",
        "นัดประชุมภาคีทาง Zoom วันที่ ๒๒ ตุลาคม ๒๕๖๔",
    ),
    ("songkhla-14", "crowd", "ภาพหมู่ปิดงาน", "ผู้คนเรียงแถวถ่ายภาพหมู่", "ภาพหมู่ภาคีหลังปิดวง"),
]


# --- Topics, programmes, partners -----------------------------------------------------

TOPICS = [
    {
        "slug": "gender-equality",
        "name": "ความเสมอภาคระหว่างเพศ",
        "description": "งานป้องกันความรุนแรงที่มาจากอคติทางเพศ และการสร้างความเท่าเทียมของคนทุกเพศ",
        "en": {
            "name": "Gender equality",
            "description": "Preventing violence rooted in gender bias and building equality for people of every gender.",
        },
    },
    {
        "slug": "alcohol-policy",
        "name": "นโยบายควบคุมเครื่องดื่มแอลกอฮอล์",
        "description": "การรณรงค์และผลักดันมาตรการลดผลกระทบของแอลกอฮอล์ต่อครอบครัวและชุมชน",
        "en": {
            "name": "Alcohol policy",
            "description": "Campaigns and measures that reduce the harm alcohol does to families and communities.",
        },
    },
    {
        "slug": "volunteering",
        "name": "งานอาสาสมัคร",
        "description": "เครือข่ายอาสาสมัคร การพัฒนาอาสา และกลไกที่ชวนให้คนลงมือช่วยเหลือกัน",
        "en": {
            "name": "Volunteering",
            "description": "Volunteer networks, volunteer development and the systems that get people helping each other.",
        },
    },
    {
        "slug": "southern-peace",
        "name": "สันติภาพชายแดนใต้",
        "description": "การเยียวยา ความสมานฉันท์ และการสร้างสันติภาพโดยคนในปัตตานี ยะลา นราธิวาส และสงขลา",
        "en": {
            "name": "Peace in the Deep South",
            "description": "Healing, reconciliation and peacebuilding led by people in Pattani, Yala, Narathiwat and Songkhla.",
        },
    },
    {
        "slug": "consumer-rights",
        "name": "สิทธิผู้บริโภค",
        "description": "ผู้บริโภครวมกลุ่มกันเพื่อรู้สิทธิ ร้องเรียน และแก้ปัญหาร่วมกัน โดยเฉพาะในกิจการโทรคมนาคม",
        "en": {
            "name": "Consumer rights",
            "description": "Consumers organising to know their rights, complain and solve problems together, above all in telecoms.",
        },
    },
    {
        "slug": "active-citizenship",
        "name": "พลเมืองและประชาสังคม",
        "description": "ประชาสังคม ท้องถิ่น รัฐ และเอกชนทำงานร่วมกันเพื่อจัดการปัญหาของจังหวัดด้วยตัวเอง",
        "en": {
            "name": "Active citizenship",
            "description": "Civil society, local government, the state and business working together on their province's problems.",
        },
    },
    {
        "slug": "leadership",
        "name": "การพัฒนาผู้นำการเปลี่ยนแปลง",
        "description": "หลักสูตรและกระบวนการเรียนรู้ที่ช่วยให้แกนนำออกแบบและขับเคลื่อนงานทางสังคมได้",
        "en": {
            "name": "Leadership for change",
            "description": "Courses and learning processes that help community leaders design and drive social action.",
        },
    },
    {
        "slug": "health-and-covid",
        "name": "สุขภาวะและการรับมือโควิด-19",
        "description": "ความเป็นธรรมด้านสุขภาพ และการรับมือโรคระบาดในระดับพื้นที่",
        "en": {
            "name": "Health and COVID-19",
            "description": "Health equity and local responses to the pandemic.",
        },
    },
]

THAIHEALTH = "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ (สสส.)"
THAIHEALTH_EN = "Thai Health Promotion Foundation (ThaiHealth)"

PROGRAMMES = [
    {
        "slug": "ntts",
        "name": (
            "โครงการเสริมสร้างศักยภาพผู้นำและหนุนเสริมปฏิบัติการขับเคลื่อนการเปลี่ยนแปลง"
            "สู่ความเป็นธรรมทางสุขภาวะประชากรกลุ่มเฉพาะ"
        ),
        "short_name": "นธส.",
        "description": (
            "พัฒนาแกนนำจากเครือข่ายที่ทำงานกับประชากรกลุ่มเฉพาะผ่านหลักสูตรนักขับเคลื่อนสังคมหลายรุ่น "
            "แล้วหนุนให้แต่ละคนลงมือทำปฏิบัติการเพื่อความเป็นธรรมด้านสุขภาพในพื้นที่ของตน"
        ),
        "funder": THAIHEALTH,
        "start_date": date(2018, 10, 1),
        "end_date": date(2020, 9, 30),
        "website": "https://example.org/programmes/ntts/",
        "en": {
            "name": "Leadership and Action for Health Equity among Specific Population Groups",
            "short_name": "นธส.",
            "description": (
                "Trains leaders from networks that work with specific population groups through successive "
                "cohorts of a social change course, then backs each of them to act for health equity at home."
            ),
            "funder": THAIHEALTH_EN,
        },
    },
    {
        "slug": "southern-volunteer-peace",
        "name": ("โครงการพัฒนาระบบและกลไกอาสาสมัครชายแดนภาคใต้เพื่อเสริมสร้างสันติภาพโดยการมีส่วนร่วมของพื้นที่"),
        "short_name": "",
        "description": (
            "วางระบบ กลไก และเครือข่ายอาสาสมัครในปัตตานี ยะลา นราธิวาส และสงขลา "
            "ให้องค์กรในพื้นที่ทำงานเยียวยาและสร้างความสมานฉันท์ร่วมกันได้อย่างต่อเนื่อง"
        ),
        "funder": THAIHEALTH,
        "start_date": date(2018, 4, 1),
        "end_date": date(2019, 3, 31),
        "website": "https://example.org/programmes/southern-volunteers/",
        "en": {
            "name": "Volunteer Systems for Peace in the Southern Border Provinces",
            "short_name": "",
            "description": (
                "Builds the systems and networks that let volunteer groups in Pattani, Yala, Narathiwat and "
                "Songkhla keep working together on healing and reconciliation."
            ),
            "funder": THAIHEALTH_EN,
        },
    },
    {
        "slug": "community-pollen",
        "name": "โครงการเสริมสร้างความเข้มแข็งกลุ่มเกสรชุมชนพิทักษ์สิทธิผู้บริโภคในกิจการโทรคมนาคม",
        "short_name": "",
        "description": (
            "ตั้งและหนุนกลุ่มผู้บริโภคในชุมชนของกรุงเทพฯ ให้รู้สิทธิ รับเรื่องร้องเรียน "
            "และแก้ปัญหาค่าบริการโทรศัพท์และอินเทอร์เน็ตได้ด้วยตัวเอง"
        ),
        "funder": "สถาบันคุ้มครองผู้บริโภคในกิจการโทรคมนาคม (สบท.)",
        "start_date": date(2009, 6, 1),
        "end_date": date(2010, 5, 31),
        "website": "",
        "en": {
            "name": "Community Pollen Groups for Telecom Consumer Rights",
            "short_name": "",
            "description": (
                "Sets up and supports consumer groups in Bangkok's communities so that they know their rights, "
                "take complaints and sort out phone and internet billing problems themselves."
            ),
            "funder": "Telecommunications Consumer Protection Institute",
        },
    },
]

BANGKOK = "กรุงเทพมหานคร"
DEEP_SOUTH = ["ปัตตานี", "ยะลา", "นราธิวาส", "สงขลา"]

# kind: community, government, private, academic, media, public_figure, foundation.
# "logo" names a palette for a generated logo; "web" gives an example.org address.
PARTNERS = [
    # From the partner-support article (มูลนิธิหญิงชายก้าวไกล)
    {
        "slug": "women-and-men-progressive-movement",
        "name": "มูลนิธิหญิงชายก้าวไกล",
        "short_name": "",
        "kind": "foundation",
        "mission": "ทำงานเพื่อความเสมอภาคระหว่างเพศ และช่วยเหลือผู้หญิงและเด็กที่เผชิญความรุนแรง",
        "provinces": [BANGKOK],
        "logo": "plum",
        "web": True,
        "en": {
            "name": "Women and Men Progressive Movement Foundation",
            "short_name": "WMP",
            "mission": "Works for gender equality and stands by women and children who face violence.",
        },
    },
    {
        "slug": "stop-drink-network",
        "name": "เครือข่ายองค์กรงดเหล้า",
        "short_name": "",
        "kind": "community",
        "mission": "ชวนคนลด ละ เลิกเหล้า ปรับสภาพแวดล้อม และผลักดันมาตรการควบคุมแอลกอฮอล์",
        "provinces": [BANGKOK],
        "logo": "leaf",
        "web": True,
        "en": {
            "name": "Stop Drink Network",
            "short_name": "",
            "mission": "Helps people cut down or quit drinking and pushes for alcohol control measures.",
        },
    },
    {
        "slug": "alcohol-harm-prevention-network",
        "name": "เครือข่ายรณรงค์ป้องกันภัยแอลกอฮอล์",
        "short_name": "ครปอ.",
        "kind": "community",
        "mission": "เปิดโปงกลยุทธ์การตลาดของธุรกิจแอลกอฮอล์ และปกป้องเยาวชนจากผลเสียของการดื่ม",
        "provinces": [BANGKOK],
        "logo": None,
        "web": True,
        "en": {
            "name": "Alcohol Harm Prevention Campaign Network",
            "short_name": "ครปอ.",
            "mission": "Exposes the alcohol industry's marketing tactics and shields young people from the harm of drinking.",
        },
    },
    {
        "slug": "alcohol-business-watch",
        "name": "เครือข่ายเฝ้าระวังธุรกิจสุรา",
        "short_name": "",
        "kind": "community",
        "mission": "ติดตามตรวจสอบให้บริษัทสุราทำตามกฎหมายควบคุมเครื่องดื่มแอลกอฮอล์",
        "provinces": [],
        "logo": None,
        "web": False,
        "en": {
            "name": "Alcohol Business Watch Network",
            "short_name": "",
            "mission": "Keeps an eye on alcohol companies and holds them to the alcohol control law.",
        },
    },
    {
        "slug": "ministry-of-social-development",
        "name": "กระทรวงพัฒนาสังคมและความมั่นคงของมนุษย์",
        "short_name": "พม.",
        "kind": "government",
        "mission": "ร่วมรณรงค์ช่วงสงกรานต์ และเชื่อมกลไกแก้ปัญหาการคุกคามทางเพศกับสำนักงานระดับจังหวัด",
        "provinces": [BANGKOK],
        "logo": "navy",
        "web": True,
        "en": {
            "name": "Ministry of Social Development and Human Security",
            "short_name": "MSDHS",
            "mission": "Joins Songkran campaigns and links sexual harassment response to its provincial offices.",
        },
    },
    {
        "slug": "jwt",
        "name": "บริษัท เจ. วอลเตอร์ ทอมป์สัน",
        "short_name": "JWT",
        "kind": "private",
        "mission": "เอเจนซีโฆษณาที่ร่วมทำแคมเปญ “บ้านไม่ใช่เวทีมวย” ในปี 2560",
        "provinces": [BANGKOK],
        "logo": None,
        "web": False,
        "en": {
            "name": "J. Walter Thompson",
            "short_name": "JWT",
            "mission": "Advertising agency behind the 2017 campaign “Home is not a boxing ring”.",
        },
    },
    {
        "slug": "bbdo",
        "name": "บริษัท บีบีดีโอ",
        "short_name": "BBDO",
        "kind": "private",
        "mission": "เอเจนซีโฆษณาที่ร่วมผลิตสื่อรณรงค์กับมูลนิธิในปี 2556",
        "provinces": [BANGKOK],
        "logo": None,
        "web": False,
        "en": {
            "name": "BBDO",
            "short_name": "BBDO",
            "mission": "Advertising agency that produced campaign media with the foundation in 2013.",
        },
    },
    {
        "slug": "cindy-sirinya-bishop",
        "name": "ซินดี้ สิรินยา บิชอพ",
        "short_name": "",
        "kind": "public_figure",
        "mission": "นักแสดงและพิธีกรที่ใช้ประสบการณ์ของตนรณรงค์ต่อต้านการคุกคามทางเพศช่วงสงกรานต์",
        "provinces": [],
        "logo": None,
        "web": False,
        "en": {
            "name": "Cindy Sirinya Bishop",
            "short_name": "",
            "mission": "Actor and host who draws on her own experience to campaign against sexual harassment at Songkran.",
        },
    },
    # From the นธส. report
    {
        "slug": "mirror-foundation",
        "name": "มูลนิธิกระจกเงา",
        "short_name": "",
        "kind": "foundation",
        "mission": "ทำโครงการสังคมหลายด้าน ตั้งแต่ศูนย์ข้อมูลคนหายถึงการส่งต่อของบริจาค โดยหารายได้เองแบบกิจการเพื่อสังคม",
        "provinces": [BANGKOK],
        "logo": "silver",
        "web": True,
        "en": {
            "name": "Mirror Foundation",
            "short_name": "",
            "mission": "Runs many social projects, from a missing persons centre to passing on donations, and pays its own way as a social enterprise.",
        },
    },
    {
        "slug": "phakhi-sang-suk-foundation",
        "name": "มูลนิธิภาคีสร้างสุข",
        "short_name": "",
        "kind": "foundation",
        "mission": "รวบรวมเรื่องเล่า บทเรียน และหนังสือของภาคีเครือข่ายไว้ในเว็บไซต์นี้ และจัดหลักสูตรพัฒนาแกนนำ",
        "provinces": [BANGKOK],
        "logo": "sun",
        "web": True,
        "en": {
            "name": "Phakhi Sang Suk Foundation",
            "short_name": "",
            "mission": "Gathers the stories, lessons and books of its partner networks on this website and runs leadership courses.",
        },
    },
    # From the ศูนย์อาสาสร้างสุข report: the organiser and twenty organisations
    {
        "slug": "sang-suk-volunteer-centre",
        "name": "ศูนย์อาสาสร้างสุข",
        "short_name": "",
        "kind": "foundation",
        "mission": "ประสานและหนุนเครือข่ายอาสาสมัครชายแดนใต้ ทั้งด้านข้อมูล การสื่อสาร และการพัฒนาทักษะ",
        "provinces": DEEP_SOUTH,
        "logo": "teal",
        "web": True,
        "en": {
            "name": "Sang Suk Volunteer Centre",
            "short_name": "",
            "mission": "Connects and supports volunteer networks in the Deep South with information, communication and skills.",
        },
    },
    {
        "slug": "women-volunteers-group",
        "name": "กลุ่มสตรีจิตอาสา",
        "short_name": "",
        "kind": "community",
        "mission": "ผู้หญิงในชุมชนที่คอยเป็นสะพานพาคนเดือดร้อนไปถึงความช่วยเหลือจากหน่วยงานรัฐ",
        "provinces": [],
        "logo": None,
        "web": False,
        "en": {
            "name": "Women Volunteers Group",
            "short_name": "",
            "mission": "Local women who connect people in trouble with help from government agencies.",
        },
    },
    {
        "slug": "southern-healing-reconciliation-foundation",
        "name": "มูลนิธิเพื่อการเยียวยาและสร้างความสมานฉันท์ชายแดนใต้",
        "short_name": "มยส.",
        "kind": "foundation",
        "mission": "จัดค่ายให้แกนนำเยาวชน แล้วให้ทุนเล็ก ๆ กลับไปทำกิจกรรมสร้างสรรค์ในชุมชนของตน",
        "provinces": ["ปัตตานี", "ยะลา", "นราธิวาส"],
        "logo": "dove",
        "web": True,
        "en": {
            "name": "Foundation for Healing and Reconciliation in the Southern Border Provinces",
            "short_name": "มยส.",
            "mission": "Runs camps for young leaders, then gives them small grants for creative projects back home.",
        },
    },
    {
        "slug": "white-dove-house",
        "name": "บ้านพิราบขาวชายแดนใต้",
        "short_name": "",
        "kind": "foundation",
        "mission": "ดูแลเด็กและเยาวชนนอกระบบ ไปเยี่ยม ให้กำลังใจ และฝึกงานฝีมือเพื่อสร้างอาชีพ",
        "provinces": DEEP_SOUTH,
        "logo": "dove",
        "web": False,
        "en": {
            "name": "White Dove House of the Southern Border",
            "short_name": "",
            "mission": "Looks after out-of-school youth with home visits, encouragement and craft skills for a living.",
        },
    },
    {
        "slug": "amin-group",
        "name": "กลุ่มอามีน",
        "short_name": "",
        "kind": "community",
        "mission": "หนุนพลังเยาวชน และช่วยให้เด็กที่หลุดจากระบบได้กลับเข้าสู่การเรียนและการทำงาน",
        "provinces": [],
        "logo": None,
        "web": False,
        "en": {
            "name": "Amin Group",
            "short_name": "",
            "mission": "Builds young people's strengths and helps those who dropped out find their way back.",
        },
    },
    {
        "slug": "volunteer-graduates-alumni",
        "name": "สมาคมศิษย์เก่าบัณฑิตอาสา",
        "short_name": "",
        "kind": "foundation",
        "mission": "จุดประกายให้ชุมชนดูแลสุขภาวะของตนเอง และเปิดพื้นที่ให้เด็กและเยาวชนมีส่วนร่วม",
        "provinces": [],
        "logo": None,
        "web": False,
        "en": {
            "name": "Volunteer Graduates Alumni Association",
            "short_name": "",
            "mission": "Sparks communities to look after their own wellbeing and makes room for young people to take part.",
        },
    },
    {
        "slug": "yala-volunteer-heart-bank",
        "name": "ธนาคารใจอาสายะลา",
        "short_name": "",
        "kind": "community",
        "mission": "ผลิตสื่อร่วมกับชุมชน และสร้างพื้นที่ปลอดภัยให้เด็ก",
        "provinces": ["ยะลา"],
        "logo": None,
        "web": False,
        "en": {
            "name": "Yala Volunteer Heart Bank",
            "short_name": "",
            "mission": "Makes media with the community and creates safe spaces for children.",
        },
    },
    {
        "slug": "psu-peaceful-heart-volunteers",
        "name": "กลุ่มสันติใจอาสา ม.อ.",
        "short_name": "",
        "kind": "academic",
        "mission": "นักศึกษาที่ใช้การแลกเปลี่ยนวัฒนธรรมระหว่างพื้นที่เพื่อหนุนกระบวนการสันติภาพ",
        "provinces": ["ปัตตานี"],
        "logo": None,
        "web": False,
        "en": {
            "name": "PSU Peaceful Heart Volunteers",
            "short_name": "",
            "mission": "Students who support the peace process through cultural exchanges between regions.",
        },
    },
    {
        "slug": "good-people-network",
        "name": "เครือข่ายคนดี",
        "short_name": "",
        "kind": "community",
        "mission": "สร้างความเข้าใจและเสริมพลังให้คนในพื้นที่",
        "provinces": [],
        "logo": None,
        "web": False,
        "en": {
            "name": "Good People Network",
            "short_name": "",
            "mission": "Builds understanding and confidence among local people.",
        },
    },
    {
        "slug": "narathiwat-volunteer-heart-bank",
        "name": "ธนาคารใจอาสานราธิวาส",
        "short_name": "",
        "kind": "community",
        "mission": "ชวนคนในชุมชนเป็นพี่เลี้ยง ให้ความรู้และแนวทางการใช้ชีวิตแก่เด็ก",
        "provinces": ["นราธิวาส"],
        "logo": None,
        "web": False,
        "en": {
            "name": "Narathiwat Volunteer Heart Bank",
            "short_name": "",
            "mission": "Brings local adults in as mentors who share knowledge and life advice with children.",
        },
    },
    {
        "slug": "southern-creative-youth-association",
        "name": "สมาคมสร้างสรรค์เยาวชนชายแดนใต้",
        "short_name": "",
        "kind": "foundation",
        "mission": "สนับสนุนการศึกษาของเด็กที่ขาดโอกาส รวมถึงเด็กสายอาชีพ ให้ได้เรียนต่อและร่วมกิจกรรม",
        "provinces": [],
        "logo": None,
        "web": False,
        "en": {
            "name": "Southern Border Creative Youth Association",
            "short_name": "",
            "mission": "Helps disadvantaged and vocational students stay in education and take part in activities.",
        },
    },
    {
        "slug": "beach-for-life",
        "name": "กลุ่ม Beach for Life",
        "short_name": "",
        "kind": "community",
        "mission": "ชวนเด็กในพื้นที่รู้จัก รัก และดูแลชายหาดบ้านตัวเอง",
        "provinces": ["สงขลา"],
        "logo": "sea",
        "web": True,
        "en": {
            "name": "Beach for Life",
            "short_name": "",
            "mission": "Helps local children get to know, love and look after their own beaches.",
        },
    },
    {
        "slug": "ban-laem-irrawaddy-dolphin-group",
        "name": "กลุ่มอนุรักษ์โลมาอิรวดีบ้านแหลม",
        "short_name": "",
        "kind": "community",
        "mission": "อนุรักษ์โลมาอิรวดีและสัตว์ทะเลหายาก และพาคนไปเรียนรู้ธรรมชาติในทะเล",
        "provinces": ["สงขลา"],
        "logo": "sea",
        "web": False,
        "en": {
            "name": "Ban Laem Irrawaddy Dolphin Conservation Group",
            "short_name": "",
            "mission": "Protects Irrawaddy dolphins and other rare sea life, and takes people out to learn about the sea.",
        },
    },
    {
        "slug": "keenan-foundation",
        "name": "มูลนิธิคีนัน",
        "short_name": "",
        "kind": "foundation",
        "mission": "จุดประกายให้เยาวชนลงมือทำงานในชุมชน ด้วยเครื่องมืออย่างแผนที่เดินดินและเส้นเวลาชุมชน",
        "provinces": [],
        "logo": None,
        "web": True,
        "en": {
            "name": "Keenan Foundation",
            "short_name": "",
            "mission": "Gets young people working in their communities with tools such as walking maps and community timelines.",
        },
    },
    {
        "slug": "foundation-for-child-development",
        "name": "มูลนิธิเพื่อการพัฒนาเด็ก",
        "short_name": "",
        "kind": "foundation",
        "mission": "ประสานทุกภาคส่วนให้ขับเคลื่อนงานเด็กและพื้นที่สร้างสรรค์ร่วมกัน",
        "provinces": [],
        "logo": None,
        "web": True,
        "en": {
            "name": "Foundation for Child Development",
            "short_name": "",
            "mission": "Brings every sector together on work for children and creative spaces.",
        },
    },
    {
        "slug": "hilal-ahmar-foundation",
        "name": "มูลนิธิฮิลาลอะมัร",
        "short_name": "",
        "kind": "foundation",
        "mission": "อาสากู้ภัยที่ช่วยเหลือผู้ประสบอุบัติเหตุในพื้นที่",
        "provinces": [],
        "logo": None,
        "web": False,
        "en": {
            "name": "Hilal Ahmar Foundation",
            "short_name": "",
            "mission": "Volunteer rescue team that helps people hurt in accidents in the area.",
        },
    },
    {
        "slug": "pa-rai-youth",
        "name": "เยาวชนตำบลป่าไร่",
        "short_name": "",
        "kind": "community",
        "mission": "เยาวชนราว 20 คนที่รวมตัวกันพัฒนาตำบลของตนเอง",
        "provinces": ["ปัตตานี"],
        "logo": None,
        "web": False,
        "en": {
            "name": "Pa Rai Subdistrict Youth",
            "short_name": "",
            "mission": "About twenty young people working together for their own subdistrict.",
        },
    },
    {
        "slug": "tak-bai-orphans-home",
        "name": "บ้านเด็กกำพร้าและผู้ด้อยโอกาสตากใบ",
        "short_name": "",
        "kind": "foundation",
        "mission": "ดูแลเด็กกำพร้า และปลูกฝังให้เด็กเติบโตเป็นอาสาสมัครที่ช่วยเหลือผู้อื่นต่อไป",
        "provinces": ["นราธิวาส"],
        "logo": None,
        "web": False,
        "en": {
            "name": "Tak Bai Home for Orphans and Disadvantaged Children",
            "short_name": "",
            "mission": "Cares for orphans and raises them to become volunteers who help others in turn.",
        },
    },
    {
        "slug": "psu-volunteer-graduates",
        "name": "โครงการบัณฑิตอาสา มหาวิทยาลัยสงขลานครินทร์",
        "short_name": "",
        "kind": "academic",
        "mission": "ให้บัณฑิตใหม่ใช้ชีวิตในชุมชนหนึ่งปี ฝึกใช้เครื่องมือแก้ปัญหาร่วมกับชาวบ้าน",
        "provinces": ["ปัตตานี", "สงขลา"],
        "logo": "navy",
        "web": True,
        "en": {
            "name": "Volunteer Graduates Programme, Prince of Songkla University",
            "short_name": "PSU",
            "mission": "New graduates spend a year living in a community, learning to solve problems with local people.",
        },
    },
    {
        "slug": "school-under-the-trees",
        "name": "โรงเรียนใต้ร่มไม้",
        "short_name": "",
        "kind": "community",
        "mission": "จัดค่ายและกิจกรรมเรียนรู้นอกห้องเรียนที่เด็กเลือกเองตามความสนใจ",
        "provinces": [],
        "logo": "leaf",
        "web": False,
        "en": {
            "name": "School Under the Trees",
            "short_name": "",
            "mission": "Runs camps and outdoor learning that children choose for themselves.",
        },
    },
    # From the มูลนิธิชุมชนสงขลา news post
    {
        "slug": "songkhla-community-foundation",
        "name": "มูลนิธิชุมชนสงขลา",
        "short_name": "",
        "kind": "foundation",
        "mission": "เป็นแกนประสานภาคีในจังหวัดสงขลา และจัดงานวันพลเมืองสงขลาทุกปี",
        "provinces": ["สงขลา"],
        "logo": "sun",
        "web": True,
        "en": {
            "name": "Songkhla Community Foundation",
            "short_name": "",
            "mission": "Brings Songkhla's partners together and holds Songkhla Citizens' Day every year.",
        },
    },
    {
        "slug": "supat-hasuwannakit",
        "name": "นพ.สุภัทร ฮาสุวรรณกิจ",
        "short_name": "",
        "kind": "public_figure",
        "mission": "แพทย์ที่ภาคีในสงขลาเชิญมาให้ข้อเสนอการรับมือโควิด-19 ในระดับพื้นที่",
        "provinces": ["สงขลา"],
        "logo": None,
        "web": False,
        "en": {
            "name": "Dr. Supat Hasuwannakit",
            "short_name": "",
            "mission": "Physician invited by Songkhla's partners to advise on local COVID-19 responses.",
        },
    },
    {
        "slug": "psu-radio",
        "name": "สถานีวิทยุ ม.อ.",
        "short_name": "",
        "kind": "media",
        "mission": "สื่อในพื้นที่ที่ช่วยกระจายข้อมูลสถานการณ์และบทเรียนของชุมชนในสงขลา",
        "provinces": ["สงขลา"],
        "logo": "wave",
        "web": True,
        "en": {
            "name": "PSU Radio",
            "short_name": "",
            "mission": "Local broadcaster that helps spread news and community lessons around Songkhla.",
        },
    },
    {
        "slug": "taejai",
        "name": "เทใจดอทคอม",
        "short_name": "",
        "kind": "private",
        "mission": "แพลตฟอร์มระดมทุนออนไลน์ที่ให้คนทั่วไปร่วมสนับสนุนโครงการเพื่อสังคม",
        "provinces": [BANGKOK],
        "logo": "heart",
        "web": True,
        "en": {
            "name": "Taejai.com",
            "short_name": "",
            "mission": "Online crowdfunding platform where anyone can back social projects.",
        },
    },
    # From the concept note on กลุ่มเกสรชุมชน
    {
        "slug": "telecom-consumer-protection-institute",
        "name": "สถาบันคุ้มครองผู้บริโภคในกิจการโทรคมนาคม",
        "short_name": "สบท.",
        "kind": "government",
        "mission": "หนุนการคุ้มครองสิทธิผู้บริโภคด้านบริการโทรศัพท์และอินเทอร์เน็ต",
        "provinces": [BANGKOK],
        "logo": None,
        "web": True,
        "en": {
            "name": "Telecommunications Consumer Protection Institute",
            "short_name": "สบท.",
            "mission": "Supports the protection of consumers' rights in phone and internet services.",
        },
    },
    {
        "slug": "bangkok-community-pollen-network",
        "name": "เครือข่ายเกสรชุมชนกรุงเทพฯ",
        "short_name": "",
        "kind": "community",
        "mission": "เครือข่ายผู้บริโภคระดับเมืองที่ประสานกลุ่มเกสรชุมชนในแต่ละเขต",
        "provinces": [BANGKOK],
        "logo": "leaf",
        "web": False,
        "en": {
            "name": "Bangkok Community Pollen Network",
            "short_name": "",
            "mission": "City-wide consumer network that links the community pollen groups of each district.",
        },
    },
]

# --- Pages --------------------------------------------------------------------------

SITE_NAME_EN = "Phakhi Sang Suk Foundation"

HOME = {
    "model": "home.HomePage",
    "title": "มูลนิธิภาคีสร้างสุข",
    "tagline": "เรื่องเล่า บทเรียน และหนังสือจากภาคีเครือข่ายภาคประชาสังคม",
    "intro": (
        "ที่นี่เก็บบันทึกการทำงานของมูลนิธิและกลุ่มชุมชนทั่วประเทศไว้ให้ทุกคนอ่าน "
        "ทั้งบทความว่าด้วยการหนุนเสริมภาคี สรุปการประชุมและการอบรม "
        "และหนังสืออิเล็กทรอนิกส์ที่ดาวน์โหลดไปใช้ต่อได้"
    ),
    "featured": [
        "songkhla-citizens-day-2021",
        "supporting-partner-networks",
        "butterfly-wings-volume-9",
    ],
    "partners": [
        "women-and-men-progressive-movement",
        "mirror-foundation",
        "sang-suk-volunteer-centre",
        "songkhla-community-foundation",
        "southern-healing-reconciliation-foundation",
        "ministry-of-social-development",
        "psu-volunteer-graduates",
        "psu-radio",
        "taejai",
        "beach-for-life",
        "stop-drink-network",
        "white-dove-house",
    ],
    "first_published": datetime(2018, 7, 1, 9, 0),
    "en": {
        "title": "Phakhi Sang Suk Foundation",
        "tagline": "Stories, lessons and books from Thai civil-society partners",
        "intro": (
            "This site keeps the records of foundations and community groups from across Thailand open "
            "for everyone: articles on supporting partner networks, summaries of meetings and courses, "
            "and e-books you can download and reuse."
        ),
    },
}

INDEXES = [
    {
        "model": "articles.ArticleIndexPage",
        "slug": "articles",
        "title": "บทความ",
        "intro": "แนวคิด บทเรียน และข่าวจากการทำงานร่วมกับภาคีเครือข่าย",
        "en": {
            "title": "Articles",
            "intro": "Ideas, lessons and news from working alongside our partners.",
        },
    },
    {
        "model": "articles.EventIndexPage",
        "slug": "events",
        "title": "สรุปกิจกรรม",
        "intro": "บันทึกการประชุม การอบรม และเวทีแลกเปลี่ยน พร้อมผลลัพธ์และข้อตกลงที่เกิดขึ้น",
        "en": {
            "title": "Event summaries",
            "intro": "Records of meetings, courses and forums, with what came out of them and what was agreed.",
        },
    },
    {
        "model": "articles.EbookIndexPage",
        "slug": "ebooks",
        "title": "ห้องสมุด e-book",
        "intro": "รายงาน คู่มือ และหนังสือชุดของภาคี อ่านรายละเอียดแล้วดาวน์โหลดเป็น PDF ได้ฟรี",
        "en": {
            "title": "E-book library",
            "intro": "Reports, handbooks and book series from our partners, free to download as PDF.",
        },
    },
    {
        "model": "network.PartnerIndexPage",
        "slug": "partners",
        "title": "ภาคีเครือข่าย",
        "intro": "องค์กรชุมชน หน่วยงานรัฐ เอกชน สถาบันวิชาการ สื่อ และบุคคลที่ทำงานร่วมกับเรา",
        "en": {
            "title": "Partner network",
            "intro": "Community groups, government agencies, businesses, universities, media and people we work with.",
        },
    },
    {
        "model": "network.StoryFormPage",
        "slug": "send-a-story",
        "title": "ส่งเรื่องจากภาคี",
        "intro": (
            "ภาคีเครือข่ายเล่างานของตัวเองได้ที่นี่ ทั้งสรุปกิจกรรม เวทีประชุม และบทความ "
            "แนบภาพได้ไม่เกิน 10 ภาพ ทีมสื่อสารของมูลนิธิจะอ่าน ตรวจทาน แล้วเผยแพร่บนเว็บไซต์ "
            "ไม่ต้องสมัครสมาชิก"
        ),
        "en": {
            "title": "Send us your story",
            "intro": (
                "Partner organisations can tell their own work here: event summaries, "
                "meetings and articles, with up to 10 photos. The foundation's communications "
                "team reads and checks each story before publishing it. No account needed."
            ),
        },
    },
]

# --- Articles -------------------------------------------------------------------------

PARTNER_SUPPORT_BODY_TH = [
    heading("ทำไมต้องหนุนภาคี"),
    paragraph(
        "<p>มูลนิธิอยากเห็นสังคมที่ทุกเพศเท่าเทียมกัน และไม่มีใครต้องเจ็บปวดจากความรุนแรงที่มาจากอคติทางเพศ "
        "แต่ต้นตอของปัญหาพันกันอยู่หลายชั้น ตั้งแต่ตัวบุคคล ชุมชน ไปจนถึงนโยบาย "
        "ลำพังองค์กรเดียวไม่มีทางแก้ได้หมด งานหนุนเสริมภาคีเครือข่ายจึงเดินคู่ไปกับงานหลักของมูลนิธิมาตลอด</p>"
        "<p>ผลที่ได้มีสองชั้น ชั้นแรก แนวร่วมที่ใส่ใจเรื่องความรุนแรงต่อผู้หญิงและเด็กเพิ่มขึ้นเรื่อย ๆ "
        "ชั้นที่สอง แนวร่วมเหล่านั้นกลับมาเป็นแรงส่งให้งานของมูลนิธิไปได้ไกลกว่าการทำคนเดียวหลายเท่า</p>"
    ),
    quote(
        "เราไม่ทิ้งจุดยืนเรื่องความเสมอภาคระหว่างเพศ และยังชี้ว่าทัศนคติแบบชายเป็นใหญ่คือรากของปัญหา "
        "แต่ก็เปิดใจรับวิธีคิดและวิธีทำงานที่ต่างออกไป ตราบใดที่มุ่งไปสู่เป้าหมายเดียวกัน",
        "หลักการทำงานกับภาคีของมูลนิธิหญิงชายก้าวไกล",
    ),
    heading("การหนุนเสริมสองแบบ"),
    numbered(
        ("1.", "หนุนในเรื่องที่มูลนิธิถนัดและตรงกับยุทธศาสตร์ขององค์กร"),
        ("1.1", "แนวทางและเครื่องมือจัดการความรุนแรงในชุมชน เช่น กลุ่มสนับสนุนและค่าย"),
        (
            "1.2",
            "เสริมพลังผู้ที่ผ่านพ้นปัญหามาแล้วให้เป็นแกนนำที่เล่าเรื่องของตนต่อสาธารณะได้ ด้วยกระบวนการและเครื่องมือให้คำปรึกษา",
        ),
        ("1.3", "การรณรงค์สร้างกระแสในสังคม"),
        ("1.4", "การผลักดันนโยบาย"),
        ("2.", "หนุนในเรื่องที่ภาคีขอให้ช่วย"),
        ("2.1", "กรณีตัวอย่างจริงที่ทำให้งานรณรงค์เห็นปัญหาและความต้องการจากปากผู้ได้รับผลกระทบเอง"),
        ("2.2", "คำแนะนำและพี่เลี้ยงให้ชุมชนจัดการความรุนแรงในพื้นที่ได้ด้วยตนเอง"),
        ("2.3", "ข้อมูลและประสบการณ์จากงานช่วยเหลือที่นักวิชาการและสื่อมวลชนนำไปใช้ต่อได้"),
        ("2.4", "การประสานให้ภาคีเข้าถึงความช่วยเหลือที่ต้องการ"),
    ),
    image(
        "article-campaign-meeting",
        "ภาพวาดผู้คนนั่งล้อมโต๊ะประชุมยาว",
        "วงประชุมภาคีรณรงค์ลดผลกระทบจากเครื่องดื่มแอลกอฮอล์ (ภาพประกอบ)",
    ),
    heading("ตัวอย่างการทำงานร่วมกับภาคี"),
    paragraph(
        "<p>งานผลักดันนโยบายควบคุมเครื่องดื่มแอลกอฮอล์ทำร่วมกับสามเครือข่าย ได้แก่ "
        "<b>เครือข่ายองค์กรงดเหล้า</b> ที่ชวนคนลด ละ เลิก และผลักดันมาตรการต่าง ๆ "
        "<b>เครือข่ายรณรงค์ป้องกันภัยแอลกอฮอล์ (ครปอ.)</b> ที่ปกป้องเยาวชนจากการตลาดของธุรกิจแอลกอฮอล์ "
        "และ <b>เครือข่ายเฝ้าระวังธุรกิจสุรา</b> ที่คอยตรวจสอบให้บริษัทสุราทำตามกฎหมาย</p>"
    ),
    numbered(
        ("1.", "ผลักดันนโยบายควบคุมเครื่องดื่มแอลกอฮอล์ร่วมกับสามเครือข่าย"),
        ("1.1", "ร่วมผลักดันจนรัฐออกประกาศห้ามขายเบียร์สดในร้านสะดวกซื้อ ซึ่งมีผลบังคับใช้ตั้งแต่ 30 ต.ค. 2561"),
        (
            "1.2",
            "ยื่นข้อเสนอต่อกระทรวงการท่องเที่ยวและกีฬาให้ทบทวนนโยบายขยายเวลาเปิดสถานบันเทิงถึงตีสี่ "
            "โดยมูลนิธิสะท้อนผลกระทบที่เห็นจากงานช่วยเหลือผู้ประสบปัญหา ทั้งความรุนแรงในครอบครัว "
            "ความเสี่ยงต่อความรุนแรงทางเพศ และภาระทางเศรษฐกิจของครัวเรือน",
        ),
        (
            "2.",
            "รณรงค์สื่อสารผลกระทบจากเครื่องดื่มแอลกอฮอล์ในวันสำคัญ เช่น สงกรานต์ วันแม่ "
            "และวันยุติความรุนแรงต่อสตรีสากล รวมทั้งเวทีวิชาการรายงานสถานการณ์ความรุนแรงพร้อมข้อเสนอต่อหน่วยงานรัฐ",
        ),
        (
            "2.1",
            "ภาคีชุมชน: มวลชนหลักในพื้นที่ยุทธศาสตร์ของกรุงเทพฯ ขยับได้เร็ว ชวนแนวร่วมได้ทันที และวางแผนปฏิบัติการร่วมกันได้ต่อเนื่อง",
        ),
        (
            "2.2",
            "ภาครัฐ: กระทรวงพัฒนาสังคมและความมั่นคงของมนุษย์ร่วมรณรงค์ช่วงสงกรานต์ และเชื่อมกลไกแก้ปัญหาการคุกคามทางเพศกับสำนักงานระดับจังหวัด",
        ),
        (
            "2.3",
            "ภาคเอกชน: JWT ทำแคมเปญ “บ้านไม่ใช่เวทีมวย” ในปี 2560 BBDO ร่วมผลิตสื่อรณรงค์ในปี 2556 และ ครปอ. ร่วมรณรงค์เรื่องผลกระทบจากแอลกอฮอล์",
        ),
        (
            "2.4",
            "บุคคลที่มีชื่อเสียง: ซินดี้ สิรินยา บิชอพ นำประสบการณ์ของตนมาร่วมรณรงค์เรื่องการคุกคามทางเพศช่วงสงกรานต์ และร่วมจัดนิทรรศการ DON’T TELL ME HOW TO DRESS ในปี 2561",
        ),
    ),
    key_figure("4", "กลุ่ม", "ประเภทภาคีที่ร่วมรณรงค์ ได้แก่ ชุมชน ภาครัฐ ภาคเอกชน และบุคคลที่มีชื่อเสียง"),
    key_figure("30 ต.ค. 2561", "", "วันที่ประกาศห้ามขายเบียร์สดในร้านสะดวกซื้อมีผลบังคับใช้"),
]

PARTNER_SUPPORT_BODY_EN = [
    heading("Why support partners"),
    paragraph(
        "<p>The foundation wants a society in which every gender is equal and nobody is hurt by violence born "
        "of gender bias. The roots of the problem run through several layers at once, from individuals to "
        "communities to policy, and no single organisation can untangle them alone. Supporting partner "
        "networks has therefore always gone hand in hand with the foundation's core work.</p>"
        "<p>The pay-off comes twice. First, the circle of people who care about violence against women and "
        "children keeps growing. Second, that circle feeds back into the foundation's own goals and carries "
        "them much further than it could on its own.</p>"
    ),
    quote(
        "We never drop our stand on gender equality, and we keep naming male-dominated attitudes as the root "
        "of the problem. But we stay open to other ways of thinking and working, as long as they lead to the "
        "same place.",
        "How the Women and Men Progressive Movement Foundation works with partners",
    ),
    heading("Two kinds of support"),
    numbered(
        ("1.", "Support in what the foundation does best and what fits its strategy"),
        (
            "1.1",
            "Approaches and tools for dealing with violence in a community, such as support groups and camps",
        ),
        (
            "1.2",
            "Empowering survivors to become leaders who can speak in public, using counselling processes and tools",
        ),
        ("1.3", "Campaigns that shift public opinion"),
        ("1.4", "Policy advocacy"),
        ("2.", "Support that partners ask for"),
        (
            "2.1",
            "Real cases that let a campaign show the problem, and what people need, in the words of those affected",
        ),
        ("2.2", "Advice and mentoring so that communities can handle violence locally"),
        ("2.3", "Data and experience from casework that researchers and journalists can use"),
        ("2.4", "Connecting partners with the help they are looking for"),
    ),
    image(
        "article-campaign-meeting",
        "Drawing of people seated around a long meeting table",
        "Partners campaigning on alcohol harm meet around the table (illustration)",
    ),
    heading("Working with partners: examples"),
    paragraph(
        "<p>Advocacy for alcohol control was done together with three networks: the <b>Stop Drink Network</b>, "
        "which helps people cut down or quit and pushes for new measures; the <b>Alcohol Harm Prevention "
        "Campaign Network (ครปอ.)</b>, which protects young people from alcohol marketing; and the <b>Alcohol "
        "Business Watch Network</b>, which checks that alcohol companies obey the law.</p>"
    ),
    numbered(
        ("1.", "Pushing alcohol control policy with three networks"),
        (
            "1.1",
            "Campaigning until the government banned the sale of draught beer in convenience stores, in force from 30 October 2018",
        ),
        (
            "1.2",
            "Petitioning the Ministry of Tourism and Sports to reconsider letting entertainment venues stay open "
            "until 4 a.m., with the foundation describing what its casework shows: domestic violence, a higher "
            "risk of sexual violence and the strain on household budgets",
        ),
        (
            "2.",
            "Campaigning on the harm alcohol does on days such as Songkran, Mother's Day and the International "
            "Day for the Elimination of Violence against Women, and at forums that report on violence and put "
            "proposals to government agencies",
        ),
        (
            "2.1",
            "Community partners: the core of supporters in Bangkok's strategic areas, quick to move, quick to rally others and steady in planning action together",
        ),
        (
            "2.2",
            "Government: the Ministry of Social Development and Human Security campaigns with us at Songkran and links harassment response to its provincial offices",
        ),
        (
            "2.3",
            "Business: JWT made the 2017 campaign “Home is not a boxing ring”, BBDO produced campaign media in 2013, and ครปอ. joined the work on alcohol harm",
        ),
        (
            "2.4",
            "Public figures: Cindy Sirinya Bishop campaigned with us on harassment at Songkran from her own experience and co-organised the exhibition DON’T TELL ME HOW TO DRESS in 2018",
        ),
    ),
    key_figure(
        "4",
        "groups",
        "Kinds of partner in the campaigns: community, government, business and public figures",
    ),
    key_figure(
        "30 Oct 2018", "", "The day the ban on draught beer sales in convenience stores took effect"
    ),
]

COMMUNITY_POLLEN_BODY = [
    paragraph(
        "<p>ค่าโทรศัพท์ ค่าอินเทอร์เน็ต และบริการเสริมที่ไม่ได้สมัคร เป็นภาระที่ชาวบ้านหลายคนพยายามหาทางออกเอง "
        "ความเดือดร้อนนี้จึงเป็นโอกาสให้ผู้บริโภคมาเรียนรู้ด้วยกัน และรวมตัวเป็นกลุ่มที่มีพลังจริงในพื้นที่ "
        "บันทึกนี้สรุปหลักคิดและขั้นตอนที่ทีมใช้ตั้งและหนุน <b>กลุ่มเกสรชุมชน</b> "
        "กลุ่มผู้บริโภคที่ปกป้องสิทธิของตนในกิจการโทรคมนาคม</p>"
    ),
    heading("หลักคิดในการทำงาน"),
    numbered(
        (
            "1.",
            "ผสมเทคโนโลยีกับภูมิปัญญาท้องถิ่น ให้กลุ่มเป็นศูนย์กลางการเรียนรู้ และเรียนรู้ข้ามชุมชนเพื่อให้ทันสถานการณ์ แทนที่จะรอให้ความรู้งอกจากในชุมชนเพียงอย่างเดียว",
        ),
        ("2.", "เริ่มจากเรื่องเล็กแล้วค่อยขยาย"),
        ("3.", "ให้ทุกคนมีส่วนร่วมในทุกขั้น"),
        ("4.", "ทำให้เห็นปัญหาชัด ปลุกให้ลุกขึ้นสู้ และให้ความรู้ไปพร้อมกัน"),
        ("5.", "ชวนให้กล้าพูดและกล้าแสดงความเห็น"),
        ("6.", "ค้นหาแกนนำตัวจริงผ่านกระบวนการมีส่วนร่วม"),
        ("7.", "ประชุมปรึกษากันอย่างสม่ำเสมอ"),
        ("8.", "ช่วงแรกต้องติดตามอย่างใกล้ชิด"),
        ("9.", "ให้องค์กรในชุมชนที่หลากหลายเป็นเจ้าของงาน โดยหน่วยงานภายนอกคอยหนุน"),
        ("10.", "ชวนข้าราชการและหน่วยงานภายนอกมาเป็นอาสาสมัครรับใช้ชาวบ้าน"),
        ("11.", "รักษาความสัมพันธ์กับกลุ่มและชุมชนไว้อย่างต่อเนื่อง"),
    ),
    heading("วิธีดำเนินงานเก้าขั้น"),
    numbered(
        (
            "1.",
            "เครือข่ายระดับกรุงเทพฯ และระดับเขตวางแผนร่วมกับหน่วยงานของเขตและกรุงเทพมหานคร ให้เข้าใจตรงกันว่าตั้งกลุ่มไปเพื่ออะไร",
        ),
        ("2.", "ประชุมผู้เกี่ยวข้องในพื้นที่ เลือกชุมชนเป้าหมาย วางแผน และแบ่งงานกันทำ"),
        ("3.", "หาวิทยากรกระบวนการที่จะประสานการตั้งกลุ่มร่วมกับกรรมการชุมชนพี่เลี้ยง"),
        ("4.", "ทำหลักสูตรอบรม และจัดประชุมเชิงปฏิบัติการแบบมีส่วนร่วมอย่างน้อยสองครั้งเพื่อปรับวิธีคิดของกลุ่มเป้าหมาย"),
        (
            "5.",
            "ตั้งกลุ่มจากคนที่สนใจและสมัครใจก่อน ยึดหลักพึ่งตนเอง ตั้งคำขวัญของกลุ่ม ค้นหาผู้นำ และมีกรรมการพี่เลี้ยงเป็นที่ปรึกษา",
        ),
        (
            "6.",
            "วางระบบประสานงานกับเครือข่ายเขต เครือข่ายกรุงเทพฯ หน่วยงานรัฐ เอกชน สื่อ องค์กรสิทธิ องค์กรผู้บริโภค และ สบท.",
        ),
        ("7.", "ติดตามผล เติมข้อมูลที่กลุ่มยังขาด และขยายผลให้ครอบคลุมทั้งพื้นที่"),
        ("8.", "ประชุมกับหน่วยงานที่เกี่ยวข้องเพื่อหาแนวทางคุ้มครองสิทธิผู้บริโภคที่ยั่งยืน"),
        ("9.", "เปิดให้ประชาชนทั่วไปเข้ามาร่วมกิจกรรมของกลุ่มได้เสมอ"),
    ),
    image(
        "article-pollen-workshop",
        "ภาพวาดกระดานที่ติดกระดาษโน้ตหลากสี และผู้เข้าร่วมนั่งอยู่ด้านหน้า",
        "ประชุมเชิงปฏิบัติการแบบมีส่วนร่วมของกลุ่มผู้บริโภค (ภาพประกอบ)",
    ),
    heading("กระบวนการหกขั้นตอนกับชุมชนเป้าหมาย"),
    paragraph(
        "<p>ทางแก้การละเมิดสิทธิผู้บริโภคที่ได้ผลที่สุดคือผู้บริโภคในชุมชนที่เข้มแข็ง "
        "ชุมชนจึงควรมีหน่วยรับเรื่องร้องทุกข์ของตัวเองที่แก้ปัญหาได้จบในระดับชุมชน "
        "ทีมทำงานกับชุมชนเป้าหมายเป็นหกขั้นตอน ดังนี้</p>"
    ),
    numbered(
        (
            "ขั้นที่ 1",
            "เตรียมวิทยากร: ทำความเข้าใจแนวคิด ฝึกปฏิบัติ และวางแผนกับทีมในพื้นที่ โดยใช้ชุดความรู้พื้นฐานและคู่มือวิทยากรเป็นแนวทาง",
            1,
        ),
        (
            "ขั้นที่ 2",
            "เตรียมชุมชน: จัดประชุมแบบมีส่วนร่วมเพื่อปลุกความสนใจ ค้นหาแกนนำเพิ่ม และเก็บข้อมูลปัญหาโทรคมนาคมของชุมชน",
            1,
        ),
        (
            "ขั้นที่ 3",
            "ตั้งกลุ่ม: ใช้ข้อมูลและแกนนำจากขั้นก่อนหน้า จัดประชุมตั้งกลุ่มที่มีสมาชิกเยาวชน 20–40 คน เลือกกรรมการ 5 คน และมีกรรมการพี่เลี้ยง 2 คน",
            1,
        ),
        ("ขั้นที่ 4", "ให้คำปรึกษาเบื้องต้นและรณรงค์ให้ความรู้ ซึ่งเป็นกิจกรรมแรกของกลุ่มในชุมชน", 1),
        ("ขั้นที่ 5", "แก้ปัญหาการละเมิดสิทธิ ตามแนวทางรับเรื่องร้องเรียนในชุดความรู้พื้นฐาน", 1),
        (
            "ขั้นที่ 6",
            "เสริมความเข้มแข็งให้ผู้บริโภคและกลุ่ม: ประชุมแลกเปลี่ยน ให้คำปรึกษาผู้ประสบปัญหา และเชื่อมกลุ่มต่าง ๆ เป็นเครือข่ายระดับเขตและกรุงเทพฯ",
            1,
        ),
    ),
    quote(
        "สามขั้นแรกสำคัญที่สุด เพราะเป็นตัววางแกนนำและรากฐานให้กลุ่มเดินต่อได้เอง",
        "ข้อสังเกตจากทีมวิทยากร",
    ),
    key_figure("9", "ขั้น", "วิธีดำเนินงาน ตั้งแต่วางแผนร่วมกับเขตจนถึงเปิดกลุ่มให้ประชาชนทั่วไป"),
    key_figure("20–40", "คน", "สมาชิกเยาวชนของกลุ่มเกสรชุมชนหนึ่งกลุ่ม"),
]

BUTTERFLY_NEWS_BODY = [
    paragraph(
        "<p>มูลนิธิชุมชนสงขลาเผยแพร่ <b>ผีเสื้อขยับปีก เล่ม ๙</b> ในรูปแบบ e-book แล้ว "
        "หนังสือเล่มนี้เป็นส่วนหนึ่งของการขยายผลงานวันพลเมืองสงขลา ๒๕๖๔ "
        "ภาคีช่วยกันตรวจทานเนื้อหาก่อนเผยแพร่ ตามที่ตกลงกันในวงสรุปบทเรียนเมื่อ ๒๐ ตุลาคม ๒๕๖๔</p>"
    ),
    heading("ในเล่มมีอะไรบ้าง"),
    numbered(
        ("๑.", "เป้าหมายร่วม “สงขลาปลอดภัยอย่างยั่งยืน”"),
        ("๑.๑", "ด้านสุขภาพ: ตรวจเชิงรุก คัดกรอง และฉีดวัคซีนกลุ่มเสี่ยง"),
        ("๑.๒", "ด้านเศรษฐกิจและสังคม: เปิดเมืองอย่างมีแนวปฏิบัติ และดูแลกลุ่มเปราะบาง"),
        ("๒.", "บทเรียนจากการจัดงานวันพลเมืองสงขลา"),
        ("๓.", "กรณีศึกษาการรับมือโควิดของชุมชนและภาคีในสงขลา"),
    ),
    key_figure("๙", "เล่ม", "หนังสือชุดผีเสื้อขยับปีกที่บันทึกงานพลเมืองสงขลามาต่อเนื่อง"),
]

ARTICLES = [
    {
        "slug": "supporting-partner-networks",
        "kind": "partner_support",
        "title": "สนับสนุนงานภาคีเครือข่าย",
        "intro": (
            "ทำไมมูลนิธิที่ทำงานเรื่องความเสมอภาคระหว่างเพศจึงลงแรงหนุนภาคีอื่น ๆ และการหนุนนั้นหน้าตาเป็นอย่างไร "
            "ตั้งแต่ชุมชน หน่วยงานรัฐ เอกชน ไปจนถึงคนมีชื่อเสียง"
        ),
        "hero": "hero-partner-support",
        "body": PARTNER_SUPPORT_BODY_TH,
        "author_name": "มูลนิธิหญิงชายก้าวไกล",
        "published_date": date(2019, 2, 1),
        "updated_date": date(2024, 6, 13),
        "licence": "all_rights_reserved",
        "programme": None,
        "partners": [
            "women-and-men-progressive-movement",
            "stop-drink-network",
            "alcohol-harm-prevention-network",
            "alcohol-business-watch",
            "ministry-of-social-development",
            "jwt",
            "bbdo",
            "cindy-sirinya-bishop",
        ],
        "topics": ["gender-equality", "alcohol-policy"],
        "tags": ["ภาคีเครือข่าย", "แอลกอฮอล์", "ความรุนแรงทางเพศ", "รณรงค์"],
        "related": [],
        "first_published": datetime(2019, 2, 1, 10, 0),
        "last_published": datetime(2024, 6, 13, 15, 30),
        "en": {
            "title": "Supporting our partner networks",
            "intro": (
                "Why a foundation that works on gender equality puts effort into supporting other groups, and "
                "what that support looks like, from communities and government to business and public figures."
            ),
            "body": PARTNER_SUPPORT_BODY_EN,
            "author_name": "Women and Men Progressive Movement Foundation",
            "tags": ["partner networks", "alcohol", "gender-based violence", "campaigns"],
        },
    },
    {
        "slug": "community-pollen-groups-concept",
        "kind": "concept",
        "title": "แนวความคิดในการดำเนินงานกลุ่มเกสรชุมชน",
        "intro": (
            "กลุ่มเกสรชุมชนคือกลุ่มผู้บริโภคที่รวมตัวกันปกป้องสิทธิของตนในกิจการโทรคมนาคม "
            "บันทึกนี้สรุปหลักคิด วิธีดำเนินงานเก้าขั้น และกระบวนการหกขั้นตอนในการตั้งและหนุนกลุ่ม"
        ),
        "hero": "hero-community-pollen",
        "body": COMMUNITY_POLLEN_BODY,
        "author_name": "เครือข่ายเกสรชุมชนกรุงเทพฯ",
        "published_date": date(2009, 10, 15),
        "updated_date": date(2012, 6, 10),
        "licence": "cc_by_nc_sa",
        "programme": "community-pollen",
        "partners": ["bangkok-community-pollen-network", "telecom-consumer-protection-institute"],
        "topics": ["consumer-rights", "active-citizenship"],
        "tags": ["เกสรชุมชน", "สิทธิผู้บริโภค", "โทรคมนาคม"],
        "related": [],
        "first_published": datetime(2009, 10, 15, 22, 39),
        "last_published": datetime(2012, 6, 10, 11, 15),
    },
    {
        "slug": "butterfly-wings-volume-9-released",
        "kind": "news",
        "title": "เผยแพร่แล้ว e-book ผีเสื้อขยับปีก เล่ม ๙ บันทึกงานวันพลเมืองสงขลา",
        "intro": "หนังสือเล่มล่าสุดของชุด รวมบทเรียนจากงานวันพลเมืองสงขลา ๒๕๖๔ และกรณีศึกษาการรับมือโควิดของภาคีในสงขลา",
        "hero": "hero-butterfly-news",
        "body": BUTTERFLY_NEWS_BODY,
        "author_name": "มูลนิธิชุมชนสงขลา",
        "published_date": date(2021, 12, 20),
        "updated_date": None,
        "licence": "cc_by",
        "programme": None,
        "partners": ["songkhla-community-foundation"],
        "topics": ["active-citizenship", "health-and-covid"],
        "tags": ["ผีเสื้อขยับปีก", "วันพลเมืองสงขลา", "e-book"],
        "related": ["butterfly-wings-volume-9", "songkhla-citizens-day-2021"],
        "first_published": datetime(2021, 12, 20, 9, 0),
        "last_published": datetime(2021, 12, 20, 9, 0),
    },
]

# --- Event summaries -------------------------------------------------------------------

NTTS_EVENT = {
    "slug": "social-change-course-5-session-4",
    "title": "นักขับเคลื่อนสังคม รุ่นที่ 5 ครั้งที่ 4: ขบวนการเคลื่อนไหวทางสังคมและการเรียนรู้จากกรณีศึกษา",
    "intro": (
        "แกนนำ 25 คนจากเครือข่ายสุขภาวะประชากรกลุ่มเฉพาะใช้เวลาหกวันทำความเข้าใจขบวนการเคลื่อนไหวทางสังคม "
        "ฝึกเครื่องมือออกแบบปฏิบัติการ และไปดูงานที่มูลนิธิกระจกเงา"
    ),
    "hero": "hero-ntts-course",
    "start_date": date(2019, 6, 14),
    "end_date": date(2019, 6, 19),
    "reporting_period_start": date(2019, 6, 16),
    "reporting_period_end": date(2019, 7, 15),
    "venue": "โรงแรมทีเค พาเลซ แจ้งวัฒนะ กรุงเทพฯ",
    "provinces": [BANGKOK],
    "programme": "ntts",
    "organisers": ["phakhi-sang-suk-foundation"],
    "partners": ["mirror-foundation"],
    "participants_people": 25,
    "participants_people_target": None,
    "participants_organisations": None,
    "participants_organisations_target": None,
    "participants_organisations_confirmed": None,
    "participants_description": (
        "แกนนำและภาคีที่ขับเคลื่อนงานสุขภาวะของประชากรกลุ่มเฉพาะ ซึ่งเรียนหลักสูตรนักขับเคลื่อนสังคมรุ่นที่ 5 ด้วยกัน"
    ),
    "objectives": [
        objective("เข้าใจขบวนการเคลื่อนไหวทางสังคม (social movement) อย่างเป็นระบบผ่านแนวคิดหลายสำนัก"),
        objective("วิเคราะห์และถอดบทเรียนจากปฏิบัติการทางสังคมได้ด้วยตนเอง"),
        objective("มีความรู้และทักษะพื้นฐานสำหรับออกแบบปฏิบัติการทางสังคมของตน"),
    ],
    "activities": bullets(
        "ทบทวนว่างานของแต่ละคนเชื่อมกับงานระดับกลุ่ม เครือข่าย และขบวนการเคลื่อนไหวอย่างไร",
        "เรียนหลักสันติวิธี บทบาทนักกิจกรรมสันติวิธี และการจัดการความขัดแย้งโดยไม่ใช้ความรุนแรง",
        "ฝึกใช้เครื่องมือ “สายรุ้งพันธมิตร” วิเคราะห์กลุ่มเป้าหมาย แนวร่วม และสถานการณ์ทางสังคม",
        "ประยุกต์เครื่องมือการตลาด 4Ps มาออกแบบปฏิบัติการทางสังคม แล้วลองออกแบบงานของตนเอง",
        "ลงพื้นที่ดูงานมูลนิธิกระจกเงา",
    ),
    "body": [
        heading("ผลที่เกิดขึ้น"),
        paragraph(
            "<p>ผู้เข้าร่วมมองเห็นว่างานในพื้นที่ของตนต่อยอดไปถึงเครือข่ายและขบวนการที่ใหญ่ขึ้นได้ "
            "และทุกระดับมุ่งไปที่ความเป็นธรรมทางสังคมและสุขภาพเหมือนกัน "
            "หลายคนบอกว่าเครื่องมือสายรุ้งพันธมิตรช่วยให้เห็นว่าควรเริ่มคุยกับใครก่อน</p>"
        ),
        key_figure("25", "คน", "ผู้เข้าร่วมการเรียนรู้ครั้งที่ 4"),
        key_figure("6", "วัน", "ระยะเวลาเรียนรู้ 14–19 มิถุนายน 2562"),
        heading("เรียนรู้จากมูลนิธิกระจกเงา"),
        paragraph(
            "<p>ที่มูลนิธิกระจกเงา ผู้เข้าร่วมได้ฟังวิธีคิดขององค์กรที่ตั้งใจสร้างนวัตกรรมเพื่อเปลี่ยนสังคม "
            "และได้เห็นโครงการที่ทำอยู่จริงหลายโครงการ</p>"
        ),
        numbered(
            ("", "คัดแยกขยะและของเหลือใช้ที่ได้รับบริจาค"),
            ("", "คอมพิวเตอร์เพื่อน้อง: ซ่อมเครื่องที่ได้รับบริจาคแล้วส่งให้โรงเรียนที่ขาดแคลน"),
            ("", "อ่านสร้างชาติ: คัดหนังสือบริจาคส่งต่อให้โรงเรียน"),
            ("", "อาสามาเยี่ยม: อาสาสมัครไปเยี่ยมผู้ป่วยติดเตียงที่บ้าน"),
            ("", "ศูนย์ข้อมูลคนหาย และโครงการผู้ป่วยข้างถนน"),
        ),
        paragraph(
            "<p>บทเรียนที่ผู้เข้าร่วมพูดถึงมากที่สุดคือการบริหารองค์กรแบบกิจการเพื่อสังคม (social enterprise) "
            "ที่ทำให้มูลนิธิเดินงานหลายโครงการได้โดยไม่ต้องพึ่งแหล่งทุน</p>"
        ),
    ],
    "indicators": [
        quantitative("ผู้เข้าร่วมการเรียนรู้ครั้งที่ 4", 25, None, "คน"),
        qualitative(
            "ผู้เข้าร่วมออกแบบปฏิบัติการทางสังคมของตนเองได้",
            "ทุกคนได้ลองวิเคราะห์ด้วยสายรุ้งพันธมิตรและ 4Ps แล้วร่างปฏิบัติการของตน",
        ),
    ],
    "problems": [],
    "agreements": [],
    "next_steps": (
        "<p>ผู้เข้าร่วมนำร่างปฏิบัติการกลับไปปรับใช้ในพื้นที่ และนำผลมาแลกเปลี่ยนกันในการเรียนรู้ครั้งถัดไปของหลักสูตร</p>"
    ),
    "gallery": NTTS_GALLERY,
    "gallery_prefix": "นักขับเคลื่อนสังคม รุ่นที่ 5 ครั้งที่ 4",
    "topics": ["leadership", "health-and-covid"],
    "related": ["ntts-course-5-notebook"],
    "first_published": datetime(2019, 7, 20, 10, 0),
}

VOLUNTEER_PARTICIPANTS = [
    "women-volunteers-group",
    "southern-healing-reconciliation-foundation",
    "white-dove-house",
    "amin-group",
    "volunteer-graduates-alumni",
    "yala-volunteer-heart-bank",
    "psu-peaceful-heart-volunteers",
    "good-people-network",
    "narathiwat-volunteer-heart-bank",
    "southern-creative-youth-association",
    "beach-for-life",
    "ban-laem-irrawaddy-dolphin-group",
    "keenan-foundation",
    "foundation-for-child-development",
    "hilal-ahmar-foundation",
    "pa-rai-youth",
    "tak-bai-orphans-home",
    "psu-volunteer-graduates",
    "school-under-the-trees",
]

VOLUNTEER_EVENT = {
    "slug": "southern-volunteer-network-meeting-2018",
    "title": "รวมพลังเครือข่ายอาสาสมัครชายแดนใต้ เพื่อการเยียวยาและความสมานฉันท์",
    "intro": (
        "ตัวแทน 53 คนจาก 20 องค์กรอาสาในปัตตานี ยะลา นราธิวาส และสงขลา มาทำความรู้จักกัน "
        "เล่าปัญหาที่เจอร่วมกัน และตกลงวิธีทำงานด้วยกันต่อจากนี้"
    ),
    "hero": "hero-volunteer-meeting",
    "start_date": date(2018, 7, 24),
    "end_date": None,
    "reporting_period_start": None,
    "reporting_period_end": None,
    "venue": "",
    "provinces": DEEP_SOUTH,
    "programme": "southern-volunteer-peace",
    "organisers": ["sang-suk-volunteer-centre"],
    "partners": VOLUNTEER_PARTICIPANTS,
    "participants_people": 53,
    "participants_people_target": 70,
    "participants_organisations": 20,
    "participants_organisations_target": None,
    "participants_organisations_confirmed": 39,
    "participants_description": (
        "องค์กรและกลุ่มที่ทำงานอาสาด้านการเยียวยาและสร้างความสมานฉันท์ในสี่จังหวัดชายแดนใต้ "
        "ตั้งเป้าไว้ 70 คน และมีองค์กรยืนยันจะมา 39 องค์กร แต่วันประชุมฝนตกหนักและน้ำท่วมบางพื้นที่ "
        "หลายองค์กรจึงต้องยกเลิก"
    ),
    "objectives": [
        objective("ให้องค์กรอาสาในพื้นที่ได้รู้จักกันและเห็นเป้าหมายงานของกันและกัน"),
        objective("ร่วมกันมองปัญหา อุปสรรค และความช่วยเหลือที่แต่ละองค์กรต้องการ"),
        objective("ตกลงกลไกและวิธีทำงานร่วมกันของเครือข่าย"),
    ],
    "activities": bullets(
        "ประชุมทีมวางแผนกิจกรรมและแบ่งหน้าที่รับผิดชอบ",
        "ประสานองค์กรเป้าหมายให้มาร่วมประชุม",
        "จัดประชุมกับองค์กรเครือข่ายเพื่อออกแบบกลไกทำงานร่วมกัน",
        "เผยแพร่ข่าว ติดตาม และหนุนองค์กรเครือข่ายหลังการประชุม",
    ),
    "body": [
        paragraph(
            "<p>การประชุมครั้งนี้ชวนกลุ่มอาสาที่ทำงานเยียวยาและสร้างความสมานฉันท์มาช่วยกันดูว่าในพื้นที่ยังขาดอะไร "
            "และใครจะเติมส่วนไหนได้บ้าง โครงการชวนทุกองค์กรเล่าวิธีทำงาน ปัญหา "
            "และการสนับสนุนที่ต้องการเพื่อให้ทำงานได้ดีขึ้น</p>"
        ),
        key_figure("53", "คน", "ผู้เข้าร่วม จากเป้าหมาย 70 คน"),
        key_figure("20", "องค์กร", "องค์กรที่มาร่วม จาก 39 องค์กรที่ยืนยันไว้"),
        heading("รู้จักภาคีอาสาสมัคร"),
        paragraph(
            "<p>แต่ละองค์กรเล่าเป้าหมายงานอาสาของตน ตั้งแต่งานเยาวชน การศึกษา เด็กกำพร้า และการกู้ภัย "
            "ไปจนถึงการดูแลชายหาดและโลมาอิรวดี พันธกิจของแต่ละองค์กรดูได้จากรายชื่อภาคีที่ร่วมงาน</p>"
        ),
        quote(
            "อยากให้เด็กที่เคยได้รับความช่วยเหลือ วันหนึ่งลุกขึ้นมาเป็นคนที่ช่วยคนอื่นต่อ",
            "สรุปความจากตัวแทนบ้านเด็กกำพร้าและผู้ด้อยโอกาสตากใบ",
        ),
        image(
            "volunteer-03",
            "กลุ่มย่อยนั่งคุยรอบโต๊ะ",
            "วงย่อยหาทางออกเรื่องทุน",
        ),
    ],
    "indicators": [
        quantitative("ผู้เข้าร่วมเครือข่ายอาสาสมัครด้านการสร้างสันติภาพ", 53, 70, "คน"),
        quantitative("องค์กรในเครือข่ายอาสาสมัคร", 20, None, "องค์กร"),
        quantitative("ช่องทางสื่อสารงานของเครือข่าย", 4, 4, "ช่องทาง"),
        qualitative(
            "งานอาสาด้านสันติภาพในพื้นที่มีแผนทำงานร่วมกันชัดเจน",
            "ได้ข้อตกลงหกข้อ ตั้งแต่การแลกเปลี่ยนข้อมูล การระดมทุน ไปจนถึงการพบกันทุก 6 เดือน",
        ),
        qualitative(
            "คนทั่วไปได้รับข่าวงานอาสาผ่านสื่อใหม่",
            "ศูนย์อาสาสร้างสุขรับเป็นผู้รวบรวมเรื่องเล่าของเครือข่ายไปเผยแพร่",
        ),
        qualitative("เกิดแนวทางและข้อตกลงในการทำงานร่วมกัน", "ดูข้อตกลงหกข้อด้านล่าง"),
    ],
    "problems": [
        problem(
            "เข้าถึงแหล่งทุนยาก ทุกองค์กรยังไม่มั่นคงทางการเงิน ส่วนใหญ่ทำงานด้วยทุนก้อนเล็กหรือโครงการย่อย "
            "งานจึงไม่ต่อเนื่องและต้องปรับไปตามเป้าของผู้ให้ทุน",
            "องค์กรที่เป้าหมายใกล้กันร่วมกันเขียนข้อเสนอโครงการขนาดใหญ่ยื่นต่อเอกชนรายใหญ่หรือหน่วยงานรัฐ "
            "(หลายองค์กร หนึ่งเป้าหมาย) และทดลองระดมทุนจากประชาชนผ่านแพลตฟอร์มอย่างเทใจดอทคอม "
            "ซึ่งใช้เวลาราว 3–4 เดือน แต่ได้เงินที่ยืดหยุ่นและตรงกับงานที่องค์กรตั้งใจทำ",
        ),
        problem(
            "เครือข่ายขาดทักษะ ช่องทาง และสื่อในการเล่างานของตนเอง เขียนรายงานหรือเรื่องเล่าให้น่าสนใจได้ยาก "
            "คนภายนอกจึงไม่รู้จักงาน",
            "ศูนย์อาสาสร้างสุขรับรวบรวมงานเด่นของเครือข่ายไปเผยแพร่ทางจดหมายข่าว volunteer guide map "
            "เว็บไซต์ และโซเชียลมีเดีย พร้อมวางแผนอบรมทักษะการสื่อสารและติดตามการนำไปใช้",
        ),
    ],
    "agreements": [
        agreement("แลกเปลี่ยนข่าวและงานของแต่ละองค์กรผ่านไลน์กลุ่ม และใช้เป็นที่หารือแนวทางทำงาน"),
        agreement("ส่งต่อข้อมูลกิจกรรมที่เปิดรับอาสาสมัครจากภายนอกมาร่วมงานเยียวยาและสมานฉันท์"),
        agreement("นำเสนอข้อมูลองค์กรเครือข่ายทางเว็บไซต์ volunteer guide map และจดหมายข่าว"),
        agreement("ร่วมกันหาแนวทางระดมทุนและแหล่งทุน"),
        agreement("แบ่งปันทรัพยากรระหว่างองค์กร ทั้งทุน กำลังคน และสื่อ เพื่อจัดกิจกรรมเยียวยาและสมานฉันท์"),
        agreement("นัดพบกันทุก 6 เดือนเพื่อแลกเปลี่ยนความคืบหน้า"),
    ],
    "next_steps": (
        "<p>ศูนย์อาสาสร้างสุขตั้งไลน์กลุ่มของเครือข่าย เริ่มรวบรวมเรื่องเล่าชุดแรกเพื่อเผยแพร่ "
        "และวางแผนอบรมทักษะการสื่อสาร ส่วนการพบกันครั้งถัดไปกำหนดไว้ในอีกหกเดือน</p>"
    ),
    "gallery": VOLUNTEER_GALLERY,
    "gallery_prefix": "เครือข่ายอาสาสมัครชายแดนใต้ 24 ก.ค. 2561",
    "topics": ["volunteering", "southern-peace"],
    "related": ["southern-volunteer-network-handbook"],
    "first_published": datetime(2018, 7, 30, 14, 0),
    "en": {
        "title": "Volunteer networks of the Deep South join forces for healing and reconciliation",
        "intro": (
            "53 people from 20 volunteer groups in Pattani, Yala, Narathiwat and Songkhla got to know each "
            "other, talked through the problems they share and agreed how to work together from now on."
        ),
        "venue": "",
        "participants_description": (
            "Groups doing volunteer work on healing and reconciliation in the four southern border provinces. "
            "The target was 70 people and 39 groups had confirmed, but heavy rain and local flooding on the day "
            "made many of them cancel."
        ),
        "objectives": [
            objective(
                "Help the area's volunteer groups get to know each other and each other's goals"
            ),
            objective("Look together at the problems, obstacles and support each group needs"),
            objective("Agree on how the network will work together"),
        ],
        "activities": bullets(
            "Planned the activities as a team and shared out the roles",
            "Invited the target organisations to the meeting",
            "Held the meeting with partner groups to design a shared way of working",
            "Published news, followed up and supported the groups after the meeting",
        ),
        "body": [
            paragraph(
                "<p>The meeting brought together volunteer groups working on healing and reconciliation to see "
                "what the area still lacks and who can fill which gap. Every group described how it works, "
                "what gets in its way and what support would help it do better.</p>"
            ),
            key_figure("53", "people", "took part, against a target of 70"),
            key_figure("20", "groups", "came, of the 39 that had confirmed"),
            heading("Meet the volunteer partners"),
            paragraph(
                "<p>Each group set out its volunteer goals, from youth work, education, orphan care and rescue "
                "to looking after beaches and Irrawaddy dolphins. Their missions are listed with the partners "
                "below.</p>"
            ),
            quote(
                "We want the children we once helped to stand up one day and help others in turn.",
                "Paraphrasing the Tak Bai Home for Orphans and Disadvantaged Children",
            ),
            image(
                "volunteer-03",
                "A small group talking around a table",
                "A breakout group on funding",
            ),
        ],
        "indicators": [
            quantitative("People in the peacebuilding volunteer network", 53, 70, "people"),
            quantitative("Organisations in the volunteer network", 20, None, "groups"),
            quantitative("Channels for telling the network's story", 4, 4, "channels"),
            qualitative(
                "Peacebuilding volunteer work in the area has a clear joint plan",
                "Six agreements, from sharing news and fundraising to meeting every six months",
            ),
            qualitative(
                "The public hears about volunteer work through new media",
                "The Sang Suk Volunteer Centre will collect the network's stories and publish them",
            ),
            qualitative("Shared ways of working are agreed", "See the six agreements below"),
        ],
        "problems": [
            problem(
                "Funding is hard to reach and no group is financially secure. Most live on small grants or "
                "sub-projects, so their work stops and starts and bends to each funder's goals.",
                "Groups with similar aims will write larger joint proposals for big companies or government "
                "agencies (many groups, one goal), and try crowdfunding on platforms such as Taejai.com, which "
                "takes three to four months but brings flexible money for the work they actually want to do.",
            ),
            problem(
                "Groups lack the skills, channels and media to tell their own story; reports and stories are "
                "hard to make engaging, so outsiders never hear of the work.",
                "The Sang Suk Volunteer Centre will gather the network's best stories for its newsletter, the "
                "volunteer guide map, its website and social media, and plan communication training with "
                "follow-up.",
            ),
        ],
        "agreements": [
            agreement(
                "Share each group's news and work in a LINE group, and use it to discuss how to work"
            ),
            agreement(
                "Pass on activities that welcome outside volunteers for healing and reconciliation work"
            ),
            agreement(
                "Present partner groups on the website, the volunteer guide map and the newsletter"
            ),
            agreement("Look for fundraising approaches and funders together"),
            agreement(
                "Share resources between groups, such as money, people and media, for healing and reconciliation activities"
            ),
            agreement("Meet every six months to catch up on progress"),
        ],
        "next_steps": (
            "<p>The Sang Suk Volunteer Centre set up the network's LINE group, started collecting the first "
            "stories to publish and is planning communication training. The next meeting is due in six "
            "months.</p>"
        ),
    },
}

SONGKHLA_EVENT = {
    "slug": "songkhla-citizens-day-2021",
    "title": "สรุปบทเรียนงานวันพลเมืองสงขลา ๒๕๖๔ และแนวทางรับมือโควิดร่วมกัน",
    "intro": (
        "ภาคีกว่า ๓๐ คนกลับมาทบทวนงานวันพลเมืองสงขลาปีนี้ "
        "และวางแนวทางให้สงขลาปลอดภัยอย่างยั่งยืนในวันที่ต้องอยู่กับโควิดไปอีกนาน"
    ),
    "hero": "hero-songkhla-civic-day",
    "start_date": date(2021, 10, 20),
    "end_date": None,
    "reporting_period_start": None,
    "reporting_period_end": None,
    "venue": "",
    "provinces": ["สงขลา"],
    "programme": None,
    "organisers": ["songkhla-community-foundation"],
    "partners": ["supat-hasuwannakit", "psu-radio"],
    "participants_people": 30,
    "participants_people_target": None,
    "participants_organisations": None,
    "participants_organisations_target": None,
    "participants_organisations_confirmed": None,
    "participants_description": "ภาคีเครือข่ายภาคประชาสังคม ธุรกิจ และท้องถิ่นในจังหวัดสงขลา กว่า ๓๐ คน",
    "objectives": [
        objective("ทบทวนบทเรียนจากการจัดงานวันพลเมืองสงขลา ๒๕๖๔"),
        objective("ประเมินสถานการณ์โควิดในสงขลาและบทบาทของภาคประชาสังคม"),
        objective("กำหนดแนวทางดำเนินงานร่วมกันทั้งระยะสั้นและระยะยาว"),
    ],
    "activities": (
        "<p>มูลนิธิชุมชนสงขลาประสานภาคีมาประชุมสรุปบทเรียน แบ่งการคุยเป็นสามส่วน ได้แก่ "
        "สถานการณ์โควิดในพื้นที่ การทบทวนงานวันพลเมือง และข้อเสนอสำหรับการทำงานต่อไป</p>"
    ),
    "body": [
        heading("ร่วมกำหนดแนวทางดำเนินงานต่อไป"),
        numbered(
            ("๑.", "ติดตามสถานการณ์โควิดในสงขลา"),
            (
                "๑.๑",
                "ยอมรับว่าโควิดจะอยู่กับเราอีกนาน และให้น้ำหนักกับการลดการเสียชีวิตและไม่ให้ระบบสาธารณสุขรับไม่ไหว "
                "เป้าหมายร่วมคือ “สงขลาปลอดภัยอย่างยั่งยืน” ด้านสุขภาพเน้นตรวจเชิงรุก คัดกรองผู้ป่วยตามระดับอาการ "
                "และเร่งฉีดวัคซีนกลุ่มเสี่ยง ปิดเฉพาะจุดที่ระบาดหนักแทนการปิดทั้งจังหวัด "
                "ด้านเศรษฐกิจให้เมืองเปิดได้ภายใต้แนวปฏิบัติ (SOP) ที่ชัดเจน ด้านสังคมดูแลกลุ่มเปราะบางไม่ให้ตกหล่น",
            ),
            (
                "๑.๒",
                "การฉีดวัคซีนไม่ควรใช้วิธีบังคับหรือจำกัดสิทธิคนที่ยังไม่ได้ฉีด เมื่อวัคซีนเข้ามามากขึ้น "
                "ควรสำรวจกลุ่มเปราะบางและคนที่ไม่มีบัตรประชาชนให้เข้าถึงวัคซีน โดยเสนอให้มูลนิธิชุมชนสงขลาเป็นแกนประสาน",
            ),
            (
                "๑.๓",
                "ระดับอำเภอควรมีวงทำงานร่วมของรัฐ ท้องถิ่น นักวิชาการ เอกชน ประชาสังคม และชุมชน "
                "ประเมินสถานการณ์และวางยุทธศาสตร์ที่สมดุลทั้งสุขภาพ เศรษฐกิจ และสังคม "
                "ระยะสั้นให้ร่วมมือกับโรงพยาบาลอำเภอ สสอ. และ อปท. คัดกรองเชิงรุกและจัดการวัคซีนร่วมกัน",
            ),
            (
                "๑.๔",
                "ภาคประชาสังคมจัดเวทีแลกเปลี่ยนระดับจังหวัด หาบทบาทที่อุดช่องว่างของงานรัฐแทนการทำซ้ำ "
                "และพัฒนาช่องทางสื่อสารข้อมูลวัคซีน การระบาด และจำนวนเตียงให้ถึงคนเร็วขึ้น "
                "อาจชวนสื่ออย่างสถานีวิทยุ ม.อ. มาร่วม และนำโมเดลของชุมชนมาเล่าสัปดาห์ละ ๑ ครั้ง",
            ),
            (
                "๑.๕",
                "ระยะยาว แต่ละเครือข่ายเสนอพื้นที่ปฏิบัติการร่วม โดยมูลนิธิชุมชนสงขลาเป็นองค์กรหลักประสานข้อมูลและภาคี "
                "ใช้พื้นที่นำร่องเป็นต้นแบบให้เห็นภาพรวมของทั้งจังหวัด",
            ),
        ),
        numbered(
            ("๒.", "สรุปงานวันพลเมือง"),
            (
                "๒.๑",
                "เวลาเตรียมงานมีน้อย และวันแรกของการประชุมทางไกลยังติดขัด แต่มีคนสนใจเข้าร่วมมาก "
                "มีเครือข่ายใหม่เพิ่มขึ้น และองค์กรต่าง ๆ พร้อมนำเสนอผลงานทั้งปีของตน ทั้งฝั่งประชาสังคมและธุรกิจ",
            ),
            (
                "๒.๒",
                "การย้อนดูพัฒนาการตลอด ๒๐ ปีทำให้เห็นว่าพลังเครือข่ายสะสมมาอย่างไรจนเปลี่ยนวิกฤติโควิดเป็นโอกาส "
                "และเห็นการส่งไม้ต่อจากคนรุ่นก่อนสู่คนรุ่นใหม่",
            ),
            (
                "๒.๓",
                "เป้าหมายร่วมปีนี้คือสงขลาปลอดภัยอย่างยั่งยืน มีเป้าย่อยด้านสุขภาพ เศรษฐกิจ สังคม สิ่งแวดล้อม และการเมือง "
                "ทีมกลางเสนอให้มีพื้นที่ปฏิบัติการแบบ sandbox ในเมือง อำเภอ หรือตำบลที่พร้อม ร่วมกับ อปท. ตั้งกลไกกลาง "
                "ประเมินผลกระทบ พัฒนาฐานข้อมูลกลาง และประชาสัมพันธ์เชิงรุก",
            ),
        ),
        key_figure("๓๐+", "คน", "ภาคีที่ร่วมสรุปบทเรียน"),
        key_figure("๒๐", "ปี", "พัฒนาการของเครือข่ายพลเมืองสงขลาที่ทบทวนร่วมกัน"),
        numbered(
            ("๓.", "ข้อเสนอการดำเนินงานต่อไป"),
            (
                "๓.๑",
                "ระยะสั้น ประชุมภาคีเรื่องการรับมือโควิด วันศุกร์ที่ ๒๒ ตุลาคม ๒๕๖๔ เวลา ๑๗.๐๐ น. ทาง Zoom "
                "โดยเชิญ นพ.สุภัทร ฮาสุวรรณกิจ มาให้ข้อเสนอ และเรียนรู้จากตัวอย่างอย่าง Hatyai sandbox plus",
            ),
            (
                "๓.๒",
                "มีวงกลางประชุมแลกเปลี่ยนข้ามประเด็นข้ามพื้นที่ทุก ๒ เดือน ชวนทีมวิชาการมาช่วยติดตามประเมินผล "
                "และจัดการความรู้ โดยแต่ละประเด็นมีเจ้าภาพหลักและเจ้าภาพรอง",
            ),
            (
                "๓.๓",
                "เน้นความร่วมมือ soft power และเครื่องมือใหม่ ๆ เช่น แอปพลิเคชันและการสื่อสาร พร้อมสร้างแกนนำด้านการสื่อสาร",
            ),
            (
                "๓.๔",
                "ขยายผลงาน: ส่งเอกสารข้อเสนอให้หน่วยงานต่าง ๆ หลังภาคีช่วยกันตรวจทาน "
                "พร้อมรายงานการจัดงานและหนังสือผีเสื้อขยับปีก เล่ม ๙ ในรูปแบบ e-book",
            ),
            ("๓.๕", "เสนอนโยบายต่อจังหวัด ทั้งมาตรการที่ยังเป็นปัญหาและมาตรการที่ควรขยายผล"),
            (
                "๓.๖",
                "ชวนภาคีประเด็นอื่นเข้ามา เช่น ป่า ประมงชายฝั่ง เยาวชน สตรี ท้องถิ่น และภูมินิเวศลุ่มน้ำทะเลสาบสงขลา",
            ),
            (
                "๓.๗",
                "ปีหน้าขยายเป็นสัปดาห์พลเมืองสงขลา เปิดพื้นที่ให้เครือข่ายใหม่ และใช้วิธีนำเสนอแบบใหม่ให้ประชาชนเข้าถึงได้มากขึ้น",
            ),
        ),
    ],
    "indicators": [
        quantitative("ภาคีที่ร่วมสรุปบทเรียน", 30, None, "คน"),
        qualitative("มีข้อเสนอร่วมสำหรับการรับมือโควิดในระดับพื้นที่", "ได้ข้อเสนอทั้งระยะสั้นและระยะยาว ๗ ข้อ"),
    ],
    "problems": [
        problem(
            "เวลาเตรียมงานวันพลเมืองมีน้อย และระบบประชุมทางไกลติดขัดในวันแรก",
            "เริ่มเตรียมงานปีหน้าให้เร็วขึ้น และขยายเป็นสัปดาห์พลเมืองสงขลาเพื่อกระจายการนำเสนอ",
        ),
    ],
    "agreements": [
        agreement("มูลนิธิชุมชนสงขลาเป็นแกนประสานการเข้าถึงวัคซีนของกลุ่มเปราะบาง"),
        agreement("มีวงกลางประชุมแลกเปลี่ยนข้ามประเด็นทุก ๒ เดือน"),
        agreement("ภาคีตรวจทานเอกสารข้อเสนอก่อนเผยแพร่พร้อม e-book ผีเสื้อขยับปีก เล่ม ๙"),
    ],
    "next_steps": (
        "<p>ประชุมภาคีทาง Zoom วันศุกร์ที่ ๒๒ ตุลาคม ๒๕๖๔ เวลา ๑๗.๐๐ น. เพื่อหารือแนวทางรับมือโควิด "
        "และเตรียมงานสัปดาห์พลเมืองสงขลาในปีถัดไป</p>"
    ),
    "gallery": SONGKHLA_GALLERY,
    "gallery_prefix": "วันพลเมืองสงขลา 2564",
    "topics": ["active-citizenship", "health-and-covid"],
    "related": ["butterfly-wings-volume-9"],
    "first_published": datetime(2021, 10, 21, 14, 1),
}

EVENTS = [NTTS_EVENT, VOLUNTEER_EVENT, SONGKHLA_EVENT]

# --- E-books ------------------------------------------------------------------------------
#
# Each book's "chapters" are (title, [paragraphs]) rendered into the PDF (and the
# EPUB where "epub" is set); the table of contents on the page is taken from the
# pages the PDF actually puts each chapter on. isbn_stem is the first 12 digits;
# the check digit is computed.

BUTTERFLY_CHAPTERS = [
    (
        "คำนำ",
        [
            "ผีเสื้อขยับปีกเป็นหนังสือชุดที่ภาคีในจังหวัดสงขลาใช้บันทึกงานของพลเมือง เรื่องเล็ก ๆ ที่คนธรรมดาลงมือทำ "
            "เมื่อรวมกันก็เปลี่ยนบ้านเมืองได้ เหมือนปีกผีเสื้อที่ขยับเบา ๆ แต่ส่งแรงไปได้ไกล",
            "เล่มที่ ๙ เกิดขึ้นในปีที่ทุกคนต้องอยู่กับโควิด เนื้อหาจึงเน้นบทเรียนจากงานวันพลเมืองสงขลา ๒๕๖๔ "
            "และวิธีที่ชุมชน ท้องถิ่น และภาคีต่าง ๆ ช่วยกันดูแลกัน",
        ],
    ),
    (
        "สงขลาปลอดภัยอย่างยั่งยืน",
        [
            "เป้าหมายร่วมของปีนี้ไม่ได้อยู่ที่การทำให้โควิดหมดไป แต่อยู่ที่การลดการเสียชีวิต "
            "ไม่ให้ระบบสาธารณสุขรับไม่ไหว และให้ชีวิตทางเศรษฐกิจและสังคมเดินต่อได้",
            "ด้านสุขภาพ ภาคีเสนอให้ตรวจเชิงรุก คัดกรองตามระดับอาการ และเร่งวัคซีนในกลุ่มเสี่ยง "
            "ด้านเศรษฐกิจ เสนอให้เปิดเมืองภายใต้แนวปฏิบัติที่ชัดเจน และปิดเฉพาะจุดที่ระบาดหนัก "
            "ด้านสังคม เสนอให้สำรวจกลุ่มเปราะบางและคนที่ไม่มีบัตรประชาชนเพื่อไม่ให้ใครตกหล่น",
        ],
    ),
    (
        "บทเรียนจากงานวันพลเมืองสงขลา",
        [
            "ปีนี้เวลาเตรียมงานมีน้อยและต้องจัดผ่านระบบประชุมทางไกลเป็นครั้งแรก แต่มีคนสนใจเข้าร่วมมาก "
            "และมีเครือข่ายใหม่เข้ามาร่วมนำเสนอผลงานของตน",
            "การย้อนดูเส้นทางยี่สิบปีของเครือข่ายทำให้เห็นว่าความสัมพันธ์ที่สะสมไว้คือทุนสำคัญ "
            "เมื่อวิกฤติมาถึง ภาคีจึงขยับพร้อมกันได้เร็ว และเห็นคนรุ่นใหม่เข้ามารับไม้ต่อ",
        ],
    ),
    (
        "ชุมชนรับมือโควิด: กรณีศึกษา",
        [
            "ตำบลหลายแห่งตั้งจุดคัดกรองของตนเอง อาสาสมัครช่วยส่งอาหารและยาให้ครอบครัวที่ต้องกักตัว "
            "และท้องถิ่นร่วมกับโรงพยาบาลอำเภอจัดการวัคซีนให้คนในพื้นที่",
            "ในเมืองใหญ่อย่างหาดใหญ่ ภาคีธุรกิจและประชาสังคมทดลองแนวทางเปิดเมืองอย่างปลอดภัย "
            "บทเรียนจากพื้นที่เหล่านี้ถูกนำมาเล่าให้ภาคีอื่นนำไปปรับใช้",
        ],
    ),
    (
        "ก้าวต่อไปของภาคี",
        [
            "ภาคีตกลงให้มีวงกลางพบกันทุกสองเดือน ชวนทีมวิชาการมาช่วยติดตามและจัดการความรู้ "
            "และให้แต่ละประเด็นมีเจ้าภาพหลักและเจ้าภาพรอง",
            "ปีหน้างานวันพลเมืองจะขยายเป็นสัปดาห์พลเมืองสงขลา เปิดพื้นที่ให้เครือข่ายใหม่ "
            "และใช้วิธีนำเสนอที่ชวนให้ประชาชนมีส่วนร่วมมากขึ้น",
        ],
    ),
]

HANDBOOK_CHAPTERS = [
    (
        "ทำไมต้องมีเครือข่าย",
        [
            "องค์กรอาสาในชายแดนใต้ส่วนใหญ่เป็นกลุ่มเล็ก ทำงานด้วยใจ แต่ทุนและกำลังคนมีจำกัด "
            "การรู้จักกันและแบ่งปันกันทำให้งานเยียวยาและสร้างความสมานฉันท์ไปได้ไกลกว่าต่างคนต่างทำ",
        ],
    ),
    (
        "รู้จักองค์กรอาสาในพื้นที่",
        [
            "เครือข่ายมีทั้งกลุ่มเยาวชน กลุ่มผู้หญิง บ้านเด็กกำพร้า ทีมกู้ภัย กลุ่มอนุรักษ์ชายหาดและโลมา "
            "ไปจนถึงโครงการของมหาวิทยาลัย แต่ละกลุ่มมีจุดแข็งที่ต่างกันและเติมเต็มกันได้",
            "บทนี้แนะนำองค์กรที่มาร่วมประชุมเมื่อ 24 กรกฎาคม 2561 พร้อมพันธกิจสั้น ๆ ของแต่ละแห่ง",
        ],
    ),
    (
        "ระดมทุนร่วมกัน",
        [
            "ทางเลือกแรกคือเขียนข้อเสนอโครงการขนาดใหญ่ร่วมกันหลายองค์กรภายใต้เป้าหมายเดียว "
            "ทางเลือกที่สองคือระดมทุนจากประชาชนผ่านแพลตฟอร์มออนไลน์ ซึ่งต้องเตรียมเรื่องให้น่าสนใจ "
            "และใช้เวลาราวสามถึงสี่เดือน",
        ],
    ),
    (
        "เล่าเรื่องงานอาสาให้คนอยากร่วม",
        [
            "เรื่องเล่าที่ดีเริ่มจากคนหนึ่งคนและการเปลี่ยนแปลงหนึ่งอย่าง ใช้ภาพจริง ภาษาง่าย "
            "และบอกชัดว่าผู้อ่านช่วยอะไรได้ ศูนย์อาสาสร้างสุขพร้อมช่วยเผยแพร่ทางจดหมายข่าวและสื่อออนไลน์",
        ],
    ),
    (
        "ข้อตกลงการทำงานร่วมกัน",
        [
            "เครือข่ายตกลงแลกเปลี่ยนข่าวผ่านไลน์กลุ่ม ส่งต่อกิจกรรมที่เปิดรับอาสา นำเสนอข้อมูลองค์กรผ่านสื่อกลาง "
            "หาทุนร่วมกัน แบ่งปันทรัพยากร และพบกันทุกหกเดือน",
        ],
    ),
]

NOTEBOOK_CHAPTERS = [
    (
        "ขบวนการเคลื่อนไหวทางสังคมคืออะไร",
        [
            "ขบวนการเคลื่อนไหวเกิดจากคนจำนวนมากที่เห็นปัญหาเดียวกันและลงมือร่วมกันอย่างต่อเนื่อง "
            "งานของแกนนำแต่ละคนในพื้นที่คือจุดเริ่มที่ต่อขึ้นไปเป็นกลุ่ม เครือข่าย และขบวนการ",
        ],
    ),
    (
        "สันติวิธีในงานขับเคลื่อน",
        [
            "สันติวิธีไม่ใช่การยอมจำนน แต่เป็นการต่อสู้ที่ไม่ทำร้ายใคร นักกิจกรรมต้องเข้าใจความขัดแย้ง "
            "และเลือกวิธีที่ทำให้คนฟังกันมากขึ้น",
        ],
    ),
    (
        "สายรุ้งพันธมิตร",
        [
            "เครื่องมือนี้ชวนให้เรียงคนและองค์กรตามท่าทีต่อประเด็น ตั้งแต่พันธมิตรที่แข็งขันไปจนถึงฝ่ายที่คัดค้าน "
            "แล้วเลือกว่าจะขยับใครเข้ามาใกล้ขึ้นทีละก้าว",
        ],
    ),
    (
        "4Ps สำหรับงานสังคม",
        [
            "เครื่องมือการตลาดสี่ตัว คือ สินค้า ราคา ช่องทาง และการส่งเสริม "
            "ถูกแปลงมาใช้ถามว่าเราเสนออะไรให้สังคม คนต้องแลกด้วยอะไร จะเข้าถึงเขาทางไหน และจะชวนเขาอย่างไร",
        ],
    ),
    (
        "บทเรียนจากมูลนิธิกระจกเงา",
        [
            "มูลนิธิกระจกเงาทำหลายโครงการพร้อมกัน ตั้งแต่ส่งต่อคอมพิวเตอร์และหนังสือให้โรงเรียน "
            "ไปจนถึงศูนย์ข้อมูลคนหาย และเลี้ยงตัวเองได้ด้วยแนวคิดกิจการเพื่อสังคม",
        ],
    ),
]

EBOOKS = [
    {
        "slug": "butterfly-wings-volume-9",
        "title": "ผีเสื้อขยับปีก เล่ม 9",
        "intro": "บันทึกงานพลเมืองสงขลาเล่มที่เก้า ว่าด้วยบทเรียนจากงานวันพลเมืองสงขลา ๒๕๖๔ และการรับมือโควิดของภาคีในพื้นที่",
        "cover": "cover-butterfly-9",
        "series": "ผีเสื้อขยับปีก",
        "volume": 9,
        "authors": "มูลนิธิชุมชนสงขลา และภาคีเครือข่ายพลเมืองสงขลา",
        "publisher": "songkhla-community-foundation",
        "programme": None,
        "publication_date": date(2021, 12, 15),
        "isbn_stem": "978616813402",
        "language": "th",
        "summary": (
            "<p>หนังสือชุดผีเสื้อขยับปีกบันทึกงานของพลเมืองในจังหวัดสงขลามาอย่างต่อเนื่อง "
            "เล่มที่ ๙ รวบรวมบทเรียนจากงานวันพลเมืองสงขลา ๒๕๖๔ เป้าหมาย <b>สงขลาปลอดภัยอย่างยั่งยืน</b> "
            "และกรณีศึกษาการรับมือโควิดของชุมชน</p>"
            "<ul><li>ข้อเสนอด้านสุขภาพ เศรษฐกิจ และสังคม</li><li>บทเรียนจากการจัดงานแบบออนไลน์ครั้งแรก</li>"
            "<li>ก้าวต่อไปของภาคีในปีถัดไป</li></ul>"
        ),
        "chapters": BUTTERFLY_CHAPTERS,
        "epub": True,
        "partners": ["psu-radio", "supat-hasuwannakit"],
        "topics": ["active-citizenship", "health-and-covid"],
        "related": ["songkhla-citizens-day-2021", "butterfly-wings-volume-9-released"],
        "first_published": datetime(2021, 12, 15, 10, 0),
        "en": {
            "title": "The Butterfly Flaps Its Wings, Volume 9",
            "intro": (
                "The ninth record of citizens' work in Songkhla: lessons from Songkhla Citizens' Day 2021 and "
                "how local partners handled COVID-19. The book itself is in Thai."
            ),
            "series": "The Butterfly Flaps Its Wings",
            "authors": "Songkhla Community Foundation and the Songkhla citizens' network",
            "summary": (
                "<p>The Butterfly Flaps Its Wings series has long recorded the work of citizens in Songkhla "
                "province. Volume 9 gathers the lessons of Songkhla Citizens' Day 2021, the shared goal of a "
                "<b>safe and sustainable Songkhla</b>, and community case studies of living with COVID-19.</p>"
                "<ul><li>Proposals on health, the economy and society</li><li>Lessons from the first online "
                "Citizens' Day</li><li>Where the partners go next year</li></ul>"
            ),
            "chapters": [
                "Foreword",
                "A safe and sustainable Songkhla",
                "Lessons from Songkhla Citizens' Day",
                "Communities facing COVID-19: case studies",
                "The partners' next steps",
            ],
        },
    },
    {
        "slug": "southern-volunteer-network-handbook",
        "title": "คู่มือเครือข่ายอาสาสมัครชายแดนใต้",
        "intro": "คู่มือสั้น ๆ สำหรับองค์กรอาสาในสี่จังหวัดชายแดนใต้ ว่าด้วยการรู้จักกัน การระดมทุน การเล่าเรื่อง และข้อตกลงการทำงานร่วมกัน",
        "cover": "cover-volunteer-handbook",
        "series": "",
        "volume": None,
        "authors": "ศูนย์อาสาสร้างสุข",
        "publisher": "sang-suk-volunteer-centre",
        "programme": "southern-volunteer-peace",
        "publication_date": date(2019, 1, 15),
        "isbn_stem": "978616813411",
        "language": "th",
        "summary": (
            "<p>สรุปสิ่งที่เครือข่ายอาสาสมัครชายแดนใต้เรียนรู้จากการประชุมเมื่อ 24 กรกฎาคม 2561 "
            "ให้องค์กรอาสานำไปใช้ได้ทันที ตั้งแต่การหาทุนร่วมกันจนถึงการเล่าเรื่องงานอาสาให้คนอยากร่วม</p>"
        ),
        "chapters": HANDBOOK_CHAPTERS,
        "epub": False,
        "partners": ["southern-healing-reconciliation-foundation", "taejai"],
        "topics": ["volunteering", "southern-peace"],
        "related": ["southern-volunteer-network-meeting-2018"],
        "first_published": datetime(2019, 1, 15, 10, 0),
    },
    {
        "slug": "ntts-course-5-notebook",
        "title": "สมุดบันทึกนักขับเคลื่อนสังคม รุ่นที่ 5",
        "intro": "เครื่องมือและแนวคิดที่แกนนำหลักสูตรนักขับเคลื่อนสังคมรุ่นที่ 5 ใช้ในการเรียนรู้ครั้งที่ 4 เรียบเรียงให้นำไปใช้ต่อได้",
        "cover": "cover-ntts-notebook",
        "series": "",
        "volume": None,
        "authors": "ทีมหลักสูตร นธส.",
        "publisher": "phakhi-sang-suk-foundation",
        "programme": "ntts",
        "publication_date": date(2019, 9, 30),
        "isbn_stem": "978616813420",
        "language": "th",
        "summary": (
            "<p>รวมแนวคิดเรื่องขบวนการเคลื่อนไหวทางสังคม สันติวิธี เครื่องมือสายรุ้งพันธมิตรและ 4Ps "
            "พร้อมบทเรียนจากการดูงานมูลนิธิกระจกเงา</p>"
        ),
        "chapters": NOTEBOOK_CHAPTERS,
        "epub": False,
        "partners": ["mirror-foundation"],
        "topics": ["leadership"],
        "related": ["social-change-course-5-session-4"],
        "first_published": datetime(2019, 9, 30, 10, 0),
    },
]

# English translations made by the demo, by page slug: the home page and index
# pages are always translated; of the rest, these.
TRANSLATED_PAGES = [
    "supporting-partner-networks",
    "southern-volunteer-network-meeting-2018",
    "butterfly-wings-volume-9",
]

# --- Privacy and cookie notices (home.InformationPage) ------------------------------------
#
# Written for the demo foundation under Thailand's Personal Data Protection Act
# B.E. 2562 (2019). They describe what this site's software really does; a
# foundation adapts the contact details and the hosting parts to its own set-up.

PRIVACY_EMAIL = "privacy@example.org"


def table(caption, header, *rows):
    return {
        "type": "table",
        "value": {
            "data": [list(header), *[list(row) for row in rows]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": caption,
        },
    }


PRIVACY_NOTICE = {
    "slug": "privacy-notice",
    "title": "นโยบายความเป็นส่วนตัว",
    "intro": (
        "มูลนิธิภาคีสร้างสุขเคารพความเป็นส่วนตัวของผู้อ่านและภาคีเครือข่ายทุกคน "
        "ประกาศนี้อธิบายตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ว่าเว็บไซต์นี้เก็บข้อมูลส่วนบุคคลอะไรบ้าง "
        "ใช้เพื่ออะไร เก็บไว้นานเท่าใด และท่านใช้สิทธิของท่านได้อย่างไร"
    ),
    "last_updated": date(2025, 6, 1),
    "first_published": datetime(2025, 6, 1, 9, 0),
    "body": [
        heading("ผู้ควบคุมข้อมูลส่วนบุคคล"),
        paragraph(
            "<p>มูลนิธิภาคีสร้างสุขเป็นผู้ควบคุมข้อมูลส่วนบุคคลที่เก็บผ่านเว็บไซต์นี้ "
            "ติดต่อเจ้าหน้าที่ผู้ดูแลข้อมูลส่วนบุคคลของมูลนิธิได้ทางอีเมล "
            f'<a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a> '
            "หรือทางไปรษณีย์ถึงที่ทำการมูลนิธิ โดยระบุบนซองว่า “เรื่องข้อมูลส่วนบุคคล”</p>"
        ),
        heading("ผู้อ่านทั่วไป: เราเก็บน้อยที่สุด"),
        paragraph(
            "<p>ท่านอ่านบทความ สรุปกิจกรรม และดาวน์โหลดหนังสือได้โดยไม่ต้องสมัครสมาชิกหรือบอกว่าท่านเป็นใคร "
            "เว็บไซต์ไม่ใช้คุกกี้โฆษณาและไม่ติดตามท่านข้ามเว็บไซต์ เมื่อท่านเปิดอ่าน สิ่งที่เกิดขึ้นมีเพียงเท่านี้</p>"
            + bullets(
                "<b>จำนวนการเข้าชม</b>ของหน้านั้นเพิ่มขึ้นหนึ่ง เราเก็บเพียงตัวเลขรวมของแต่ละหน้า "
                "ไม่เก็บหมายเลข IP ข้อมูลเบราว์เซอร์ คุกกี้ หรือเวลาที่เปิด ตัวเลขนี้จึงระบุตัวผู้อ่านไม่ได้",
                "<b>คำค้นหา</b>ที่พิมพ์ในช่องค้นหาถูกนับเป็นยอดรวมรายวันโดยไม่ผูกกับผู้ค้น "
                "คำค้นที่ดูเหมือนข้อมูลส่วนบุคคล เช่น อีเมลหรือเบอร์โทรศัพท์ จะไม่ถูกนับ",
                "<b>ตัวเลือกคุกกี้ของท่าน</b>ถูกเก็บในคุกกี้ชื่อ consent บนอุปกรณ์ของท่านเอง "
                "รายละเอียดอยู่ในประกาศเกี่ยวกับการใช้คุกกี้",
                "<b>บันทึกการทำงานของเซิร์ฟเวอร์</b> (server log) ซึ่งมีหมายเลข IP และเวลาที่เข้าถึง "
                "ใช้เพื่อรักษาความปลอดภัยและแก้ปัญหาของระบบเท่านั้น",
            )
        ),
        heading("ภาคีที่ส่งเรื่องผ่านแบบฟอร์ม “ส่งเรื่องจากภาคี”"),
        paragraph(
            "<p>เมื่อภาคีส่งสรุปกิจกรรมหรือบทความผ่านแบบฟอร์ม เราเก็บข้อมูลต่อไปนี้</p>"
            + bullets(
                "ชื่อผู้ติดต่อ อีเมล และเบอร์โทรศัพท์",
                "ชื่อองค์กร เนื้อหาของเรื่อง ภาพถ่าย และไฟล์ PDF ที่แนบมา "
                "ภาพถ่ายทุกภาพถูกสร้างใหม่จากพิกเซล จึงไม่มีตำแหน่ง GPS หรือข้อมูลกล้องติดมาด้วย",
                "เวลาที่ให้ความยินยอม และข้อความของประกาศที่ท่านยินยอมในครั้งนั้น",
                "ค่าแฮชแบบมีกุญแจของหมายเลข IP (ไม่ใช่หมายเลข IP เอง) "
                "เพื่อจำกัดจำนวนเรื่องที่ส่งได้ในแต่ละชั่วโมงและป้องกันสแปม",
            )
        ),
        heading("เราใช้ข้อมูลเพื่ออะไร และอาศัยฐานทางกฎหมายใด"),
        paragraph(
            bullets(
                "<b>ตรวจทาน ติดต่อกลับ และเผยแพร่เรื่องของภาคี</b> "
                "โดยอาศัยความยินยอมที่ท่านให้ไว้ในแบบฟอร์ม (มาตรา 19) ซึ่งท่านถอนได้ทุกเมื่อ",
                "<b>ป้องกันสแปมและรักษาความปลอดภัยของเว็บไซต์</b> "
                "(ค่าแฮชของหมายเลข IP และบันทึกของเซิร์ฟเวอร์) โดยอาศัยประโยชน์โดยชอบด้วยกฎหมายของมูลนิธิ "
                "(มาตรา 24 (5))",
                "<b>จดจำตัวเลือกคุกกี้และป้องกันการปลอมแปลงคำขอในแบบฟอร์ม</b> "
                "ซึ่งจำเป็นต่อการให้บริการเว็บไซต์ โดยอาศัยประโยชน์โดยชอบด้วยกฎหมาย (มาตรา 24 (5))",
                "<b>แสดงวิดีโอและโพสต์จากเว็บไซต์อื่น และวัดสถิติด้วยบริการภายนอก</b> "
                "เฉพาะเมื่อท่านอนุญาตผ่านแถบคุกกี้เท่านั้น (มาตรา 19)",
            )
            + "<p>เราไม่ขาย ไม่ให้เช่า และไม่ส่งต่อข้อมูลส่วนบุคคลเพื่อการตลาด "
            "และไม่ใช้ข้อมูลตัดสินใจเรื่องใดเกี่ยวกับท่านโดยอัตโนมัติ</p>"
        ),
        heading("ใครเห็นข้อมูลของท่าน"),
        paragraph(
            "<p>เฉพาะเจ้าหน้าที่ฝ่ายสื่อสารและผู้ตรวจทานของมูลนิธิ ข้อมูลติดต่อของภาคีไม่ถูกเผยแพร่ "
            "ส่วนเรื่อง ภาพ และชื่อองค์กรจะเผยแพร่เมื่อผ่านการตรวจทานแล้ว "
            "ผู้ให้บริการเซิร์ฟเวอร์และอีเมลของมูลนิธิประมวลผลข้อมูลในนามของเราตามสัญญาที่กำหนดให้รักษาความลับ</p>"
            "<p>เมื่อท่านอนุญาตให้แสดงสื่อจากภายนอก YouTube, Facebook หรือ Vimeo "
            "จะได้รับข้อมูลจากเบราว์เซอร์ของท่านโดยตรงตามนโยบายของแต่ละบริการ "
            "ซึ่งอาจประมวลผลข้อมูลนอกประเทศไทย</p>"
        ),
        heading("เราเก็บข้อมูลนานเท่าใด"),
        paragraph(
            bullets(
                "ข้อมูลติดต่อของภาคี ค่าแฮชของหมายเลข IP และไฟล์ที่ไม่ได้ใช้บนเว็บไซต์: "
                "365 วันนับจากวันที่ส่ง หรือตามจำนวนวันที่แบบฟอร์มแจ้งไว้ แล้วลบโดยอัตโนมัติ",
                "เรื่องและภาพที่เผยแพร่แล้ว: อยู่บนเว็บไซต์ตราบที่ยังเป็นประโยชน์ต่อสาธารณะ หรือจนกว่าภาคีจะขอให้นำออก",
                "บันทึกของเซิร์ฟเวอร์: ไม่เกิน 30 วัน",
                "ยอดรวมคำค้นหา: 365 วัน",
                "คุกกี้ consent: 6 เดือน แล้วเว็บไซต์จะถามท่านอีกครั้ง",
            )
        ),
        heading("สิทธิของท่าน"),
        paragraph(
            "<p>ในฐานะเจ้าของข้อมูลส่วนบุคคล ท่านมีสิทธิ</p>"
            + bullets(
                "ขอเข้าถึงและขอรับสำเนาข้อมูลของท่าน",
                "ขอให้แก้ไขข้อมูลที่ไม่ถูกต้องหรือไม่เป็นปัจจุบัน",
                "ขอให้ลบหรือทำลายข้อมูล หรือทำให้ข้อมูลระบุตัวท่านไม่ได้",
                "ขอให้ระงับการใช้ข้อมูล และคัดค้านการประมวลผลที่อาศัยประโยชน์โดยชอบด้วยกฎหมาย",
                "ขอรับข้อมูลในรูปแบบที่อ่านได้ด้วยเครื่องมือทั่วไป และขอให้ส่งต่อไปยังผู้ควบคุมข้อมูลรายอื่น",
                "ถอนความยินยอมเมื่อใดก็ได้ โดยไม่กระทบการประมวลผลที่ทำไปก่อนหน้านั้น "
                "สำหรับคุกกี้ ใช้ “ตั้งค่าคุกกี้” ที่ท้ายทุกหน้า",
                "ร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล (สคส.) "
                "หากเห็นว่าเราปฏิบัติไม่เป็นไปตามกฎหมาย",
            )
            + f'<p>ส่งคำขอมาที่ <a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a> '
            "พร้อมเลขอ้างอิงของเรื่อง (ถ้ามี) เราจะตอบภายใน 30 วันนับจากวันที่ได้รับคำขอ "
            "และอาจขอให้ยืนยันตัวตนก่อน เพื่อไม่ให้ข้อมูลของท่านไปถึงผู้อื่น</p>"
        ),
        heading("การเปลี่ยนแปลงประกาศนี้"),
        paragraph(
            "<p>เมื่อประกาศนี้เปลี่ยนในสาระสำคัญ เราจะแก้วันที่ “ปรับปรุงล่าสุด” ด้านบน "
            "และหากการเปลี่ยนแปลงต้องอาศัยความยินยอมใหม่ เราจะขอความยินยอมจากท่านอีกครั้ง</p>"
        ),
    ],
    "en": {
        "title": "Privacy notice",
        "intro": (
            "The Phakhi Sang Suk Foundation respects the privacy of every reader and partner. "
            "Under Thailand's Personal Data Protection Act B.E. 2562 (2019), this notice explains "
            "what personal data this site collects, why, how long it is kept, and how you can use "
            "your rights."
        ),
        "body": [
            heading("Data controller"),
            paragraph(
                "<p>The Phakhi Sang Suk Foundation is the controller of the personal data collected "
                "through this site. You can reach the foundation's data protection contact by email at "
                f'<a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a>, or by post to the '
                "foundation's office, marked “Personal data”.</p>"
            ),
            heading("Readers: we keep as little as we can"),
            paragraph(
                "<p>You can read articles and event summaries and download books without an account "
                "and without telling us who you are. The site uses no advertising cookies and does not "
                "follow you across other sites. When you read a page, this is all that happens:</p>"
                + bullets(
                    "<b>The page's view count</b> goes up by one. We keep a single total per page: no IP "
                    "address, browser details, cookie or time of the visit, so the number cannot "
                    "identify any reader.",
                    "<b>Search terms</b> typed into the search box are counted as daily totals, not "
                    "linked to whoever searched. Terms that look like personal data, such as an email "
                    "address or a phone number, are not counted.",
                    "<b>Your cookie choice</b> is kept in a cookie called consent on your own device; "
                    "the cookie notice has the details.",
                    "<b>The server's log</b>, with IP addresses and times of access, is used only to "
                    "keep the system secure and to fix problems.",
                )
            ),
            heading("Partners sending a story through the “Send us your story” form"),
            paragraph(
                "<p>When a partner sends an event summary or an article through the form, we keep:</p>"
                + bullets(
                    "the contact person's name, email address and phone number;",
                    "the organisation's name, the story, and the photos and PDF sent with it. Every "
                    "photo is rebuilt from its pixels, so no GPS location or camera data comes with it;",
                    "when consent was given, and the exact text of the notice agreed to;",
                    "a keyed hash of the IP address (never the address itself), to limit how many "
                    "stories can be sent in an hour and to keep out spam.",
                )
            ),
            heading("Why we use the data, and on what legal basis"),
            paragraph(
                bullets(
                    "<b>Checking, answering and publishing partners' stories</b>, on the basis of the "
                    "consent given in the form (section 19), which can be withdrawn at any time.",
                    "<b>Preventing spam and keeping the site secure</b> (the hash of the IP address and "
                    "the server log), on the basis of the foundation's legitimate interests "
                    "(section 24 (5)).",
                    "<b>Remembering your cookie choice and protecting forms against forged requests</b>, "
                    "which the site needs in order to work, on the basis of legitimate interests "
                    "(section 24 (5)).",
                    "<b>Showing videos and posts from other sites, and measuring visits with an outside "
                    "service</b>, only when you allow it in the cookie banner (section 19).",
                )
                + "<p>We do not sell, rent or pass on personal data for marketing, and we make no "
                "automated decisions about you.</p>"
            ),
            heading("Who sees your data"),
            paragraph(
                "<p>Only the foundation's communications staff and moderators. Partners' contact "
                "details are never published; the story, photos and organisation name are, once "
                "approved. The foundation's hosting and email providers process data on our behalf "
                "under contracts that bind them to confidentiality.</p>"
                "<p>When you allow external media, YouTube, Facebook or Vimeo receive data from your "
                "browser directly, under their own policies, and may process it outside Thailand.</p>"
            ),
            heading("How long we keep it"),
            paragraph(
                bullets(
                    "Partners' contact details, the hash of the IP address and files not used on the "
                    "site: 365 days after the story is sent, or the number of days the form states, "
                    "then deleted automatically.",
                    "Published stories and photos: on the site while they serve the public, or until "
                    "the partner asks for them to be taken down.",
                    "The server log: no more than 30 days.",
                    "Search term totals: 365 days.",
                    "The consent cookie: six months, after which the site asks you again.",
                )
            ),
            heading("Your rights"),
            paragraph(
                "<p>As the owner of your personal data, you have the right to:</p>"
                + bullets(
                    "see your data and have a copy of it;",
                    "have data that is wrong or out of date corrected;",
                    "have your data deleted or destroyed, or made anonymous;",
                    "have its use restricted, and object to processing based on legitimate interests;",
                    "receive your data in a commonly readable format, and have it passed on to another "
                    "controller;",
                    "withdraw your consent at any time, without affecting what was done before; for "
                    "cookies, use “Cookie settings” at the bottom of every page;",
                    "complain to the Office of the Personal Data Protection Commission (PDPC) if you "
                    "think we have not followed the law.",
                )
                + f'<p>Send your request to <a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a>, '
                "with your story's reference number if you have one. We answer within 30 days of "
                "receiving it, and may first ask you to confirm who you are, so that your data does "
                "not reach anyone else.</p>"
            ),
            heading("Changes to this notice"),
            paragraph(
                "<p>When this notice changes in substance, we update the “Last updated” date above, "
                "and if a change needs your consent again, we ask you for it.</p>"
            ),
        ],
    },
}

COOKIE_NOTICE = {
    "slug": "cookie-notice",
    "title": "ประกาศเกี่ยวกับการใช้คุกกี้",
    "intro": (
        "คุกกี้คือไฟล์ข้อความขนาดเล็กที่เว็บไซต์บันทึกไว้ในเบราว์เซอร์ของท่าน "
        "เว็บไซต์ของมูลนิธิใช้คุกกี้ให้น้อยที่สุด ประกาศนี้บอกว่ามีคุกกี้อะไรบ้าง ใช้ทำอะไร อยู่นานเท่าใด "
        "และท่านเลือกหรือเปลี่ยนใจได้อย่างไร"
    ),
    "last_updated": date(2025, 6, 1),
    "first_published": datetime(2025, 6, 1, 9, 0),
    "body": [
        heading("คุกกี้ที่จำเป็น (เปิดใช้เสมอ)"),
        paragraph(
            "<p>คุกกี้กลุ่มนี้ทำให้เว็บไซต์ทำงานได้และปลอดภัย ไม่มีข้อมูลที่บอกว่าท่านเป็นใคร "
            "และไม่ถูกส่งให้ผู้อื่น จึงใช้ได้โดยไม่ต้องขอความยินยอม</p>"
        ),
        table(
            "คุกกี้ที่จำเป็น",
            ("ชื่อ", "ใช้ทำอะไร", "อายุ"),
            ("consent", "จดจำตัวเลือกคุกกี้ของท่าน เก็บเพียงว่าท่านอนุญาตหมวดใดบ้าง", "6 เดือน"),
            (
                "csrftoken",
                "ป้องกันการปลอมแปลงคำขอเมื่อท่านส่งแบบฟอร์ม เช่น แบบฟอร์มส่งเรื่องจากภาคี "
                "ตั้งเฉพาะเมื่อเปิดหน้าที่มีแบบฟอร์ม",
                "1 ปี",
            ),
            (
                "sessionid",
                "ให้เจ้าหน้าที่ที่เข้าสู่ระบบจัดการเนื้อหาทำงานต่อได้ ผู้อ่านทั่วไปไม่ได้รับคุกกี้นี้",
                "2 สัปดาห์ หรือจนออกจากระบบ",
            ),
        ),
        paragraph("<p>ภาษาที่ท่านอ่านอยู่ในที่อยู่ของหน้า (หน้าภาษาอังกฤษขึ้นต้นด้วย /en/) ไม่ได้เก็บในคุกกี้</p>"),
        heading("สื่อจากภายนอก (ต้องได้รับความยินยอม)"),
        paragraph(
            "<p>บางหน้ามีวิดีโอหรือโพสต์ที่ฝังมาจาก YouTube, Facebook หรือ Vimeo "
            "เมื่อแสดงในหน้า บริการเหล่านั้นจะตั้งคุกกี้ของตนเองและรู้ว่าท่านเปิดหน้านั้น "
            "ตามนโยบายความเป็นส่วนตัวของแต่ละบริการ ก่อนท่านอนุญาต เราจึงแสดงเพียงกรอบที่บอกชื่อผู้ให้บริการ "
            "ลิงก์ไปยังต้นฉบับ และปุ่มสำหรับอนุญาตและแสดงเนื้อหา</p>"
        ),
        heading("สถิติการเข้าชม (ต้องได้รับความยินยอม)"),
        paragraph(
            "<p>หากมูลนิธิเปิดใช้บริการวัดสถิติ เช่น Matomo หรือ Plausible เว็บไซต์จะถามท่านก่อน "
            "และโหลดสคริปต์ของบริการนั้นเฉพาะเมื่อท่านอนุญาตเท่านั้น</p>"
            "<p>ตัวเลข “เข้าชม … ครั้ง” บนบทความ สรุปกิจกรรม และ e-book ไม่ใช้คุกกี้ "
            "และไม่เก็บข้อมูลใดของผู้อ่าน จึงนับได้โดยไม่ต้องขอความยินยอม</p>"
        ),
        heading("เลือกหรือเปลี่ยนใจ"),
        paragraph(
            "<p>เมื่อเข้าเว็บไซต์ครั้งแรก ท่านเลือกได้ว่าจะ “ยอมรับทั้งหมด” “ปฏิเสธที่ไม่จำเป็น” "
            "หรือ “ตั้งค่า” ทีละหมวด ปุ่มทั้งสามมีน้ำหนักเท่ากัน และการปฏิเสธไม่ทำให้อ่านเนื้อหาไม่ได้ "
            "ท่านเปลี่ยนตัวเลือกได้ทุกเมื่อจาก “ตั้งค่าคุกกี้” ที่ท้ายทุกหน้า "
            "หรือลบคุกกี้ในการตั้งค่าของเบราว์เซอร์ แล้วเว็บไซต์จะถามท่านอีกครั้ง</p>"
            f'<p>สอบถามเรื่องคุกกี้และข้อมูลส่วนบุคคลได้ที่ <a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a> '
            "เรื่องสิทธิของท่านอยู่ในนโยบายความเป็นส่วนตัว</p>"
        ),
    ],
    "en": {
        "title": "Cookie notice",
        "intro": (
            "Cookies are small text files that a site stores in your browser. The foundation's site "
            "uses as few as it can. This notice lists them, what each does and how long it lasts, and "
            "how you choose or change your mind."
        ),
        "body": [
            heading("Necessary cookies (always on)"),
            paragraph(
                "<p>These keep the site working and secure. They hold nothing that says who you are and "
                "are not shared with anyone, so they need no consent.</p>"
            ),
            table(
                "Necessary cookies",
                ("Name", "What it does", "Lasts"),
                (
                    "consent",
                    "Remembers your cookie choice: only which categories you allowed.",
                    "6 months",
                ),
                (
                    "csrftoken",
                    "Protects the forms you send, such as the partners' story form, against forged "
                    "requests. Set only on pages with a form.",
                    "1 year",
                ),
                (
                    "sessionid",
                    "Keeps staff signed in to the content admin. Readers never get it.",
                    "2 weeks, or until signing out",
                ),
            ),
            paragraph(
                "<p>The language you read in is part of the page's address (English pages start with "
                "/en/), not a cookie.</p>"
            ),
            heading("External media (with your consent)"),
            paragraph(
                "<p>Some pages have videos or posts embedded from YouTube, Facebook or Vimeo. When shown "
                "on the page, those services set their own cookies and learn that you opened it, under "
                "their own privacy policies. Until you allow them, we show only a box naming the "
                "provider, a link to the original and a button to allow and show it.</p>"
            ),
            heading("Visit statistics (with your consent)"),
            paragraph(
                "<p>If the foundation turns on a statistics service such as Matomo or Plausible, the site "
                "asks you first, and loads the service's script only if you allow it.</p>"
                "<p>The “… views” figure on articles, event summaries and e-books uses no cookie and "
                "keeps nothing about readers, so it is counted without asking.</p>"
            ),
            heading("Choosing and changing your mind"),
            paragraph(
                "<p>On your first visit you can “Accept all”, “Reject non-essential” or open “Settings” "
                "to choose category by category. The three buttons carry the same weight, and saying "
                "no never stops you reading. You can change your choice at any time from “Cookie "
                "settings” at the bottom of every page, or delete the cookies in your browser's "
                "settings, and the site will ask you again.</p>"
                f'<p>Questions about cookies and personal data: <a href="mailto:{PRIVACY_EMAIL}">'
                f"{PRIVACY_EMAIL}</a>. Your rights are set out in the privacy notice.</p>"
            ),
        ],
    },
}

INFORMATION_PAGES = [PRIVACY_NOTICE, COOKIE_NOTICE]
