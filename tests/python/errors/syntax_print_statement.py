# The Python 2 print statement gets a hint about parentheses.
print "hello"
