# A folder with no __main__.py: running it as a script fails (folder_without_main.cli).
