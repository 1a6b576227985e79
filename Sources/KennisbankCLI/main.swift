import Kennisbank
print(Cmark.version)
