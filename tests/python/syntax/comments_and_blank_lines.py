# Comments, blank lines and whitespace-only lines at odd places do not affect parsing.
def f():

    # a comment in the body

    x = 1  # trailing comment
        # oddly indented comment
    return x
    

print(f())  # comment after a call
