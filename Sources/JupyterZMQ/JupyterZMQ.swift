// JupyterZMQ: see README.md in this folder.
