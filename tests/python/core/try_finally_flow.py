# finally runs on return, break, continue and exceptions; a return in finally overrides.
def ret():
    try:
        return "try"
    finally:
        print("finally after return")


def override():
    try:
        return "try"
    finally:
        return "finally"


def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


print(ret(), override(), swallow())
for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
