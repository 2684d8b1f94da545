"""HTML (a saved web page) through selectolax: the main content's text, boilerplate dropped.

The content root is ``<main>`` (or ``role=main``), else the page's only ``<article>``,
else ``<body>``. Inside it, scripts, styles, forms, navigation, menus, cookie and
consent banners, share bars and sidebars are removed, and so are the page header and
footer. Block elements (paragraphs, headings, list items, table cells) become
paragraphs; whitespace inside them is insignificant, as a browser treats it.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from prevgraph.errors import DocumentError
from prevgraph.loaders.formats.base import Extracted, reason
from prevgraph.loaders.formats.text import decode_text

_ALWAYS_DROPPED = (
    "script, style, noscript, template, svg, canvas, iframe, object, embed, form, button, select, "
    "textarea, nav, aside, dialog, menu, [hidden], [aria-hidden=true], [role=navigation], [role=banner], "
    "[role=contentinfo], [role=complementary], [role=search], [role=dialog], [role=alertdialog]"
)
#: words in a class or id that mark page furniture rather than content
_FURNITURE_WORDS = frozenset({
    "cookie", "cookies", "consent", "gdpr", "breadcrumb", "breadcrumbs", "menu", "navbar", "nav",
    "navigation", "sidebar", "share", "sharing", "social", "newsletter", "subscribe", "skip", "popup",
    "modal", "advert", "advertisement", "ads", "related", "pagination", "toolbar", "masthead",
})
_WORD_SPLIT = re.compile(r"[\s_-]+")
_BLOCKS = (
    "address, article, blockquote, caption, dd, details, div, dl, dt, fieldset, figcaption, figure, "
    "footer, h1, h2, h3, h4, h5, h6, header, hr, li, main, ol, p, pre, section, summary, table, tbody, "
    "td, tfoot, th, thead, tr, ul"
)
# Private-use characters mark block and line breaks while the text is flattened.
_BLOCK, _LINE = "\ue000", "\ue001"
_WHITESPACE = re.compile(r"\s+")
_BLOCK_RUN = re.compile(rf" ?{_BLOCK}[{_BLOCK} ]*")
_LINE_SPACED = re.compile(rf" ?{_LINE} ?")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_:.-]+)""", re.IGNORECASE)


def decode_html(path: Path, data: bytes) -> str:
    """Decode a page: a byte-order mark or UTF-8 first, then the charset its ``<meta>`` declares."""
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            return data.decode("utf-8" if encoding == "utf-8" else encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(path, data)


def _content_root(tree: LexborHTMLParser) -> LexborNode:
    root = tree.css_first("main, [role=main]")
    if root is None:
        articles = tree.css("article")
        root = articles[0] if len(articles) == 1 else tree.body
    if root is None:
        root = tree.root
    if root is None:
        raise DocumentError("the page has no content")
    return root


def _is_furniture(node: LexborNode) -> bool:
    attributes = node.attributes
    words = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
    return bool(_FURNITURE_WORDS.intersection(_WORD_SPLIT.split(words)))


def _drop_boilerplate(root: LexborNode, whole_body: bool) -> None:
    """Remove page furniture inside ``root``; header and footer too unless they belong to an article.

    A class or id such as ``with-sidebar`` may sit on a wrapper of the whole content,
    so an element is removed for its class only if it holds less than half the text
    and no heading of the page.
    """
    for node in root.css(_ALWAYS_DROPPED):
        node.remove()
    total = len(root.text(separator=" "))
    for node in root.css("[class], [id]"):
        if (node.tag not in ("html", "body", "main", "article") and _is_furniture(node)
                and node.css_first("h1, main, article") is None and len(node.text(separator=" ")) < total / 2):
            node.remove()
    for node in root.css("header, footer" if whole_body else "footer"):
        if not whole_body or not _inside_article(node):
            node.remove()


def _inside_article(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "article":
            return True
        parent = parent.parent
    return False


def _flatten(root: LexborNode) -> str:
    """The text of ``root`` with a blank line between blocks and a line break at each ``<br>``."""
    for node in root.css("br"):
        node.replace_with(_LINE)
    for node in root.css(_BLOCKS):
        node.insert_before(_BLOCK)
        node.insert_after(_BLOCK)
    text = _WHITESPACE.sub(" ", root.text(separator=""))
    text = _LINE_SPACED.sub("\n", _BLOCK_RUN.sub("\n\n", text))
    return text.strip()


def _title(tree: LexborHTMLParser, root: LexborNode) -> str | None:
    for node, attribute in ((root.css_first("h1"), None), (tree.css_first('meta[property="og:title"]'), "content"),
                            (tree.css_first("title"), None)):
        if node is None:
            continue
        value = node.attributes.get(attribute) if attribute else node.text(separator=" ")
        if value and value.strip():
            return _WHITESPACE.sub(" ", value).strip()
    return None


def extract(path: Path, data: bytes) -> Extracted:
    """The main content of a saved web page, and its title (first heading, og:title or <title>)."""
    source = decode_html(path, data).replace(_BLOCK, "").replace(_LINE, "")
    try:
        tree = LexborHTMLParser(source)
        root = _content_root(tree)
        title = _title(tree, root)
        html = tree.css_first("html")
        language = html.attributes.get("lang") if html is not None else None
        metadata = {"language": language} if language else {}
        _drop_boilerplate(root, whole_body=root.tag in ("body", "html"))
        text = _flatten(root)
    except DocumentError as exc:
        raise DocumentError(f"{path}: {exc}") from exc
    except Exception as exc:  # the parser is lenient, but a pathological page may still fail
        raise DocumentError(f"{path}: damaged HTML ({reason(exc)})") from exc
    return Extracted(text, title=title, metadata=metadata)
