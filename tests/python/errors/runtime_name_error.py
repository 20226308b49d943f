# An undefined name: NameError with a did-you-mean suggestion.
counter = 0
print(countr)
