def greet(who):
    return f"hello from a package inside the {who} archive"
