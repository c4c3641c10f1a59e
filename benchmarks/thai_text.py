"""Thai foundation-style text for the search benchmark.

Thai is written without spaces inside a phrase and with spaces between phrases,
so a phrase here is several words run together and a sentence is phrases joined
by spaces. Figures, years, partner abbreviations and English terms stand apart,
as they do in the pages the site publishes.

Each page leans on one theme and words are drawn with Zipf-like weights (the
first words of each list are the common ones), so some words occur in almost
every page, others in a few: searches then hit realistic numbers of pages.
"""

import itertools
import uuid

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
# Share of figures and years written in Thai digits, as older reports often are.
THAI_DIGIT_SHARE = 0.3
ZIPF_EXPONENT = 1.0
# Words per vocabulary entry in generated paragraphs, as search.segment counts them.
WORDS_PER_ENTRY = 1.35

GENERAL_NOUNS = [
    "มูลนิธิ",
    "ชุมชน",
    "ภาคีเครือข่าย",
    "โครงการ",
    "กิจกรรม",
    "พื้นที่",
    "เครือข่าย",
    "แกนนำ",
    "องค์กร",
    "ผู้เข้าร่วม",
    "ภาคประชาสังคม",
    "คณะทำงาน",
    "หน่วยงานรัฐ",
    "ท้องถิ่น",
    "ประชาชน",
    "ครอบครัว",
    "เยาวชน",
    "ผู้หญิง",
    "บทเรียน",
    "ประสบการณ์",
    "ความรู้",
    "ข้อเสนอ",
    "แผนงาน",
    "เป้าหมาย",
    "ผลลัพธ์",
    "ความร่วมมือ",
    "การเปลี่ยนแปลง",
    "ศักยภาพ",
    "สถานการณ์",
    "ปัญหา",
    "แนวทาง",
    "นโยบาย",
    "กลไก",
    "ข้อมูล",
    "งบประมาณ",
    "ตัวชี้วัด",
    "หลักสูตร",
    "คู่มือ",
    "วงคุย",
    "ทุนทางสังคม",
    "งานวิจัย",
    "สื่อออนไลน์",
    "ผู้นำการเปลี่ยนแปลง",
    "กระบวนการเรียนรู้",
    "ความไว้วางใจ",
]

THEMES = {
    "health": [
        "สุขภาวะ",
        "สุขภาพชุมชน",
        "อาสาสมัครสาธารณสุข",
        "วัคซีน",
        "โควิด",
        "ฉีดวัคซีน",
        "การตรวจคัดกรอง",
        "โรคไม่ติดต่อเรื้อรัง",
        "เบาหวาน",
        "ความดันโลหิตสูง",
        "ผู้ป่วยติดเตียง",
        "การดูแลระยะยาว",
        "สุขภาพจิต",
        "โรงพยาบาลชุมชน",
        "ระบบสุขภาพปฐมภูมิ",
        "ธรรมนูญสุขภาพ",
    ],
    "youth": [
        "เยาวชน",
        "สภาเด็กและเยาวชน",
        "นักเรียน",
        "นักศึกษา",
        "พื้นที่สร้างสรรค์",
        "ผู้นำรุ่นใหม่",
        "ค่ายเยาวชน",
        "ทักษะชีวิต",
        "การเรียนรู้นอกห้องเรียน",
        "โรงเรียน",
        "ครูอาสา",
        "เด็กนอกระบบการศึกษา",
        "ศิลปะชุมชน",
    ],
    "gender": [
        "ความเสมอภาคระหว่างเพศ",
        "ความรุนแรงในครอบครัว",
        "ความหลากหลายทางเพศ",
        "สิทธิสตรี",
        "อคติทางเพศ",
        "การคุกคามทางเพศ",
        "ผู้ถูกกระทำ",
        "บ้านพักฉุกเฉิน",
        "ครอบครัวอบอุ่น",
    ],
    "alcohol": [
        "เครื่องดื่มแอลกอฮอล์",
        "งานบุญปลอดเหล้า",
        "บุหรี่",
        "อุบัติเหตุทางถนน",
        "มาตรการควบคุม",
        "ร้านค้าปลีก",
        "การโฆษณา",
        "งานประเพณี",
        "ช่วงเทศกาลสงกรานต์",
        "ผู้ได้รับผลกระทบจากการดื่ม",
    ],
    "peace": [
        "สันติภาพ",
        "ชายแดนใต้",
        "การเยียวยา",
        "ผู้ได้รับผลกระทบ",
        "ความสมานฉันท์",
        "สันติวิธี",
        "ความขัดแย้ง",
        "กระบวนการพูดคุย",
        "สามจังหวัดชายแดนภาคใต้",
        "ผู้นำศาสนา",
        "เด็กกำพร้า",
        "หญิงหม้าย",
    ],
    "consumer": [
        "สิทธิผู้บริโภค",
        "ผู้บริโภค",
        "การร้องเรียน",
        "โทรคมนาคม",
        "ค่าบริการ",
        "สินค้าไม่ปลอดภัย",
        "กลุ่มเกสรชุมชน",
        "ข้อความสั้นหลอกลวง",
        "การเยียวยาผู้เสียหาย",
        "อาหารปลอดภัย",
    ],
    "ageing": [
        "ผู้สูงอายุ",
        "ผู้สูงอายุติดบ้าน",
        "ชมรมผู้สูงอายุ",
        "โรงเรียนผู้สูงอายุ",
        "สังคมสูงวัย",
        "ผู้ดูแล",
        "การเยี่ยมบ้าน",
        "คนพิการ",
        "ธนาคารเวลา",
        "กายอุปกรณ์",
    ],
    "environment": [
        "เกษตรอินทรีย์",
        "ความมั่นคงทางอาหาร",
        "ป่าชุมชน",
        "ลุ่มน้ำ",
        "ทะเลสาบสงขลา",
        "ขยะ",
        "ภัยพิบัติ",
        "น้ำท่วม",
        "ภัยแล้ง",
        "การเปลี่ยนแปลงสภาพภูมิอากาศ",
        "ประมงพื้นบ้าน",
        "ภูมินิเวศ",
    ],
    "citizenship": [
        "พลเมือง",
        "การมีส่วนร่วม",
        "ประชาธิปไตย",
        "สมัชชาสุขภาพ",
        "องค์การบริหารส่วนตำบล",
        "สภาองค์กรชุมชน",
        "การเลือกตั้งท้องถิ่น",
        "วันพลเมือง",
        "ธรรมาภิบาล",
        "การกระจายอำนาจ",
    ],
    "volunteering": [
        "อาสาสมัคร",
        "จิตอาสา",
        "งานอาสา",
        "การระดมทุน",
        "ศูนย์อาสา",
        "อาสาสมัครฉุกเฉิน",
        "การพัฒนาอาสาสมัคร",
        "เครือข่ายอาสาสมัคร",
        "การบริหารอาสาสมัคร",
    ],
}

VERBS = [
    "สนับสนุน",
    "ขับเคลื่อน",
    "จัดกิจกรรม",
    "ร่วมกัน",
    "พัฒนาศักยภาพ",
    "แลกเปลี่ยนเรียนรู้",
    "ประชุม",
    "ทำงาน",
    "ลงพื้นที่",
    "ถอดบทเรียน",
    "ผลักดัน",
    "รณรงค์",
    "ออกแบบ",
    "ติดตาม",
    "ประเมินผล",
    "ฝึกอบรม",
    "เสริมพลัง",
    "สร้าง",
    "ดูแล",
    "รวบรวม",
    "วิเคราะห์",
    "นำเสนอ",
    "เชื่อมโยง",
    "ประสานงาน",
    "สำรวจ",
    "เผยแพร่",
    "ระดมความคิด",
    "เปิดตัว",
]

LINKS = [
    "ของ",
    "ใน",
    "ที่",
    "และ",
    "เพื่อ",
    "กับ",
    "โดย",
    "ให้",
    "จาก",
    "ร่วมกับ",
    "ระหว่าง",
    "สำหรับ",
    "เกี่ยวกับ",
    "ผ่าน",
    "ตาม",
    "ต่อ",
    "รวมถึง",
    "ตลอดจน",
]

# Words that end a phrase: manner, result, time.
TAILS = [
    "อย่างต่อเนื่อง",
    "มากขึ้น",
    "ได้จริง",
    "ร่วมกัน",
    "ในระยะยาว",
    "อย่างยั่งยืน",
    "ทุกเดือน",
    "เป็นครั้งแรก",
]

PROVINCES = [
    "สงขลา",
    "เชียงใหม่",
    "ปัตตานี",
    "ยะลา",
    "นราธิวาส",
    "ขอนแก่น",
    "กรุงเทพมหานคร",
    "เชียงราย",
    "น่าน",
    "อุบลราชธานี",
    "นครราชสีมา",
    "อุดรธานี",
    "สตูล",
    "ตรัง",
    "พัทลุง",
    "นครศรีธรรมราช",
    "สุราษฎร์ธานี",
    "ภูเก็ต",
    "ลำปาง",
    "แม่ฮ่องสอน",
    "พิษณุโลก",
    "มหาสารคาม",
    "ร้อยเอ็ด",
    "สกลนคร",
    "นครพนม",
    "ศรีสะเกษ",
    "สุรินทร์",
    "บุรีรัมย์",
    "ชลบุรี",
    "ระยอง",
    "จันทบุรี",
    "นนทบุรี",
    "ปทุมธานี",
    "พระนครศรีอยุธยา",
    "กาญจนบุรี",
    "ราชบุรี",
    "เพชรบุรี",
    "ประจวบคีรีขันธ์",
    "ตาก",
    "กระบี่",
]

PLACE_WORDS = ["จังหวัด", "อำเภอเมือง", "ภาคใต้", "ภาคเหนือ", "ภาคอีสาน"]

PARTNER_ABBREVIATIONS = [
    "สสส.",
    "มยส.",
    "นธส.",
    "สช.",
    "สปสช.",
    "พม.",
    "อสม.",
    "รพ.สต.",
    "อบต.",
    "กสศ.",
]

PARTNER_NAMES = [
    "มูลนิธิหญิงชายก้าวไกล",
    "มูลนิธิชุมชนสงขลา",
    "ศูนย์อาสาสร้างสุข",
    "มูลนิธิกระจกเงา",
    "มูลนิธิเพื่อผู้บริโภค",
    "มูลนิธิสุขภาพไทย",
    "มูลนิธิเพื่อการพัฒนาเด็ก",
    "เครือข่ายงดเหล้า",
    "มูลนิธินโยบายสุขภาวะ",
    "สมาคมสภาผู้สูงอายุแห่งประเทศไทย",
]

ENGLISH = [
    "workshop",
    "online",
    "Zoom",
    "Facebook Live",
    "Design Thinking",
    "Social Lab",
    "Theory of Change",
    "Outcome Mapping",
    "KPI",
    "SDGs",
    "Active Citizen",
    "Young Leaders",
    "webinar",
    "Google Form",
    "crowdfunding",
    "Line OpenChat",
]

UNITS = ["คน", "องค์กร", "ชุมชน", "ครอบครัว", "หมู่บ้าน", "โรงเรียน", "วัน", "ตำบล"]
COUNTING = ["จำนวน", "ผู้เข้าร่วม", "รวม", "กว่า", "ทั้งหมด"]
MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค."]
MONTHS += ["พ.ย.", "ธ.ค.", "มกราคม", "มิถุนายน", "ตุลาคม", "ธันวาคม"]

ACTIVITIES = [
    "เวทีแลกเปลี่ยน",
    "การประชุมเชิงปฏิบัติการ",
    "สรุปบทเรียน",
    "รายงานความก้าวหน้า",
    "อบรมเสริมศักยภาพ",
    "เวทีสาธารณะ",
    "ค่ายเรียนรู้",
    "ประชุมภาคีเครือข่าย",
    "ลงพื้นที่เยี่ยม",
    "เปิดตัวหนังสือ",
    "สัมมนาวิชาการ",
    "ถอดบทเรียน",
]

AUTHORS = [
    "ฝ่ายสื่อสารองค์กร",
    "สมศรี ใจดี",
    "วรรณา ศรีสุข",
    "อารีย์ แก้วมณี",
    "ณัฐพล บุญมา",
    "ปิยะ หมัดหลี",
    "กองบรรณาธิการ",
    "นูรีดา สะมะแอ",
]

FIRST_YEAR_BE = 2555
LAST_YEAR_BE = 2568
BE_OFFSET = 543


def zipf_weights(count):
    return list(itertools.accumulate(1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(count)))


class Picker:
    """Draws words from a list, earlier words more often."""

    def __init__(self, rng, words):
        self.rng = rng
        self.words = words
        self.cum_weights = zipf_weights(len(words))

    def __call__(self):
        return self.rng.choices(self.words, cum_weights=self.cum_weights)[0]


class ThaiTextGenerator:
    def __init__(self, rng):
        self.rng = rng
        self.general = Picker(rng, GENERAL_NOUNS)
        self.themes = {name: Picker(rng, words) for name, words in THEMES.items()}
        self.theme_names = list(THEMES)
        self.verb = Picker(rng, VERBS)
        self.link = Picker(rng, LINKS)
        self.tail = Picker(rng, TAILS)
        self.province = Picker(rng, PROVINCES)
        self.abbreviation = Picker(rng, PARTNER_ABBREVIATIONS)
        self.partner = Picker(rng, PARTNER_NAMES)
        self.english = Picker(rng, ENGLISH)
        self.activity = Picker(rng, ACTIVITIES)

    # --- words -----------------------------------------------------------------

    def digits(self, number):
        text = str(number)
        if self.rng.random() < THAI_DIGIT_SHARE:
            return text.translate(THAI_DIGITS)
        return text

    def year(self):
        return self.rng.randint(FIRST_YEAR_BE, LAST_YEAR_BE)

    def noun(self, theme):
        roll = self.rng.random()
        if roll < 0.45:
            return self.general()
        if roll < 0.9:
            return self.themes[theme]()
        return self.themes[self.rng.choice(self.theme_names)]()

    def place(self):
        word = self.rng.choice(PLACE_WORDS)
        if word == "จังหวัด":
            return word + self.province()
        return word

    # --- phrases: words run together, returned with their word count -------------

    def phrase(self, theme):
        pattern = self.rng.randrange(6)
        if pattern == 0:
            words = [self.noun(theme), self.link(), self.noun(theme)]
        elif pattern == 1:
            words = [self.verb(), self.noun(theme)]
        elif pattern == 2:
            words = [self.verb(), self.noun(theme), self.link(), self.noun(theme)]
        elif pattern == 3:
            words = [self.noun(theme), self.verb(), self.noun(theme), self.tail()]
        elif pattern == 4:
            words = [self.verb(), self.noun(theme), "ใน", self.place()]
        else:
            words = [self.link(), self.noun(theme), self.verb(), self.tail()]
        return "".join(words), len(words)

    def standalone(self):
        """Figures, years, abbreviations and English, each set apart by spaces."""
        kind = self.rng.randrange(7)
        if kind == 0:
            count = self.rng.choice([12, 20, 25, 30, 53, 70, 100, 120, 350])
            unit = self.rng.choice(UNITS)
            return f"{self.rng.choice(COUNTING)} {self.digits(count)} {unit}", 3
        if kind == 1:
            prefix = self.rng.choice(["ปี", "พ.ศ.", "ปีงบประมาณ"])
            return f"{prefix} {self.digits(self.year())}", 2
        if kind == 2:
            day = self.rng.randint(1, 28)
            month = self.rng.choice(MONTHS)
            return f"{self.digits(day)} {month} {self.digits(self.year())}", 3
        if kind == 3:
            return self.abbreviation(), 1
        if kind == 4:
            return self.english(), 1
        if kind == 5:
            return self.partner(), 1
        return f"ครั้งที่ {self.digits(self.rng.randint(1, 12))}", 2

    def sentence(self, theme):
        parts = []
        words = 0
        for _ in range(self.rng.randint(2, 5)):
            if self.rng.random() < 0.2:
                text, count = self.standalone()
            else:
                text, count = self.phrase(theme)
            parts.append(text)
            words += count
        return " ".join(parts), words

    def paragraph(self, theme, min_words=150, max_words=400):
        # Many vocabulary entries are compounds the segmenter reads as two or
        # three words: counted in entries, the paragraph is this much shorter.
        target = round(self.rng.randint(min_words, max_words) / WORDS_PER_ENTRY)
        sentences = []
        words = 0
        while words < target:
            text, count = self.sentence(theme)
            sentences.append(text)
            words += count
        return " ".join(sentences)

    # --- pages -------------------------------------------------------------------

    def title(self, theme):
        pattern = self.rng.randrange(5)
        topic = self.themes[theme]()
        if pattern == 0:
            return f"{self.activity()}{topic} {self.place()}"
        if pattern == 1:
            return f"{self.activity()}{topic} ครั้งที่ {self.digits(self.rng.randint(1, 12))}"
        if pattern == 2:
            return (
                f"{self.verb()}{topic}{self.link()}{self.noun(theme)} ปี {self.digits(self.year())}"
            )
        if pattern == 3:
            return f"{self.partner()}{self.verb()}{topic}"
        return f"{self.activity()}{topic} {self.abbreviation()} {self.digits(self.year())}"

    def block_id(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def body(self, theme):
        """A StreamField value in Wagtail's JSON form."""
        blocks = []
        for position in range(self.rng.randint(1, 3)):
            if position:
                heading = self.phrase(theme)[0]
                blocks.append(self.block("heading", {"text": heading, "level": "h2"}))
            blocks.append(self.block("paragraph", f"<p>{self.paragraph(theme)}</p>"))
        if self.rng.random() < 0.3:
            items = [
                {"label": f"{number}.", "text": self.phrase(theme)[0], "level": "1"}
                for number in range(1, self.rng.randint(3, 6))
            ]
            blocks.append(self.block("numbered_list", {"items": items}))
        if self.rng.random() < 0.2:
            quote = {"quote": self.sentence(theme)[0], "attribution": self.rng.choice(AUTHORS)}
            blocks.append(self.block("quote", quote))
        return blocks

    def block(self, block_type, value):
        return {"type": block_type, "value": value, "id": self.block_id()}

    def article(self):
        theme = self.rng.choice(self.theme_names)
        year_ce = self.year() - BE_OFFSET
        return {
            "title": self.title(theme),
            "intro": self.sentence(theme)[0],
            "body": self.body(theme),
            "author_name": self.rng.choice(AUTHORS),
            "published": (year_ce, self.rng.randint(1, 12), self.rng.randint(1, 28)),
            "translation_key": uuid.UUID(int=self.rng.getrandbits(128), version=4),
        }
