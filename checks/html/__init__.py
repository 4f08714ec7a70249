"""Reading HTML drafts: the parse, the visible text and its map into the source
(:mod:`.markup`), and the styles with their simplified cascade (:mod:`.css`).

Imports point one way: ``checks.document`` and the rules read this package;
it reads only ``checks.i18n``, ``checks.models`` and ``checks.extract`` (the
link and address types), never the document, the engine or the rules.
Inside it, ``css`` reads ``markup`` and ``markup`` does not read ``css``.
"""
