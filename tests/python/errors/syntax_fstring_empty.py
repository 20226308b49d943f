# An f-string with an empty expression.
x = f"value: {}"
