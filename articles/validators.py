from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def normalise_isbn(value):
    return "".join(ch for ch in (value or "").upper() if ch.isdigit() or ch == "X")


def isbn_is_valid(value):
    digits = normalise_isbn(value)
    if len(digits) == 10:
        if "X" in digits[:-1]:
            return False
        total = sum((10 - i) * (10 if ch == "X" else int(ch)) for i, ch in enumerate(digits))
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        total = sum(int(ch) * (1 if i % 2 == 0 else 3) for i, ch in enumerate(digits))
        return total % 10 == 0
    return False


def validate_isbn(value):
    if value and not isbn_is_valid(value):
        raise ValidationError(
            _(
                "“%(value)s” is not a valid ISBN: check the digits (10 or 13, with a correct check digit)."
            ),
            params={"value": value},
            code="invalid_isbn",
        )
