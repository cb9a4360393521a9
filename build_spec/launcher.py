"""Entry point of the packaged reader: the same command line as `gazette-reader` from source.

    gazette-reader [--db PATH] [--self-test] | import FILE... | dump | bookmarks ... | ...
"""
import sys

if __name__ == "__main__":
    # A frozen program that starts worker processes (ProcessPoolExecutor) must let a child
    # process run its task instead of the program; a no-op otherwise.
    import multiprocessing
    multiprocessing.freeze_support()

    from reader.cli import main
    sys.exit(main())
