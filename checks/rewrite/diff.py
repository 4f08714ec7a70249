"""The compact unified diff of a rewrite against its draft."""

from __future__ import annotations


def unified_diff(before: str, after: str, context: int = 1) -> str | None:
    """A compact line-level unified diff ("--- draft", "+++ rewrite", hunks
    with ``context`` lines around each change); None when nothing changed.

    The rewrite only removes and replaces passages in order, so the lines are
    aligned greedily (the nearest next common line) instead of by difflib's
    longest-match search, which is slow on drafts with many repeated lines.
    """
    if before == after:
        return None
    a, b = before.splitlines(), after.splitlines()
    opcodes = _align(a, b)
    out = ["--- draft", "+++ rewrite"]
    for group in _groups(opcodes, context):
        i1, i2 = group[0][1], group[-1][2]
        j1, j2 = group[0][3], group[-1][4]
        out.append(f"@@ -{_range(i1, i2)} +{_range(j1, j2)} @@")
        for tag, s1, e1, s2, e2 in group:
            if tag == "equal":
                out.extend(" " + line for line in a[s1:e1])
            else:
                out.extend("-" + line for line in a[s1:e1])
                out.extend("+" + line for line in b[s2:e2])
    return "\n".join(out)


def _align(a: list[str], b: list[str], window: int = 40) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes: equal runs, and the fewest lines skipped on
    either side to reach the next common line (within ``window``)."""
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    while i < len(a) or j < len(b):
        if i < len(a) and j < len(b) and a[i] == b[j]:
            start_i, start_j = i, j
            while i < len(a) and j < len(b) and a[i] == b[j]:
                i, j = i + 1, j + 1
            ops.append(("equal", start_i, i, start_j, j))
            continue
        skip = None
        for total in range(1, window + 1):
            for k in range(total + 1):
                ii, jj = i + k, j + total - k
                if ii < len(a) and jj < len(b) and a[ii] == b[jj]:
                    skip = (ii, jj)
                    break
            if skip:
                break
        ii, jj = skip or (len(a), len(b))
        ops.append(("replace", i, ii, j, jj))
        i, j = ii, jj
    return ops


def _groups(opcodes: list[tuple[str, int, int, int, int]], n: int) -> list[list[tuple[str, int, int, int, int]]]:
    """Hunks: changes with up to ``n`` equal lines around them (as difflib)."""
    groups: list[list[tuple[str, int, int, int, int]]] = []
    current: list[tuple[str, int, int, int, int]] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "equal":
            current.append((tag, i1, i2, j1, j2))
            continue
        last = index == len(opcodes) - 1
        if not current:  # leading context of the next hunk
            if not last:
                current.append((tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2))
            continue
        if last or i2 - i1 > 2 * n:
            current.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
            groups.append(current)
            current = [] if last else [(tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2)]
        else:
            current.append((tag, i1, i2, j1, j2))
    if current and any(op[0] != "equal" for op in current):
        groups.append(current)
    return groups


def _range(start: int, stop: int) -> str:
    """A unified-diff line range: 1-based start and length (difflib's rules)."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"
