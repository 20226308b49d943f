# Helper of non_utf8_script.cli: bytes that are not UTF-8 and no coding declaration
x = "‰"
