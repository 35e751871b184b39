#!/usr/bin/env python3
"""Builds the body of a form submission from a page, the way a browser would, for the HTTP load scripts.

    form-body.py FORM_ID [NAME=VALUE ...] < page.html

Prints the URL-encoded body (application/x-www-form-urlencoded) of the form whose id is FORM_ID: every
<input> inside it with a name (hidden ones included, whatever their names: the Faces ViewState, the form
marker, a CSRF token a later version may add), except buttons, which only count when clicked, and check
boxes or radio buttons that are not checked. <select> and <textarea> are submitted too. Then the PrimeFaces
CSP nonce (primefaces.nonce = the nonce attribute of the page's first <script nonce=...>), which PrimeFaces'
script adds to every submit. Each NAME=VALUE argument replaces the field of that name or adds it (the typed
user name and password, the clicked button). Exits 1 when the page has no such form.
"""
import sys
from html.parser import HTMLParser
from urllib.parse import urlencode


class FormFields(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.depth = 0  # >0 while inside the form (forms do not nest, but be safe)
        self.found = False
        self.fields = []  # (name, value) in document order
        self.nonce = None
        self.select = None  # [name, first option value, selected value] while inside a <select>
        self.option = None  # value of the open <option> without a value attribute
        self.textarea = None  # [name, text] while inside a <textarea>

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and self.nonce is None and a.get("nonce"):
            self.nonce = a["nonce"]
        if tag == "form":
            if self.depth:
                self.depth += 1
            elif a.get("id") == self.form_id:
                self.depth, self.found = 1, True
            return
        if not self.depth:
            return
        name = a.get("name")
        if tag == "input" and name and "disabled" not in a:
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append((name, a.get("value", "on")))
                return
            self.fields.append((name, a.get("value", "")))
        elif tag == "select" and name and "disabled" not in a:
            self.select = [name, None, None]
        elif tag == "option" and self.select is not None:
            value = a.get("value")
            if self.select[1] is None:
                self.select[1] = value if value is not None else ""
            if "selected" in a:
                self.select[2] = value if value is not None else ""
        elif tag == "textarea" and name and "disabled" not in a:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.depth:
            self.depth -= 1
        elif tag == "select" and self.select is not None:
            name, first, chosen = self.select
            value = chosen if chosen is not None else first
            if value is not None:
                self.fields.append((name, value))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    parser = FormFields(sys.argv[1])
    parser.feed(sys.stdin.read())
    parser.close()
    if not parser.found:
        print(f"form-body.py: no form with id {sys.argv[1]!r} on the page", file=sys.stderr)
        sys.exit(1)
    fields = list(parser.fields)
    if parser.nonce is not None:
        fields.append(("primefaces.nonce", parser.nonce))
    for pair in sys.argv[2:]:
        name, _, value = pair.partition("=")
        if any(n == name for n, _ in fields):
            fields = [(n, value if n == name else v) for n, v in fields]
        else:
            fields.append((name, value))
    sys.stdout.write(urlencode(fields))


if __name__ == "__main__":
    main()
