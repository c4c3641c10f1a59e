"""Demo content for the site: the data (``content``), generated media (``media``,
``books``) and the code that loads it (``loader``), used by ``load_demo_content``.

All text is written for the demo. Names of organisations, dates and figures follow
the public pages of Thai foundations that the product brief's seeds come from.
"""
