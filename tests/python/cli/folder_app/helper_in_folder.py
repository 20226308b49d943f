VALUE = "found beside __main__.py"
