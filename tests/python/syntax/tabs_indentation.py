# Indentation with tabs only is consistent and valid.
def f(x):
	if x:
		return "tab indented"
	return "else"


print(f(1), f(0))
