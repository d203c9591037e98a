// FeatureMapRender: see README.md in this folder.
