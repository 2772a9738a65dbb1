"""Built-in algorithmic checks, one module per family.

Each module listed in :data:`BUILTIN_MODULES` defines ``RULES``: the rule classes it provides.
The registry imports them in this order.
"""

BUILTIN_MODULES = [
    "spin",
    "crossdoc",
    "boilerplate",
    "site_template",
    "spam",
    "quality",
    "typography",
    "repetition",
    "language",
    "readability",
    "headline",
]
