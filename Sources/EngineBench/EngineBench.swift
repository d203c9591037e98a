// EngineBench: see README.md in this folder.
