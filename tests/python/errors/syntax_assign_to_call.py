# Assigning to a function call is rejected.
f() = 5
