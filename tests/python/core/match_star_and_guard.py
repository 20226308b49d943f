# match with a guard that has side effects: the guard runs only when the pattern matched.
log = []


def guard(tag, result):
    log.append(tag)
    return result


def m(v):
    match v:
        case [x, *_] if guard("first", x > 5):
            return "big head"
        case [*_, y] if guard("last", y > 5):
            return "big tail"
        case _:
            return "none"


print(m([1, 9]), log)
log.clear()
print(m([7]), log)
log.clear()
print(m("abc"), log)
