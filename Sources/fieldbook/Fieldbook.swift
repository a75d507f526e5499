import FieldbookCore
let r = MarkdownRenderer().render(CommandLine.arguments[1])
print(r)
