"""`python -m inspector`: the same as the `inspector` command (and the laptop build's entry)."""

import multiprocessing

from inspector.cli import main

if __name__ == "__main__":  # a spawned worker process imports this module again
    # In the frozen build a worker starts as this same program: let it be one.
    multiprocessing.freeze_support()
    main()
