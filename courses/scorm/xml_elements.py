"""Reading loose manifest XML: packages come from many authoring tools that
are careless with namespaces and the case of attribute names, so elements
and attributes are matched by their local names. Shared by the manifest
reader and the SCORM 2004 sequencing reader."""


def local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def children(element, name: str) -> list:
    return [child for child in element if local(child.tag) == name]


def child(element, name: str):
    return next(iter(children(element, name)), None)


def attribute(element, name: str) -> str:
    """An attribute by its local name, any namespace, any case (authoring
    tools write both `scormtype` and `scormType`)."""
    wanted = name.lower()
    return next(
        (value.strip() for key, value in element.attrib.items() if local(key).lower() == wanted),
        "",
    )


def text(element) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def title_of(element) -> str:
    """An organization's or item's title, else its identifier."""
    return text(child(element, "title")) or attribute(element, "identifier")
