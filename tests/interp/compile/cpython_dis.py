"""The expected listing of a source text, from CPython 3.11's own compiler: its code objects
translated to the project's instruction set (interp/compile/opcodes.h) and printed in the
format of interp/compile/disassembler.cc.

The translation, instruction by instruction:
  - dropped: CACHE, RESUME, PRECALL, EXTENDED_ARG, MAKE_CELL, COPY_FREE_VARS, and
    RETURN_GENERATOR with the POP_TOP after it (our generators are created by the call);
  - JUMP_FORWARD/JUMP_BACKWARD -> JUMP, JUMP_BACKWARD_NO_INTERRUPT -> JUMP_NO_INTERRUPT,
    POP_JUMP_{FORWARD,BACKWARD}_IF_X -> POP_JUMP_IF_X; jump arguments become the absolute
    index of the target among the kept instructions;
  - LOAD_DEREF and friends index the cell array (sorted cellvars, then sorted freevars)
    instead of the fast locals;
  - exception-table ranges are mapped to instruction indices the same way.
Usage: python3.11 cpython_dis.py FILE  (prints the listing)
"""
import dis
import sys

DROPPED = {"CACHE", "RESUME", "PRECALL", "EXTENDED_ARG", "MAKE_CELL", "COPY_FREE_VARS",
           "RETURN_GENERATOR"}
RENAMED = {
    "JUMP_FORWARD": "JUMP", "JUMP_BACKWARD": "JUMP",
    "JUMP_BACKWARD_NO_INTERRUPT": "JUMP_NO_INTERRUPT",
}
for cond in ("FALSE", "TRUE", "NONE", "NOT_NONE"):
    RENAMED["POP_JUMP_FORWARD_IF_" + cond] = "POP_JUMP_IF_" + cond
    RENAMED["POP_JUMP_BACKWARD_IF_" + cond] = "POP_JUMP_IF_" + cond
DEREF = {"LOAD_DEREF", "STORE_DEREF", "DELETE_DEREF", "LOAD_CLASSDEREF", "LOAD_CLOSURE"}
WITH_ARG = set(dis.opname[i] for i in range(dis.HAVE_ARGUMENT, 256))


def const_repr(c):
    if hasattr(c, "co_code"):
        return "<code object %s, line %d>" % (c.co_name, c.co_firstlineno)
    if isinstance(c, tuple):
        inner = ", ".join(const_repr(x) for x in c)
        return "(" + inner + ("," if len(c) == 1 else "") + ")"
    if isinstance(c, frozenset):
        if not c:
            return "frozenset()"
        return "frozenset({" + ", ".join(sorted(const_repr(x) for x in c)) + "})"
    if c is Ellipsis:
        return "Ellipsis"
    return repr(c)


def listing_one(co):
    insns = list(dis.get_instructions(co))
    kept = []
    skip_pop = False
    for ins in insns:
        if ins.opname in DROPPED:
            skip_pop = ins.opname == "RETURN_GENERATOR"
            continue
        if skip_pop and ins.opname == "POP_TOP":
            skip_pop = False
            continue
        skip_pop = False
        kept.append(ins)
    index_at = {}
    for i, ins in enumerate(kept):
        index_at[ins.offset] = i

    def index_of(offset):
        best = len(kept)
        for ins in reversed(kept):
            if ins.offset >= offset:
                best = index_at[ins.offset]
        return best

    cells = sorted(co.co_cellvars) + sorted(co.co_freevars)
    positions = list(co.co_positions())
    targets = set()
    rows = []
    for i, ins in enumerate(kept):
        name = RENAMED.get(ins.opname, ins.opname)
        arg = ins.arg
        argrepr = ins.argrepr
        if name in DEREF:
            arg = cells.index(ins.argval)
            argrepr = ins.argval
        elif ins.opcode in dis.hasjrel or ins.opcode in dis.hasjabs:
            arg = index_of(ins.argval)
            argrepr = "to %d" % arg
            targets.add(arg)
        elif name in ("LOAD_CONST", "KW_NAMES"):
            argrepr = const_repr(co.co_consts[arg])
        line = positions[ins.offset // 2][0] or 0
        rows.append((line, i, name, arg, argrepr))
    table = []
    for entry in dis._parse_exception_table(co):
        start, end = index_of(entry.start), index_of(entry.end)
        target = index_of(entry.target)
        targets.add(target)
        if start >= end:
            continue
        if table and table[-1][1] == start and table[-1][2:] == (target, entry.depth, entry.lasti):
            table[-1] = (table[-1][0], end) + table[-1][2:]
        else:
            table.append((start, end, target, entry.depth, entry.lasti))
    out = ["Code %s (%s) args %d posonly %d kwonly %d flags 0x%x stack %d" % (
        co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount,
        co.co_kwonlyargcount, co.co_flags, co.co_stacksize)]
    last_line = -1
    for line, i, name, arg, argrepr in rows:
        text = ("%4d" % line) if line != last_line else "    "
        last_line = line
        text += " %2s %4d %s" % (">>" if i in targets else "", i, name)
        if name in WITH_ARG or arg is not None:
            text += " %d" % arg
            if argrepr:
                text += " (%s)" % argrepr
        out.append(text)
    if table:
        out.append("ExceptionTable:")
        for start, end, target, depth, lasti in table:
            out.append("  %d to %d -> %d [%d]%s" % (start, end - 1, target, depth,
                                                    " lasti" if lasti else ""))
    return "\n".join(out) + "\n"


def listing(co):
    text = listing_one(co)
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            text += "\nDisassembly of %s:\n" % const_repr(c)
            text += listing(c)
    return text


if __name__ == "__main__":
    src = open(sys.argv[1]).read() if len(sys.argv) > 1 else sys.stdin.read()
    sys.stdout.write(listing(compile(src, "<s>", "exec")))
