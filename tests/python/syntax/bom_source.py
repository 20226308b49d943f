# A UTF-8 byte-order mark at the start of the source is ignored.
print("bom ok", __doc__)
