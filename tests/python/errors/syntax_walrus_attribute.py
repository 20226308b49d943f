# An assignment expression cannot target an attribute.
(obj.attr := 5)
