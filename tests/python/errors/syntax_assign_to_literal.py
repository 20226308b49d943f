# Assigning to a literal is rejected with a hint.
1 = x
