# What tools read from code objects byte by byte: co_code through dis, the location table,
# the exception table, co_lnotab. The listings differ between implementations; what must
# hold is that the tables agree with each other and name the same things.
import dis


def sample(a, b=2, *args, key=None, **kw):
    total = 0
    for i in range(a):
        if i % 2:
            total += i
        elif i > 100:
            break
    try:
        total = total / b
    except ZeroDivisionError as e:
        total = -1
    finally:
        kw["done"] = True
    def inner():
        return total + len(args)
    with open(__file__) as f:
        first = f.readline()
    import os.path
    return inner(), [x * 2 for x in args if x], key, os.path.basename(first)


# Enough constants to need EXTENDED_ARG.
src = "def big(x):\n    while x:\n        x -= 1\n        values = [%s]\n    return values\n" % ", ".join(
    "g%d" % i for i in range(300))
ns = {"g%d" % i: i for i in range(300)}
exec(src, ns)
big = ns["big"]


def read_varint(data, i):
    b = data[i]; i += 1
    value, shift = b & 63, 0
    while b & 64:
        b = data[i]; i += 1
        shift += 6
        value |= (b & 63) << shift
    return value, i


def read_svarint(data, i):
    v, i = read_varint(data, i)
    return (-(v >> 1) if v & 1 else v >> 1), i


def decode_locations(code):
    data, i, line, out = code.co_linetable, 0, code.co_firstlineno, []
    while i < len(data):
        first = data[i]; i += 1
        assert first & 0x80
        kind, length = (first >> 3) & 15, (first & 7) + 1
        if kind == 15:
            entry = (None, None, None, None)
        elif kind == 14:
            d, i = read_svarint(data, i); line += d
            end, i = read_varint(data, i)
            col, i = read_varint(data, i)
            end_col, i = read_varint(data, i)
            entry = (line, line + end, col - 1 if col else None, end_col - 1 if end_col else None)
        elif kind == 13:
            d, i = read_svarint(data, i); line += d
            entry = (line, line, None, None)
        elif kind >= 10:
            line += kind - 10
            col, end_col = data[i], data[i + 1]; i += 2
            entry = (line, line, col, end_col)
        else:
            second = data[i]; i += 1
            col = kind * 8 + (second >> 4)
            entry = (line, line, col, col + (second & 15))
        out.extend([entry] * length)
    return out


def check(code):
    name = code.co_name
    raw = code.co_code
    units = len(raw) // 2
    positions = list(code.co_positions())
    print(name, "positions cover co_code:", len(positions) == units)
    print(name, "line table matches co_positions:", decode_locations(code) == positions)
    lines = list(code.co_lines())
    covered = lines[0][0] == 0 and lines[-1][1] == len(raw) and all(
        a[1] == b[0] for a, b in zip(lines, lines[1:]))
    print(name, "co_lines cover co_code:", covered)
    instrs = list(dis.get_instructions(code))
    offsets = {ins.offset for ins in instrs}
    jumps = [ins for ins in instrs if ins.opcode in dis.hasjrel or ins.opcode in dis.hasjabs]
    print(name, "jumps land on instructions:", all(j.argval in offsets for j in jumps), len(jumps) > 0)
    table = dis._parse_exception_table(code)
    print(name, "handlers land on instructions:", all(e.target in offsets for e in table),
          all(e.start < e.end <= len(raw) for e in table))
    names = sorted({i.argval for i in instrs if i.opname == "LOAD_GLOBAL"})
    print(name, "globals:", names if len(names) < 10 else len(names))
    print(name, "attributes:", sorted({i.argval for i in instrs if i.opname in ("LOAD_ATTR", "LOAD_METHOD")}))
    print(name, "stores:", sorted({i.argval for i in instrs if i.opname in ("STORE_FAST", "STORE_DEREF")}))
    print(name, "cells:", sorted({i.argval for i in instrs if i.opname in ("LOAD_DEREF", "LOAD_CLOSURE")}))
    print(name, "imports:", [i.argval for i in instrs if i.opname == "IMPORT_NAME"])
    print(name, "extended args:", any(i.opname == "EXTENDED_ARG" for i in instrs))
    # co_lnotab, decoded as its documentation says, names the lines co_lines starts.
    line, offset, starts = code.co_firstlineno, 0, set()
    tab = code.co_lnotab
    for k in range(0, len(tab), 2):
        offset += tab[k]
        delta = tab[k + 1] - 256 if tab[k + 1] >= 128 else tab[k + 1]
        line += delta
        starts.add(line)
    linestarts = {l for _, l in dis.findlinestarts(code)}
    print(name, "lnotab lines:", starts <= linestarts | {code.co_firstlineno}, len(starts) > 2)


check(sample.__code__)
check(big.__code__)
print(big(2)[-3:])
inner = [c for c in sample.__code__.co_consts if hasattr(c, "co_code") and c.co_name == "inner"][0]
print(inner.co_freevars, [dis.opname[op] for op in inner.co_code[::2] if dis.opname[op] == "LOAD_DEREF"])
print(sample.__code__.co_cellvars, sample.__code__._varname_from_oparg(0))
