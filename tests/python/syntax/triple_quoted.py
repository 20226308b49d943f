# Triple-quoted strings keep newlines and quotes; backslash-newline joins lines.
s = """first "quoted" line
second 'line'\
 joined
"""
t = '''a\'''b'''
print(repr(s), repr(t))
print("""""""" == "")
