"""`qa server`: qa's findings in the editor, over the Language Server Protocol (pygls).

The package sits beside the command line: it uses qa.api, qa.config, qa.formats and the
reporters; nothing below it imports it. pygls is imported only when the server starts.
"""
