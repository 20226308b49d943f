# Augmented assignment to a tuple is rejected: 'tuple' is an illegal expression for augmented assignment.
a, b += 1
