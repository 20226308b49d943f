# SystemExit with a non-int, non-None code prints the code's str and exits 1.
raise SystemExit([1, 2])
