"""postbuild"""
