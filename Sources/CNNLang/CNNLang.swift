// CNNLang: see README.md in this folder.
