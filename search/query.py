import unicodedata


def search_terms(query):
    """The words of a reader's query, without the punctuation and symbols that
    search backends read as query syntax (a lone quote is an FTS5 syntax error).

    Letters, combining marks (Thai vowels and tone marks) and digits are kept.
    """
    kept = [char if unicodedata.category(char)[0] in "LMN" else " " for char in query]
    return " ".join("".join(kept).split())
