// CNNKernel: see README.md in this folder.
